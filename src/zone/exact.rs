//! The exact pass: contour points moved onto the chosen distance as
//! measured on the WGS84 ellipsoid by Karney's algorithm
//! (`geographiclib-rs`, the library behind `geo::Geodesic`).
//!
//! For a contour point the nearest point of the source is found among the
//! grid's candidates; the point is then placed on the geodesic from that
//! nearest point through it, at exactly the chosen distance. Where a ring
//! turns a corner between grid points (two parts of the source equally
//! far), the midpoint of each edge is checked and, if it strays, placed too.

use super::field::Field;
use super::source::Source;
use super::sphere::{chord2, lonlat, unit};
use geographiclib_rs::{DirectGeodesic, Geodesic, InverseGeodesic};

/// How far (km) a midpoint may stray from the distance before the edge is
/// split.
pub const SPLIT_KM: f64 = 0.5;

/// Measures exact distances from points near a field's grid to its source.
pub struct Exact<'a> {
    pub field: &'a Field,
    pub source: &'a Source,
    geod: Geodesic,
}

fn wrap(lon: f64) -> f64 {
    (lon + 180.0).rem_euclid(360.0) - 180.0
}

impl<'a> Exact<'a> {
    pub fn new(field: &'a Field, source: &'a Source) -> Self {
        Exact { field, source, geod: Geodesic::wgs84() }
    }

    /// Geodesic distance (km) from a point to the source, the nearest
    /// source point, and the azimuth there towards the point.
    pub fn measure(&self, lon: f64, lat: f64) -> Option<(f64, (f64, f64), f64)> {
        let (x, y) = self.field.grid.units(lon, lat);
        let (_, _, q) = self.source.nearest_among(unit(lon, lat), self.field.candidates(x, y))?;
        let (qlon, qlat) = lonlat(q);
        let (s12, azi1, _azi2, _a12): (f64, f64, f64, f64) = self.geod.inverse(qlat, qlon, lat, wrap(lon));
        Some((s12 / 1000.0, (qlon, qlat), azi1))
    }

    /// The point at `km` from the source on the geodesic from its nearest
    /// source point through `(lon, lat)`; the longitude stays next to the
    /// input's. Where another part of the source is nearer the new point
    /// (a corner of the zone), the point is found by bisection between a
    /// point too near and one too far.
    pub fn place(&self, lon: f64, lat: f64, km: f64) -> (f64, f64) {
        let (mut lon, mut lat) = (lon, lat);
        let mut near: Option<(f64, f64)> = None;
        let mut far: Option<(f64, f64)> = None;
        for _ in 0..4 {
            let Some((d, (qlon, qlat), azi)) = self.measure(lon, lat) else { return (lon, lat) };
            if (d - km).abs() < 0.05 || d < 1e-6 {
                return (lon, lat);
            }
            if d < km { near = Some((lon, lat)) } else { far = Some((lon, lat)) }
            if let (Some(a), Some(b)) = (near, far) {
                return self.bisect(a, b, km);
            }
            let (nlat, nlon): (f64, f64) = self.geod.direct(qlat, qlon, azi, km * 1000.0);
            lon = nlon + 360.0 * ((lon - nlon) / 360.0).round();
            lat = nlat;
        }
        (lon, lat)
    }

    /// The point between `near` (within `km`) and `far` (beyond) at `km`.
    fn bisect(&self, mut near: (f64, f64), mut far: (f64, f64), km: f64) -> (f64, f64) {
        for _ in 0..24 {
            let m = ((near.0 + far.0) / 2.0, (near.1 + far.1) / 2.0);
            let Some((d, _, _)) = self.measure(m.0, m.1) else { return m };
            if (d - km).abs() < 0.05 {
                return m;
            }
            if d < km { near = m } else { far = m }
        }
        ((near.0 + far.0) / 2.0, (near.1 + far.1) / 2.0)
    }

    /// Places every point of a ring and splits the edges whose midpoint
    /// strays, up to `depth` times. `refine(i)` says which points to touch.
    pub fn ring(&self, pts: &[(f64, f64)], km: f64, depth: u32, refine: impl Fn(usize) -> bool) -> Vec<(f64, f64)> {
        let placed: Vec<(f64, f64)> = pts.iter().enumerate().map(|(i, &(lon, lat))| if refine(i) { self.place(lon, lat, km) } else { (lon, lat) }).collect();
        let mut out = Vec::with_capacity(placed.len() * 2);
        for (i, w) in placed.windows(2).enumerate() {
            out.push(w[0]);
            if refine(i) && refine(i + 1) {
                self.split(w[0], w[1], km, depth, &mut out);
            }
        }
        if let Some(&last) = placed.last() {
            out.push(last);
        }
        out
    }

    fn split(&self, a: (f64, f64), b: (f64, f64), km: f64, depth: u32, out: &mut Vec<(f64, f64)>) {
        if depth == 0 {
            return;
        }
        let m = ((a.0 + b.0) / 2.0, (a.1 + b.1) / 2.0);
        let Some((d, _, _)) = self.measure(m.0, m.1) else { return };
        if (d - km).abs() <= SPLIT_KM {
            return;
        }
        let p = if d > km { self.corner(a, b, km).unwrap_or_else(|| self.place(m.0, m.1, km)) } else { self.place(m.0, m.1, km) };
        self.split(a, p, km, depth - 1, out);
        out.push(p);
        self.split(p, b, km, depth - 1, out);
    }

    /// Where the edge turns a corner between `a` and `b` (each nearest to
    /// a different part of the source), the corner: the point on the edge
    /// equally far from both parts, found on the line from the chord's
    /// equidistant point towards the two parts.
    fn corner(&self, a: (f64, f64), b: (f64, f64), km: f64) -> Option<(f64, f64)> {
        let (_, qa, _) = self.measure(a.0, a.1)?;
        let (_, qb, _) = self.measure(b.0, b.1)?;
        let (ua, ub) = (unit(qa.0, qa.1), unit(qb.0, qb.1));
        if chord2(ua, ub) < 1e-12 {
            return None;
        }
        let at = |t: f64| (a.0 + (b.0 - a.0) * t, a.1 + (b.1 - a.1) * t);
        let gap = |t: f64| {
            let p = at(t);
            let u = unit(p.0, p.1);
            chord2(u, ua) - chord2(u, ub)
        };
        let (mut lo, mut hi) = (0.0, 1.0);
        if gap(lo) > 0.0 || gap(hi) < 0.0 {
            return None;
        }
        for _ in 0..30 {
            let mid = (lo + hi) / 2.0;
            if gap(mid) <= 0.0 { lo = mid } else { hi = mid }
        }
        let c = at((lo + hi) / 2.0);
        // Towards the two parts: between them the source is within reach.
        let mid = lonlat([ua[0] + ub[0], ua[1] + ub[1], ua[2] + ub[2]]);
        let toward = (mid.0 + 360.0 * ((c.0 - mid.0) / 360.0).round(), mid.1);
        let (dc, _, _) = self.measure(c.0, c.1)?;
        let (dt, _, _) = self.measure(toward.0, toward.1)?;
        if !(dc > km && dt < km) {
            return None;
        }
        let p = self.bisect(toward, c, km);
        // A corner lies near its chord; anything else is another sheet.
        let span = (a.0 - b.0).hypot(a.1 - b.1);
        ((p.0 - c.0).hypot(p.1 - c.1) <= 2.0 * span).then_some(p)
    }
}
