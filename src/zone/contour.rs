//! Marching squares: the rings where a grid's values cross a level, and the
//! part of each cell under it.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Edge ids are distinct integers: a multiply spreads them over the table
/// without the cost of SipHash.
#[derive(Default)]
struct FibHasher(u64);

impl Hasher for FibHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 ^ *b as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }
    fn write_u64(&mut self, v: u64) {
        self.0 = v.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

type Fib = BuildHasherDefault<FibHasher>;

/// A contour point on the edge between nodes `a` and `b` (grid indices, or
/// `usize::MAX` for the padding outside the grid), in grid units.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Vertex {
    pub x: f64,
    pub y: f64,
    pub a: usize,
    pub b: usize,
}

/// The padding beyond the grid.
pub const OUT: usize = usize::MAX;

/// Closed rings around the nodes whose value is at most `level`; the inside
/// is on the left, so outer rings turn counter-clockwise with latitude up.
/// Beyond the grid counts as outside.
pub fn rings(values: &[f32], nx: usize, ny: usize, level: f32) -> Vec<Vec<Vertex>> {
    rings_in(values, nx, ny, level, None)
}

/// Squares of `BLOCK` × `BLOCK` cells with the least and greatest value at
/// their nodes: a square wholly on one side of a level has no edge in it.
pub const BLOCK: usize = 8;

#[derive(Clone, Copy, Debug)]
pub struct Block {
    pub min: f32,
    pub max: f32,
}

/// The blocks of a grid, row by row (`nx.div_ceil(BLOCK)` a row).
pub fn blocks(values: &[f32], nx: usize, ny: usize) -> Vec<Block> {
    let (bx, by) = ((nx - 1).div_ceil(BLOCK), (ny - 1).div_ceil(BLOCK));
    let mut out = vec![Block { min: f32::INFINITY, max: f32::NEG_INFINITY }; bx * by];
    for j in 0..ny {
        // A node row belongs to the blocks above and below it.
        let rows = [(j / BLOCK).min(by - 1), (j.saturating_sub(1) / BLOCK).min(by - 1)];
        for i in 0..nx {
            let v = values[j * nx + i];
            let cols = [(i / BLOCK).min(bx - 1), (i.saturating_sub(1) / BLOCK).min(bx - 1)];
            for &b in &rows {
                for &a in &cols {
                    let k = &mut out[b * bx + a];
                    k.min = k.min.min(v);
                    k.max = k.max.max(v);
                }
            }
        }
    }
    out
}

/// As [`rings`], visiting only the blocks the level crosses.
pub fn rings_in(values: &[f32], nx: usize, ny: usize, level: f32, blocks: Option<&[Block]>) -> Vec<Vec<Vertex>> {
    let px = nx + 2;
    let val = |i: usize, j: usize| -> (f32, usize) {
        // Padded coordinates: node (i, j) of the grid is (i + 1, j + 1).
        if i == 0 || j == 0 || i > nx || j > ny {
            (f32::INFINITY, OUT)
        } else {
            let k = (j - 1) * nx + (i - 1);
            (values[k], k)
        }
    };
    let inside = |v: f32| v <= level;
    let mut next: HashMap<u64, u64, Fib> = HashMap::default();
    let mut point: HashMap<u64, Vertex, Fib> = HashMap::default();
    // Cells in padded coordinates: the rim (touching the padding) always,
    // inner cells by the blocks that the level crosses.
    let mut cells: Vec<(usize, usize)> = Vec::new();
    for i in 0..nx + 1 {
        cells.push((i, 0));
        cells.push((i, ny));
    }
    for j in 1..ny {
        cells.push((0, j));
        cells.push((nx, j));
    }
    let (bx, by) = ((nx - 1).div_ceil(BLOCK), (ny - 1).div_ceil(BLOCK));
    for b in 0..bx * by {
        if let Some(k) = blocks.map(|bl| bl[b]) {
            if k.min > level || k.max <= level {
                continue;
            }
        }
        // Block cells in padded coordinates, rim excluded.
        let (i0, j0) = ((b % bx) * BLOCK + 1, (b / bx) * BLOCK + 1);
        for j in j0..(j0 + BLOCK).min(ny) {
            for i in i0..(i0 + BLOCK).min(nx) {
                cells.push((i, j));
            }
        }
    }
    for (i, j) in cells {
        {
            let c = [val(i, j), val(i + 1, j), val(i + 1, j + 1), val(i, j + 1)];
            let ins = [inside(c[0].0), inside(c[1].0), inside(c[2].0), inside(c[3].0)];
            let count = ins.iter().filter(|&&b| b).count();
            if count == 0 || count == 4 {
                continue;
            }
            let edge_id = |e: usize| -> u64 {
                let (ei, ej, vertical) = match e {
                    0 => (i, j, false),
                    1 => (i + 1, j, true),
                    2 => (i, j + 1, false),
                    _ => (i, j, true),
                };
                2 * (ej * px + ei) as u64 + vertical as u64
            };
            let mut crossings: Vec<(usize, bool)> = Vec::with_capacity(4);
            for e in 0..4 {
                let (a, b) = (e, (e + 1) % 4);
                if ins[a] != ins[b] {
                    crossings.push((e, ins[a]));
                    let id = edge_id(e);
                    point.entry(id).or_insert_with(|| {
                        // Interpolate from the inside end.
                        let (ia, ob) = if ins[a] { (a, b) } else { (b, a) };
                        let (vi, vo) = (c[ia].0, c[ob].0);
                        let t = if vo.is_finite() { ((level - vi) / (vo - vi)).clamp(0.0, 1.0) as f64 } else { 0.0 };
                        let corner = |n: usize| -> (f64, f64) {
                            let (dx, dy) = [(0, 0), (1, 0), (1, 1), (0, 1)][n];
                            ((i + dx) as f64 - 1.0, (j + dy) as f64 - 1.0)
                        };
                        let (p, q) = (corner(ia), corner(ob));
                        Vertex { x: p.0 + (q.0 - p.0) * t, y: p.1 + (q.1 - p.1) * t, a: c[ia].1, b: c[ob].1 }
                    });
                }
            }
            let pairs: Vec<(usize, usize)> = if crossings.len() == 2 {
                let (x, y) = if crossings[0].1 { (crossings[0].0, crossings[1].0) } else { (crossings[1].0, crossings[0].0) };
                vec![(x, y)]
            } else {
                // A saddle: join the inside corners if the centre is inside.
                let centre = c.iter().map(|v| v.0).sum::<f32>() / 4.0;
                let exits: Vec<usize> = (0..4).filter(|&k| crossings[k].1).collect();
                exits.iter().map(|&k| {
                    let partner = if inside(centre) { (k + 1) % 4 } else { (k + 3) % 4 };
                    (crossings[k].0, crossings[partner].0)
                }).collect()
            };
            for (from, to) in pairs {
                next.insert(edge_id(from), edge_id(to));
            }
        }
    }
    let mut out = Vec::new();
    let mut starts: Vec<u64> = next.keys().copied().collect();
    starts.sort_unstable();
    for s in starts {
        if !next.contains_key(&s) {
            continue;
        }
        let mut ring = Vec::new();
        let mut cur = s;
        while let Some(n) = next.remove(&cur) {
            ring.push(point[&cur]);
            cur = n;
        }
        if ring.len() >= 3 {
            ring.push(ring[0]);
            out.push(ring);
        }
    }
    out
}

/// The part of the cell with lower-left node `(i, j)` where the values,
/// linear along each edge, are at most `level`.
pub fn cell_fraction(values: &[f32], nx: usize, i: usize, j: usize, level: f32) -> f64 {
    let k = j * nx + i;
    let v = [values[k], values[k + 1], values[k + nx + 1], values[k + nx]];
    let ins = v.map(|x| x <= level);
    match ins.iter().filter(|&&b| b).count() {
        0 => return 0.0,
        4 => return 1.0,
        _ => {}
    }
    let corner = [(0.0, 0.0), (1.0, 0.0), (1.0, 1.0), (0.0, 1.0)];
    let mut poly: Vec<(f64, f64)> = Vec::with_capacity(8);
    for e in 0..4 {
        let n = (e + 1) % 4;
        if ins[e] {
            poly.push(corner[e]);
        }
        if ins[e] != ins[n] {
            let t = if v[n].is_finite() && v[e].is_finite() { ((level - v[e]) / (v[n] - v[e])).clamp(0.0, 1.0) as f64 } else if ins[e] { 0.0 } else { 1.0 };
            poly.push((corner[e].0 + (corner[n].0 - corner[e].0) * t, corner[e].1 + (corner[n].1 - corner[e].1) * t));
        }
    }
    let mut a = 0.0;
    for w in 0..poly.len() {
        let (p, q) = (poly[w], poly[(w + 1) % poly.len()]);
        a += p.0 * q.1 - q.0 * p.1;
    }
    (a / 2.0).abs()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cone(nx: usize, ny: usize, cx: f64, cy: f64) -> Vec<f32> {
        (0..nx * ny).map(|k| (((k % nx) as f64 - cx).hypot((k / nx) as f64 - cy)) as f32).collect()
    }

    #[test]
    fn a_circle_is_one_counter_clockwise_ring() {
        let v = cone(21, 21, 10.0, 10.0);
        let r = rings(&v, 21, 21, 5.0);
        assert_eq!(r.len(), 1);
        let ring = &r[0];
        let area: f64 = ring.windows(2).map(|w| w[0].x * w[1].y - w[1].x * w[0].y).sum::<f64>() / 2.0;
        assert!(area > 0.0, "counter-clockwise");
        assert!((area - std::f64::consts::PI * 25.0).abs() < 1.0, "{area}");
        for p in ring {
            assert!(((p.x - 10.0).hypot(p.y - 10.0) - 5.0).abs() < 0.1);
        }
        let cells: f64 = (0..20).flat_map(|j| (0..20).map(move |i| (i, j))).map(|(i, j)| cell_fraction(&v, 21, i, j, 5.0)).sum();
        assert!((cells - area).abs() < 0.01, "{cells} vs {area}");
    }

    #[test]
    fn a_ring_cut_by_the_grid_edge_closes_along_it() {
        let v = cone(11, 11, 0.0, 0.0);
        let r = rings(&v, 11, 11, 5.0);
        assert_eq!(r.len(), 1);
        assert!(r[0].iter().any(|p| p.x == 0.0) && r[0].iter().any(|p| p.y == 0.0));
    }

    #[test]
    fn nothing_below_the_level_gives_no_ring() {
        let v = cone(11, 11, 5.0, 5.0);
        assert!(rings(&v, 11, 11, -1.0).is_empty());
    }
}
