//! Cuts rings that cross the antimeridian (the source draws Chukotka as one
//! ring jumping from 180° to −180°) into rings on either side, as RFC 7946
//! §3.1.9 asks. Only points on 180° are added; no vertex moves.

use geo::{Coord, LineString, MultiPolygon, Polygon};

fn side(c: &Coord<f64>) -> i8 {
    if c.x < 180.0 {
        -1
    } else if c.x > 180.0 {
        1
    } else {
        0
    }
}

/// Splits one closed ring; `Ok(None)` when it does not cross.
fn cut_ring(ring: &LineString<f64>) -> Result<Option<Vec<LineString<f64>>>, String> {
    let crosses = ring.lines().any(|l| (l.end.x - l.start.x).abs() > 180.0);
    if !crosses {
        return Ok(None);
    }
    // Shift the western side east, so the ring runs on without a jump.
    let mut pts: Vec<Coord<f64>> = ring.0[..ring.0.len() - 1]
        .iter()
        .map(|c| Coord { x: if c.x < 0.0 { c.x + 360.0 } else { c.x }, y: c.y })
        .collect();
    let first_left = pts.iter().position(|c| side(c) < 0).ok_or("ring lies east of 180°")?;
    pts.rotate_left(first_left);
    let n = pts.len();
    let mut pieces: Vec<(i8, Vec<Coord<f64>>)> = vec![(-1, vec![pts[0]])];
    for i in 1..=n {
        let (p, q) = (pts[i - 1], pts[i % n]);
        let cs = pieces.last().expect("one piece at least").0;
        let sq = side(&q);
        if sq == 0 || sq == cs {
            pieces.last_mut().expect("one piece at least").1.push(q);
            continue;
        }
        let x = if side(&p) == 0 {
            p
        } else {
            let t = (180.0 - p.x) / (q.x - p.x);
            let x = Coord { x: 180.0, y: p.y + (q.y - p.y) * t };
            pieces.last_mut().expect("one piece at least").1.push(x);
            x
        };
        pieces.push((sq, vec![x, q]));
    }
    // The walk ends where it began: the last piece runs on into the first.
    let (last_side, mut last) = pieces.pop().expect("one piece at least");
    if last_side != -1 {
        return Err("ring ends east of 180° after an odd number of crossings".into());
    }
    last.pop(); // the start point, already first in the first piece
    last.extend(pieces[0].1.iter().copied());
    pieces[0].1 = last;
    if pieces.len() != 2 {
        return Err(format!("ring crosses 180° {} times; only two are handled", pieces.len()));
    }
    Ok(Some(
        pieces
            .into_iter()
            .map(|(s, mut v)| {
                if s > 0 {
                    for c in &mut v {
                        c.x -= 360.0;
                    }
                }
                v.dedup();
                let first = v[0];
                if v.last() != Some(&first) {
                    v.push(first);
                }
                LineString(v)
            })
            .collect(),
    ))
}

/// Cuts every polygon whose outer ring crosses 180°.
pub fn cut(mp: MultiPolygon<f64>) -> Result<MultiPolygon<f64>, String> {
    let mut out = Vec::new();
    for poly in mp {
        match cut_ring(poly.exterior())? {
            None => out.push(poly),
            Some(rings) => {
                if !poly.interiors().is_empty() {
                    return Err("a polygon crossing 180° has holes; not handled".into());
                }
                out.extend(rings.into_iter().map(|r| Polygon::new(r, vec![])));
            }
        }
    }
    Ok(MultiPolygon(out))
}

#[cfg(test)]
mod tests {
    use super::*;
    use geo::Area;

    #[test]
    fn square_across_the_antimeridian_becomes_two() {
        let ring = LineString::from(vec![(178.0, 60.0), (-178.0, 60.0), (-178.0, 62.0), (178.0, 62.0), (178.0, 60.0)]);
        let mp = cut(MultiPolygon(vec![Polygon::new(ring, vec![])])).unwrap();
        assert_eq!(mp.0.len(), 2);
        for p in &mp {
            assert!(p.exterior().coords().all(|c| (-180.0..=180.0).contains(&c.x)));
            assert!((p.unsigned_area() - 4.0).abs() < 1e-9, "{p:?}");
        }
    }

    #[test]
    fn ring_that_does_not_cross_is_kept() {
        let ring = LineString::from(vec![(10.0, 0.0), (11.0, 0.0), (11.0, 1.0), (10.0, 0.0)]);
        let mp = cut(MultiPolygon(vec![Polygon::new(ring.clone(), vec![])])).unwrap();
        assert_eq!(mp.0[0].exterior(), &ring);
    }

    #[test]
    fn points_on_the_line_are_shared_by_both_sides() {
        let ring = LineString::from(vec![(179.0, 0.0), (-180.0, 0.0), (-179.0, 0.0), (-179.0, 1.0), (180.0, 1.0), (179.0, 1.0), (179.0, 0.0)]);
        let mp = cut(MultiPolygon(vec![Polygon::new(ring, vec![])])).unwrap();
        assert_eq!(mp.0.len(), 2);
        let total: f64 = mp.0.iter().map(|p| p.unsigned_area()).sum();
        assert!((total - 2.0).abs() < 1e-9);
    }
}
