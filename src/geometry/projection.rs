//! Albers equal-area conic projection on the sphere, with its inverse.
//!
//! Chosen for a map of Europe, the Caucasus, Central Asia and Russia: areas
//! are true, so a large state does not look larger than it is, and with
//! standard parallels at 40°N and 65°N the scale error stays within a few
//! per cent between Portugal and the Barents Sea. Output is in kilometres on
//! a sphere of the authalic radius, with y pointing down (SVG's convention).

/// Authalic radius of the WGS84 ellipsoid, km: a sphere of the same area.
pub const EARTH_RADIUS_KM: f64 = 6371.007;

/// The frame the reader sees first, in degrees (west, south, east, north):
/// from Iceland and Portugal to the eastern end of Kazakhstan.
pub const FRAME: [f64; 4] = [-25.0, 34.0, 88.0, 72.0];

/// The projection: pure `(lon, lat) -> (x, y)` and back, in degrees and km.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Albers {
    lon0: f64,
    n: f64,
    c: f64,
    rho0: f64,
}

impl Albers {
    /// Standard parallels `lat1`, `lat2`, central meridian `lon0`, and the
    /// latitude `lat0` whose parallel crosses the origin; all in degrees.
    pub fn new(lat1: f64, lat2: f64, lon0: f64, lat0: f64) -> Self {
        let (p1, p2, p0) = (lat1.to_radians(), lat2.to_radians(), lat0.to_radians());
        let n = (p1.sin() + p2.sin()) / 2.0;
        let c = p1.cos().powi(2) + 2.0 * n * p1.sin();
        let rho0 = (c - 2.0 * n * p0.sin()).sqrt() / n;
        Albers { lon0, n, c, rho0 }
    }

    /// The map's projection: standard parallels 40°N and 65°N, central
    /// meridian 40°E (the middle of the span from Iceland to Kamchatka's
    /// west), origin on 52.5°N.
    pub fn map() -> Self {
        Albers::new(40.0, 65.0, 40.0, 52.5)
    }

    /// Longitude relative to the central meridian, wrapped into [-180, 180).
    fn lambda(&self, lon: f64) -> f64 {
        let d = lon - self.lon0;
        (d + 180.0).rem_euclid(360.0) - 180.0
    }

    /// Projects a point given in degrees to km on the map plane.
    pub fn project(&self, lon: f64, lat: f64) -> (f64, f64) {
        let theta = self.n * self.lambda(lon).to_radians();
        let rho = (self.c - 2.0 * self.n * lat.to_radians().sin()).max(0.0).sqrt() / self.n;
        let x = rho * theta.sin();
        let y = self.rho0 - rho * theta.cos();
        (x * EARTH_RADIUS_KM, -y * EARTH_RADIUS_KM)
    }

    /// The inverse: km on the map plane back to degrees.
    pub fn invert(&self, x: f64, y: f64) -> (f64, f64) {
        let (x, y) = (x / EARTH_RADIUS_KM, -y / EARTH_RADIUS_KM);
        let dy = self.rho0 - y;
        let rho = (x * x + dy * dy).sqrt() * self.n.signum();
        let theta = (x * self.n.signum()).atan2(dy * self.n.signum());
        let lon = self.lon0 + (theta / self.n).to_degrees();
        let s = ((self.c - rho * rho * self.n * self.n) / (2.0 * self.n)).clamp(-1.0, 1.0);
        ((lon + 180.0).rem_euclid(360.0) - 180.0, s.asin().to_degrees())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64, tol: f64) -> bool {
        (a - b).abs() <= tol
    }

    #[test]
    fn origin_maps_to_zero() {
        let p = Albers::map();
        let (x, y) = p.project(40.0, 52.5);
        assert!(close(x, 0.0, 1e-9) && close(y, 0.0, 1e-9), "{x} {y}");
    }

    #[test]
    fn north_is_up_and_east_is_right() {
        let p = Albers::map();
        let (_, y_south) = p.project(40.0, 40.0);
        let (_, y_north) = p.project(40.0, 65.0);
        assert!(y_north < y_south, "SVG y grows downwards");
        let (x_west, _) = p.project(10.0, 52.5);
        let (x_east, _) = p.project(70.0, 52.5);
        assert!(x_west < 0.0 && x_east > 0.0);
    }

    #[test]
    fn distance_along_a_standard_parallel_is_true() {
        // On a standard parallel the scale is exact: 1° of longitude at 40°N
        // spans R·cos(40°)·π/180 km on the sphere.
        let p = Albers::map();
        let (x1, y1) = p.project(39.5, 40.0);
        let (x2, y2) = p.project(40.5, 40.0);
        let expected = EARTH_RADIUS_KM * 40f64.to_radians().cos() * 1f64.to_radians();
        let got = ((x2 - x1).powi(2) + (y2 - y1).powi(2)).sqrt();
        assert!(close(got, expected, expected * 1e-4), "{got} vs {expected}");
    }

    #[test]
    fn equal_area_cells_have_equal_area() {
        // A 1°×1° cell's projected area equals its spherical area.
        let p = Albers::map();
        for &(lon, lat) in &[(-20.0, 64.0), (10.0, 45.0), (80.0, 50.0), (150.0, 60.0)] {
            let corners = [(lon, lat), (lon + 1.0, lat), (lon + 1.0, lat + 1.0), (lon, lat + 1.0)];
            // Densify the parallels: on the map they are arcs, not chords.
            let mut ring = Vec::new();
            for k in 0..4 {
                let (a, b) = (corners[k], corners[(k + 1) % 4]);
                for i in 0..100 {
                    let t = i as f64 / 100.0;
                    ring.push(p.project(a.0 + (b.0 - a.0) * t, a.1 + (b.1 - a.1) * t));
                }
            }
            let planar: f64 = (0..ring.len())
                .map(|i| {
                    let (a, b) = (ring[i], ring[(i + 1) % ring.len()]);
                    a.0 * b.1 - b.0 * a.1
                })
                .sum::<f64>()
                .abs()
                / 2.0;
            let sphere = EARTH_RADIUS_KM.powi(2)
                * 1f64.to_radians()
                * ((lat + 1.0f64).to_radians().sin() - lat.to_radians().sin());
            assert!(close(planar, sphere, sphere * 1e-3), "{lon},{lat}: {planar} vs {sphere}");
        }
    }

    #[test]
    fn inverse_round_trips() {
        let p = Albers::map();
        for &(lon, lat) in &[
            (-24.0, 65.0),
            (-9.1, 38.7),
            (19.9, 54.7),
            (87.3, 49.2),
            (179.9, 68.0),
            (-179.9, 66.0),
            (40.0, 80.0),
        ] {
            let (x, y) = p.project(lon, lat);
            let (lon2, lat2) = p.invert(x, y);
            assert!(close(lon, lon2, 1e-9) && close(lat, lat2, 1e-9), "{lon},{lat} -> {lon2},{lat2}");
        }
    }

    #[test]
    fn both_sides_of_the_antimeridian_meet() {
        // Chukotka straddles 180°: the two sides must project to one place.
        let p = Albers::map();
        let a = p.project(180.0, 66.0);
        let b = p.project(-180.0, 66.0);
        assert!(close(a.0, b.0, 1e-6) && close(a.1, b.1, 1e-6));
    }
}
