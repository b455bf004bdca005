//! Points as unit vectors, and the nearest point of a great-circle arc.
//!
//! The coarse pass of a zone measures on a sphere of the WGS84 mean radius:
//! it only ranks candidates and places the grid's values. Every distance the
//! reader is shown is then measured on the ellipsoid (Karney's algorithm,
//! through `geo::Geodesic`): see [`super::exact`].

pub type V3 = [f64; 3];

/// Mean radius of the WGS84 ellipsoid, km.
pub const MEAN_RADIUS_KM: f64 = 6371.0088;

pub fn unit(lon: f64, lat: f64) -> V3 {
    let (lo, la) = (lon.to_radians(), lat.to_radians());
    [la.cos() * lo.cos(), la.cos() * lo.sin(), la.sin()]
}

/// Longitude in (-180, 180] and latitude, in degrees.
pub fn lonlat(v: V3) -> (f64, f64) {
    (v[1].atan2(v[0]).to_degrees(), v[2].atan2((v[0] * v[0] + v[1] * v[1]).sqrt()).to_degrees())
}

pub fn dot(a: V3, b: V3) -> f64 {
    a[0] * b[0] + a[1] * b[1] + a[2] * b[2]
}

pub fn cross(a: V3, b: V3) -> V3 {
    [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]]
}

fn sub(a: V3, b: V3) -> V3 {
    [a[0] - b[0], a[1] - b[1], a[2] - b[2]]
}

pub fn chord2(a: V3, b: V3) -> f64 {
    let d = sub(a, b);
    dot(d, d)
}

/// Great-circle distance, km, for a squared chord of the unit sphere.
pub fn chord2_km(c2: f64) -> f64 {
    2.0 * (c2.max(0.0).sqrt() / 2.0).min(1.0).asin() * MEAN_RADIUS_KM
}

/// The point of the arc `a`–`b` nearest to `p`, and its squared chord to `p`.
pub fn arc_nearest(a: V3, b: V3, p: V3) -> (f64, V3) {
    let n = cross(a, b);
    let nn = dot(n, n);
    if nn > 1e-24 {
        let k = dot(p, n) / nn;
        let q = [p[0] - k * n[0], p[1] - k * n[1], p[2] - k * n[2]];
        // Between the ends: on the same side of both end planes.
        if dot(cross(a, q), n) >= 0.0 && dot(cross(q, b), n) >= 0.0 {
            let ql = dot(q, q).sqrt();
            if ql > 1e-12 {
                let q = [q[0] / ql, q[1] / ql, q[2] / ql];
                return (chord2(p, q), q);
            }
        }
    }
    let (da, db) = (chord2(p, a), chord2(p, b));
    if da <= db {
        (da, a)
    } else {
        (db, b)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_point_of_an_arc() {
        // The equator from 0° to 10°E; a point at 5°E, 1°N is one degree away.
        let (a, b) = (unit(0.0, 0.0), unit(10.0, 0.0));
        let (c2, q) = arc_nearest(a, b, unit(5.0, 1.0));
        assert!((chord2_km(c2) - MEAN_RADIUS_KM * 1f64.to_radians()).abs() < 1e-6);
        let (lon, lat) = lonlat(q);
        assert!((lon - 5.0).abs() < 1e-9 && lat.abs() < 1e-9);
        // Beyond the end: the end is nearest.
        let (c2, q) = arc_nearest(a, b, unit(12.0, 0.0));
        assert!((chord2_km(c2) - MEAN_RADIUS_KM * 2f64.to_radians()).abs() < 1e-6);
        assert_eq!(q, b);
    }
}
