//! Cuts the output rings into arcs that neighbours share, so each border is
//! written once (as TopoJSON means), not once for each side.
//!
//! Rings arrive quantized and closed. Each ring's edges are grouped into
//! runs of consecutive edges with the same owners (the rings that contain
//! the edge): a run owned by one ring is coast, by two a border. Both sides
//! of a border cut it at the same points, so the second side finds the run
//! already written, reversed, and refers to it as `!i`. Every point stays
//! where it was: decoding gives back the same rings.

use std::collections::HashMap;

/// A point on the quantized grid.
pub type Pt = (i64, i64);

/// The arcs, and for each input ring its arc references (`!i` for arc `i`
/// reversed, as TopoJSON writes it).
pub struct Shared {
    pub arcs: Vec<Vec<Pt>>,
    pub rings: Vec<Vec<i64>>,
}

fn edge(a: Pt, b: Pt) -> (Pt, Pt) {
    if a <= b { (a, b) } else { (b, a) }
}

/// Shares the arcs of closed rings (first point repeated at the end).
pub fn share(rings: &[Vec<Pt>]) -> Shared {
    let open = |r: &Vec<Pt>| r.len().saturating_sub(1);
    // Which rings hold each edge.
    let mut owners: HashMap<(Pt, Pt), Vec<usize>> = HashMap::new();
    for (id, r) in rings.iter().enumerate() {
        for i in 0..open(r) {
            let list = owners.entry(edge(r[i], r[i + 1])).or_default();
            if list.last() != Some(&id) {
                list.push(id);
            }
        }
    }
    let mut arcs: Vec<Vec<Pt>> = Vec::new();
    let mut index: HashMap<Vec<Pt>, usize> = HashMap::new();
    let mut refer = |run: Vec<Pt>| -> i64 {
        if let Some(&i) = index.get(&run) {
            return i as i64;
        }
        let back: Vec<Pt> = run.iter().rev().copied().collect();
        if let Some(&i) = index.get(&back) {
            return !(i as i64);
        }
        index.insert(run.clone(), arcs.len());
        arcs.push(run);
        (arcs.len() - 1) as i64
    };
    let mut out = Vec::with_capacity(rings.len());
    for r in rings {
        let n = open(r);
        if n == 0 {
            out.push(vec![refer(r.clone())]);
            continue;
        }
        let owner = |i: usize| &owners[&edge(r[i % n], r[(i + 1) % n])];
        // Edges where the owners change: the ring is cut before each.
        let cuts: Vec<usize> = (0..n).filter(|&i| owner(i) != owner(i + n - 1)).collect();
        if cuts.is_empty() {
            // One run all round: an island, or an enclave and the hole it
            // fills. Shared, both sides start at the lowest point.
            let start = if owner(0).len() > 1 { (0..n).min_by_key(|&i| r[i]).unwrap_or(0) } else { 0 };
            let run: Vec<Pt> = (0..=n).map(|k| r[(start + k) % n]).collect();
            out.push(vec![refer(run)]);
            continue;
        }
        let mut refs = Vec::with_capacity(cuts.len());
        for (k, &from) in cuts.iter().enumerate() {
            let to = if k + 1 < cuts.len() { cuts[k + 1] } else { cuts[0] + n };
            refs.push(refer((from..=to).map(|i| r[i % n]).collect()));
        }
        out.push(refs);
    }
    Shared { arcs, rings: out }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A ring back from its references, as a reader joins them: each arc after
    /// the first drops the point it shares with the one before.
    fn join(refs: &[i64], arcs: &[Vec<Pt>]) -> Vec<Pt> {
        let mut ring: Vec<Pt> = Vec::new();
        for &r in refs {
            let arc = &arcs[if r < 0 { !r } else { r } as usize];
            let skip = usize::from(!ring.is_empty());
            if r < 0 {
                ring.extend(arc.iter().rev().skip(skip));
            } else {
                ring.extend(arc.iter().skip(skip));
            }
        }
        ring
    }

    fn closed(pts: &[Pt]) -> Vec<Pt> {
        let mut r = pts.to_vec();
        r.push(pts[0]);
        r
    }

    /// Two squares side by side (counter-clockwise), an island, and a
    /// square with an enclave: the border is written once, every ring
    /// comes back point for point (the enclave and its hole from their
    /// lowest point).
    #[test]
    fn borders_are_written_once_and_rings_come_back() {
        let a = closed(&[(0, 0), (2, 0), (2, 1), (2, 2), (0, 2)]);
        let b = closed(&[(2, 0), (4, 0), (4, 2), (2, 2), (2, 1)]);
        let island = closed(&[(10, 10), (11, 10), (11, 11)]);
        let outer = closed(&[(20, 0), (30, 0), (30, 10), (20, 10)]);
        let hole = closed(&[(22, 2), (22, 4), (24, 4), (24, 2)]);
        let enclave = closed(&[(24, 4), (22, 4), (22, 2), (24, 2)]);
        let rings = vec![a.clone(), b.clone(), island.clone(), outer.clone(), hole.clone(), enclave.clone()];
        let s = share(&rings);
        let points: usize = s.arcs.iter().map(Vec::len).sum();
        // a: the border (3 points) and its coast (4); b: its coast (4);
        // the island (4), the outer ring (5), the enclave once (5).
        assert_eq!(points, 3 + 4 + 4 + 4 + 5 + 5, "{:?}", s.arcs);
        assert!(s.rings[1].iter().any(|&r| r < 0), "b refers to the border reversed: {:?}", s.rings[1]);
        for (i, r) in rings.iter().enumerate() {
            let back = join(&s.rings[i], &s.arcs);
            // The same cycle, from where its first arc starts.
            let n = r.len() - 1;
            let start = r[..n].iter().position(|p| *p == back[0]).expect("a point of the ring");
            let rotated: Vec<Pt> = (0..=n).map(|k| r[(start + k) % n]).collect();
            assert_eq!(back, rotated, "ring {i}");
        }
        // The enclave and the hole it fills both start at their lowest point.
        assert_eq!(join(&s.rings[5], &s.arcs)[0], (22, 2));
        assert_eq!(join(&s.rings[4], &s.arcs)[0], (22, 2));
    }
}
