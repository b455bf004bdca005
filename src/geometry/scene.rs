//! The scene the map draws: every state's path and label point on the map
//! plane, the dissolved region outlines, and the frame. Computed once when
//! the data has loaded; components only read it.

use super::atlas::{Atlas, Role};
use super::dissolve::dissolve;
use super::path::{multipolygon_path, Fixed};
use super::projection::{Albers, FRAME};
use crate::model::facts::Facts;

/// States smaller than this (km²) get a marker, or they would vanish.
pub const MARKER_BELOW_KM2: f64 = 1_000.0;

#[derive(Clone, Debug, PartialEq)]
pub struct StateView {
    pub iso: String,
    pub name: String,
    pub context: bool,
    pub d: String,
    pub label: Option<(f64, f64)>,
    pub marker: bool,
    pub area_km2: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct RegionView {
    pub id: String,
    pub name: String,
    pub d: String,
}

/// A rectangle of the map plane, in km: what an SVG `viewBox` shows.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ViewBox {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

impl ViewBox {
    pub fn attr(&self) -> String {
        format!("{} {} {} {}", Fixed(self.x, 0), Fixed(self.y, 0), Fixed(self.w, 0), Fixed(self.h, 0))
    }

    /// Zooms by `factor` (above 1 zooms in) about a point of the plane,
    /// between the frame's own size and 16 times closer.
    pub fn zoom(&self, factor: f64, cx: f64, cy: f64, frame: &ViewBox) -> ViewBox {
        if !(factor.is_finite() && factor > 0.0 && cx.is_finite() && cy.is_finite()) {
            return *self;
        }
        let w = (self.w / factor).clamp(frame.w / 16.0, frame.w * 1.5);
        let k = w / self.w;
        let h = self.h * k;
        ViewBox { x: cx - (cx - self.x) * k, y: cy - (cy - self.y) * k, w, h }.within(frame)
    }

    /// Moves by a distance of the plane, keeping the frame's centre in view.
    pub fn pan(&self, dx: f64, dy: f64, frame: &ViewBox) -> ViewBox {
        if !(dx.is_finite() && dy.is_finite()) {
            return *self;
        }
        ViewBox { x: self.x + dx, y: self.y + dy, ..*self }.within(frame)
    }

    /// The first view of `self` (the frame) in a box of width/height
    /// `aspect`, so the map fills its box with no bands. A box wider than
    /// the frame shows more to the east and west; a taller one shows the
    /// whole width and more to the north and south, down to a phone's
    /// portrait box, which keeps the middle 70 % of the width (from
    /// Portugal's coast to the Urals and Kazakhstan) and is panned for the rest.
    pub fn fit(&self, aspect: f64) -> ViewBox {
        let fa = self.w / self.h;
        if !(aspect.is_finite() && aspect > 0.0) {
            return *self;
        }
        let (cx, cy) = (self.x + self.w / 2.0, self.y + self.h / 2.0);
        let (w, h) = if aspect >= fa {
            (self.h * aspect, self.h)
        } else {
            let w = self.w * (aspect / 1.2).clamp(0.7, 1.0);
            (w, w / aspect)
        };
        ViewBox { x: cx - w / 2.0, y: cy - h / 2.0, w, h }
    }

    fn within(self, frame: &ViewBox) -> ViewBox {
        let (fx, fy) = (frame.x + frame.w / 2.0, frame.y + frame.h / 2.0);
        let x = self.x.clamp(frame.x - self.w / 2.0, frame.x + frame.w - self.w / 2.0).min(fx).max(fx - self.w);
        let y = self.y.clamp(frame.y - self.h / 2.0, frame.y + frame.h - self.h / 2.0).min(fy).max(fy - self.h);
        ViewBox { x, y, ..self }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Scene {
    pub states: Vec<StateView>,
    pub regions: Vec<RegionView>,
    pub frame: ViewBox,
}

/// The frame: the projected extent of [`FRAME`], its edges sampled every
/// degree (parallels are arcs on a conic map).
pub fn frame(proj: &Albers) -> ViewBox {
    let [w, s, e, n] = FRAME;
    let mut pts = Vec::new();
    let steps = 120;
    for i in 0..=steps {
        let t = i as f64 / steps as f64;
        pts.push(proj.project(w + (e - w) * t, s));
        pts.push(proj.project(w + (e - w) * t, n));
        pts.push(proj.project(w, s + (n - s) * t));
        pts.push(proj.project(e, s + (n - s) * t));
    }
    let (x0, x1) = pts.iter().fold((f64::MAX, f64::MIN), |(a, b), p| (a.min(p.0), b.max(p.0)));
    let (y0, y1) = pts.iter().fold((f64::MAX, f64::MIN), |(a, b), p| (a.min(p.1), b.max(p.1)));
    ViewBox { x: x0, y: y0, w: x1 - x0, h: y1 - y0 }
}

/// Projects the atlas; region outlines are the dissolved shapes of their
/// members as drawn.
pub fn scene(atlas: &Atlas, facts: &Facts) -> Scene {
    let proj = Albers::map();
    let mut states: Vec<StateView> = atlas
        .shapes
        .iter()
        .map(|s| StateView {
            iso: s.iso.clone(),
            name: s.name.clone(),
            context: s.role == Role::Context,
            d: multipolygon_path(&s.shape, &proj),
            label: s.label.map(|(lon, lat)| proj.project(lon, lat)),
            marker: s.role == Role::State && s.area_km2 < MARKER_BELOW_KM2,
            area_km2: s.area_km2,
        })
        .collect();
    // Context first, so the states of the demands draw on top; then by name
    // so the keyboard's tab order is alphabetical.
    states.sort_by(|a, b| b.context.cmp(&a.context).then_with(|| a.name.cmp(&b.name)));
    let regions = facts
        .regions
        .iter()
        .filter(|r| r.outline)
        .map(|r| {
            let members = r.members.iter().filter_map(|m| atlas.get(m)).flat_map(|s| s.shape.0.iter());
            RegionView { id: r.id.clone(), name: r.name.clone(), d: multipolygon_path(&dissolve(members), &proj) }
        })
        .collect();
    Scene { states, regions, frame: frame(&proj) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zoom_in_about_a_point_keeps_it_in_place() {
        let f = ViewBox { x: 0.0, y: 0.0, w: 1000.0, h: 500.0 };
        let z = f.zoom(2.0, 250.0, 250.0, &f);
        assert_eq!(z.w, 500.0);
        assert_eq!(z.h, 250.0);
        // The point under the cursor stays under it: same fraction of the box.
        assert!(((250.0 - z.x) / z.w - 0.25).abs() < 1e-9);
    }

    #[test]
    fn fit_fills_a_box_of_any_shape_about_the_frame_centre() {
        let f = ViewBox { x: 0.0, y: 0.0, w: 1000.0, h: 500.0 };
        // The frame's own shape: the frame.
        assert_eq!(f.fit(2.0), f);
        // Wider: more on each side, same height.
        assert_eq!(f.fit(4.0), ViewBox { x: -500.0, y: 0.0, w: 2000.0, h: 500.0 });
        // A laptop's map box (1.25): the whole width, more north and south.
        assert_eq!(f.fit(1.25), ViewBox { x: 0.0, y: -150.0, w: 1000.0, h: 800.0 });
        // A phone's portrait box (0.8): 70 % of the width, centred.
        let p = f.fit(0.8);
        assert!((p.w - 700.0).abs() < 1e-9 && (p.h - 875.0).abs() < 1e-9 && (p.x - 150.0).abs() < 1e-9, "{p:?}");
        assert_eq!(f.fit(f64::NAN), f);
    }

    #[test]
    fn zoom_is_bounded() {
        let f = ViewBox { x: 0.0, y: 0.0, w: 1000.0, h: 500.0 };
        let mut z = f;
        for _ in 0..20 {
            z = z.zoom(2.0, 500.0, 250.0, &f);
        }
        assert!((z.w - 1000.0 / 16.0).abs() < 1e-9);
        let out = f.zoom(0.1, 500.0, 250.0, &f);
        assert!((out.w - 1500.0).abs() < 1e-9);
    }

    #[test]
    fn pan_keeps_the_centre_of_the_frame_in_view() {
        let f = ViewBox { x: 0.0, y: 0.0, w: 1000.0, h: 500.0 };
        let z = f.zoom(4.0, 500.0, 250.0, &f);
        let p = z.pan(1e6, 1e6, &f);
        assert!(p.x <= 500.0 && p.x + p.w >= 500.0);
        assert!(p.y <= 250.0 && p.y + p.h >= 250.0);
    }

    #[test]
    fn nonsense_input_leaves_the_view_as_it_is() {
        let f = ViewBox { x: 0.0, y: 0.0, w: 1000.0, h: 500.0 };
        assert_eq!(f.zoom(f64::NAN, 1.0, 1.0, &f), f);
        assert_eq!(f.zoom(0.0, 1.0, 1.0, &f), f);
        assert_eq!(f.pan(f64::INFINITY, 0.0, &f), f);
    }

    #[test]
    fn frame_spans_iceland_to_kazakhstan() {
        let p = Albers::map();
        let f = frame(&p);
        for (lon, lat) in [(-22.0, 64.1), (-9.1, 38.7), (87.3, 49.2), (33.0, 34.7)] {
            let (x, y) = p.project(lon, lat);
            assert!(x > f.x && x < f.x + f.w && y > f.y && y < f.y + f.h, "{lon},{lat}");
        }
        // Wider than tall, as a landscape map.
        assert!(f.w > f.h);
    }
}
