//! Tidy-tree layout for org charts: nodes of different sizes, linear time.
//!
//! Buchheim, Jünger & Leipert, "Improving Walker's algorithm to run in linear time"
//! (2002) — the algorithm behind d3-hierarchy's `tree()` — with the separation of two
//! neighbours taken from their widths, so nodes of any size fit. Layered: the nodes of
//! one depth share a row whose height is the tallest of them.
//!
//! Written here rather than taken from the `tidy-tree` crate (0.1.0, van der Ploeg): that
//! crate has had one release, builds its tree from raw pointers, walks it recursively (a
//! 100,000-deep chain would overflow wasm's stack) and knows one root and one orientation.
//! This one works on flat arrays, iteratively, for forests, top-down or left-right, with a
//! compact mode that stacks a wide row of leaves in columns.

/// Which way the tree grows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Orientation {
    #[default]
    TopDown,
    LeftRight,
    /// An outline: one node per row in pre-order, each level indented by `indent` — the
    /// shape that stays readable on a phone, where a tree's rows are wider than the screen.
    Indented,
}

/// Spacing and options. Sizes are in the same unit as the node sizes (CSS px).
#[derive(Clone, Debug, PartialEq)]
pub struct LayoutOptions {
    pub orientation: Orientation,
    /// Gap between siblings.
    pub sibling_gap: f64,
    /// Gap between neighbouring nodes of different parents.
    pub subtree_gap: f64,
    /// Gap between rows.
    pub level_gap: f64,
    /// Stack a parent's leaf children in columns when it has at least this many (None: never).
    pub compact_min_leaves: Option<usize>,
    /// Columns of a compact block.
    pub compact_columns: usize,
    /// Indent per level of an [`Orientation::Indented`] outline (its rows are `sibling_gap` apart).
    pub indent: f64,
}

impl Default for LayoutOptions {
    fn default() -> Self {
        LayoutOptions { orientation: Orientation::TopDown, sibling_gap: 16.0, subtree_gap: 32.0, level_gap: 48.0, compact_min_leaves: None, compact_columns: 2, indent: 24.0 }
    }
}

/// Where each node goes: the top-left corner and the size of its box.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Layout {
    pub x: Vec<f64>,
    pub y: Vec<f64>,
    pub width: Vec<f64>,
    pub height: Vec<f64>,
    /// Size of the whole drawing; every box lies within (0, 0)–(width, height).
    pub total_width: f64,
    pub total_height: f64,
}

impl Layout {
    pub fn centre_x(&self, i: usize) -> f64 {
        self.x[i] + self.width[i] / 2.0
    }
}

/// Why a tree cannot be laid out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LayoutError {
    /// The arrays differ in length.
    LengthMismatch,
    /// `parent[node]` names a node that does not exist.
    UnknownParent { node: usize },
    /// The node is on a cycle of parents (it has no root).
    Cycle { node: usize },
    /// A size is negative or not finite.
    InvalidSize { node: usize },
}

const NONE: usize = usize::MAX;

/// Lays out a forest given by `parent` (None for a root); children keep their order of
/// appearance. `width` and `height` are the nodes' box sizes (before orientation: the
/// box as drawn).
pub fn layout(parent: &[Option<usize>], width: &[f64], height: &[f64], options: &LayoutOptions) -> Result<Layout, LayoutError> {
    let n = parent.len();
    if width.len() != n || height.len() != n {
        return Err(LayoutError::LengthMismatch);
    }
    for i in 0..n {
        if !(width[i].is_finite() && width[i] >= 0.0 && height[i].is_finite() && height[i] >= 0.0) {
            return Err(LayoutError::InvalidSize { node: i });
        }
        if let Some(p) = parent[i] {
            if p >= n {
                return Err(LayoutError::UnknownParent { node: i });
            }
        }
    }
    if options.orientation == Orientation::Indented {
        return indented(parent, width, height, options);
    }
    // In left-right drawings the breadth of a node is its height.
    let (breadth, depth_size) = match options.orientation {
        Orientation::TopDown | Orientation::Indented => (width, height),
        Orientation::LeftRight => (height, width),
    };
    let tree = Tree::build(parent, breadth, depth_size, options)?;
    let (along, across) = tree.place(options);
    // Back from the working tree (virtual root, compact blocks) to the input nodes.
    let mut out = Layout { x: vec![0.0; n], y: vec![0.0; n], width: width.to_vec(), height: height.to_vec(), total_width: 0.0, total_height: 0.0 };
    let min_along = (0..n).map(|i| along[i] - breadth[i] / 2.0).fold(f64::INFINITY, f64::min);
    let min_along = if min_along.is_finite() { min_along } else { 0.0 };
    for i in 0..n {
        let a = along[i] - breadth[i] / 2.0 - min_along;
        let d = across[i];
        match options.orientation {
            Orientation::TopDown | Orientation::Indented => (out.x[i], out.y[i]) = (a, d),
            Orientation::LeftRight => (out.x[i], out.y[i]) = (d, a),
        }
        out.total_width = out.total_width.max(out.x[i] + width[i]);
        out.total_height = out.total_height.max(out.y[i] + height[i]);
    }
    Ok(out)
}

/// The outline: pre-order (children in order of appearance), `x` = depth × indent, each
/// row `sibling_gap` below the one before. Linear, iterative.
fn indented(parent: &[Option<usize>], width: &[f64], height: &[f64], options: &LayoutOptions) -> Result<Layout, LayoutError> {
    let n = parent.len();
    let mut kids: Vec<Vec<usize>> = vec![Vec::new(); n];
    let mut roots = Vec::new();
    for (i, p) in parent.iter().enumerate() {
        match p {
            Some(p) => kids[*p].push(i),
            None => roots.push(i),
        }
    }
    let mut out = Layout { x: vec![0.0; n], y: vec![0.0; n], width: width.to_vec(), height: height.to_vec(), total_width: 0.0, total_height: 0.0 };
    let mut seen = vec![false; n];
    let mut stack: Vec<(usize, usize)> = roots.iter().rev().map(|&r| (r, 0)).collect();
    let mut y = 0.0;
    while let Some((v, depth)) = stack.pop() {
        seen[v] = true;
        out.x[v] = depth as f64 * options.indent;
        out.y[v] = y;
        y += height[v] + options.sibling_gap;
        out.total_width = out.total_width.max(out.x[v] + width[v]);
        out.total_height = out.total_height.max(out.y[v] + height[v]);
        stack.extend(kids[v].iter().rev().map(|&c| (c, depth + 1)));
    }
    if let Some(node) = seen.iter().position(|s| !s) {
        return Err(LayoutError::Cycle { node });
    }
    Ok(out)
}

/// The working tree: the input nodes, then compact blocks, then one virtual root.
/// Children are kept in one flat array (compressed rows) rather than a `Vec` per node:
/// one allocation instead of one per node, which is most of the cost in wasm.
struct Tree {
    /// Parent in the walk (a compact block's leaves have the block as parent).
    parent: Vec<usize>,
    /// The walk's children of `v` are `kids[kid_start[v]..kid_start[v + 1]]`; a block
    /// has none (its leaves are placed in a grid afterwards).
    kid_start: Vec<usize>,
    kids: Vec<usize>,
    breadth: Vec<f64>,
    depth_size: Vec<f64>,
    blocks: Vec<Block>,
    root: usize,
}

/// A run of leaf children stacked in columns: one node in the walk.
struct Block {
    node: usize,
    leaves: Vec<usize>,
    columns: usize,
    cell_breadth: f64,
    cell_depth: f64,
}

impl Tree {
    fn build(parent: &[Option<usize>], breadth: &[f64], depth_size: &[f64], options: &LayoutOptions) -> Result<Tree, LayoutError> {
        let n = parent.len();
        let root = n;
        // The input's children in order of appearance, by a counting sort on the parent.
        let mut par = Vec::with_capacity(n + 1);
        par.extend(parent.iter().map(|p| p.unwrap_or(root)));
        par.push(NONE);
        let mut start = vec![0usize; n + 2];
        for &p in &par[..n] {
            start[p + 1] += 1;
        }
        for v in 0..=n {
            start[v + 1] += start[v];
        }
        let mut fill = start.clone();
        let mut list = vec![0usize; n];
        for (i, &p) in par[..n].iter().enumerate() {
            list[fill[p]] = i;
            fill[p] += 1;
        }
        // Every node must be reachable from the virtual root.
        let mut seen = vec![false; n + 1];
        let mut stack = vec![root];
        seen[root] = true;
        while let Some(v) = stack.pop() {
            for &c in &list[start[v]..start[v + 1]] {
                if !seen[c] {
                    seen[c] = true;
                    stack.push(c);
                }
            }
        }
        if let Some(node) = seen.iter().position(|s| !s) {
            return Err(LayoutError::Cycle { node });
        }
        let mut tree = Tree { parent: par, kid_start: Vec::new(), kids: Vec::new(), breadth: Vec::with_capacity(n + 1), depth_size: Vec::with_capacity(n + 1), blocks: Vec::new(), root };
        tree.breadth.extend_from_slice(breadth);
        tree.breadth.push(0.0);
        tree.depth_size.extend_from_slice(depth_size);
        tree.depth_size.push(0.0);
        // Parents whose ≥ min children are all leaves get one block node instead.
        let mut block_of = vec![NONE; n + 1];
        if let Some(min) = options.compact_min_leaves {
            let (min, columns) = (min.max(2), options.compact_columns.max(1));
            for v in 0..n {
                let leaves = &list[start[v]..start[v + 1]];
                if leaves.len() < min || leaves.iter().any(|&c| start[c] != start[c + 1]) {
                    continue;
                }
                // As few rows as the columns allow, and then as few columns as those rows
                // need: 6 leaves in at most 5 columns are 2 rows of 3, not 5 and 1.
                let rows = leaves.len().div_ceil(columns.min(leaves.len()));
                let cols = leaves.len().div_ceil(rows);
                let cell_breadth = leaves.iter().map(|&c| breadth[c]).fold(0.0, f64::max);
                let cell_depth = leaves.iter().map(|&c| depth_size[c]).fold(0.0, f64::max);
                let rows = leaves.len().div_ceil(cols);
                let node = tree.parent.len();
                tree.parent.push(v);
                tree.breadth.push(cols as f64 * cell_breadth + (cols - 1) as f64 * options.sibling_gap);
                tree.depth_size.push(rows as f64 * cell_depth + (rows - 1) as f64 * options.sibling_gap);
                for &c in leaves {
                    tree.parent[c] = node;
                }
                block_of[v] = node;
                tree.blocks.push(Block { node, leaves: leaves.to_vec(), columns: cols, cell_breadth, cell_depth });
            }
        }
        // The walk's children: the input's, a block in place of its leaves, none for blocks.
        let m = tree.parent.len();
        let mut kid_start = Vec::with_capacity(m + 1);
        let mut kids = Vec::with_capacity(n + tree.blocks.len());
        for v in 0..m {
            kid_start.push(kids.len());
            if v > n {
                continue;
            }
            if block_of[v] != NONE {
                kids.push(block_of[v]);
            } else {
                kids.extend_from_slice(&list[start[v]..start[v + 1]]);
            }
        }
        kid_start.push(kids.len());
        tree.kid_start = kid_start;
        tree.kids = kids;
        Ok(tree)
    }

    fn kids(&self, v: usize) -> &[usize] {
        &self.kids[self.kid_start[v]..self.kid_start[v + 1]]
    }

    fn first_kid(&self, v: usize) -> usize {
        if self.kid_start[v] < self.kid_start[v + 1] {
            self.kids[self.kid_start[v]]
        } else {
            NONE
        }
    }

    fn last_kid(&self, v: usize) -> usize {
        if self.kid_start[v] < self.kid_start[v + 1] {
            self.kids[self.kid_start[v + 1] - 1]
        } else {
            NONE
        }
    }

    /// Positions: the centre along the rows and the top across them, for every node.
    fn place(&self, options: &LayoutOptions) -> (Vec<f64>, Vec<f64>) {
        let m = self.parent.len();
        // Pre-order (for the second walk) with depths, and each node's index among its
        // siblings, iteratively.
        let mut depth = vec![0usize; m];
        let mut number = vec![0usize; m];
        let mut order = Vec::with_capacity(m);
        let mut stack = vec![self.root];
        while let Some(v) = stack.pop() {
            order.push(v);
            let ch = self.kids(v);
            for (k, &c) in ch.iter().enumerate().rev() {
                depth[c] = depth[v] + 1;
                number[c] = k;
                stack.push(c);
            }
        }
        // Post-order: the reverse of a pre-order that visits children right to left.
        let mut post = Vec::with_capacity(order.len());
        stack.push(self.root);
        while let Some(v) = stack.pop() {
            post.push(v);
            stack.extend_from_slice(self.kids(v));
        }
        post.reverse();

        let separation = |a: usize, b: usize| {
            let gap = if self.parent[a] == self.parent[b] { options.sibling_gap } else { options.subtree_gap };
            (self.breadth[a] + self.breadth[b]) / 2.0 + gap
        };

        let mut prelim = vec![0.0; m];
        let mut modifier = vec![0.0; m];
        let mut shift = vec![0.0; m];
        let mut change = vec![0.0; m];
        let mut thread = vec![NONE; m];
        let mut ancestor: Vec<usize> = (0..m).collect();
        let mut default_ancestor = vec![NONE; m];
        let next_left = |x: usize, thread: &[usize]| {
            let k = self.first_kid(x);
            if k == NONE {
                thread[x]
            } else {
                k
            }
        };
        let next_right = |x: usize, thread: &[usize]| {
            let k = self.last_kid(x);
            if k == NONE {
                thread[x]
            } else {
                k
            }
        };

        for &v in &post {
            let ch = self.kids(v);
            let w = if v == self.root || number[v] == 0 { NONE } else { self.kids[self.kid_start[self.parent[v]] + number[v] - 1] };
            if ch.is_empty() {
                prelim[v] = if w != NONE { prelim[w] + separation(w, v) } else { 0.0 };
            } else {
                // Execute the shifts recorded by apportion, right to left.
                let (mut s, mut c) = (0.0, 0.0);
                for &k in ch.iter().rev() {
                    prelim[k] += s;
                    modifier[k] += s;
                    c += change[k];
                    s += shift[k] + c;
                }
                let mid = (prelim[ch[0]] + prelim[ch[ch.len() - 1]]) / 2.0;
                if w != NONE {
                    prelim[v] = prelim[w] + separation(w, v);
                    modifier[v] = prelim[v] - mid;
                } else {
                    prelim[v] = mid;
                }
            }
            // The parent's loop: apportion v against its left siblings.
            if v == self.root {
                continue;
            }
            let p = self.parent[v];
            if default_ancestor[p] == NONE {
                default_ancestor[p] = self.first_kid(p);
            }
            if w == NONE {
                continue;
            }
            let (mut vip, mut vop, mut vim) = (v, v, w);
            let mut vom = self.first_kid(p);
            let (mut sip, mut sop, mut sim, mut som) = (modifier[vip], modifier[vop], modifier[vim], modifier[vom]);
            loop {
                let r = next_right(vim, &thread);
                let l = next_left(vip, &thread);
                if r == NONE || l == NONE {
                    break;
                }
                vim = r;
                vip = l;
                vom = next_left(vom, &thread);
                vop = next_right(vop, &thread);
                ancestor[vop] = v;
                let sh = (prelim[vim] + sim) - (prelim[vip] + sip) + separation(vim, vip);
                if sh > 0.0 {
                    let a = if self.parent[ancestor[vim]] == p { ancestor[vim] } else { default_ancestor[p] };
                    let subtrees = (number[v] - number[a]) as f64;
                    change[v] -= sh / subtrees;
                    shift[v] += sh;
                    change[a] += sh / subtrees;
                    prelim[v] += sh;
                    modifier[v] += sh;
                    sip += sh;
                    sop += sh;
                }
                sim += modifier[vim];
                sip += modifier[vip];
                som += modifier[vom];
                sop += modifier[vop];
            }
            if next_right(vim, &thread) != NONE && next_right(vop, &thread) == NONE {
                thread[vop] = next_right(vim, &thread);
                modifier[vop] += sim - sop;
            }
            if next_left(vip, &thread) != NONE && next_left(vom, &thread) == NONE {
                thread[vom] = next_left(vip, &thread);
                modifier[vom] += sip - som;
                default_ancestor[p] = v;
            }
        }

        // Second walk: absolute positions along the rows (`prelim` becomes the result,
        // `modifier` the accumulated modifiers); rows as tall as their tallest node.
        let mut along = prelim;
        let mut acc = modifier;
        let max_depth = order.iter().map(|&v| depth[v]).max().unwrap_or(0);
        let mut row = vec![0.0f64; max_depth + 1];
        for &v in &order {
            if v != self.root {
                let base = acc[self.parent[v]];
                along[v] += base;
                acc[v] += base;
                row[depth[v]] = row[depth[v]].max(self.depth_size[v]);
            }
        }
        let mut top = vec![0.0; max_depth + 1];
        for d in 2..=max_depth {
            top[d] = top[d - 1] + row[d - 1] + options.level_gap;
        }
        // The virtual root takes no row (depth 0 and 1 both start at 0).
        let mut across = vec![0.0; m];
        for &v in &order {
            across[v] = top[depth[v]];
        }
        // Leaves of a compact block: a grid inside the block's box.
        for block in &self.blocks {
            let left = along[block.node] - self.breadth[block.node] / 2.0;
            for (k, &leaf) in block.leaves.iter().enumerate() {
                let (r, c) = (k / block.columns, k % block.columns);
                along[leaf] = left + c as f64 * (block.cell_breadth + options.sibling_gap) + block.cell_breadth / 2.0;
                across[leaf] = across[block.node] + r as f64 * (block.cell_depth + options.sibling_gap);
            }
        }
        (along, across)
    }
}
