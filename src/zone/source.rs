//! The ground a distance is measured from: the edges of some states' rings,
//! or a border line, as arcs on the sphere.

use super::sphere::{arc_nearest, chord2, dot, unit, V3};
use geo::MultiPolygon;

/// Segments of rings or lines. Consecutive segments of one ring or line are
/// linked, so a search that found one can try its neighbours.
#[derive(Clone, Debug, Default)]
pub struct Source {
    pts: Vec<V3>,
    lonlat: Vec<(f64, f64)>,
    /// Start and end point of each segment.
    segs: Vec<[u32; 2]>,
    /// The segment before and after, along the same ring or line.
    prev: Vec<u32>,
    next: Vec<u32>,
    /// Which input (state) each segment came from.
    owner: Vec<u16>,
}

pub const NONE: u32 = u32::MAX;

impl Source {
    /// The boundaries of the given shapes, each tagged with its owner.
    pub fn rings<'a>(shapes: impl IntoIterator<Item = (u16, &'a MultiPolygon<f64>)>) -> Source {
        let mut s = Source::default();
        for (owner, mp) in shapes {
            for poly in &mp.0 {
                for ring in std::iter::once(poly.exterior()).chain(poly.interiors()) {
                    let pts: Vec<(f64, f64)> = ring.0.iter().map(|c| (c.x, c.y)).collect();
                    s.push_line(owner, &pts, true);
                }
            }
        }
        s
    }

    /// Open lines (a border), each tagged with its owner.
    pub fn lines<'a>(lines: impl IntoIterator<Item = (u16, &'a [(f64, f64)])>) -> Source {
        let mut s = Source::default();
        for (owner, pts) in lines {
            s.push_line(owner, pts, false);
        }
        s
    }

    fn push_line(&mut self, owner: u16, pts: &[(f64, f64)], closed: bool) {
        let first_seg = self.segs.len() as u32;
        let mut last: Option<u32> = None;
        for &(lon, lat) in pts {
            let v = unit(lon, lat);
            if let Some(l) = last {
                if self.pts[l as usize] == v {
                    continue;
                }
                let i = self.segs.len() as u32;
                self.segs.push([l, self.pts.len() as u32]);
                self.prev.push(if i > first_seg { i - 1 } else { NONE });
                self.next.push(NONE);
                if i > first_seg {
                    self.next[(i - 1) as usize] = i;
                }
                self.owner.push(owner);
            }
            last = Some(self.pts.len() as u32);
            self.pts.push(v);
            self.lonlat.push((lon, lat));
        }
        let end = self.segs.len() as u32;
        if closed && end > first_seg + 1 {
            self.prev[first_seg as usize] = end - 1;
            self.next[(end - 1) as usize] = first_seg;
        }
    }

    pub fn len(&self) -> usize {
        self.segs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.segs.is_empty()
    }

    pub fn owner(&self, seg: u32) -> u16 {
        self.owner[seg as usize]
    }

    /// Both ends of a segment, in degrees.
    pub fn ends(&self, seg: u32) -> [(f64, f64); 2] {
        let [a, b] = self.segs[seg as usize];
        [self.lonlat[a as usize], self.lonlat[b as usize]]
    }

    pub fn ends_unit(&self, seg: u32) -> [V3; 2] {
        let [a, b] = self.segs[seg as usize];
        [self.pts[a as usize], self.pts[b as usize]]
    }

    /// Squared chord from `p` to the segment, and the nearest point.
    pub fn nearest_on(&self, seg: u32, p: V3) -> (f64, V3) {
        let [a, b] = self.ends_unit(seg);
        arc_nearest(a, b, p)
    }

    pub fn neighbours(&self, seg: u32) -> [u32; 2] {
        [self.prev[seg as usize], self.next[seg as usize]]
    }

    /// The nearest of the given candidate segments and their neighbours
    /// along the line, walking on while a neighbour is nearer.
    pub fn nearest_among(&self, p: V3, candidates: impl IntoIterator<Item = u32>) -> Option<(u32, f64, V3)> {
        let mut best: Option<(u32, f64, V3)> = None;
        let consider = |s: u32, best: &mut Option<(u32, f64, V3)>| {
            if s == NONE {
                return false;
            }
            let (c2, q) = self.nearest_on(s, p);
            if best.is_none_or(|b| c2 < b.1) {
                *best = Some((s, c2, q));
                return true;
            }
            false
        };
        for s in candidates {
            consider(s, &mut best);
        }
        // Walk along the line from the best candidate while it improves.
        for _ in 0..64 {
            let Some((s, _, _)) = best else { break };
            let [a, b] = self.neighbours(s);
            let improved_a = consider(a, &mut best);
            let improved_b = consider(b, &mut best);
            if !improved_a && !improved_b {
                break;
            }
        }
        best
    }

    /// The nearest segment by brute force (tests and small sources).
    pub fn nearest_brute(&self, p: V3) -> Option<(u32, f64, V3)> {
        (0..self.segs.len() as u32).map(|s| {
            let (c2, q) = self.nearest_on(s, p);
            (s, c2, q)
        }).min_by(|a, b| a.1.total_cmp(&b.1))
    }

    /// Runs of consecutive segments with a sphere holding them: centre and
    /// chord radius.
    pub fn blocks(&self) -> Vec<(V3, f64, std::ops::Range<u32>)> {
        const RUN: usize = 32;
        (0..self.segs.len()).step_by(RUN).map(|s| {
            let r = s..(s + RUN).min(self.segs.len());
            let mut c = [0.0; 3];
            for seg in &self.segs[r.clone()] {
                let a = self.pts[seg[0] as usize];
                c = [c[0] + a[0], c[1] + a[1], c[2] + a[2]];
            }
            let n = dot(c, c).sqrt().max(1e-12);
            let c = [c[0] / n, c[1] / n, c[2] / n];
            let rad = self.segs[r.clone()].iter().flat_map(|g| [chord2(c, self.pts[g[0] as usize]), chord2(c, self.pts[g[1] as usize])]).fold(0.0, f64::max).sqrt();
            (c, rad, r.start as u32..r.end as u32)
        }).collect()
    }

    /// The exact nearest segment, skipping runs that cannot hold it;
    /// `hint` (a segment likely near, such as a neighbour's) tightens the
    /// bound from the start.
    pub fn nearest_in(&self, blocks: &[(V3, f64, std::ops::Range<u32>)], p: V3, hint: Option<u32>) -> Option<(u32, f64, V3)> {
        let mut best: Option<(u32, f64, V3)> = hint.filter(|&h| h != NONE).map(|h| {
            let (c2, q) = self.nearest_on(h, p);
            (h, c2, q)
        });
        for (c, rad, range) in blocks {
            if let Some(b) = best {
                let lb = (chord2(p, *c).sqrt() - rad).max(0.0);
                if lb * lb >= b.1 {
                    continue;
                }
            }
            for s in range.clone() {
                let (c2, q) = self.nearest_on(s, p);
                if best.is_none_or(|b| c2 < b.1) {
                    best = Some((s, c2, q));
                }
            }
        }
        best
    }
}
