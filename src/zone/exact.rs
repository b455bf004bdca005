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
use super::sphere::{lonlat, unit};
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
    /// input's. Two rounds, in case the nearest source point changes.
    pub fn place(&self, lon: f64, lat: f64, km: f64) -> (f64, f64) {
        let (mut lon, mut lat) = (lon, lat);
        for _ in 0..2 {
            let Some((d, (qlon, qlat), azi)) = self.measure(lon, lat) else { break };
            if (d - km).abs() < 0.05 || d < 1e-6 {
                break;
            }
            let (nlat, nlon): (f64, f64) = self.geod.direct(qlat, qlon, azi, km * 1000.0);
            lon = nlon + 360.0 * ((lon - nlon) / 360.0).round();
            lat = nlat;
        }
        (lon, lat)
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
        let p = self.place(m.0, m.1, km);
        self.split(a, p, km, depth - 1, out);
        out.push(p);
        self.split(p, b, km, depth - 1, out);
    }
}
