//! Dissolves polygons that share borders into one shape: an edge that one
//! member walks one way and another member walks back is an inner border
//! and drops out; the edges left are stitched into rings. Exact for shapes
//! cut from one topology, whose shared borders have identical vertices; it
//! regroups edges and never moves a point.

use geo::{Area, Contains, Coord, LineString, MultiPolygon, Point, Polygon};

type Key = (u64, u64);

fn key(c: &Coord<f64>) -> Key {
    (c.x.to_bits(), c.y.to_bits())
}

/// Dissolves the given polygons (their outer rings and holes) into one
/// multipolygon.
pub fn dissolve<'a>(polygons: impl IntoIterator<Item = &'a Polygon<f64>>) -> MultiPolygon<f64> {
    let mut edges: Vec<(Coord<f64>, Coord<f64>)> = Vec::new();
    for p in polygons {
        for ring in std::iter::once(p.exterior()).chain(p.interiors()) {
            edges.extend(ring.lines().filter(|l| l.start != l.end).map(|l| (l.start, l.end)));
        }
    }
    // Sorted `Vec`s, not B-trees: less code in the WebAssembly.
    let mut present: Vec<(Key, Key)> = edges.iter().map(|(a, b)| (key(a), key(b))).collect();
    present.sort_unstable();
    let outer: Vec<(Coord<f64>, Coord<f64>)> =
        edges.into_iter().filter(|(a, b)| present.binary_search(&(key(b), key(a))).is_err()).collect();
    // The edges by where they start, those starting at one point in the
    // order they come: (start, (index, 0)), a `(Key, Key)` so that one sort
    // serves both lists.
    let mut by_start: Vec<(Key, Key)> = outer.iter().enumerate().map(|(i, (a, _))| (key(a), (i as u64, 0))).collect();
    by_start.sort_unstable();
    let mut used = vec![false; outer.len()];
    let mut closed: Vec<LineString<f64>> = Vec::new();
    for start in 0..outer.len() {
        if used[start] {
            continue;
        }
        let mut pts = vec![outer[start].0];
        let mut cur = start;
        loop {
            used[cur] = true;
            let end = outer[cur].1;
            pts.push(end);
            if key(&end) == key(&pts[0]) {
                break;
            }
            let k = key(&end);
            let from = by_start.partition_point(|(s, _)| *s < k);
            match by_start[from..].iter().take_while(|(s, _)| *s == k).map(|&(_, (i, _))| i as usize).find(|&i| !used[i]) {
                Some(next) => cur = next,
                None => break, // an open chain: the input rings were not closed
            }
        }
        if pts.len() >= 4 && pts.first() == pts.last() {
            closed.push(LineString(pts));
        }
    }
    rings_to_polygons(closed)
}

/// Sorts closed rings into outer rings and holes: rings turning the way the
/// largest ring turns are outer rings; each hole goes to the smallest outer
/// ring that holds it.
fn rings_to_polygons(closed: Vec<LineString<f64>>) -> MultiPolygon<f64> {
    let signed: Vec<f64> = closed.iter().map(|r| Polygon::new(r.clone(), vec![]).signed_area()).collect();
    let Some(big) = signed.iter().copied().max_by(|a, b| a.abs().total_cmp(&b.abs())) else {
        return MultiPolygon(vec![]);
    };
    let (mut outers, mut holes) = (Vec::new(), Vec::new());
    for (ring, s) in closed.into_iter().zip(signed) {
        if s.signum() == big.signum() {
            outers.push(Polygon::new(ring, vec![]));
        } else {
            holes.push(ring);
        }
    }
    for hole in holes {
        let probe = Point(hole.0[0]);
        if let Some(o) = outers
            .iter_mut()
            .filter(|o| o.contains(&probe) || o.exterior().0.contains(&hole.0[0]))
            .min_by(|a, b| a.unsigned_area().total_cmp(&b.unsigned_area()))
        {
            o.interiors_push(hole);
        }
    }
    MultiPolygon(outers)
}

#[cfg(test)]
mod tests {
    use super::*;
    use geo::polygon;

    #[test]
    fn two_squares_sharing_a_side_become_one_rectangle() {
        let left = polygon![(x: 0.0, y: 0.0), (x: 1.0, y: 0.0), (x: 1.0, y: 1.0), (x: 0.0, y: 1.0), (x: 0.0, y: 0.0)];
        let right = polygon![(x: 1.0, y: 0.0), (x: 2.0, y: 0.0), (x: 2.0, y: 1.0), (x: 1.0, y: 1.0), (x: 1.0, y: 0.0)];
        let mp = dissolve([&left, &right]);
        assert_eq!(mp.0.len(), 1);
        assert!((mp.unsigned_area() - 2.0).abs() < 1e-12);
        // Only the outline remains: 6 edges (two of them collinear), 7 points.
        assert_eq!(mp.0[0].exterior().0.len(), 7);
    }

    #[test]
    fn a_state_inside_another_leaves_no_hole_once_dissolved() {
        let outer = Polygon::new(
            LineString::from(vec![(0.0, 0.0), (4.0, 0.0), (4.0, 4.0), (0.0, 4.0), (0.0, 0.0)]),
            vec![LineString::from(vec![(1.0, 1.0), (1.0, 2.0), (2.0, 2.0), (2.0, 1.0), (1.0, 1.0)])],
        );
        let inner = polygon![(x: 1.0, y: 1.0), (x: 2.0, y: 1.0), (x: 2.0, y: 2.0), (x: 1.0, y: 2.0), (x: 1.0, y: 1.0)];
        let mp = dissolve([&outer, &inner]);
        assert_eq!(mp.0.len(), 1);
        assert!(mp.0[0].interiors().is_empty());
        assert!((mp.unsigned_area() - 16.0).abs() < 1e-12);
    }

    #[test]
    fn a_hole_stays_a_hole() {
        let outer = Polygon::new(
            LineString::from(vec![(0.0, 0.0), (4.0, 0.0), (4.0, 4.0), (0.0, 4.0), (0.0, 0.0)]),
            vec![LineString::from(vec![(1.0, 1.0), (1.0, 2.0), (2.0, 2.0), (2.0, 1.0), (1.0, 1.0)])],
        );
        let mp = dissolve([&outer]);
        assert_eq!(mp.0[0].interiors().len(), 1);
        assert!((mp.unsigned_area() - 15.0).abs() < 1e-12);
    }

    #[test]
    fn separate_islands_stay_separate() {
        let a = polygon![(x: 0.0, y: 0.0), (x: 1.0, y: 0.0), (x: 1.0, y: 1.0), (x: 0.0, y: 0.0)];
        let b = polygon![(x: 5.0, y: 0.0), (x: 6.0, y: 0.0), (x: 6.0, y: 1.0), (x: 5.0, y: 0.0)];
        assert_eq!(dissolve([&a, &b]).0.len(), 2);
    }

    #[test]
    fn empty_input_is_empty() {
        assert!(dissolve([]).0.is_empty());
    }
}
