//! A distance field: for each node of a longitude–latitude grid, the nearest
//! segment of a source and the great-circle distance to it.
//!
//! Computed once per source (when the date or a reading changes, not while
//! a slider moves) by a vector distance transform: nodes along the source
//! are seeded with the segments that pass them, then two raster sweeps hand
//! each node its neighbours' nearest segments to try, and a walk along the
//! line polishes each result. Every node's value is a true distance to a
//! real segment; the sweeps only choose which one.

use super::source::{Source, NONE};
use super::sphere::{chord2_km, unit, V3};

/// Nodes at `lon0 + i·dlon`, `lat0 + j·dlat`. Longitudes may run past 180°
/// so that a region across the antimeridian has one unbroken grid.
#[derive(Clone, Debug, PartialEq)]
pub struct Grid {
    pub lon0: f64,
    pub lat0: f64,
    pub dlon: f64,
    pub dlat: f64,
    pub nx: usize,
    pub ny: usize,
}

impl Grid {
    /// The grid covering `[west, south, east, north]` with the given steps.
    pub fn cover(bbox: [f64; 4], dlon: f64, dlat: f64) -> Grid {
        let lon0 = (bbox[0] / dlon).floor() * dlon;
        let lat0 = ((bbox[1] / dlat).floor() * dlat).max(-90.0);
        let nx = ((bbox[2] - lon0) / dlon).ceil() as usize + 1;
        let ny = (((bbox[3].min(90.0) - lat0) / dlat).ceil() as usize + 1).min(((90.0 - lat0) / dlat) as usize + 1);
        Grid { lon0, lat0, dlon, dlat, nx: nx.max(2), ny: ny.max(2) }
    }

    pub fn len(&self) -> usize {
        self.nx * self.ny
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Longitude and latitude of a point given in grid units.
    pub fn at(&self, x: f64, y: f64) -> (f64, f64) {
        (self.lon0 + x * self.dlon, self.lat0 + y * self.dlat)
    }

    /// Grid units of a point, with the longitude brought next to the grid.
    pub fn units(&self, lon: f64, lat: f64) -> (f64, f64) {
        let mid = self.lon0 + self.dlon * (self.nx as f64 - 1.0) / 2.0;
        let lon = lon + 360.0 * ((mid - lon) / 360.0).round();
        ((lon - self.lon0) / self.dlon, (lat - self.lat0) / self.dlat)
    }

    /// Area of the cell whose lower-left node is on row `j`, km², on the
    /// sphere of the WGS84 authalic radius.
    pub fn cell_area_km2(&self, j: usize) -> f64 {
        let r = crate::geometry::projection::EARTH_RADIUS_KM;
        let (a, b) = (self.lat0 + j as f64 * self.dlat, self.lat0 + (j + 1) as f64 * self.dlat);
        r * r * self.dlon.to_radians() * (b.min(90.0).to_radians().sin() - a.to_radians().sin()).abs()
    }
}

/// Distances from every node of a grid to a source.
#[derive(Clone, Debug)]
pub struct Field {
    pub grid: Grid,
    /// Great-circle distance to the source, km (`f32::INFINITY` if empty).
    pub km: Vec<f32>,
    /// Nearest segment of the source.
    pub seg: Vec<u32>,
}

/// The field's computation in steps of a row, so that a page can spread it
/// over several frames and never hold up the reader's input.
#[derive(Clone, Debug)]
pub struct FieldJob {
    grid: Grid,
    node: Vec<V3>,
    c2: Vec<f64>,
    seg: Vec<u32>,
    /// 0: seed, 1: rim, 2–5: the sweeps (forward and backward, twice),
    /// 6: polish, 7: done.
    stage: u8,
    row: usize,
}

impl FieldJob {
    pub fn new(grid: Grid) -> FieldJob {
        let n = grid.len();
        FieldJob { node: Vec::with_capacity(n), c2: vec![f64::INFINITY; n], seg: vec![NONE; n], grid, stage: 0, row: 0 }
    }

    fn try_seg(&mut self, source: &Source, k: usize, s: u32) {
        if s == NONE || self.seg[k] == s {
            return;
        }
        let (d, _) = source.nearest_on(s, self.node[k]);
        if d < self.c2[k] {
            self.c2[k] = d;
            self.seg[k] = s;
        }
    }

    /// Works until `more()` says stop (checked after each row); returns the
    /// field once it is complete.
    pub fn run(&mut self, source: &Source, more: &mut dyn FnMut() -> bool) -> Option<Field> {
        let (nx, ny) = (self.grid.nx, self.grid.ny);
        while self.stage < 7 {
            match self.stage {
                0 => {
                    // Node positions, a row at a time; then the seeds.
                    if self.row < ny {
                        let j = self.row;
                        for i in 0..nx {
                            let (lon, lat) = self.grid.at(i as f64, j as f64);
                            self.node.push(unit(lon, lat));
                        }
                        self.row += 1;
                    } else {
                        self.seed(source);
                        self.stage = 1;
                    }
                }
                1 => {
                    // The grid's rim, exactly: a source beyond the grid (an
                    // island across the pole, a coast outside the box) enters
                    // through it.
                    let blocks = source.blocks();
                    let rim: Vec<usize> = (0..nx).flat_map(|i| [i, (ny - 1) * nx + i]).chain((0..ny).flat_map(|j| [j * nx, j * nx + nx - 1])).collect();
                    let mut hint = None;
                    for k in rim {
                        if let Some((s, _, _)) = source.nearest_in(&blocks, self.node[k], hint) {
                            self.try_seg(source, k, s);
                            hint = Some(s);
                        }
                    }
                    self.stage = 2;
                    self.row = 0;
                }
                2 | 4 => {
                    // Forward: from below and the left, then back along the row.
                    let j = self.row;
                    for i in 0..nx {
                        let k = j * nx + i;
                        if i > 0 {
                            self.try_seg(source, k, self.seg[k - 1]);
                        }
                        if j > 0 {
                            let o = k - nx;
                            self.try_seg(source, k, self.seg[o]);
                            if i > 0 {
                                self.try_seg(source, k, self.seg[o - 1]);
                            }
                            if i + 1 < nx {
                                self.try_seg(source, k, self.seg[o + 1]);
                            }
                        }
                    }
                    for i in (0..nx - 1).rev() {
                        let k = j * nx + i;
                        self.try_seg(source, k, self.seg[k + 1]);
                    }
                    self.row += 1;
                    if self.row == ny {
                        self.stage += 1;
                        self.row = 0;
                    }
                }
                3 | 5 => {
                    // Backward: from above and the right, then along the row.
                    let j = ny - 1 - self.row;
                    for i in (0..nx).rev() {
                        let k = j * nx + i;
                        if i + 1 < nx {
                            self.try_seg(source, k, self.seg[k + 1]);
                        }
                        if j + 1 < ny {
                            let o = k + nx;
                            self.try_seg(source, k, self.seg[o]);
                            if i + 1 < nx {
                                self.try_seg(source, k, self.seg[o + 1]);
                            }
                            if i > 0 {
                                self.try_seg(source, k, self.seg[o - 1]);
                            }
                        }
                    }
                    for i in 1..nx {
                        let k = j * nx + i;
                        self.try_seg(source, k, self.seg[k - 1]);
                    }
                    self.row += 1;
                    if self.row == ny {
                        self.stage += 1;
                        self.row = 0;
                    }
                }
                _ => {
                    // Polish: walk along the line from each node's segment.
                    let j = self.row;
                    for k in j * nx..(j + 1) * nx {
                        if self.seg[k] != NONE {
                            if let Some((s, d, _)) = source.nearest_among(self.node[k], [self.seg[k]]) {
                                self.seg[k] = s;
                                self.c2[k] = d;
                            }
                        }
                    }
                    self.row += 1;
                    if self.row == ny {
                        self.stage = 7;
                    }
                }
            }
            if self.stage < 7 && !more() {
                return None;
            }
        }
        let km = self.c2.iter().map(|&c| if c.is_finite() { chord2_km(c) as f32 } else { f32::INFINITY }).collect();
        Some(Field { grid: self.grid.clone(), km, seg: std::mem::take(&mut self.seg) })
    }

    /// Seeds the nodes around points sampled along each segment.
    fn seed(&mut self, source: &Source) {
        let (nx, ny) = (self.grid.nx, self.grid.ny);
        let grid = self.grid.clone();
        let step = 0.4 * grid.dlat.min(grid.dlon);
        for s in 0..source.len() as u32 {
            let [(lon_a, lat_a), (lon_b, lat_b)] = source.ends(s);
            let (xa, ya) = grid.units(lon_a, lat_a);
            let (mut xb, yb) = grid.units(lon_b, lat_b);
            if (xb - xa).abs() * grid.dlon > 180.0 {
                xb += (360.0 / grid.dlon) * (xa - xb).signum();
            }
            let len = ((xb - xa) * grid.dlon).abs().max(((yb - ya) * grid.dlat).abs());
            let k = (len / step).ceil().max(1.0) as usize;
            for t in 0..=k {
                let f = t as f64 / k as f64;
                let (x, y) = (xa + (xb - xa) * f, ya + (yb - ya) * f);
                let (i0, j0) = (x.floor(), y.floor());
                for (di, dj) in [(0.0, 0.0), (1.0, 0.0), (0.0, 1.0), (1.0, 1.0)] {
                    let (i, j) = (i0 + di, j0 + dj);
                    if i >= 0.0 && j >= 0.0 && (i as usize) < nx && (j as usize) < ny {
                        self.try_seg(source, j as usize * nx + i as usize, s);
                    }
                }
            }
        }
    }
}

impl Field {
    /// Computes the whole field at once (tests, benches).
    pub fn compute(grid: Grid, source: &Source) -> Field {
        let mut job = FieldJob::new(grid);
        loop {
            if let Some(f) = job.run(source, &mut || true) {
                return f;
            }
        }
    }

    /// The candidate segments near a point given in grid units: those of
    /// the sixteen nodes around it (a small island's segment can reach one
    /// node and not its neighbour).
    pub fn candidates(&self, x: f64, y: f64) -> impl Iterator<Item = u32> + '_ {
        let g = &self.grid;
        let i = (x.floor().max(0.0) as usize).min(g.nx - 2);
        let j = (y.floor().max(0.0) as usize).min(g.ny - 2);
        let (i0, j0) = (i.saturating_sub(1), j.saturating_sub(1));
        let (i1, j1) = ((i + 2).min(g.nx - 1), (j + 2).min(g.ny - 1));
        let mut seen: Vec<u32> = Vec::with_capacity(16);
        for jj in j0..=j1 {
            for ii in i0..=i1 {
                let s = self.seg[jj * g.nx + ii];
                if !seen.contains(&s) {
                    seen.push(s);
                }
            }
        }
        seen.into_iter()
    }
}

/// The part of each cell (by the lower-left node's index) covered by the
/// given rings under the even–odd rule: exact along four lines of latitude
/// through each row of cells, averaged.
pub fn coverage<'a>(grid: &Grid, rings: impl IntoIterator<Item = &'a [(f64, f64)]>) -> Vec<f32> {
    const SUB: usize = 4;
    let rows = (grid.ny - 1) * SUB;
    let mut crossings: Vec<Vec<f64>> = vec![Vec::new(); rows];
    for ring in rings {
        let pts: Vec<(f64, f64)> = unwrap(grid, ring);
        for w in pts.windows(2) {
            let ((x1, y1), (x2, y2)) = (w[0], w[1]);
            if y1 == y2 {
                continue;
            }
            let (lo, hi) = (y1.min(y2), y1.max(y2));
            // Sub-row r sits at y = (r + 0.5) / SUB grid units.
            let r0 = ((lo * SUB as f64 - 0.5).ceil().max(0.0)) as usize;
            let mut r = r0;
            while r < rows {
                let y = (r as f64 + 0.5) / SUB as f64;
                if y >= hi {
                    break;
                }
                if y >= lo {
                    crossings[r].push(x1 + (x2 - x1) * (y - y1) / (y2 - y1));
                }
                r += 1;
            }
        }
    }
    let mut cov = vec![0f32; grid.len()];
    let w = 1.0 / SUB as f64;
    for (r, xs) in crossings.iter_mut().enumerate() {
        xs.sort_by(f64::total_cmp);
        let j = r / SUB;
        for pair in xs.chunks_exact(2) {
            let (a, b) = (pair[0].max(0.0), pair[1].min((grid.nx - 1) as f64));
            if b <= a {
                continue;
            }
            let (ia, ib) = (a.floor() as usize, (b.ceil() as usize).min(grid.nx - 1));
            for i in ia..ib {
                let o = (b.min(i as f64 + 1.0) - a.max(i as f64)).max(0.0);
                cov[j * grid.nx + i] += (o * w) as f32;
            }
        }
    }
    cov
}

/// A ring's points in grid units, longitudes kept continuous.
pub fn unwrap(grid: &Grid, ring: &[(f64, f64)]) -> Vec<(f64, f64)> {
    let mut out: Vec<(f64, f64)> = Vec::with_capacity(ring.len());
    for &(lon, lat) in ring {
        let (mut x, y) = grid.units(lon, lat);
        if let Some(&(px, _)) = out.last() {
            let turn = 360.0 / grid.dlon;
            x += turn * ((px - x) / turn).round();
        }
        out.push((x, y));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use geo::{polygon, MultiPolygon};

    #[test]
    fn sweeps_find_the_nearest_segment_as_brute_force_does() {
        let mp = MultiPolygon(vec![polygon![(x: 20.0, y: 50.0), (x: 30.0, y: 50.0), (x: 34.0, y: 56.0), (x: 27.0, y: 54.0), (x: 22.0, y: 60.0), (x: 20.0, y: 50.0)]]);
        let src = Source::rings([(0u16, &mp)]);
        let grid = Grid::cover([0.0, 40.0, 60.0, 70.0], 0.5, 0.4);
        let f = Field::compute(grid.clone(), &src);
        let mut worst = 0f64;
        for k in 0..grid.len() {
            let (lon, lat) = grid.at((k % grid.nx) as f64, (k / grid.nx) as f64);
            let (_, c2, _) = src.nearest_brute(unit(lon, lat)).unwrap();
            worst = worst.max((f.km[k] as f64 - chord2_km(c2)).abs());
        }
        assert!(worst < 0.01, "worst difference {worst} km");
    }

    #[test]
    fn coverage_of_a_box_is_its_area() {
        let grid = Grid::cover([0.0, 0.0, 10.0, 10.0], 1.0, 1.0);
        let ring = [(2.5, 2.0), (6.5, 2.0), (6.5, 5.0), (2.5, 5.0), (2.5, 2.0)];
        let cov = coverage(&grid, [&ring[..]]);
        let total: f32 = cov.iter().sum();
        assert!((total - 12.0).abs() < 1e-4, "{total}");
        assert!((cov[2 * grid.nx + 2] - 0.5).abs() < 1e-6);
        assert!((cov[3 * grid.nx + 4] - 1.0).abs() < 1e-6);
    }
}
