//! Where the chart is on screen, without the browser: the zoom and pan (`screen = world ×
//! scale + (x, y)`) and the rules that keep it readable and never lost — the first view at
//! a readable size with the top of the structure in view, a fit that stops at the readable
//! size, zoom about a point, a clamp that keeps some of the drawing on screen, and the
//! anchor that keeps a toggled node where it was.

/// The smallest text in the chart is 12 px: at this zoom it is 12 px on screen (WCAG's
/// readable default; below it text shrinks under what the page around it uses).
pub const READABLE_SCALE: f64 = 1.0;
/// Below this zoom the chart is an overview (an explicit choice: the zoom-out button).
pub const MIN_SCALE: f64 = 0.05;
pub const MAX_SCALE: f64 = 4.0;
/// Padding between the drawing and the drawing area's edges.
pub const PAD: f64 = 16.0;
/// At least this much of the drawing (CSS px on screen, or all of it where it is smaller)
/// stays inside the drawing area in each direction, whatever zoom and pan do.
pub const KEEP_VISIBLE: f64 = 96.0;

/// A rectangle: x, y, width, height.
pub type Rect = (f64, f64, f64, f64);

/// The zoom and pan.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Camera {
    pub scale: f64,
    pub x: f64,
    pub y: f64,
}

impl Default for Camera {
    fn default() -> Self {
        Camera { scale: 1.0, x: 0.0, y: 0.0 }
    }
}

impl Camera {
    /// Where world point `p` is on screen.
    pub fn to_screen(&self, p: (f64, f64)) -> (f64, f64) {
        (p.0 * self.scale + self.x, p.1 * self.scale + self.y)
    }

    /// The world point under screen point `p`.
    pub fn to_world(&self, p: (f64, f64)) -> (f64, f64) {
        ((p.0 - self.x) / self.scale, (p.1 - self.y) / self.scale)
    }

    /// The part of the drawing on a screen of `size`, in world coordinates.
    pub fn window(&self, size: (f64, f64)) -> Rect {
        (-self.x / self.scale, -self.y / self.scale, size.0 / self.scale, size.1 / self.scale)
    }

    /// Zooms to `scale` (clamped) keeping the world point under screen point `at` there.
    pub fn zoom_about(&mut self, scale: f64, at: (f64, f64)) {
        let scale = scale.clamp(MIN_SCALE, MAX_SCALE);
        self.x = at.0 - (at.0 - self.x) * scale / self.scale;
        self.y = at.1 - (at.1 - self.y) * scale / self.scale;
        self.scale = scale;
    }

    /// Moves the drawing so that world rectangle `r`'s centre is in the middle of `size`.
    pub fn centre_on(&mut self, r: Rect, size: (f64, f64)) {
        self.x = size.0 / 2.0 - (r.0 + r.2 / 2.0) * self.scale;
        self.y = size.1 / 2.0 - (r.1 + r.3 / 2.0) * self.scale;
    }

    /// Moves world point `world` to screen point `screen` (the anchor of expand/collapse).
    pub fn pin(&mut self, world: (f64, f64), screen: (f64, f64)) {
        self.x = screen.0 - world.0 * self.scale;
        self.y = screen.1 - world.1 * self.scale;
    }

    /// Keeps part of `content` (world) on a screen of `size`: at least [`KEEP_VISIBLE`] px
    /// of it, or all of it where it is smaller, in each direction.
    pub fn clamp(&mut self, content: Rect, size: (f64, f64)) {
        if size.0 <= 0.0 || size.1 <= 0.0 {
            return;
        }
        let axis = |offset: f64, start: f64, length: f64, screen: f64| {
            let (a, len) = (start * self.scale, length * self.scale);
            let keep = KEEP_VISIBLE.min(len).min(screen);
            // The content's screen span [offset + a, offset + a + len] must overlap
            // [0, screen] by `keep`.
            let lowest = keep - a - len;
            let highest = screen - keep - a;
            if lowest > highest {
                offset
            } else {
                offset.clamp(lowest, highest)
            }
        };
        self.x = axis(self.x, content.0, content.2, size.0);
        self.y = axis(self.y, content.1, content.3, size.1);
    }

    /// Whether world rectangle `r` is wholly on a screen of `size`.
    pub fn shows(&self, r: Rect, size: (f64, f64)) -> bool {
        let (x, y) = self.to_screen((r.0, r.1));
        x >= 0.0 && y >= 0.0 && x + r.2 * self.scale <= size.0 && y + r.3 * self.scale <= size.1
    }
}

/// The scale at which `content` fits `size` with padding, at most 100 %.
pub fn fitting_scale(content: (f64, f64), size: (f64, f64)) -> f64 {
    if content.0 <= 0.0 || content.1 <= 0.0 {
        return 1.0;
    }
    ((size.0 - 2.0 * PAD) / content.0).min((size.1 - 2.0 * PAD) / content.1).clamp(MIN_SCALE, 1.0)
}

/// The first view and "fit to screen": the whole drawing (`total`: width, height) when it
/// fits at a readable zoom; otherwise the readable zoom, with `focus` (the focused item's
/// subtree, or the root's) fitted to the width where it can be and the top of it in view.
pub fn fit_readable(total: (f64, f64), focus: Option<Rect>, size: (f64, f64)) -> Camera {
    let fit = fitting_scale(total, size);
    if fit >= READABLE_SCALE {
        return centred_top(total, fit, size);
    }
    let focus = focus.unwrap_or((0.0, 0.0, total.0, total.1));
    let scale = READABLE_SCALE;
    let mut camera = Camera { scale, x: 0.0, y: 0.0 };
    // Horizontally: the focused subtree centred, or its left part where it is wider.
    if focus.2 * scale <= size.0 - 2.0 * PAD {
        camera.x = size.0 / 2.0 - (focus.0 + focus.2 / 2.0) * scale;
    } else {
        camera.x = PAD - focus.0 * scale;
    }
    // Vertically: its top near the top.
    camera.y = PAD - focus.1 * scale;
    camera
}

/// `total` at `scale`, centred across and at the top (centred where it fits both ways).
fn centred_top(total: (f64, f64), scale: f64, size: (f64, f64)) -> Camera {
    let x = (size.0 - total.0 * scale) / 2.0;
    let y = if total.1 * scale < size.1 - 2.0 * PAD { PAD } else { (size.1 - total.1 * scale) / 2.0 };
    Camera { scale, x, y }
}

/// Where the focused item goes when the keyboard or search moves to it: nothing changes
/// when it is on screen at a readable size; otherwise the readable zoom (or more), centred.
pub fn bring_into_view(camera: Camera, r: Rect, size: (f64, f64)) -> Camera {
    if camera.scale >= READABLE_SCALE && camera.shows(r, size) {
        return camera;
    }
    let mut next = Camera { scale: camera.scale.max(READABLE_SCALE), ..camera };
    next.centre_on(r, size);
    next
}

/// The drawing area's height: the drawing at `scale` with padding, between `min` and `max`.
pub fn frame_height(total_height: f64, scale: f64, min: f64, max: f64) -> f64 {
    (total_height * scale + 2.0 * PAD).clamp(min, max.max(min)).round()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zoom_about_keeps_the_point_under_the_pointer() {
        let mut c = Camera { scale: 0.5, x: 10.0, y: 20.0 };
        let at = (200.0, 100.0);
        let before = c.to_world(at);
        c.zoom_about(2.0, at);
        assert_eq!(c.scale, 2.0);
        let after = c.to_world(at);
        assert!((before.0 - after.0).abs() < 1e-9 && (before.1 - after.1).abs() < 1e-9);
        c.zoom_about(100.0, at);
        assert_eq!(c.scale, MAX_SCALE);
    }

    #[test]
    fn clamp_keeps_some_content_on_screen() {
        let content = (0.0, 0.0, 2000.0, 600.0);
        let size = (400.0, 300.0);
        // Panned far to the left: the content's right edge is pulled back to 96 px in.
        let mut c = Camera { scale: 1.0, x: -5000.0, y: 0.0 };
        c.clamp(content, size);
        assert_eq!(c.x, KEEP_VISIBLE - 2000.0);
        // Far to the right and down.
        let mut c = Camera { scale: 1.0, x: 5000.0, y: 5000.0 };
        c.clamp(content, size);
        assert_eq!((c.x, c.y), (400.0 - KEEP_VISIBLE, 300.0 - KEEP_VISIBLE));
        // Small content (20 px wide at this zoom) must stay wholly on screen.
        let mut c = Camera { scale: 0.01, x: -50.0, y: 0.0 };
        c.clamp(content, size);
        assert!(c.x >= 0.0 && c.x + 20.0 <= 400.0, "{c:?}");
        // In view already: unchanged.
        let mut c = Camera { scale: 1.0, x: -100.0, y: -50.0 };
        c.clamp(content, size);
        assert_eq!((c.x, c.y), (-100.0, -50.0));
    }

    #[test]
    fn the_first_view_is_readable_and_shows_the_top() {
        // A drawing that fits at 100 %: centred across, at the top.
        let c = fit_readable((600.0, 300.0), Some((0.0, 0.0, 600.0, 300.0)), (1280.0, 640.0));
        assert_eq!(c.scale, 1.0);
        assert_eq!(c.x, 340.0);
        assert_eq!(c.y, PAD);
        // Too wide to fit readably: the readable zoom, the focused subtree's top in view.
        let c = fit_readable((4000.0, 900.0), Some((1500.0, 0.0, 800.0, 400.0)), (1280.0, 640.0));
        assert_eq!(c.scale, READABLE_SCALE);
        assert_eq!(c.to_screen((1900.0, 0.0)), (640.0, PAD), "the subtree's centre top is at the centre top");
        // Wider than the screen: its left part.
        let c = fit_readable((4000.0, 900.0), Some((1000.0, 0.0, 3000.0, 400.0)), (390.0, 640.0));
        assert_eq!(c.to_screen((1000.0, 0.0)), (PAD, PAD));
        assert!(c.scale * 12.0 >= 12.0, "12 px text stays 12 px");
    }

    #[test]
    fn bring_into_view_only_moves_when_needed() {
        let size = (800.0, 600.0);
        let c = Camera { scale: 1.0, x: 0.0, y: 0.0 };
        assert_eq!(bring_into_view(c, (100.0, 100.0, 200.0, 50.0), size), c);
        let moved = bring_into_view(c, (2000.0, 100.0, 200.0, 50.0), size);
        assert_eq!(moved.to_screen((2100.0, 125.0)), (400.0, 300.0));
        let small = Camera { scale: 0.3, x: 0.0, y: 0.0 };
        assert_eq!(bring_into_view(small, (100.0, 100.0, 200.0, 50.0), size).scale, READABLE_SCALE);
    }

    #[test]
    fn pin_keeps_a_node_in_place() {
        let mut c = Camera { scale: 0.8, x: 33.0, y: 44.0 };
        let screen = c.to_screen((500.0, 200.0));
        c.pin((900.0, 250.0), screen);
        assert_eq!(c.to_screen((900.0, 250.0)), screen);
    }

    #[test]
    fn frame_height_follows_content() {
        assert_eq!(frame_height(300.0, 1.0, 240.0, 720.0), 332.0);
        assert_eq!(frame_height(3000.0, 1.0, 240.0, 720.0), 720.0);
        assert_eq!(frame_height(50.0, 1.0, 240.0, 720.0), 240.0);
    }
}
