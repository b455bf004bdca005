//! From a demand's zone (who is bound, measured from whom, over what) to
//! the parts to compute: one per map that draws its ground, and for the
//! border band one fine grid for narrow bands and one coarse for wide.

use super::field::Grid;
use super::source::Source;
use super::{bbox, Ground, Part, PartJob};
use crate::geometry::atlas::Atlas;
use geo::{Coord, MultiPolygon};
use std::collections::HashMap;

/// The three kinds of zone, each with its own slider.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    /// The bound party's land within range of the other's territory.
    Reach,
    /// The bound party's land within a distance of the land border between
    /// the two.
    Band,
    /// Sea outside territorial waters within range of the other's territory.
    Sea,
}

impl Kind {
    /// The kind as `demands.json` writes it: `reach`, `band`, `sea`.
    pub fn from_name(name: &str) -> Option<Kind> {
        match name {
            "reach" => Some(Kind::Reach),
            "band" => Some(Kind::Band),
            "sea" => Some(Kind::Sea),
            _ => None,
        }
    }
}

/// Which map draws a part: the main map, or the Bering Strait inset.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Frame {
    Main,
    Inset,
}

impl Frame {
    /// The longitude where the frame's projection is cut; a part's grid
    /// keeps its longitudes in `[seam, seam + 360)`.
    pub fn seam(self) -> f64 {
        match self {
            Frame::Main => -140.0,
            Frame::Inset => 10.0,
        }
    }

    /// The southern limit of the ground measured for this frame: the
    /// Canary Islands on the main map, Hawaii on the inset's side.
    pub fn south(self) -> f64 {
        match self {
            Frame::Main => 24.0,
            Frame::Inset => 17.0,
        }
    }
}

/// A computed part and where it is drawn.
#[derive(Clone, Debug)]
pub struct Planned {
    pub frame: Frame,
    /// Also drawn on the inset (Russia's land reaches both maps).
    pub also_inset: bool,
    /// Distances (km) this part serves: `lo <= km < hi`.
    pub lo: f64,
    pub hi: f64,
    /// States whose land the part's zone lies on (land), to clip to.
    pub clip: Vec<String>,
    pub part: Part,
}

/// Largest distance on each slider, km.
pub const MAX_RANGE_KM: f64 = 5_500.0;
pub const MAX_BAND_KM: f64 = 500.0;
pub const MAX_SEA_KM: f64 = 5_500.0;
/// Bands narrower than this use the fine grid.
pub const FINE_BAND_KM: f64 = 60.0;

/// Grid steps (longitude, latitude), degrees.
const REACH_STEP: (f64, f64) = (0.6, 0.4);
const SEA_STEP: (f64, f64) = (0.6, 0.4);
const BAND_STEP: (f64, f64) = (0.3, 0.2);
const FINE_BAND_STEP: (f64, f64) = (0.1, 0.06);

/// The sea each map measures, `[west, south, east, north]`.
const MAIN_SEA: [f64; 4] = [-32.0, 28.0, 157.5, 84.0];
const INSET_SEA: [f64; 4] = [157.5, 40.0, 240.0, 80.0];

type Shapes<'a> = Vec<(&'a str, &'a MultiPolygon<f64>, Frame)>;

fn shapes<'a>(main: &'a Atlas, far: &'a Atlas, isos: &[String]) -> Shapes<'a> {
    let mut out: Shapes = main.shapes.iter().filter(|s| isos.contains(&s.iso)).map(|s| (s.iso.as_str(), &s.shape, Frame::Main)).collect();
    out.extend(far.shapes.iter().filter(|s| isos.contains(&s.iso) && main.get(&s.iso).is_none()).map(|s| (s.iso.as_str(), &s.shape, Frame::Inset)));
    out
}

fn grow(b: [f64; 4], km: f64) -> [f64; 4] {
    let dlat = km / 111.0;
    // Degrees of longitude are longest where the box is nearest the equator.
    let low = if b[1] <= 0.0 && b[3] >= 0.0 { 0.0 } else { b[1].abs().min(b[3].abs()) };
    let coslat = low.min(85.0).to_radians().cos();
    let dlon = (km / (111.0 * coslat)).min(180.0);
    [b[0] - dlon, (b[1] - dlat).max(-89.0), b[2] + dlon, (b[3] + dlat).min(89.5)]
}

/// Two grid steps more on every side, so no ground touches the grid's rim.
fn pad(b: [f64; 4], step: (f64, f64)) -> [f64; 4] {
    [b[0] - 2.0 * step.0, b[1] - 2.0 * step.1, b[2] + 2.0 * step.0, b[3] + 2.0 * step.1]
}

fn meet(a: [f64; 4], b: [f64; 4]) -> [f64; 4] {
    [a[0].max(b[0]), a[1].max(b[1]), a[2].min(b[2]), a[3].min(b[3])]
}

/// The border between two groups of states: edges one walks and the other
/// walks back (shapes cut from one topology share their vertices).
pub fn border(a: &[(&str, &MultiPolygon<f64>, Frame)], b: &[(&str, &MultiPolygon<f64>, Frame)]) -> Vec<Vec<(f64, f64)>> {
    let key = |c: &Coord<f64>| (c.x.to_bits(), c.y.to_bits());
    let mut edges: HashMap<((u64, u64), (u64, u64)), ()> = HashMap::new();
    for (_, mp, _) in b {
        for p in &mp.0 {
            for r in std::iter::once(p.exterior()).chain(p.interiors()) {
                for l in r.lines() {
                    edges.insert((key(&l.start), key(&l.end)), ());
                }
            }
        }
    }
    let mut lines: Vec<Vec<(f64, f64)>> = Vec::new();
    for (_, mp, _) in a {
        for p in &mp.0 {
            for r in std::iter::once(p.exterior()).chain(p.interiors()) {
                let mut cur: Vec<(f64, f64)> = Vec::new();
                for l in r.lines() {
                    if edges.contains_key(&(key(&l.end), key(&l.start))) {
                        if cur.is_empty() {
                            cur.push((l.start.x, l.start.y));
                        }
                        cur.push((l.end.x, l.end.y));
                    } else if !cur.is_empty() {
                        lines.push(std::mem::take(&mut cur));
                    }
                }
                if !cur.is_empty() {
                    lines.push(cur);
                }
            }
        }
    }
    lines
}

/// A part to compute and where it will be drawn.
pub struct Pending {
    pub frame: Frame,
    pub also_inset: bool,
    pub lo: f64,
    pub hi: f64,
    pub clip: Vec<String>,
    pub job: PartJob,
}

/// The parts of a zone being computed, a slice at a time.
pub struct PlanJob {
    pending: std::collections::VecDeque<Pending>,
    done: Vec<Planned>,
}

impl PlanJob {
    /// Works while `more()` allows; returns the parts once all are done.
    pub fn run(&mut self, more: &mut dyn FnMut() -> bool) -> Option<Vec<Planned>> {
        while let Some(p) = self.pending.front_mut() {
            let part = p.job.run(more)?;
            let p = self.pending.pop_front().expect("front exists");
            self.done.push(Planned { frame: p.frame, also_inset: p.also_inset, lo: p.lo, hi: p.hi, clip: p.clip, part });
            if !more() && !self.pending.is_empty() {
                return None;
            }
        }
        Some(std::mem::take(&mut self.done))
    }
}

/// The parts of one zone, computed at once (tests, benches).
pub fn plan(kind: Kind, within: &[String], from: &[String], main: &Atlas, far: &Atlas) -> Vec<Planned> {
    let mut job = plan_job(kind, within, from, main, far);
    loop {
        if let Some(done) = job.run(&mut || true) {
            return done;
        }
    }
}

/// The parts of one zone: `within` is the bound party (its land, or for sea
/// the party whose warships are kept out), `from` the other party. Cheap:
/// the work is in running the job.
pub fn plan_job(kind: Kind, within: &[String], from: &[String], main: &Atlas, far: &Atlas) -> PlanJob {
    let targets = shapes(main, far, within);
    let sources = shapes(main, far, from);
    let mut out = Vec::new();
    let owned = |g: &[(&str, &MultiPolygon<f64>)]| -> Vec<(String, MultiPolygon<f64>)> { g.iter().map(|(i, m)| (i.to_string(), (*m).clone())).collect() };
    match kind {
        Kind::Reach => {
            let source = Source::rings(sources.iter().enumerate().map(|(i, s)| (i as u16, s.1)));
            for frame in [Frame::Main, Frame::Inset] {
                let group: Vec<(&str, &MultiPolygon<f64>)> = targets.iter().filter(|t| t.2 == frame).map(|t| (t.0, t.1)).collect();
                let Some(b) = bbox(group.iter().map(|g| g.1), frame.seam()) else { continue };
                // Ground further south (France's overseas departments) is
                // beyond the longest range from anywhere the drafts name.
                let b = [b[0], b[1].max(frame.south()), b[2], b[3]];
                let grid = Grid::cover(pad(grow(b, 30.0), REACH_STEP), REACH_STEP.0, REACH_STEP.1);
                let also_inset = frame == Frame::Main && group.iter().any(|g| g.0 == "RUS");
                let job = PartJob::new(Ground::Land, owned(&group), source.clone(), grid);
                out.push(Pending { frame, also_inset, lo: 0.0, hi: f64::INFINITY, clip: group.iter().map(|g| g.0.to_string()).collect(), job });
            }
        }
        Kind::Band => {
            let lines = border(&targets, &sources);
            let group: Vec<(&str, &MultiPolygon<f64>)> = targets.iter().filter(|t| t.2 == Frame::Main).map(|t| (t.0, t.1)).collect();
            let tb = bbox(group.iter().map(|g| g.1), Frame::Main.seam());
            if let (false, Some(tb)) = (lines.is_empty(), tb) {
                let source = Source::lines(lines.iter().map(|l| (0u16, l.as_slice())));
                let line_box = lines.iter().flatten().fold([f64::INFINITY, f64::INFINITY, f64::NEG_INFINITY, f64::NEG_INFINITY], |b, &(x, y)| [b[0].min(x), b[1].min(y), b[2].max(x), b[3].max(y)]);
                for (lo, hi, reach, step) in [(0.0, FINE_BAND_KM, FINE_BAND_KM + 20.0, FINE_BAND_STEP), (FINE_BAND_KM, f64::INFINITY, MAX_BAND_KM + 40.0, BAND_STEP)] {
                    let grid = Grid::cover(meet(grow(line_box, reach), pad(tb, step)), step.0, step.1);
                    let job = PartJob::new(Ground::Land, owned(&group), source.clone(), grid);
                    out.push(Pending { frame: Frame::Main, also_inset: false, lo, hi, clip: group.iter().map(|g| g.0.to_string()).collect(), job });
                }
            }
        }
        Kind::Sea => {
            let source = Source::rings(sources.iter().enumerate().map(|(i, s)| (i as u16, s.1)));
            let land: Vec<(&str, &MultiPolygon<f64>)> = main.shapes.iter().map(|s| (s.iso.as_str(), &s.shape)).chain(far.shapes.iter().filter(|s| main.get(&s.iso).is_none()).map(|s| (s.iso.as_str(), &s.shape))).collect();
            for (frame, b) in [(Frame::Main, MAIN_SEA), (Frame::Inset, INSET_SEA)] {
                let grid = Grid::cover(b, SEA_STEP.0, SEA_STEP.1);
                let job = PartJob::new(Ground::Sea, owned(&land), source.clone(), grid);
                out.push(Pending { frame, also_inset: false, lo: 0.0, hi: f64::INFINITY, clip: Vec::new(), job });
            }
        }
    }
    PlanJob { pending: out.into(), done: Vec::new() }
}
