//! Distance zones: the ground within a chosen distance of a source (missile
//! reach, a band along a border, strike range over the sea), computed live.
//!
//! A zone is built in two steps. When its source changes (the date or a
//! reading), a [`Field`] of great-circle distances is computed on a grid,
//! with what each cell may hold (the bound party's land, or open sea). Then
//! for each distance the reader picks, marching squares draws the level
//! line (about a millisecond), and [`exact`] moves each of its points onto
//! the chosen distance measured on the ellipsoid. The area sums the cells.

pub mod contour;
pub mod exact;
pub mod field;
pub mod plan;
pub mod source;
pub mod sphere;

use contour::cell_fraction;
use exact::Exact;
pub use field::{Field, FieldJob, Grid};
use geo::MultiPolygon;
pub use source::Source;
use sphere::unit;

/// Breadth of territorial waters: 12 nautical miles, km.
pub const TERRITORIAL_WATERS_KM: f64 = 22.224;

/// What a zone may cover.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ground {
    /// The land of the states given as targets.
    Land,
    /// The sea, outside the territorial waters measured from the source.
    Sea,
}

/// A zone's shape at one distance.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Shape {
    /// Rings in degrees (longitudes continuous, possibly past 180°); drawn
    /// with the even–odd rule and clipped to the part's ground (for sea:
    /// drawn under the land, with the territorial waters over it).
    pub rings: Vec<Vec<(f64, f64)>>,
    pub area_km2: f64,
    /// States whose land lies in the zone (land), or whose coast borders it
    /// (sea).
    pub states: Vec<String>,
}

/// One computed zone: a source, a grid, and what each cell may hold.
#[derive(Clone, Debug)]
pub struct Part {
    pub ground: Ground,
    pub field: Field,
    pub source: Source,
    /// For each cell (by its lower-left node), the part of it the zone may
    /// cover: the targets' land, or the sea.
    pub cover: Vec<f32>,
    /// Each target state and its least distance (km) from the source: for
    /// sea, from its coast.
    pub nearest: Vec<(String, f64)>,
    /// Least and greatest distance in each block of cells, so a level skips
    /// the blocks it does not cross.
    blocks: Vec<contour::Block>,
    /// Each block's area the zone may cover, km².
    block_area: Vec<f64>,
    /// For sea: the territorial waters' edge and what lies within it,
    /// the same at every distance.
    inner: Option<(Vec<Vec<(f64, f64)>>, Vec<Vec<(f64, f64)>>, f64)>,
}

/// A [`Part`] being computed, in steps small enough to run between frames.
pub struct PartJob {
    ground: Ground,
    /// Land: the bound party's states; sea: all land, for the coasts.
    targets: Vec<(String, MultiPolygon<f64>)>,
    source: Source,
    job: FieldJob,
    field: Option<Field>,
    cover: Option<Vec<f32>>,
    /// Sea: how many states use each vertex (a coast's are used once).
    uses: std::collections::HashMap<(u64, u64), u32>,
    nearest: Vec<(String, f64)>,
    /// Sea: the part, then the territorial waters' edge, coarse and exact.
    part: Option<Part>,
    waters: Vec<(Vec<(f64, f64)>, Vec<bool>)>,
    fine: Vec<Vec<(f64, f64)>>,
}

impl PartJob {
    pub fn new(ground: Ground, targets: Vec<(String, MultiPolygon<f64>)>, source: Source, grid: Grid) -> PartJob {
        PartJob {
            ground,
            targets,
            source,
            job: FieldJob::new(grid),
            field: None,
            cover: None,
            uses: Default::default(),
            nearest: Vec::new(),
            part: None,
            waters: Vec::new(),
            fine: Vec::new(),
        }
    }

    /// Works while `more()` allows; returns the part once it is complete.
    pub fn run(&mut self, more: &mut dyn FnMut() -> bool) -> Option<Part> {
        if self.part.is_none() {
            return self.build(more);
        }
        self.waters_step(more)
    }

    fn build(&mut self, more: &mut dyn FnMut() -> bool) -> Option<Part> {
        if self.field.is_none() {
            self.field = Some(self.job.run(&self.source, more)?);
            if !more() {
                return None;
            }
        }
        let field = self.field.as_ref().expect("computed above");
        if self.cover.is_none() {
            let rings: Vec<Vec<(f64, f64)>> = self.targets.iter().flat_map(|(_, mp)| ring_points(mp)).collect();
            let cover = field::coverage(&field.grid, rings.iter().map(Vec::as_slice));
            self.cover = Some(match self.ground {
                Ground::Land => cover,
                Ground::Sea => {
                    for r in &rings {
                        for p in &r[1..] {
                            *self.uses.entry((p.0.to_bits(), p.1.to_bits())).or_default() += 1;
                        }
                    }
                    cover.into_iter().map(|c| (1.0 - c).clamp(0.0, 1.0)).collect()
                }
            });
            if !more() {
                return None;
            }
        }
        while self.nearest.len() < self.targets.len() {
            let (iso, mp) = &self.targets[self.nearest.len()];
            let d = match self.ground {
                Ground::Land => Part::least(field, &self.source, ring_points(mp)),
                Ground::Sea => {
                    let uses = &self.uses;
                    let coast = ring_points(mp).flat_map(|r| r.into_iter().filter(|p| uses.get(&(p.0.to_bits(), p.1.to_bits())) == Some(&1)).collect::<Vec<_>>());
                    Part::least_at(field, &self.source, coast)
                }
            };
            self.nearest.push((iso.clone(), d));
            if !more() {
                return None;
            }
        }
        {
            let cover = self.cover.take().expect("computed above");
            let part = Part::finish(self.ground, self.field.take().expect("computed above"), std::mem::take(&mut self.source), cover, std::mem::take(&mut self.nearest));
            if self.ground == Ground::Land {
                return Some(part);
            }
            // Sea: the territorial waters' edge, a ring at a time.
            let w = TERRITORIAL_WATERS_KM;
            self.waters = part.coarse_rings(w);
            self.part = Some(part);
        }
        if !more() {
            return None;
        }
        self.waters_step(more)
    }

    fn waters_step(&mut self, more: &mut dyn FnMut() -> bool) -> Option<Part> {
        let part = self.part.as_ref().expect("made above");
        let w = TERRITORIAL_WATERS_KM;
        while self.fine.len() < self.waters.len() {
            let (pts, on) = &self.waters[self.fine.len()];
            self.fine.push(part.exact_ring(pts, on, w));
            if !more() {
                return None;
            }
        }
        let mut part = self.part.take().expect("made above");
        let coarse = std::mem::take(&mut self.waters).into_iter().map(|(p, _)| p).collect();
        part.inner = Some((coarse, std::mem::take(&mut self.fine), part.area_below(w)));
        Some(part)
    }
}

/// The smallest box `[west, south, east, north]` holding the shapes, with
/// longitudes brought into `[seam, seam + 360)`.
pub fn bbox<'a>(shapes: impl IntoIterator<Item = &'a MultiPolygon<f64>>, seam: f64) -> Option<[f64; 4]> {
    let mut b = [f64::INFINITY, f64::INFINITY, f64::NEG_INFINITY, f64::NEG_INFINITY];
    for mp in shapes {
        for p in &mp.0 {
            for c in &p.exterior().0 {
                let lon = seam + (c.x - seam).rem_euclid(360.0);
                b = [b[0].min(lon), b[1].min(c.y), b[2].max(lon), b[3].max(c.y)];
            }
        }
    }
    b[0].is_finite().then_some(b)
}

fn ring_points(mp: &MultiPolygon<f64>) -> impl Iterator<Item = Vec<(f64, f64)>> + '_ {
    mp.0.iter().flat_map(|p| std::iter::once(p.exterior()).chain(p.interiors())).map(|r| r.0.iter().map(|c| (c.x, c.y)).collect())
}

/// Points along a ring no further apart than `step` degrees.
fn densify(ring: &[(f64, f64)], step: f64) -> Vec<(f64, f64)> {
    let mut out = Vec::with_capacity(ring.len());
    for w in ring.windows(2) {
        let (a, b) = (w[0], w[1]);
        let mut dx = b.0 - a.0;
        dx -= 360.0 * (dx / 360.0).round();
        let n = ((dx.abs().max((b.1 - a.1).abs())) / step).ceil().max(1.0) as usize;
        for k in 0..n {
            let f = k as f64 / n as f64;
            out.push((a.0 + dx * f, a.1 + (b.1 - a.1) * f));
        }
    }
    out.extend(ring.last());
    out
}

impl Part {
    fn finish(ground: Ground, field: Field, source: Source, cover: Vec<f32>, nearest: Vec<(String, f64)>) -> Part {
        let g = &field.grid;
        let blocks = contour::blocks(&field.km, g.nx, g.ny);
        let bx = (g.nx - 1).div_ceil(contour::BLOCK);
        let mut block_area = vec![0.0; blocks.len()];
        for j in 0..g.ny - 1 {
            let cell = g.cell_area_km2(j);
            for i in 0..g.nx - 1 {
                block_area[(j / contour::BLOCK) * bx + i / contour::BLOCK] += cover[j * g.nx + i] as f64 * cell;
            }
        }
        Part { ground, field, source, cover, nearest, blocks, block_area, inner: None }
    }

    /// The area (km²) of the ground within `km` of the source.
    fn area_below(&self, km: f64) -> f64 {
        let g = &self.field.grid;
        let bx = (g.nx - 1).div_ceil(contour::BLOCK);
        let level = km as f32;
        let mut area = 0.0;
        for (b, k) in self.blocks.iter().enumerate() {
            if k.min > level || self.block_area[b] == 0.0 {
                continue;
            }
            if k.max <= level {
                area += self.block_area[b];
                continue;
            }
            let (bi, bj) = (b % bx, b / bx);
            for j in bj * contour::BLOCK..((bj + 1) * contour::BLOCK).min(g.ny - 1) {
                let cell = g.cell_area_km2(j);
                for i in bi * contour::BLOCK..((bi + 1) * contour::BLOCK).min(g.nx - 1) {
                    let c = self.cover[j * g.nx + i];
                    if c > 0.0 {
                        area += cell_fraction(&self.field.km, g.nx, i, j, level) * c as f64 * cell;
                    }
                }
            }
        }
        area
    }

    fn least(field: &Field, source: &Source, rings: impl Iterator<Item = Vec<(f64, f64)>>) -> f64 {
        let step = field.grid.dlat.min(field.grid.dlon) / 2.0;
        Self::least_at(field, source, rings.flat_map(|r| densify(&r, step)))
    }

    /// The least exact distance from the points to the source.
    fn least_at(field: &Field, source: &Source, pts: impl Iterator<Item = (f64, f64)>) -> f64 {
        let mut best: Option<(f64, (f64, f64))> = None;
        for (lon, lat) in pts {
            let (x, y) = field.grid.units(lon, lat);
            if !(0.0..field.grid.nx as f64).contains(&x) || !(0.0..field.grid.ny as f64).contains(&y) {
                continue;
            }
            if let Some((_, c2, _)) = source.nearest_among(unit(lon, lat), field.candidates(x, y)) {
                if best.is_none_or(|b| c2 < b.0) {
                    best = Some((c2, (lon, lat)));
                }
            }
        }
        match best {
            Some((_, (lon, lat))) => Exact::new(field, source).measure(lon, lat).map_or(f64::INFINITY, |m| m.0),
            None => f64::INFINITY,
        }
    }

    /// Whether the zone may lie in or next to the cell holding a point.
    fn covered(&self, lon: f64, lat: f64) -> bool {
        let g = &self.field.grid;
        let (x, y) = g.units(lon, lat);
        let (i, j) = (x.floor() as isize, y.floor() as isize);
        (-1..=1).any(|dj| (-1..=1).any(|di| {
            let (a, b) = (i + di, j + dj);
            a >= 0 && b >= 0 && (a as usize) < g.nx - 1 && (b as usize) < g.ny - 1 && self.cover[b as usize * g.nx + a as usize] > 0.0
        }))
    }

    /// The coarse rings at `km` near the ground, each with which of its
    /// points lie on the level line near the ground (not those where the
    /// ring closes along the grid's rim).
    fn coarse_rings(&self, km: f64) -> Vec<(Vec<(f64, f64)>, Vec<bool>)> {
        let g = &self.field.grid;
        let coarse = contour::rings_in(&self.field.km, g.nx, g.ny, km as f32, Some(&self.blocks));
        coarse.into_iter().filter_map(|r| {
            let pts: Vec<(f64, f64)> = r.iter().map(|v| g.at(v.x, v.y)).collect();
            let on: Vec<bool> = r.iter().zip(&pts).map(|(v, p)| v.a != contour::OUT && v.b != contour::OUT && self.covered(p.0, p.1)).collect();
            on.iter().any(|&b| b).then_some((pts, on))
        }).collect()
    }

    fn exact_ring(&self, pts: &[(f64, f64)], on: &[bool], km: f64) -> Vec<(f64, f64)> {
        Exact::new(&self.field, &self.source).ring(pts, km, 4, |i| on[i])
    }

    fn level_rings(&self, km: f64, exact: bool) -> Vec<Vec<(f64, f64)>> {
        self.coarse_rings(km).into_iter().map(|(pts, on)| if exact { self.exact_ring(&pts, &on, km) } else { pts }).collect()
    }

    /// For a sea zone, the edge of the source's territorial waters, which
    /// the zone leaves out: the same at every distance, so drawn once.
    pub fn waters(&self, exact: bool) -> &[Vec<(f64, f64)>] {
        match &self.inner {
            Some((coarse, fine, _)) => if exact { fine } else { coarse },
            None => &[],
        }
    }

    /// The zone at `km`; `exact` places every drawn point on the ellipsoid
    /// (the coarse pass, on the sphere, is within half a per cent).
    pub fn at(&self, km: f64, exact: bool) -> Shape {
        if !(km > 0.0) || self.source.is_empty() {
            return Shape::default();
        }
        let rings = self.level_rings(km, exact);
        let mut area = self.area_below(km);
        if let Some((_, _, inner_area)) = &self.inner {
            if km <= TERRITORIAL_WATERS_KM {
                return Shape::default();
            }
            area = (area - inner_area).max(0.0);
        }
        let states = self.nearest.iter().filter(|(_, d)| *d <= km).map(|(iso, _)| iso.clone()).collect();
        Shape { rings, area_km2: area, states }
    }
}
