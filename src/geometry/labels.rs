//! Names on the map: where each state's (and each outline's) name goes, so
//! that no two names overlap and each sits in, or points into, its state.
//!
//! Plain Rust, deterministic, run on every toggle, zoom and pan. The input
//! is the list of things to name ([`Candidate`]), the font size in map
//! units (pixels divided by the zoom's scale, so a name keeps its size on
//! the screen), the visible part of the map and the spots to keep clear
//! (count badges, markers). Each name tries, in turn:
//!
//! 1. inside its state, on one line, then on two (a wrap keeps the whole
//!    name: "Bosnia and / Herzegovina");
//! 2. beside its state's label point, with a leader line into the state;
//! 3. a number (a callout) on or beside the state, with a leader line when
//!    it is beside; the map's key lists each number with the full name.
//!
//! Names are never shortened: a label's text is always the state's name,
//! or a callout number whose key line is the name. Greedy, in order of
//! priority: Russia first, then by area, then the outlines' names.
//!
//! Text width is estimated from the characters, not measured: per
//! character a width in ems from DejaVu Sans (the widest of the common
//! sans-serif faces, and the one headless Chromium draws with here), so the
//! estimate is at least the drawn width in Roboto, San Francisco, Segoe UI
//! or Helvetica. Any string works, Cyrillic included ([`text_em`]).

use super::atlas::{Atlas, Role};
use super::projection::Albers;
use super::scene::ViewBox;
use geo::{Contains, Coord, LineString, MultiPolygon, Point, Polygon};
use std::sync::OnceLock;

/// An axis-aligned rectangle of the map plane (y down).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    pub x0: f64,
    pub y0: f64,
    pub x1: f64,
    pub y1: f64,
}

impl Rect {
    /// The rectangle of `w` × `h` centred on (`cx`, `cy`).
    pub fn around(cx: f64, cy: f64, w: f64, h: f64) -> Rect {
        Rect { x0: cx - w / 2.0, y0: cy - h / 2.0, x1: cx + w / 2.0, y1: cy + h / 2.0 }
    }
    pub fn w(&self) -> f64 {
        self.x1 - self.x0
    }
    pub fn h(&self) -> f64 {
        self.y1 - self.y0
    }
    pub fn centre(&self) -> (f64, f64) {
        ((self.x0 + self.x1) / 2.0, (self.y0 + self.y1) / 2.0)
    }
    /// Whether the two share more than an edge.
    pub fn overlaps(&self, o: &Rect) -> bool {
        self.x0 < o.x1 && o.x0 < self.x1 && self.y0 < o.y1 && o.y0 < self.y1
    }
    pub fn contains(&self, x: f64, y: f64) -> bool {
        x >= self.x0 && x <= self.x1 && y >= self.y0 && y <= self.y1
    }
    /// Whether `o` lies wholly inside.
    pub fn holds(&self, o: &Rect) -> bool {
        o.x0 >= self.x0 && o.x1 <= self.x1 && o.y0 >= self.y0 && o.y1 <= self.y1
    }
    /// Grown by `d` on every side (shrunk for a negative `d`).
    pub fn grow(&self, d: f64) -> Rect {
        Rect { x0: self.x0 - d, y0: self.y0 - d, x1: self.x1 + d, y1: self.y1 + d }
    }
    pub fn shift(&self, dx: f64, dy: f64) -> Rect {
        Rect { x0: self.x0 + dx, y0: self.y0 + dy, x1: self.x1 + dx, y1: self.y1 + dy }
    }
    /// The area shared with `o`.
    pub fn shared(&self, o: &Rect) -> f64 {
        let w = self.x1.min(o.x1) - self.x0.max(o.x0);
        let h = self.y1.min(o.y1) - self.y0.max(o.y0);
        if w > 0.0 && h > 0.0 {
            w * h
        } else {
            0.0
        }
    }
    /// The point of the rectangle nearest to (`x`, `y`).
    pub fn nearest(&self, x: f64, y: f64) -> (f64, f64) {
        (x.clamp(self.x0, self.x1), y.clamp(self.y0, self.y1))
    }
    /// Whether the segment from `a` to `b` passes through the rectangle.
    pub fn cut_by(&self, a: (f64, f64), b: (f64, f64)) -> bool {
        // Liang–Barsky clipping.
        let (dx, dy) = (b.0 - a.0, b.1 - a.1);
        let (mut t0, mut t1) = (0.0f64, 1.0f64);
        for (p, q) in [(-dx, a.0 - self.x0), (dx, self.x1 - a.0), (-dy, a.1 - self.y0), (dy, self.y1 - a.1)] {
            if p == 0.0 {
                if q < 0.0 {
                    return false;
                }
            } else {
                let t = q / p;
                if p < 0.0 {
                    t0 = t0.max(t);
                } else {
                    t1 = t1.min(t);
                }
                if t0 > t1 {
                    return false;
                }
            }
        }
        t1 - t0 > 1e-9
    }
}

impl From<ViewBox> for Rect {
    fn from(v: ViewBox) -> Rect {
        Rect { x0: v.x, y0: v.y, x1: v.x + v.w, y1: v.y + v.h }
    }
}

/// The width of `s` in ems, at least what DejaVu Sans draws (see the module
/// notes): per character 0.33 (i, l, space, punctuation), 0.45 (f, r, t,
/// I, J), 0.64 (digits), 0.62 (other small letters, Latin or Cyrillic),
/// 0.78 (other capitals) or 1.0 (m, w, M, W, and the broad Cyrillic
/// letters Ж Ш Щ Ю Ы Ф and their small forms).
pub fn text_em(s: &str) -> f64 {
    s.chars()
        .map(|c| match c {
            'i' | 'j' | 'l' | 'ı' | '\'' | '’' | '.' | ',' | ';' | ':' | '!' | '|' | ' ' | '-' | '(' | ')' | 'ї' | 'і' => 0.33,
            'f' | 'r' | 't' | 'I' | 'J' | 'І' | 'Ї' | 'г' => 0.45,
            'm' | 'w' | 'M' | 'W' | 'Ж' | 'Ш' | 'Щ' | 'Ю' | 'Ы' | 'Ф' | 'ж' | 'ш' | 'щ' | 'ю' | 'ы' | 'ф' | 'Œ' | 'Æ' | 'æ' | 'œ' => 1.0,
            '0'..='9' => 0.64,
            c if c.is_uppercase() => 0.78,
            _ => 0.62,
        })
        .sum()
}

/// The height of a line of text, in ems (DejaVu's ascent and descent are
/// 1.17 em).
pub const LINE_EM: f64 = 1.2;
/// Room kept around every label's text, in ems: its halo and a gap.
pub const PAD_EM: f64 = 0.15;

/// A state's shape on the map plane, ready for labelling: projected,
/// thinned (to 1/300 of its size: enough to tell whether a label sits
/// inside), with its bounding box and the data's label point.
#[derive(Debug)]
pub struct Shape {
    pub iso: String,
    pub name: String,
    pub area_km2: f64,
    pub bbox: Rect,
    /// The data's label point (inside the largest part), projected.
    pub label: Option<(f64, f64)>,
    pub outline: MultiPolygon<f64>,
    /// Points inside the state with their distance to its border, for a
    /// view that does not show the label point (computed when first needed).
    samples: OnceLock<Vec<(f64, f64, f64)>>,
}

fn project_ring(ring: &LineString<f64>, proj: &Albers, tol: f64) -> LineString<f64> {
    let mut out: Vec<Coord<f64>> = Vec::with_capacity(ring.0.len() / 4 + 4);
    for c in ring.coords() {
        let (x, y) = proj.project(c.x, c.y);
        if let Some(l) = out.last() {
            if (l.x - x).abs() + (l.y - y).abs() < tol {
                continue;
            }
        }
        out.push(Coord { x, y });
    }
    if let (Some(&first), Some(&last)) = (out.first(), out.last()) {
        if first != last {
            out.push(first);
        }
    }
    LineString(out)
}

fn bbox_of(mp: &MultiPolygon<f64>) -> Option<Rect> {
    let mut r: Option<Rect> = None;
    for c in mp.0.iter().flat_map(|p| p.exterior().coords()) {
        let b = r.get_or_insert(Rect { x0: c.x, y0: c.y, x1: c.x, y1: c.y });
        b.x0 = b.x0.min(c.x);
        b.y0 = b.y0.min(c.y);
        b.x1 = b.x1.max(c.x);
        b.y1 = b.y1.max(c.y);
    }
    r
}

/// Distance from (`x`, `y`) to the nearest edge of `mp`.
fn clearance(mp: &MultiPolygon<f64>, x: f64, y: f64) -> f64 {
    let mut best = f64::MAX;
    for p in &mp.0 {
        for ring in std::iter::once(p.exterior()).chain(p.interiors()) {
            for l in ring.lines() {
                let (dx, dy) = (l.end.x - l.start.x, l.end.y - l.start.y);
                let len2 = dx * dx + dy * dy;
                let t = if len2 > 0.0 { (((x - l.start.x) * dx + (y - l.start.y) * dy) / len2).clamp(0.0, 1.0) } else { 0.0 };
                let (px, py) = (l.start.x + t * dx - x, l.start.y + t * dy - y);
                best = best.min(px * px + py * py);
            }
        }
    }
    best.sqrt()
}

impl Shape {
    /// Every state of the atlas the demands can reach (not the context, not
    /// the far members), projected on the map's plane.
    pub fn all(atlas: &Atlas) -> Vec<Shape> {
        let proj = Albers::map();
        let mut out = Vec::new();
        for s in atlas.shapes.iter().filter(|s| s.role == Role::State) {
            let label = s.label.map(|(lon, lat)| proj.project(lon, lat));
            let rough = MultiPolygon(s.shape.0.iter().map(|p| Polygon::new(project_ring(p.exterior(), &proj, 0.0), vec![])).collect());
            // A state drawn as a point (the Vatican) has a box of 1 km.
            let Some(b) = bbox_of(&rough).or_else(|| label.map(|(x, y)| Rect::around(x, y, 1.0, 1.0))) else { continue };
            let tol = (b.w() + b.h()) / 300.0;
            let outline = MultiPolygon(
                s.shape
                    .0
                    .iter()
                    .map(|p| Polygon::new(project_ring(p.exterior(), &proj, tol), p.interiors().iter().map(|h| project_ring(h, &proj, tol)).collect()))
                    .filter(|p| p.exterior().0.len() >= 4)
                    .collect(),
            );
            out.push(Shape {
                iso: s.iso.clone(),
                name: s.name.clone(),
                area_km2: s.area_km2,
                bbox: b,
                label,
                outline,
                samples: OnceLock::new(),
            });
        }
        out
    }

    /// Whether (`x`, `y`) lies inside the (thinned) shape.
    pub fn contains(&self, x: f64, y: f64) -> bool {
        self.bbox.contains(x, y) && self.outline.contains(&Point::new(x, y))
    }

    /// Points of an `n` × `n` grid over `r` that lie inside the state, each
    /// with its distance to the border.
    fn interior(&self, r: &Rect, n: usize) -> Vec<(f64, f64, f64)> {
        (0..n * n)
            .map(|k| (r.x0 + r.w() * ((k / n) as f64 + 0.5) / n as f64, r.y0 + r.h() * ((k % n) as f64 + 0.5) / n as f64))
            .filter(|&(x, y)| self.contains(x, y))
            .map(|(x, y)| (x, y, clearance(&self.outline, x, y)))
            .collect()
    }

    fn samples(&self) -> &[(f64, f64, f64)] {
        self.samples.get_or_init(|| self.interior(&self.bbox, 24))
    }

    /// Where the state's name is anchored in `view`: the data's label point
    /// when it is in view (at least `margin` inside), otherwise the point of
    /// the state farthest from its border and from the view's edges.
    pub fn anchor(&self, view: &Rect, margin: f64) -> Option<(f64, f64)> {
        if let Some((x, y)) = self.label {
            if view.grow(-margin).contains(x, y) {
                return Some((x, y));
            }
        }
        if !self.bbox.overlaps(view) {
            return None;
        }
        let inner = view.grow(-margin);
        // The state's own samples, or, when none is in view (a view of a
        // corner of a large state), a grid over the part in view.
        let local: Vec<(f64, f64, f64)>;
        let mut pts = self.samples();
        if !pts.iter().any(|(x, y, _)| inner.contains(*x, *y)) {
            let part = Rect { x0: inner.x0.max(self.bbox.x0), y0: inner.y0.max(self.bbox.y0), x1: inner.x1.min(self.bbox.x1), y1: inner.y1.min(self.bbox.y1) };
            if part.w() <= 0.0 || part.h() <= 0.0 {
                return None;
            }
            local = self.interior(&part, 16);
            pts = &local;
        }
        pts.iter()
            .filter(|(x, y, _)| inner.contains(*x, *y))
            .map(|&(x, y, c)| (x, y, c.min(x - view.x0).min(view.x1 - x).min(y - view.y0).min(view.y1 - y)))
            .fold(None, |best: Option<(f64, f64, f64)>, p| match best {
                Some(b) if b.2 >= p.2 => Some(b),
                _ => Some(p),
            })
            .map(|(x, y, _)| (x, y))
    }
}

/// What a candidate names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    State,
    /// A region's outline.
    Region,
}

/// One thing to name.
#[derive(Clone, Debug)]
pub struct Candidate<'a> {
    /// The state's ISO code or the region's id.
    pub id: &'a str,
    /// The full name (any string).
    pub name: &'a str,
    pub kind: Kind,
    /// Where the name belongs, inside the state; for a region, the middle
    /// of its outline's box.
    pub anchor: (f64, f64),
    /// The shape's (or outline's) bounding box.
    pub bbox: Rect,
    /// km²: larger states are named first and in larger type.
    pub area_km2: f64,
    /// Named before anything else (Russia).
    pub first: bool,
    /// The shape, to tell whether a name sits inside it.
    pub shape: Option<&'a Shape>,
}

/// How a placed label reads.
#[derive(Clone, Debug, PartialEq)]
pub enum Style {
    /// The name itself, on its lines.
    Name,
    /// A number; the key gives the name.
    Callout(u32),
    /// An outline's name.
    Region,
}

/// A label as placed.
#[derive(Clone, Debug, PartialEq)]
pub struct Placed {
    pub id: String,
    pub style: Style,
    /// The text, one entry per line; joined with spaces it is the name (or
    /// the callout's number).
    pub lines: Vec<String>,
    /// The centre of the text.
    pub x: f64,
    pub y: f64,
    /// Font size, map units.
    pub font: f64,
    /// The room the text takes, halo included (estimated).
    pub bbox: Rect,
    /// From the state's anchor to the text's edge, when the text is beside.
    pub leader: Option<((f64, f64), (f64, f64))>,
}

/// A line of the key: a callout's number and the state's name, the name
/// starting at (`x`, `y`) (its baseline's left end), the number ending
/// `font` × 0.4 before it.
#[derive(Clone, Debug, PartialEq)]
pub struct KeyLine {
    pub id: String,
    pub number: u32,
    pub name: String,
    pub x: f64,
    pub y: f64,
}

/// The callouts' key: a box in a corner of the view.
#[derive(Clone, Debug, PartialEq)]
pub struct Key {
    pub bbox: Rect,
    pub font: f64,
    pub lines: Vec<KeyLine>,
}

/// Everything placed.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Layout {
    pub labels: Vec<Placed>,
    pub key: Option<Key>,
    /// Ids that found no room (none, with the map's data at the sizes the
    /// tests try).
    pub unplaced: Vec<String>,
}

/// The on-screen size of a state's name, in CSS pixels, for a map drawn
/// `width_px` wide: 12 on a phone, growing to 14 at 1,200 px and wider.
pub fn font_px(width_px: f64) -> f64 {
    if !width_px.is_finite() {
        return 12.0;
    }
    (12.0 + (width_px - 480.0) / 360.0).clamp(12.0, 14.0)
}

/// What an SVG of `px_w` × `px_h` CSS pixels shows of the plane when its
/// `viewBox` is `vb` and it keeps its aspect (`xMidYMid meet`), and how many
/// pixels a unit of the plane spans.
pub fn visible(vb: ViewBox, px_w: f64, px_h: f64) -> Option<(Rect, f64)> {
    if !(px_w > 0.0 && px_h > 0.0 && vb.w > 0.0 && vb.h > 0.0) {
        return None;
    }
    let scale = (px_w / vb.w).min(px_h / vb.h);
    let (w, h) = (px_w / scale, px_h / scale);
    let (cx, cy) = (vb.x + vb.w / 2.0, vb.y + vb.h / 2.0);
    Some((Rect::around(cx, cy, w, h), scale))
}

/// The font size of a state's name: larger for the largest states.
pub fn font_for(area_km2: f64, base: f64) -> f64 {
    if area_km2 >= 1_000_000.0 {
        base * 1.3
    } else {
        base
    }
}

/// Splits a name at the space nearest its middle, for two lines.
fn two_lines(name: &str) -> Option<(String, String)> {
    let mid = text_em(name) / 2.0;
    let mut best: Option<(f64, usize)> = None;
    for (i, c) in name.char_indices() {
        if c == ' ' {
            let d = (text_em(&name[..i]) - mid).abs();
            if best.is_none_or(|(b, _)| d < b) {
                best = Some((d, i));
            }
        }
    }
    best.map(|(_, i)| (name[..i].to_string(), name[i + 1..].to_string()))
}

/// The box of `lines` at `font`, centred on (`x`, `y`).
fn text_box(lines: &[String], font: f64, x: f64, y: f64) -> Rect {
    let w = lines.iter().map(|l| text_em(l)).fold(0.0, f64::max) + 2.0 * PAD_EM;
    let h = LINE_EM * lines.len() as f64 + 2.0 * PAD_EM;
    Rect::around(x, y, w * font, h * font)
}

/// Offsets of a `w` × `h` box centred `k` from an anchor, in eight
/// directions: east and west first (the usual place of a point's name).
fn beside(w: f64, h: f64, k: f64) -> [(f64, f64); 8] {
    let (a, b) = (w / 2.0 + k, h / 2.0 + k);
    let d = std::f64::consts::FRAC_1_SQRT_2 * k;
    [
        (a, 0.0),
        (-a, 0.0),
        (w / 2.0 + d, -(h / 2.0 + d)),
        (w / 2.0 + d, h / 2.0 + d),
        (-(w / 2.0 + d), -(h / 2.0 + d)),
        (-(w / 2.0 + d), h / 2.0 + d),
        (0.0, -b),
        (0.0, b),
    ]
}

/// Offsets of a `w` × `h` box about `k` from an anchor, in sixteen
/// directions, for a callout's number.
fn around(w: f64, h: f64, k: f64) -> impl Iterator<Item = (f64, f64)> {
    (0..16).map(move |i| {
        // East, west, then outwards in both turns: 0, 8, 1, 15, 9, 7, …
        let j = [0, 8, 1, 15, 7, 9, 2, 14, 6, 10, 4, 12, 3, 13, 5, 11][i];
        let t = j as f64 * std::f64::consts::PI / 8.0;
        (t.cos() * (w / 2.0 + k), -t.sin() * (h / 2.0 + k))
    })
}

struct Board<'a> {
    view: Rect,
    boxes: Vec<Rect>,
    leaders: Vec<((f64, f64), (f64, f64))>,
    obstacles: &'a [Rect],
    /// Other candidates' anchors: no label covers them.
    anchors: Vec<(usize, (f64, f64))>,
    key: Option<Rect>,
}

impl Board<'_> {
    /// Whether a label of candidate `me` fits at `b`, with a leader line
    /// from `from` when given.
    fn free(&self, me: usize, b: &Rect, leader: Option<((f64, f64), (f64, f64))>) -> bool {
        self.free_with(me, b, leader, false)
    }

    /// As [`Board::free`]; with `under`, the leader may pass under other
    /// labels (their halos hide it there), never under the key nor across
    /// another leader.
    fn free_with(&self, me: usize, b: &Rect, leader: Option<((f64, f64), (f64, f64))>, under: bool) -> bool {
        if !self.view.holds(b) {
            return false;
        }
        if self.key.is_some_and(|k| k.overlaps(b)) {
            return false;
        }
        if self.boxes.iter().chain(self.obstacles).any(|o| o.overlaps(b)) {
            return false;
        }
        if self.anchors.iter().any(|&(i, (x, y))| i != me && b.contains(x, y)) {
            return false;
        }
        if self.leaders.iter().any(|&(p, q)| b.cut_by(p, q)) {
            return false;
        }
        if let Some((p, q)) = leader {
            if self.key.is_some_and(|k| k.cut_by(p, q)) || (!under && self.boxes.iter().any(|o| o.cut_by(p, q))) {
                return false;
            }
            if self.leaders.iter().any(|&(r, s)| segments_cross(p, q, r, s)) {
                return false;
            }
        }
        true
    }
}

fn segments_cross(a: (f64, f64), b: (f64, f64), c: (f64, f64), d: (f64, f64)) -> bool {
    let orient = |p: (f64, f64), q: (f64, f64), r: (f64, f64)| (q.0 - p.0) * (r.1 - p.1) - (q.1 - p.1) * (r.0 - p.0);
    let (d1, d2) = (orient(c, d, a), orient(c, d, b));
    let (d3, d4) = (orient(a, b, c), orient(a, b, d));
    d1 * d2 < 0.0 && d3 * d4 < 0.0
}

/// Whether `b` lies over `shape`: its middle half (a box half its size)
/// wholly, and at least five of its four corners and four edge middles, so
/// a name may spill over a border but reads as its state's.
fn inside(shape: &Shape, b: &Rect) -> bool {
    let (cx, cy) = b.centre();
    let (hw, hh) = (b.w() / 4.0, b.h() / 4.0);
    let core = [(cx, cy), (cx - hw, cy - hh), (cx + hw, cy - hh), (cx - hw, cy + hh), (cx + hw, cy + hh)];
    if !core.iter().all(|(x, y)| shape.contains(*x, *y)) {
        return false;
    }
    let pts = [(b.x0, b.y0), (b.x1, b.y0), (b.x0, b.y1), (b.x1, b.y1), (cx, b.y0), (cx, b.y1), (b.x0, cy), (b.x1, cy)];
    pts.iter().filter(|(x, y)| shape.contains(*x, *y)).count() >= 5
}

/// The leader from `anchor` to the nearest point of `b`, if `b` is not at
/// the anchor.
fn leader_to(anchor: (f64, f64), b: &Rect, font: f64) -> Option<((f64, f64), (f64, f64))> {
    let end = b.nearest(anchor.0, anchor.1);
    let len = ((end.0 - anchor.0).powi(2) + (end.1 - anchor.1).powi(2)).sqrt();
    (len > 0.3 * font).then_some((anchor, end))
}

/// Distances, in ems, at which a label beside its anchor is tried.
const BESIDE_EM: [f64; 2] = [0.25, 0.9];
/// Distances, in ems, at which a callout's number is tried.
const CALLOUT_EM: [f64; 17] = [0.25, 0.7, 1.2, 1.8, 2.5, 3.3, 4.2, 5.2, 6.4, 7.8, 9.5, 12.0, 15.0, 19.0, 23.0, 27.0, 32.0];

/// Places the names of `candidates` in `view`, with state names of `font`
/// map units (the largest states' larger, [`font_for`]), avoiding
/// `obstacles`. Deterministic: the same input gives the same layout.
pub fn place(candidates: &[Candidate], font: f64, view: Rect, obstacles: &[Rect]) -> Layout {
    if !(font.is_finite() && font > 0.0) || candidates.is_empty() {
        return Layout::default();
    }
    // Priority: Russia, then states by area, then outlines; ties by id.
    let mut order: Vec<usize> = (0..candidates.len()).collect();
    order.sort_by(|&a, &b| {
        let (p, q) = (&candidates[a], &candidates[b]);
        q.first
            .cmp(&p.first)
            .then((p.kind == Kind::Region).cmp(&(q.kind == Kind::Region)))
            .then(q.area_km2.total_cmp(&p.area_km2))
            .then(p.id.cmp(q.id))
    });
    let anchors: Vec<(usize, (f64, f64))> =
        candidates.iter().enumerate().filter(|(_, c)| c.kind == Kind::State).map(|(i, c)| (i, c.anchor)).collect();
    // A first pass without a key tells which states need a number; the
    // key's box then goes into a corner (or a band along the top or the
    // bottom, when a corner cannot hold it) and the names are placed again
    // around it, until the key holds every callout. The key's names only
    // grow from round to round, so the rounds settle. A key that cannot
    // grow keeps the largest states' numbers; the rest are left unplaced.
    let mut key_names: Vec<&str> = Vec::new();
    let mut last: Option<(Layout, Vec<(usize, usize)>, Option<KeySlot>)> = None;
    for _ in 0..6 {
        let mut capped = false;
        let slot = if key_names.is_empty() {
            None
        } else {
            let placed = last.as_ref().map_or(&[][..], |l| &l.0.labels);
            let mut names = key_names.clone();
            loop {
                match key_slot(candidates, placed, obstacles, &names, font, &view) {
                    Some(s) => break Some(s),
                    None if names.len() > 1 => {
                        names.pop();
                        capped = true;
                    }
                    None => break None,
                }
            }
        };
        let mut board = Board { view, boxes: Vec::new(), leaders: Vec::new(), obstacles, anchors: anchors.clone(), key: slot.as_ref().map(|k| k.rect) };
        let mut layout = Layout::default();
        // (candidate, label) of each callout, in order of priority.
        let mut callouts: Vec<(usize, usize)> = Vec::new();
        let mut done = vec![false; candidates.len()];
        for pass in [Pass::Inside, Pass::Regions, Pass::Beside, Pass::Numbers] {
            for &i in &order {
                if done[i] {
                    continue;
                }
                if let Some(p) = try_place(i, &candidates[i], font, &mut board, pass) {
                    if matches!(p.style, Style::Callout(_)) {
                        callouts.push((i, layout.labels.len()));
                    }
                    layout.labels.push(p);
                    done[i] = true;
                }
            }
        }
        layout.unplaced = order.iter().filter(|&&i| !done[i]).map(|&i| candidates[i].id.to_string()).collect();
        let mut wanted: Vec<&str> = callouts.iter().map(|&(i, _)| candidates[i].name).collect();
        wanted.sort_unstable();
        let fits = slot.as_ref().is_some_and(|s| s.holds(&wanted, font));
        let stuck = !key_names.is_empty() && (capped || slot.is_none());
        if callouts.is_empty() || fits || stuck {
            return finish(candidates, layout, callouts, slot, font);
        }
        for n in wanted {
            if let Err(at) = key_names.binary_search(&n) {
                key_names.insert(at, n);
            }
        }
        last = Some((layout, callouts, slot));
    }
    match last {
        Some((layout, callouts, slot)) => finish(candidates, layout, callouts, slot, font),
        None => Layout::default(),
    }
}

/// Numbers the callouts in the key's (alphabetical) order and writes the
/// key; callouts beyond what the key holds (the smallest states') are
/// taken off the map and reported unplaced.
fn finish(candidates: &[Candidate], mut layout: Layout, mut callouts: Vec<(usize, usize)>, slot: Option<KeySlot>, font: f64) -> Layout {
    // The largest states first (the order of priority), as many as the key
    // holds.
    let mut room = 0;
    if let Some(s) = &slot {
        while room < callouts.len() {
            let mut names: Vec<&str> = callouts[..=room].iter().map(|&(i, _)| candidates[i].name).collect();
            names.sort_unstable();
            if !s.holds(&names, font) {
                break;
            }
            room += 1;
        }
    }
    let dropped: Vec<usize> = callouts.iter().skip(room).map(|&(_, l)| l).collect();
    callouts.truncate(room);
    callouts.sort_by(|a, b| candidates[a.0].name.cmp(candidates[b.0].name));
    for (n, &(_, l)) in callouts.iter().enumerate() {
        let p = &mut layout.labels[l];
        p.style = Style::Callout(n as u32 + 1);
        p.lines = vec![(n + 1).to_string()];
    }
    if let Some(slot) = slot.filter(|_| !callouts.is_empty()) {
        let named: Vec<(&str, &str)> = callouts.iter().map(|&(i, _)| (candidates[i].name, candidates[i].id)).collect();
        layout.key = Some(slot.lines(font, &named));
    }
    let mut kept = Vec::with_capacity(layout.labels.len());
    for (l, p) in std::mem::take(&mut layout.labels).into_iter().enumerate() {
        if dropped.contains(&l) {
            layout.unplaced.push(p.id);
        } else {
            kept.push(p);
        }
    }
    layout.labels = kept;
    layout
}

/// How the key's lines run.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Flow {
    /// One name a line, in columns of `per_col`, each `col_w` wide.
    Columns { col_w: f64, per_col: usize, rows: usize },
    /// Names one after another, wrapped at the band's width.
    Band,
}

/// Where the key goes and how it is laid out.
#[derive(Clone, Copy, Debug)]
struct KeySlot {
    rect: Rect,
    flow: Flow,
}

/// The width of a key entry ("12 Liechtenstein"), in ems, and the gap after
/// it in a band.
fn entry_em(name: &str) -> f64 {
    NUMBER_EM + 0.4 + text_em(name)
}
const GAP_EM: f64 = 0.9;
const KEY_PAD_EM: f64 = 0.4;

/// The start (in ems from the band's left inner edge) and line of each
/// entry of `names` in a band `width_em` wide.
fn band_flow(names: &[&str], width_em: f64) -> Option<Vec<(f64, usize)>> {
    let mut out = Vec::with_capacity(names.len());
    let (mut x, mut line) = (0.0f64, 0usize);
    for n in names {
        let w = entry_em(n);
        if w > width_em {
            return None;
        }
        if x > 0.0 && x + w > width_em {
            x = 0.0;
            line += 1;
        }
        out.push((x, line));
        x += w + GAP_EM;
    }
    Some(out)
}

impl KeySlot {
    /// Whether the key holds `names` (sorted).
    fn holds(&self, names: &[&str], font: f64) -> bool {
        match self.flow {
            Flow::Columns { col_w, rows, .. } => names.len() <= rows && names.iter().all(|n| (entry_em(n) + 0.8) * font <= col_w + 1e-9),
            Flow::Band => {
                let inner = self.rect.w() / font - 2.0 * KEY_PAD_EM;
                band_flow(names, inner).is_some_and(|f| {
                    let lines = f.last().map_or(0, |l| l.1 + 1);
                    lines as f64 * LINE_EM * font + 2.0 * KEY_PAD_EM * font <= self.rect.h() + 1e-9
                })
            }
        }
    }

    /// The key's lines: each name's baseline start, in the key's order.
    fn lines(&self, font: f64, callouts: &[(&str, &str)]) -> Key {
        let line = LINE_EM * font;
        let top = self.rect.y0 + font * KEY_PAD_EM;
        let band = match self.flow {
            Flow::Band => {
                let names: Vec<&str> = callouts.iter().map(|c| c.0).collect();
                band_flow(&names, self.rect.w() / font - 2.0 * KEY_PAD_EM)
            }
            Flow::Columns { .. } => None,
        };
        let lines = callouts
            .iter()
            .enumerate()
            .map(|(n, &(name, id))| {
                let (x, y) = match (self.flow, &band) {
                    (Flow::Columns { col_w, per_col, .. }, _) => {
                        let (col, row) = (n / per_col, n % per_col);
                        (self.rect.x0 + font * (0.5 + NUMBER_EM + 0.4) + col as f64 * col_w, top + line * (row as f64 + 0.8))
                    }
                    (Flow::Band, Some(f)) => {
                        let (ex, l) = f[n];
                        (self.rect.x0 + font * (KEY_PAD_EM + ex + NUMBER_EM + 0.4), top + line * (l as f64 + 0.8))
                    }
                    // `holds` checked the names fit before the key was written.
                    (Flow::Band, None) => (self.rect.x0, top + line * (n as f64 + 0.8)),
                };
                KeyLine { id: id.to_string(), number: n as u32 + 1, name: name.to_string(), x, y }
            })
            .collect();
        Key { bbox: self.rect, font, lines }
    }
}

/// The room a key line gives its number, in ems ("19").
const NUMBER_EM: f64 = 1.3;

/// The key's box for `names` (sorted): in a corner of `view`, in columns,
/// or else in a band along the top or the bottom; wherever it covers
/// nothing of `obstacles`, no name `placed` inside its state (Russia's
/// above all), and the least of the states to be named.
fn key_slot(candidates: &[Candidate], placed: &[Placed], obstacles: &[Rect], names: &[&str], font: f64, view: &Rect) -> Option<KeySlot> {
    if names.is_empty() {
        return None;
    }
    let line = LINE_EM * font;
    let m = font * 0.4;
    let cost = |r: &Rect| -> f64 {
        let names: f64 = placed
            .iter()
            .filter(|p| !matches!(p.style, Style::Callout(_)) && p.bbox.overlaps(r))
            .map(|p| if candidates.iter().any(|c| c.first && c.id == p.id) { 10_000.0 } else { 100.0 })
            .sum();
        let states: f64 = candidates
            .iter()
            .filter(|c| c.kind == Kind::State)
            .map(|c| {
                let covered = r.shared(&c.bbox) / (c.bbox.w() * c.bbox.h()).max(1e-9);
                covered + if r.grow(font * 2.0).contains(c.anchor.0, c.anchor.1) { 10.0 } else { 0.0 }
            })
            .sum();
        // What lies over the map (the zoom buttons, the demands' key on a
        // wide screen) is worse to cover than any name.
        let over: f64 = obstacles.iter().map(|o| r.shared(o) / (o.w() * o.h()).max(1e-9)).sum::<f64>() * 100_000.0;
        names + states + over
    };
    let best = |rects: &[Rect]| rects.iter().map(|r| (*r, cost(r))).min_by(|a, b| a.1.total_cmp(&b.1)).map(|(r, _)| r);
    // Columns in a corner, while they take at most 60 % of the height and
    // 45 % of the width.
    let longest = names.iter().map(|n| entry_em(n)).fold(0.0, f64::max);
    let col_w = (longest + 0.8) * font;
    let max_rows = (((view.h() * 0.6) / line).floor() as usize).max(1);
    let cols = names.len().div_ceil(max_rows);
    let per_col = names.len().div_ceil(cols);
    let (w, h) = (cols as f64 * col_w + font * 0.2, per_col as f64 * line + font * 2.0 * KEY_PAD_EM);
    if w <= view.w() * 0.45 && h <= view.h() * 0.6 {
        let corners = [
            Rect { x0: view.x0 + m, y0: view.y1 - m - h, x1: view.x0 + m + w, y1: view.y1 - m },
            Rect { x0: view.x0 + m, y0: view.y0 + m, x1: view.x0 + m + w, y1: view.y0 + m + h },
            Rect { x0: view.x1 - m - w, y0: view.y1 - m - h, x1: view.x1 - m, y1: view.y1 - m },
            Rect { x0: view.x1 - m - w, y0: view.y0 + m, x1: view.x1 - m, y1: view.y0 + m + h },
        ];
        let rect = best(&corners)?;
        return Some(KeySlot { rect, flow: Flow::Columns { col_w, per_col, rows: cols * per_col } });
    }
    // A band the view's width, as tall as the names need, at most a third
    // of the view; along the top or the bottom, each narrowed to keep clear
    // of what lies over that edge at either end (the zoom buttons).
    let band = |top: bool| -> Option<Rect> {
        let (mut x0, mut x1) = (view.x0 + m, view.x1 - m);
        let mut bh = 0.0;
        for _ in 0..3 {
            let flow = band_flow(names, (x1 - x0) / font - 2.0 * KEY_PAD_EM)?;
            let lines = flow.last().map_or(0, |l| l.1 + 1);
            bh = lines as f64 * line + 2.0 * KEY_PAD_EM * font;
            let r = if top { Rect { x0, y0: view.y0 + m, x1, y1: view.y0 + m + bh } } else { Rect { x0, y0: view.y1 - m - bh, x1, y1: view.y1 - m } };
            let mut moved = false;
            for o in obstacles.iter().filter(|o| o.overlaps(&r)) {
                let mid = (o.x0 + o.x1) / 2.0;
                if mid > x0 + (x1 - x0) * 2.0 / 3.0 {
                    x1 = o.x0 - m;
                    moved = true;
                } else if mid < x0 + (x1 - x0) / 3.0 {
                    x0 = o.x1 + m;
                    moved = true;
                }
            }
            if !moved {
                break;
            }
        }
        if bh > view.h() / 3.0 || x1 <= x0 {
            return None;
        }
        Some(if top { Rect { x0, y0: view.y0 + m, x1, y1: view.y0 + m + bh } } else { Rect { x0, y0: view.y1 - m - bh, x1, y1: view.y1 - m } })
    };
    let bands: Vec<Rect> = [false, true].into_iter().filter_map(band).collect();
    Some(KeySlot { rect: best(&bands)?, flow: Flow::Band })
}

/// The passes of the placement, in order: every name that fits inside its
/// state first, so that no name beside another state takes its room; then
/// the outlines' names; then names beside their states; then numbers.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Pass {
    Inside,
    Regions,
    Beside,
    Numbers,
}

fn put(p: Placed, board: &mut Board) -> Option<Placed> {
    board.boxes.push(p.bbox);
    if let Some(l) = p.leader {
        board.leaders.push(l);
    }
    Some(p)
}

fn try_place(me: usize, c: &Candidate, base: f64, board: &mut Board, pass: Pass) -> Option<Placed> {
    let (ax, ay) = c.anchor;
    let id = c.id.to_string();
    if c.kind == Kind::Region {
        if pass != Pass::Regions {
            return None;
        }
        let font = base;
        let lines = vec![c.name.to_string()];
        let probe = text_box(&lines, font, 0.0, 0.0);
        let (w, h) = (probe.w(), probe.h());
        let b = c.bbox;
        let spots = [(ax, b.y0 - h * 0.6), (ax, b.y1 + h * 0.6), (ax, ay)];
        for k in CALLOUT_EM {
            for &(sx, sy) in &spots {
                let (sx, sy) = (sx.clamp(board.view.x0 + w / 2.0, board.view.x1 - w / 2.0), sy.clamp(board.view.y0 + h / 2.0, board.view.y1 - h / 2.0));
                for (dx, dy) in std::iter::once((0.0, 0.0)).chain(beside(0.0, 0.0, k * font)) {
                    let r = Rect::around(sx + dx, sy + dy, w, h);
                    if board.free(me, &r, None) {
                        let (x, y) = r.centre();
                        return put(Placed { id, style: Style::Region, lines, x, y, font, bbox: r, leader: None }, board);
                    }
                }
            }
        }
        return None;
    }
    let font = font_for(c.area_km2, base);
    let one = vec![c.name.to_string()];
    let two = two_lines(c.name).map(|(a, b)| vec![a, b]);
    let texts: Vec<&Vec<String>> = std::iter::once(&one).chain(two.as_ref()).collect();
    match pass {
        Pass::Regions => None,
        Pass::Inside => {
            for lines in &texts {
                let b0 = text_box(lines, font, ax, ay);
                // The anchor, then up and down, then to the sides.
                const SHIFTS: [(f64, f64); 13] =
                    [(0.0, 0.0), (0.0, 0.7), (0.0, -0.7), (0.0, 1.4), (0.0, -1.4), (0.25, 0.0), (-0.25, 0.0), (0.25, 0.7), (-0.25, 0.7), (0.25, -0.7), (-0.25, -0.7), (0.5, 0.0), (-0.5, 0.0)];
                for (dx, dy) in SHIFTS {
                    let r = b0.shift(dx * b0.w(), dy * b0.h());
                    if c.shape.is_some_and(|s| inside(s, &r)) && board.free(me, &r, None) {
                        let (x, y) = r.centre();
                        return put(Placed { id, style: Style::Name, lines: (*lines).clone(), x, y, font, bbox: r, leader: None }, board);
                    }
                }
            }
            None
        }
        Pass::Beside => {
            // In a cluster (three other states' anchors within a name's
            // width), a name beside one state would cover its neighbours:
            // numbers instead.
            let reach = text_box(&one, font, ax, ay).w() / 2.0 + font;
            let near = board.anchors.iter().filter(|&&(i, (x, y))| i != me && (x - ax).abs() < reach && (y - ay).abs() < reach).count();
            // A large state's name still goes beside it: a reader looks
            // for Ukraine or Poland by name, not by number.
            if near >= 3 && c.area_km2 < 150_000.0 {
                return None;
            }
            for k in BESIDE_EM {
                for lines in &texts {
                    let b0 = text_box(lines, font, ax, ay);
                    for (dx, dy) in beside(b0.w(), b0.h(), k * font) {
                        let r = b0.shift(dx, dy);
                        let (x, y) = r.centre();
                        // A name beside its state without a leader would
                        // read as its neighbour's: a short leader then.
                        let leader = leader_to(c.anchor, &r, font).or_else(|| {
                            (!c.shape.is_some_and(|s| s.contains(x, y))).then(|| (c.anchor, r.nearest(c.anchor.0, c.anchor.1)))
                        });
                        if board.free(me, &r, leader) {
                            return put(Placed { id, style: Style::Name, lines: (*lines).clone(), x, y, font, bbox: r, leader }, board);
                        }
                    }
                }
            }
            None
        }
        Pass::Numbers => {
            let font = base;
            let lines = vec!["00".to_string()];
            let b0 = text_box(&lines, font, ax, ay);
            // Nearest first: at each distance a leader clear of the other
            // labels, then one passing under them (their halos hide it).
            let spots = std::iter::once(vec![(0.0, 0.0)]).chain(CALLOUT_EM.iter().map(|k| around(b0.w(), b0.h(), k * font).collect::<Vec<_>>()));
            let spots: Vec<Vec<(f64, f64)>> = spots.collect();
            let tries = spots.iter().flat_map(|ring| [(ring, false), (ring, true)]);
            // Last, anywhere in reach even where its leader crosses another:
            // a state numbered with a crossing beats a state not named.
            for (ring, under, cross) in tries.map(|(r, u)| (r, u, false)).chain(spots.iter().map(|r| (r, true, true))) {
                for &(dx, dy) in ring {
                    let r = b0.shift(dx, dy);
                    // Off its anchor, a number always has its leader.
                    let leader = leader_to(c.anchor, &r, font).or_else(|| (!r.contains(ax, ay)).then(|| (c.anchor, r.nearest(ax, ay))));
                    let ok = if cross { board.free_with(me, &r, None, true) && leader.is_none_or(|(p, q)| !board.key.is_some_and(|k| k.cut_by(p, q))) } else { board.free_with(me, &r, leader, under) };
                    if ok {
                        let (x, y) = r.centre();
                        return put(Placed { id, style: Style::Callout(0), lines, x, y, font, bbox: r, leader }, board);
                    }
                }
            }
            None
        }
    }
}

/// A region outline's box: the union of its members' boxes.
pub fn region_box<'a>(shapes: &[Shape], members: impl IntoIterator<Item = &'a str>) -> Option<Rect> {
    members.into_iter().filter_map(|m| shapes.iter().find(|s| s.iso == m)).map(|s| s.bbox).reduce(|a, b| Rect {
        x0: a.x0.min(b.x0),
        y0: a.y0.min(b.y0),
        x1: a.x1.max(b.x1),
        y1: a.y1.max(b.y1),
    })
}

/// The candidates for the states `isos` (Russia always, when drawn) in
/// `view`; a state none of whose ground is in view is left out.
pub fn state_candidates<'a>(shapes: &'a [Shape], isos: &[&str], view: &Rect, font: f64) -> Vec<Candidate<'a>> {
    shapes
        .iter()
        .filter(|s| s.iso == "RUS" || isos.contains(&s.iso.as_str()))
        .filter_map(|s| {
            Some(Candidate {
                id: &s.iso,
                name: &s.name,
                kind: Kind::State,
                anchor: s.anchor(view, font)?,
                bbox: s.bbox,
                area_km2: s.area_km2,
                first: s.iso == "RUS",
                shape: Some(s),
            })
        })
        .collect()
}

/// The candidates for the outlines `on` (region ids) whose box meets
/// `view`, named as the facts name them.
pub fn region_candidates<'a>(shapes: &[Shape], facts: &'a crate::model::facts::Facts, on: &[&str], view: &Rect) -> Vec<Candidate<'a>> {
    facts
        .regions
        .iter()
        .filter(|r| r.outline && on.contains(&r.id.as_str()))
        .filter_map(|r| {
            let bbox = region_box(shapes, r.members.iter().map(String::as_str))?;
            if !bbox.overlaps(view) {
                return None;
            }
            let (cx, cy) = bbox.centre();
            Some(Candidate {
                id: &r.id,
                name: &r.name,
                kind: Kind::Region,
                anchor: (cx.clamp(view.x0, view.x1), cy.clamp(view.y0, view.y1)),
                bbox,
                area_km2: 0.0,
                first: false,
                shape: None,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_are_estimated_for_any_script() {
        // Wider letters count for more; a Cyrillic name is measured like a
        // Latin one of the same letters' widths.
        assert!(text_em("Mmm") > text_em("Ill"));
        assert!((text_em("Россия") - text_em("Rossiy")).abs() < 0.5);
        assert!(text_em("Україна") > 3.0);
        assert_eq!(text_em(""), 0.0);
        // DejaVu Sans draws "Kazakhstan" 6.0 em wide: the estimate is not less.
        assert!(text_em("Kazakhstan") >= 6.0, "{}", text_em("Kazakhstan"));
    }

    #[test]
    fn a_name_wraps_at_the_space_nearest_its_middle() {
        assert_eq!(two_lines("Bosnia and Herzegovina"), Some(("Bosnia and".into(), "Herzegovina".into())));
        assert_eq!(two_lines("North Macedonia"), Some(("North".into(), "Macedonia".into())));
        assert_eq!(two_lines("Ukraine"), None);
    }

    #[test]
    fn rectangles() {
        let a = Rect { x0: 0.0, y0: 0.0, x1: 2.0, y1: 1.0 };
        assert!(a.overlaps(&a.shift(1.9, 0.9)));
        assert!(!a.overlaps(&a.shift(2.0, 0.0)), "sharing an edge is not overlapping");
        assert!(a.cut_by((-1.0, 0.5), (3.0, 0.5)));
        assert!(!a.cut_by((-1.0, 2.0), (3.0, 2.0)));
        assert!(!a.cut_by((-1.0, 0.5), (-0.1, 0.5)), "a segment stopping short");
        assert_eq!(a.nearest(5.0, -3.0), (2.0, 0.0));
        assert_eq!(a.shared(&a.shift(1.0, 0.5)), 0.5);
    }

    #[test]
    fn the_view_of_a_wider_frame_shows_more_above_and_below() {
        let vb = ViewBox { x: 0.0, y: 0.0, w: 200.0, h: 100.0 };
        let (r, scale) = visible(vb, 400.0, 400.0).unwrap();
        assert_eq!(scale, 2.0);
        assert_eq!(r, Rect { x0: 0.0, y0: -50.0, x1: 200.0, y1: 150.0 });
        assert!(visible(vb, 0.0, 10.0).is_none());
    }

    #[test]
    fn crowded_points_get_numbers_and_a_key_without_overlap() {
        // Nine points 1 unit apart with names 10 units long: no name fits,
        // so they get numbers, each apart, and the key lists them.
        let names: Vec<String> = (0..9).map(|i| format!("Statename {i}")).collect();
        let ids: Vec<String> = (0..9).map(|i| format!("S{i}")).collect();
        let cands: Vec<Candidate> = (0..9)
            .map(|i| Candidate {
                id: &ids[i],
                name: &names[i],
                kind: Kind::State,
                anchor: (50.0 + (i % 3) as f64, 50.0 + (i / 3) as f64),
                bbox: Rect::around(50.0 + (i % 3) as f64, 50.0 + (i / 3) as f64, 0.5, 0.5),
                area_km2: 10.0 - i as f64,
                first: false,
                shape: None,
            })
            .collect();
        let view = Rect { x0: 0.0, y0: 0.0, x1: 160.0, y1: 100.0 };
        let l = place(&cands, 2.0, view, &[]);
        assert!(l.unplaced.is_empty(), "{:?}", l.unplaced);
        assert_eq!(l.labels.len(), 9);
        for (i, a) in l.labels.iter().enumerate() {
            for b in &l.labels[i + 1..] {
                assert!(!a.bbox.overlaps(&b.bbox), "{} {}", a.id, b.id);
            }
        }
        let key = l.key.clone().expect("a key");
        let numbered: Vec<u32> = l.labels.iter().filter_map(|p| if let Style::Callout(n) = p.style { Some(n) } else { None }).collect();
        assert_eq!(key.lines.len(), numbered.len());
        for k in &key.lines {
            let p = l.labels.iter().find(|p| p.id == k.id).unwrap();
            assert_eq!(p.style, Style::Callout(k.number));
            assert_eq!(p.lines, vec![k.number.to_string()]);
            assert_eq!(k.name, names[ids.iter().position(|i| *i == k.id).unwrap()]);
        }
        // The key is alphabetical.
        assert!(key.lines.windows(2).all(|w| w[0].name < w[1].name));
        assert!(l.labels.iter().all(|p| !p.bbox.overlaps(&key.bbox)));
        assert_eq!(place(&cands, 2.0, view, &[]), l, "deterministic");
    }

    #[test]
    fn nonsense_input_places_nothing() {
        let view = Rect { x0: 0.0, y0: 0.0, x1: 1.0, y1: 1.0 };
        assert_eq!(place(&[], 1.0, view, &[]), Layout::default());
        let c = Candidate { id: "A", name: "A", kind: Kind::State, anchor: (0.5, 0.5), bbox: view, area_km2: 1.0, first: false, shape: None };
        assert_eq!(place(&[c], f64::NAN, view, &[]), Layout::default());
    }
}
