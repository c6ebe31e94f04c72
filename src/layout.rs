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
}

impl Default for LayoutOptions {
    fn default() -> Self {
        LayoutOptions { orientation: Orientation::TopDown, sibling_gap: 16.0, subtree_gap: 32.0, level_gap: 48.0, compact_min_leaves: None, compact_columns: 2 }
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
    // In left-right drawings the breadth of a node is its height.
    let (breadth, depth_size) = match options.orientation {
        Orientation::TopDown => (width, height),
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
            Orientation::TopDown => (out.x[i], out.y[i]) = (a, d),
            Orientation::LeftRight => (out.x[i], out.y[i]) = (d, a),
        }
        out.total_width = out.total_width.max(out.x[i] + width[i]);
        out.total_height = out.total_height.max(out.y[i] + height[i]);
    }
    Ok(out)
}

/// The working tree: the input nodes, then compact blocks, then one virtual root.
struct Tree {
    n_input: usize,
    parent: Vec<usize>,
    children: Vec<Vec<usize>>,
    breadth: Vec<f64>,
    depth_size: Vec<f64>,
    /// For a compact block: its leaves, and the block's columns.
    blocks: Vec<(usize, Vec<usize>, usize)>,
    root: usize,
}

impl Tree {
    fn build(parent: &[Option<usize>], breadth: &[f64], depth_size: &[f64], options: &LayoutOptions) -> Result<Tree, LayoutError> {
        let n = parent.len();
        let mut children: Vec<Vec<usize>> = vec![Vec::new(); n + 1];
        let root = n;
        let mut par = vec![NONE; n + 1];
        for (i, p) in parent.iter().enumerate() {
            let p = p.unwrap_or(root);
            par[i] = p;
            children[p].push(i);
        }
        // Every node must be reachable from the virtual root.
        let mut seen = vec![false; n + 1];
        let mut stack = vec![root];
        seen[root] = true;
        while let Some(v) = stack.pop() {
            for &c in &children[v] {
                if !seen[c] {
                    seen[c] = true;
                    stack.push(c);
                }
            }
        }
        if let Some(node) = seen.iter().position(|s| !s) {
            return Err(LayoutError::Cycle { node });
        }
        let mut tree = Tree { n_input: n, parent: par, children, breadth: breadth.to_vec(), depth_size: depth_size.to_vec(), blocks: Vec::new(), root };
        tree.breadth.push(0.0);
        tree.depth_size.push(0.0);
        if let Some(min) = options.compact_min_leaves {
            tree.make_blocks(min.max(2), options.compact_columns.max(1), options);
        }
        Ok(tree)
    }

    /// Replaces each run of ≥ `min` leaf children of one parent by a block node.
    fn make_blocks(&mut self, min: usize, columns: usize, options: &LayoutOptions) {
        for v in 0..self.n_input {
            let kids = &self.children[v];
            if kids.len() < min || kids.iter().any(|&c| !self.children[c].is_empty()) {
                continue;
            }
            let leaves = kids.clone();
            let cols = columns.min(leaves.len());
            let cell_b = leaves.iter().map(|&c| self.breadth[c]).fold(0.0, f64::max);
            let cell_d = leaves.iter().map(|&c| self.depth_size[c]).fold(0.0, f64::max);
            let rows = leaves.len().div_ceil(cols);
            let block = self.parent.len();
            self.parent.push(v);
            self.children.push(Vec::new());
            self.breadth.push(cols as f64 * cell_b + (cols - 1) as f64 * options.sibling_gap);
            self.depth_size.push(rows as f64 * cell_d + (rows - 1) as f64 * options.sibling_gap);
            self.children[v] = vec![block];
            for &c in &leaves {
                self.parent[c] = block;
            }
            self.blocks.push((block, leaves, cols));
        }
    }

    /// Positions: the centre along the rows and the top across them, for every node.
    fn place(&self, options: &LayoutOptions) -> (Vec<f64>, Vec<f64>) {
        let m = self.parent.len();
        // Children as laid out: block leaves are not part of the walk.
        let mut is_block = vec![false; m];
        for (b, _, _) in &self.blocks {
            is_block[*b] = true;
        }
        let kids = |v: usize| -> &[usize] {
            if is_block[v] {
                &[]
            } else {
                &self.children[v]
            }
        };
        // Depth and pre/post order, iteratively.
        let mut depth = vec![0usize; m];
        let mut order = Vec::with_capacity(m);
        let mut stack = vec![self.root];
        while let Some(v) = stack.pop() {
            order.push(v);
            for &c in kids(v).iter().rev() {
                depth[c] = depth[v] + 1;
                stack.push(c);
            }
        }
        let mut number = vec![0usize; m];
        for v in 0..m {
            for (k, &c) in kids(v).iter().enumerate() {
                number[c] = k;
            }
        }
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

        let left_sibling = |v: usize| -> usize {
            if v == self.root || number[v] == 0 {
                NONE
            } else {
                kids(self.parent[v])[number[v] - 1]
            }
        };
        // Post-order: the reverse of a pre-order that visits children right to left.
        let mut post = Vec::with_capacity(m);
        let mut stack = vec![self.root];
        while let Some(v) = stack.pop() {
            post.push(v);
            stack.extend(kids(v).iter().copied());
        }
        post.reverse();

        for &v in &post {
            let ch = kids(v);
            let w = left_sibling(v);
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
                default_ancestor[p] = kids(p)[0];
            }
            if w == NONE {
                continue;
            }
            let next_left = |x: usize, thread: &[usize]| kids(x).first().copied().unwrap_or(thread[x]);
            let next_right = |x: usize, thread: &[usize]| kids(x).last().copied().unwrap_or(thread[x]);
            let (mut vip, mut vop, mut vim) = (v, v, w);
            let mut vom = kids(p)[0];
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

        // Second walk: absolute positions along the rows.
        let mut along = vec![0.0; m];
        let mut acc = vec![0.0; m];
        for &v in &order {
            let base = if v == self.root { 0.0 } else { acc[self.parent[v]] };
            along[v] = prelim[v] + base;
            acc[v] = base + modifier[v];
        }
        // Rows: each depth as tall as its tallest node; the virtual root takes no row.
        let max_depth = order.iter().map(|&v| depth[v]).max().unwrap_or(0);
        let mut row = vec![0.0f64; max_depth + 1];
        for &v in &order {
            if v != self.root {
                row[depth[v]] = row[depth[v]].max(self.depth_size[v]);
            }
        }
        let mut top = vec![0.0; max_depth + 1];
        for d in 2..=max_depth {
            top[d] = top[d - 1] + row[d - 1] + options.level_gap;
        }
        let mut across = vec![0.0; m];
        for &v in &order {
            across[v] = top[depth[v]];
        }
        // Leaves of a compact block: a grid inside the block's box.
        for (block, leaves, cols) in &self.blocks {
            let cell_b = leaves.iter().map(|&c| self.breadth[c]).fold(0.0, f64::max);
            let cell_d = leaves.iter().map(|&c| self.depth_size[c]).fold(0.0, f64::max);
            let left = along[*block] - self.breadth[*block] / 2.0;
            for (k, &leaf) in leaves.iter().enumerate() {
                let (r, c) = (k / cols, k % cols);
                along[leaf] = left + c as f64 * (cell_b + options.sibling_gap) + cell_b / 2.0;
                across[leaf] = across[*block] + r as f64 * (cell_d + options.sibling_gap);
            }
        }
        (along, across)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_parent_over_two_children() {
        let l = layout(&[None, Some(0), Some(0)], &[100.0; 3], &[40.0; 3], &LayoutOptions::default()).unwrap();
        assert_eq!(l.y, vec![0.0, 88.0, 88.0]);
        assert_eq!(l.centre_x(0), (l.centre_x(1) + l.centre_x(2)) / 2.0);
        assert_eq!(l.x[2] - (l.x[1] + 100.0), 16.0);
    }

    #[test]
    fn bad_input_is_an_error() {
        assert_eq!(layout(&[Some(1), Some(0)], &[1.0; 2], &[1.0; 2], &LayoutOptions::default()), Err(LayoutError::Cycle { node: 0 }));
        assert_eq!(layout(&[Some(5)], &[1.0], &[1.0], &LayoutOptions::default()), Err(LayoutError::UnknownParent { node: 0 }));
        assert_eq!(layout(&[None], &[f64::NAN], &[1.0], &LayoutOptions::default()), Err(LayoutError::InvalidSize { node: 0 }));
        assert_eq!(layout(&[None], &[], &[], &LayoutOptions::default()), Err(LayoutError::LengthMismatch));
        assert_eq!(layout(&[], &[], &[], &LayoutOptions::default()).unwrap().x.len(), 0);
    }
}
