//! Geometry to SVG path data: the one stage that turns projected rings into
//! strings. Components only consume the strings.

use super::projection::Albers;
use geo::{LineString, MultiLineString, MultiPolygon};
use std::fmt::Write;

/// Writes one ring or line as `M x,y L x,y …`, rounded to 0.1 km, skipping
/// points that round onto the previous one.
fn push_line(out: &mut String, line: &LineString<f64>, proj: &Albers, close: bool) {
    let mut last: Option<(i64, i64)> = None;
    let mut written = 0;
    // A closed ring's last point repeats its first: `Z` draws that edge.
    let n = line.0.len() - usize::from(close && line.is_closed() && line.0.len() > 1);
    for c in line.coords().take(n) {
        let (x, y) = proj.project(c.x, c.y);
        let q = ((x * 10.0).round() as i64, (y * 10.0).round() as i64);
        if last == Some(q) {
            continue;
        }
        let cmd = if written == 0 { 'M' } else { 'L' };
        let _ = write!(out, "{cmd}{},{}", Tenths(q.0), Tenths(q.1));
        last = Some(q);
        written += 1;
    }
    if close && written > 0 {
        out.push('Z');
    }
}

/// A number of tenths printed as a decimal without trailing zeros.
struct Tenths(i64);

impl std::fmt::Display for Tenths {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let sign = if self.0 < 0 { "-" } else { "" };
        let a = self.0.unsigned_abs();
        match a % 10 {
            0 => write!(f, "{sign}{}", a / 10),
            d => write!(f, "{sign}{}.{d}", a / 10),
        }
    }
}

/// `value` with `places` decimals, as `{:.N}` writes it, through integer
/// formatting: the float formatter and its tables would add about 6 KB
/// gzipped to the WebAssembly for a handful of attributes.
#[derive(Clone, Copy, Debug)]
pub struct Fixed(pub f64, pub u32);

impl std::fmt::Display for Fixed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let scale = 10u64.pow(self.1.min(6));
        let q = (self.0 * scale as f64).round() as i64;
        let sign = if q < 0 { "-" } else { "" };
        let a = q.unsigned_abs();
        match self.1 {
            0 => write!(f, "{sign}{a}"),
            places => write!(f, "{sign}{}.{:0w$}", a / scale, a % scale, w = places.min(6) as usize),
        }
    }
}

/// SVG path data for a multipolygon: every ring closed, holes included (the
/// path is drawn with the even-odd or non-zero rule; rings follow RFC 7946
/// winding, so either works).
pub fn multipolygon_path(mp: &MultiPolygon<f64>, proj: &Albers) -> String {
    let mut out = String::new();
    for poly in mp {
        push_line(&mut out, poly.exterior(), proj, true);
        for hole in poly.interiors() {
            push_line(&mut out, hole, proj, true);
        }
    }
    out
}

/// SVG path data for closed rings given as (longitude, latitude) points,
/// such as a distance zone's.
pub fn rings_path(rings: &[Vec<(f64, f64)>], proj: &Albers) -> String {
    let mut out = String::new();
    for r in rings {
        let line: LineString<f64> = r.iter().map(|&(x, y)| geo::Coord { x, y }).collect::<Vec<_>>().into();
        push_line(&mut out, &line, proj, true);
    }
    out
}

/// SVG path data for open lines, such as a region's dissolved outline.
pub fn lines_path(lines: &MultiLineString<f64>, proj: &Albers) -> String {
    let mut out = String::new();
    for line in lines {
        let closed = line.is_closed();
        push_line(&mut out, line, proj, closed);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use geo::{polygon, Polygon};

    #[test]
    fn square_at_the_origin() {
        let proj = Albers::map();
        let sq: Polygon<f64> = polygon![(x: 40.0, y: 52.5), (x: 41.0, y: 52.5), (x: 41.0, y: 53.0), (x: 40.0, y: 52.5)];
        let d = multipolygon_path(&MultiPolygon(vec![sq]), &proj);
        // The origin (40°E, 52.5°N) projects to 0,0; the ring closes with Z
        // and its repeated last point is not written twice.
        assert!(d.starts_with("M0,0L"), "{d}");
        assert!(d.ends_with('Z'), "{d}");
        assert_eq!(d.matches('M').count(), 1);
        assert_eq!(d.matches('L').count(), 2, "{d}");
    }

    #[test]
    fn numbers_are_rounded_to_tenths() {
        assert_eq!(Tenths(12345).to_string(), "1234.5");
        assert_eq!(Tenths(-7).to_string(), "-0.7");
        assert_eq!(Tenths(-30).to_string(), "-3");
        assert_eq!(Tenths(0).to_string(), "0");
    }

    #[test]
    fn known_point_in_known_place() {
        // 41°E on 52.5°N: 1° of longitude east of the origin spans
        // R·cos(52.5°)·π/180 ≈ 67.7 km on the sphere; between the standard
        // parallels the cone shrinks east-west distances by a few per cent.
        let proj = Albers::map();
        let line = LineString::from(vec![(40.0, 52.5), (41.0, 52.5)]);
        let d = lines_path(&MultiLineString(vec![line]), &proj);
        let x: f64 = d.split('L').nth(1).unwrap().split(',').next().unwrap().parse().unwrap();
        assert!(x < 67.7 && x > 67.7 * 0.96, "{d}");
    }

    #[test]
    fn empty_geometry_gives_empty_path() {
        let proj = Albers::map();
        assert_eq!(multipolygon_path(&MultiPolygon(vec![]), &proj), "");
    }

    #[test]
    fn holes_are_drawn() {
        let proj = Albers::map();
        let with_hole = Polygon::new(
            LineString::from(vec![(30.0, 50.0), (32.0, 50.0), (32.0, 52.0), (30.0, 52.0), (30.0, 50.0)]),
            vec![LineString::from(vec![(30.5, 50.5), (30.5, 51.0), (31.0, 51.0), (30.5, 50.5)])],
        );
        let d = multipolygon_path(&MultiPolygon(vec![with_hole]), &proj);
        assert_eq!(d.matches('M').count(), 2);
        assert_eq!(d.matches('Z').count(), 2);
    }

    #[test]
    fn fixed_writes_like_the_float_formatter() {
        // Away from exact ties (which `{:.N}` rounds to even, `Fixed` away
        // from zero), the two agree.
        for (v, places) in [(0.0, 0), (12.344, 2), (-12.36, 1), (0.06, 1), (1499.6, 0), (3.0, 2), (1234567.891, 3), (0.001, 2), (-7.26, 1), (99.96, 1)] {
            assert_eq!(Fixed(v, places).to_string(), format!("{v:.*}", places as usize), "{v} to {places}");
        }
        // A value that rounds to zero loses its sign.
        assert_eq!(Fixed(-0.04, 1).to_string(), "0.0");
    }
}
