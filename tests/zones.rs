//! Distance zones against the ellipsoid: every drawn edge point of a zone
//! lies at the chosen distance from the source, within 1 % or 5 km, as
//! measured by Karney's algorithm from the unsimplified Natural Earth
//! 1:50m geometry; and points of the ground fall in or out of the zone as
//! their own exact distance says.

mod common;

use geo::{Contains, MultiPolygon, Point};
use geographiclib_rs::{DirectGeodesic, Geodesic, InverseGeodesic};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;
use treaty_map::build::antimeridian;
use treaty_map::build::topology::Topology;
use treaty_map::geometry::atlas::Atlas;
use treaty_map::model::date::Date;
use treaty_map::zone::plan::{plan, Frame, Kind, Planned};
use treaty_map::zone::sphere::{arc_nearest, chord2, chord2_km, unit, V3};
use treaty_map::zone::Shape;

const TODAY: Date = Date { year: 2026, month: 11, day: 22 };

struct World {
    main: Atlas,
    far: Atlas,
    /// Unsimplified 1:50m shapes by output state.
    full: BTreeMap<String, MultiPolygon<f64>>,
    /// Sorted.
    nato: Vec<String>,
}

fn world() -> &'static World {
    static W: OnceLock<World> = OnceLock::new();
    W.get_or_init(|| {
        let d = common::data();
        let far = Atlas::parse_file(&common::read("far.topo.json"), "far.topo.json").expect("far.topo.json loads").0;
        let topo = Topology::parse(&common::read("source/world-50m.json"), "countries").expect("source");
        let mut full: BTreeMap<String, MultiPolygon<f64>> = BTreeMap::new();
        for shape in &topo.shapes {
            let a3 = shape.properties.get("a3").and_then(|v| v.as_str()).unwrap_or("");
            let iso = d.facts.merged_into(a3).unwrap_or(a3).to_string();
            full.entry(iso).or_insert_with(|| MultiPolygon(vec![])).0.extend(topo.multipolygon(shape).0);
        }
        let full = full.into_iter().map(|(k, v)| (k, antimeridian::cut(v.clone()).unwrap_or(v))).collect();
        let nato = d.facts.states.iter().filter(|s| d.facts.is_nato_member(&s.iso, TODAY)).map(|s| s.iso.clone()).collect::<BTreeSet<_>>().into_iter().collect();
        World { main: d.atlas, far, full, nato }
    })
}

/// The codes, sorted and each once, as the scopes give them.
fn set(s: &str) -> Vec<String> {
    common::set(s).into_iter().collect()
}

/// Segments of the unsimplified source, in blocks with a bounding sphere so
/// the nearest can be found exactly without trying them all.
struct Exact {
    segs: Vec<(V3, V3, (f64, f64), (f64, f64))>,
    blocks: Vec<(V3, f64, std::ops::Range<usize>)>,
    geod: Geodesic,
}

impl Exact {
    fn new(shapes: &[&MultiPolygon<f64>]) -> Exact {
        Self::from_lines(shapes.iter().flat_map(|mp| mp.0.iter()).flat_map(|p| std::iter::once(p.exterior()).chain(p.interiors())).map(|r| r.0.iter().map(|c| (c.x, c.y)).collect()).collect())
    }

    fn from_lines(lines: Vec<Vec<(f64, f64)>>) -> Exact {
        let mut segs = Vec::new();
        for l in &lines {
            for w in l.windows(2) {
                segs.push((unit(w[0].0, w[0].1), unit(w[1].0, w[1].1), w[0], w[1]));
            }
        }
        let blocks = (0..segs.len()).step_by(32).map(|s| {
            let r = s..(s + 32).min(segs.len());
            let mut c = [0.0; 3];
            for (a, _, _, _) in &segs[r.clone()] {
                c = [c[0] + a[0], c[1] + a[1], c[2] + a[2]];
            }
            let n = (c[0] * c[0] + c[1] * c[1] + c[2] * c[2]).sqrt();
            let c = [c[0] / n, c[1] / n, c[2] / n];
            let rad = segs[r.clone()].iter().flat_map(|(a, b, _, _)| [chord2(c, *a), chord2(c, *b)]).fold(0.0, f64::max).sqrt();
            (c, rad, r)
        }).collect();
        Exact { segs, blocks, geod: Geodesic::wgs84() }
    }

    /// Least geodesic distance (km) from a point to the segments: the
    /// spherical nearest few, then Karney along each by golden section.
    fn distance(&self, lon: f64, lat: f64) -> f64 {
        let p = unit(lon, lat);
        let mut cands: Vec<(f64, usize)> = Vec::new();
        let mut best = f64::INFINITY;
        let mut order: Vec<(f64, usize)> = self.blocks.iter().enumerate().map(|(i, b)| ((chord2(p, b.0).sqrt() - b.1).max(0.0), i)).collect();
        order.sort_by(|a, b| a.0.total_cmp(&b.0));
        for (lb, bi) in order {
            // 1.01: the sphere and the ellipsoid differ by well under 1 %.
            if chord2_km(lb * lb) > best * 1.01 + 1.0 {
                break;
            }
            for s in self.blocks[bi].2.clone() {
                let (c2, _) = arc_nearest(self.segs[s].0, self.segs[s].1, p);
                let km = chord2_km(c2);
                best = best.min(km);
                cands.push((km, s));
            }
        }
        cands.retain(|c| c.0 <= best * 1.01 + 1.0);
        cands.iter().map(|&(_, s)| self.along(s, lon, lat)).fold(f64::INFINITY, f64::min)
    }

    fn along(&self, s: usize, lon: f64, lat: f64) -> f64 {
        let (_, _, a, b) = self.segs[s];
        let (len, azi, _, _): (f64, f64, f64, f64) = self.geod.inverse(a.1, a.0, b.1, b.0);
        let at = |t: f64| -> f64 {
            let (la, lo): (f64, f64) = self.geod.direct(a.1, a.0, azi, len * t);
            let d: f64 = self.geod.inverse(lat, lon, la, lo);
            d / 1000.0
        };
        let (mut lo, mut hi) = (0.0, 1.0);
        let g = 0.618_033_988_75;
        for _ in 0..40 {
            let (m1, m2) = (hi - g * (hi - lo), lo + g * (hi - lo));
            if at(m1) <= at(m2) {
                hi = m2;
            } else {
                lo = m1;
            }
        }
        at(lo).min(at(0.0)).min(at(1.0))
    }
}

fn wrap(lon: f64) -> f64 {
    (lon + 180.0).rem_euclid(360.0) - 180.0
}

fn inside_rings(shape: &Shape, lon: f64, lat: f64) -> bool {
    let mut inside = false;
    for r in &shape.rings {
        for w in r.windows(2) {
            let ((x1, y1), (x2, y2)) = (w[0], w[1]);
            let (x1, x2) = (x1 + 360.0 * ((lon - x1) / 360.0).round(), x2 + 360.0 * ((lon - x1) / 360.0).round());
            if (y1 > lat) != (y2 > lat) && lon < x1 + (lat - y1) / (y2 - y1) * (x2 - x1) {
                inside = !inside;
            }
        }
    }
    inside
}

fn on_land(shapes: &[&MultiPolygon<f64>], lon: f64, lat: f64) -> bool {
    let p = Point::new(wrap(lon), lat);
    shapes.iter().any(|mp| mp.contains(&p))
}

struct Case<'a> {
    name: &'a str,
    kind: Kind,
    within: Vec<String>,
    from: Vec<String>,
}

impl Case<'_> {
    fn parts(&self) -> Vec<Planned> {
        let w = world();
        plan(self.kind, &self.within, &self.from, &w.main, &w.far)
    }

    fn part(&self, parts: &[Planned], km: f64, frame: Frame) -> Option<Shape> {
        parts.iter().find(|p| p.frame == frame && p.lo <= km && km < p.hi).map(|p| p.part.at(km, true))
    }

    /// The bound party's land on the main map, or beyond it.
    fn ground_in(&self, frame: Frame) -> Vec<&'static MultiPolygon<f64>> {
        let w = world();
        let atlas = if frame == Frame::Main { &w.main } else { &w.far };
        atlas.shapes.iter().filter(|s| self.within.contains(&s.iso)).map(|s| &s.shape).collect()
    }

    fn ground(&self) -> Vec<&'static MultiPolygon<f64>> {
        self.ground_in(Frame::Main)
    }

    fn exact(&self, parts: &[Planned]) -> Exact {
        let w = world();
        match self.kind {
            Kind::Band => {
                // The border line, from the unsimplified shapes.
                let a: Vec<(&str, &MultiPolygon<f64>, Frame)> = self.within.iter().filter_map(|i| w.full.get(i).map(|m| (i.as_str(), m, Frame::Main))).collect();
                let b: Vec<(&str, &MultiPolygon<f64>, Frame)> = self.from.iter().filter_map(|i| w.full.get(i).map(|m| (i.as_str(), m, Frame::Main))).collect();
                let _ = parts;
                Exact::from_lines(treaty_map::zone::plan::border(&a, &b))
            }
            _ => Exact::new(&self.from.iter().filter_map(|i| w.full.get(i)).collect::<Vec<_>>()),
        }
    }

    /// Every edge point drawn on the ground is at `km` within tolerance
    /// (not the grid's rim, where a part ends and the next map's begins).
    fn check_edges(&self, parts: &[Planned], exact: &Exact, km: f64, frame: Frame) -> usize {
        let planned = parts.iter().find(|p| p.frame == frame && p.lo <= km && km < p.hi).expect("a part for the distance");
        let shape = planned.part.at(km, true);
        let grid = &planned.part.field.grid;
        let on_rim = |lon: f64, lat: f64| {
            let (x, y) = grid.units(lon, lat);
            x < 1.0 || y < 1.0 || x > grid.nx as f64 - 2.0 || y > grid.ny as f64 - 2.0
        };
        let ground = self.ground_in(frame);
        let all: Vec<&MultiPolygon<f64>> = world().main.shapes.iter().map(|s| &s.shape).collect();
        let tol = (km * 0.01).max(5.0);
        let mut checked = 0;
        for ring in &shape.rings {
            for w in ring.windows(2) {
                for (lon, lat) in [w[0], ((w[0].0 + w[1].0) / 2.0, (w[0].1 + w[1].1) / 2.0)] {
                    let on = match self.kind {
                        Kind::Sea => !on_land(&all, lon, lat),
                        _ => on_land(&ground, lon, lat),
                    };
                    if !on || on_rim(lon, lat) {
                        continue;
                    }
                    let d = exact.distance(wrap(lon), lat);
                    // The sea zone's inner edge is the territorial waters'.
                    if self.kind == Kind::Sea && d < km / 2.0 {
                        continue;
                    }
                    assert!((d - km).abs() <= tol, "{}: a point of the {km} km edge at ({lon:.3}, {lat:.3}) is {d:.1} km away", self.name);
                    checked += 1;
                }
            }
        }
        checked
    }

    /// Points of the ground are in the zone exactly when they are near
    /// enough (away from the tolerance band round the edge).
    fn check_points(&self, shape: &Shape, exact: &Exact, km: f64, pts: &[(f64, f64)]) -> usize {
        let tol = (km * 0.01).max(5.0);
        let mut n = 0;
        for &(lon, lat) in pts {
            let d = exact.distance(lon, lat);
            if (d - km).abs() <= tol {
                continue;
            }
            assert_eq!(inside_rings(shape, lon, lat), d < km, "{}: ({lon}, {lat}) is {d:.1} km from the source; zone of {km} km", self.name);
            n += 1;
        }
        n
    }
}

fn nato_vs_russia() -> Case<'static> {
    let w = world();
    Case { name: "NATO land within reach of Russia", kind: Kind::Reach, within: w.nato.clone(), from: set("RUS") }
}

/// A grid of points over the ground.
fn sample(ground: &[&MultiPolygon<f64>], bbox: [f64; 4], step: f64) -> Vec<(f64, f64)> {
    let mut out = Vec::new();
    let mut lat = bbox[1];
    while lat <= bbox[3] {
        let mut lon = bbox[0];
        while lon <= bbox[2] {
            if on_land(ground, lon, lat) {
                out.push((lon, lat));
            }
            lon += step;
        }
        lat += step;
    }
    out
}

#[test]
fn missile_reach_edges_are_at_the_range_on_the_ellipsoid() {
    let case = nato_vs_russia();
    let t = std::time::Instant::now();
    let parts = case.parts();
    eprintln!("plan: {:?}", t.elapsed());
    let exact = case.exact(&parts);
    for km in [500.0, 1000.0, 2500.0] {
        let n = case.check_edges(&parts, &exact, km, Frame::Main);
        assert!(n > 20, "{km} km: only {n} edge points on the ground");
    }
    // At the longest ranges the edge runs through Alaska, Canada and the
    // United States.
    for km in [1000.0, 3000.0, 5500.0] {
        let n = case.check_edges(&parts, &exact, km, Frame::Inset);
        assert!(n > 20, "{km} km beyond the main map: only {n} edge points on the ground");
    }
    // us-6 across the Bering Strait: Alaska within 500 km of Chukotka.
    let alaska = Case { name: "US land within reach of Russia", kind: Kind::Reach, within: set("USA"), from: set("RUS") };
    let parts = alaska.parts();
    let exact = alaska.exact(&parts);
    assert!(alaska.check_edges(&parts, &exact, 500.0, Frame::Inset) > 20);
    // The other way: Russia's land within reach of NATO's members.
    let w = world();
    let back = Case { name: "Russian land within reach of NATO", kind: Kind::Reach, within: set("RUS"), from: w.nato.clone() };
    let parts = back.parts();
    let exact = back.exact(&parts);
    for km in [500.0, 2000.0] {
        assert!(back.check_edges(&parts, &exact, km, Frame::Main) > 20);
    }
}

#[test]
fn kaliningrad_islands_and_points_fall_where_their_distance_says() {
    let case = nato_vs_russia();
    let parts = case.parts();
    let exact = case.exact(&parts);
    let ground = case.ground();
    // Poland and the Baltic: Kaliningrad is Russian ground inside NATO's.
    let pts = sample(&ground, [14.0, 49.0, 28.0, 60.0], 0.37);
    assert!(pts.len() > 200);
    for km in [200.0, 500.0, 1000.0] {
        let shape = case.part(&parts, km, Frame::Main).unwrap();
        assert!(case.check_points(&shape, &exact, km, &pts) > 150);
    }
    // Gdańsk is about 100 km from Kaliningrad and far from Russia's mainland.
    let shape = case.part(&parts, 500.0, Frame::Main).unwrap();
    assert!(inside_rings(&shape, 18.65, 54.35));
    assert!(exact.distance(18.65, 54.35) < 150.0);
    // Gotland and Bornholm, islands of NATO members, each on either side
    // of its own distance from Russian ground.
    for (name, lon, lat) in [("Gotland", 18.5, 57.45), ("Bornholm", 14.9, 55.13)] {
        let d = exact.distance(lon, lat);
        for km in [d - 20.0, d + 20.0] {
            let shape = case.part(&parts, km, Frame::Main).unwrap();
            assert_eq!(inside_rings(&shape, lon, lat), km > d, "{name} ({d:.0} km) at {km:.0} km");
        }
    }
}

#[test]
fn the_border_band_follows_the_border() {
    let w = world();
    let allies = set("RUS BLR");
    let case = Case { name: "NATO side of the band", kind: Kind::Band, within: w.nato.clone(), from: allies.clone() };
    let parts = case.parts();
    let exact = case.exact(&parts);
    for km in [10.0, 40.0, 100.0, 500.0] {
        let n = case.check_edges(&parts, &exact, km, Frame::Main);
        assert!(n > 20, "{km} km: {n}");
    }
    // Around Finland's, the Baltic states' and Poland's borders, including
    // the bend at the Norway–Finland–Russia tripoint and the Suwałki gap.
    let ground = case.ground();
    let pts = sample(&ground, [20.0, 52.0, 32.0, 70.0], 0.29);
    for km in [30.0, 100.0] {
        let shape = case.part(&parts, km, Frame::Main).unwrap();
        assert!(case.check_points(&shape, &exact, km, &pts) > 200);
    }
    // Zero width draws nothing; the widest band holds more than a narrow one.
    let zero = case.part(&parts, 0.0, Frame::Main).unwrap();
    assert!(zero.rings.is_empty() && zero.area_km2 == 0.0 && zero.states.is_empty());
    let mut last = 0.0;
    for km in [10.0, 50.0, 60.0, 100.0, 250.0, 500.0] {
        let s = case.part(&parts, km, Frame::Main).unwrap();
        assert!(s.area_km2 > last, "{km} km: {} km² after {last}", s.area_km2);
        last = s.area_km2;
    }
    let s = case.part(&parts, 100.0, Frame::Main).unwrap();
    for iso in ["FIN", "NOR", "EST", "LVA", "LTU", "POL"] {
        assert!(s.states.contains(&iso.to_string()), "{iso} in {:?}", s.states);
    }
    assert!(!s.states.contains(&"DEU".to_string()) && !s.states.contains(&"TUR".to_string()));
    // Russia's side, with Belarus.
    let other = Case { name: "Russia's side of the band", kind: Kind::Band, within: allies, from: w.nato.clone() };
    let parts = other.parts();
    let exact = other.exact(&parts);
    assert!(other.check_edges(&parts, &exact, 100.0, Frame::Main) > 20);
}

#[test]
fn under_the_csto_reading_the_band_reaches_turkey() {
    let w = world();
    let case = Case { name: "CSTO band", kind: Kind::Band, within: w.nato.clone(), from: set("RUS BLR ARM KAZ KGZ TJK") };
    let parts = case.parts();
    let s = case.part(&parts, 50.0, Frame::Main).unwrap();
    assert!(s.states.contains(&"TUR".to_string()), "{:?}", s.states);
    let exact = case.exact(&parts);
    assert!(case.check_edges(&parts, &exact, 50.0, Frame::Main) > 20);
}

#[test]
fn sea_zones_lie_beyond_territorial_waters_within_range() {
    let w = world();
    let case = Case { name: "sea within range of Russia", kind: Kind::Sea, within: set("USA"), from: set("RUS") };
    let parts = case.parts();
    let exact = case.exact(&parts);
    for km in [300.0, 1500.0] {
        assert!(case.check_edges(&parts, &exact, km, Frame::Main) > 20);
    }
    let small = case.part(&parts, 300.0, Frame::Main).unwrap();
    let big = case.part(&parts, 1500.0, Frame::Main).unwrap();
    assert!(big.area_km2 > small.area_km2 && small.area_km2 > 0.0);
    // The Baltic, the Black Sea and the Barents Sea are in the zone at 300 km.
    for (sea, lon, lat) in [("Baltic", 19.5, 56.0), ("Black Sea", 35.0, 43.5), ("Barents", 38.0, 71.0)] {
        assert!(inside_rings(&small, lon, lat), "{sea}");
    }
    // Coasts on it: Finland and Turkey; not Portugal.
    assert!(small.states.contains(&"FIN".to_string()) && small.states.contains(&"TUR".to_string()));
    assert!(!small.states.contains(&"PRT".to_string()));
    let _ = &w.nato;
}

#[test]
fn areas_grow_with_the_range_and_zero_is_empty() {
    let case = nato_vs_russia();
    let parts = case.parts();
    let mut last = 0.0;
    for km in [500.0, 1000.0, 2000.0, 3500.0, 5500.0] {
        let s = case.part(&parts, km, Frame::Main).unwrap();
        assert!(s.area_km2 > last);
        last = s.area_km2;
    }
    assert!(case.part(&parts, 0.0, Frame::Main).unwrap().rings.is_empty());
}

/// The states a 10 km band touches are those on the border, per date and
/// reading, derived by hand from the accession dates and the CSTO's members.
#[test]
fn nato_7b_band_touches_the_states_on_either_side_of_the_border() {
    let d = common::data();
    let w = world();
    let (d1997, d2021) = (Date { year: 1997, month: 5, day: 27 }, Date { year: 2021, month: 12, day: 17 });
    let band = |party: &str, on: Date, ally: &str| -> Vec<String> {
        let (kind, within, from) = d.zone("nato-7b", party, on, &[("ally", ally)]);
        assert_eq!(kind, Kind::Band);
        let parts = plan(kind, &within, &from, &w.main, &w.far);
        parts.iter().find(|p| p.lo <= 10.0 && 10.0 < p.hi).map(|p| p.part.at(10.0, false).states.into_iter().collect::<BTreeSet<_>>().into_iter().collect()).unwrap_or_default()
    };
    let (nato, russia) = ("NATO members", "Russia and its allies");
    // Belarus as the only ally, December 2021: Norway and Estonia border
    // Russia; Latvia, Lithuania and Poland border Russia (Kaliningrad for
    // the last two) and Belarus.
    assert_eq!(band(nato, d2021, "belarus"), set("NOR EST LVA LTU POL"));
    assert_eq!(band(russia, d2021, "belarus"), set("RUS BLR"));
    // Today Finland is a member too.
    assert_eq!(band(nato, TODAY, "belarus"), set("FIN NOR EST LVA LTU POL"));
    // CSTO reading, 2021: Armenia adds Turkey's border; Kazakhstan,
    // Kyrgyzstan and Tajikistan border no NATO member.
    assert_eq!(band(nato, d2021, "csto"), set("NOR EST LVA LTU POL TUR"));
    assert_eq!(band(russia, d2021, "csto"), set("RUS BLR ARM"));
    assert_eq!(band(nato, TODAY, "csto"), set("FIN NOR EST LVA LTU POL TUR"));
    // 1997: Norway was the only member on Russia's border; Poland and the
    // Baltic states had not joined, so Belarus bordered no member.
    assert_eq!(band(nato, d1997, "belarus"), set("NOR"));
    assert_eq!(band(russia, d1997, "belarus"), set("RUS"));
    // The CSTO in 1997 still had Azerbaijan and Georgia, both on Turkey's border.
    assert_eq!(band(nato, d1997, "csto"), set("NOR TUR"));
    assert_eq!(band(russia, d1997, "csto"), set("RUS ARM AZE GEO"));
}

/// The area summed over the grid's cells agrees within 1 % with the area
/// of the drawn zone clipped to the ground exactly (polygon intersection on
/// the equal-area map plane).
#[test]
fn zone_areas_agree_with_an_exact_intersection() {
    use geo::{Area, BooleanOps, LineString, Polygon};
    use treaty_map::geometry::projection::Albers;
    let proj = Albers::map();
    let plane = |ring: &[(f64, f64)]| -> LineString<f64> { ring.iter().map(|&(x, y)| proj.project(x, y)).collect::<Vec<_>>().into() };
    let w = world();
    for (case, kms) in [
        (nato_vs_russia(), vec![500.0, 1500.0]),
        (Case { name: "band", kind: Kind::Band, within: w.nato.clone(), from: set("RUS BLR") }, vec![50.0, 200.0]),
    ] {
        let parts = case.parts();
        let ground: Vec<geo::MultiPolygon<f64>> = case
            .ground()
            .iter()
            .map(|mp| geo::MultiPolygon(mp.0.iter().map(|p| Polygon::new(plane(&p.exterior().0.iter().map(|c| (c.x, c.y)).collect::<Vec<_>>()), p.interiors().iter().map(|h| plane(&h.0.iter().map(|c| (c.x, c.y)).collect::<Vec<_>>())).collect())).collect()))
            .collect();
        for km in kms {
            let planned = parts.iter().find(|p| p.frame == Frame::Main && p.lo <= km && km < p.hi).unwrap();
            let shape = planned.part.at(km, true);
            let mut exact = 0.0;
            for ring in &shape.rings {
                let poly = Polygon::new(plane(ring), vec![]);
                // Outer rings turn counter-clockwise in longitude and
                // latitude, holes clockwise.
                let lonlat: LineString<f64> = ring.iter().map(|&(x, y)| geo::Coord { x, y }).collect::<Vec<_>>().into();
                let sign = if Polygon::new(lonlat, vec![]).signed_area() > 0.0 { 1.0 } else { -1.0 };
                for g in &ground {
                    exact += sign * g.intersection(&geo::MultiPolygon(vec![poly.clone()])).unsigned_area();
                }
            }
            assert!(exact > 0.0, "{}: {exact}", case.name);
            let rel = (shape.area_km2 - exact).abs() / exact;
            eprintln!("{} at {km} km: grid {:.0} km², exact {:.0} km² ({:.2} %)", case.name, shape.area_km2, exact, rel * 100.0);
            assert!(rel < 0.01, "{} at {km} km: grid {:.0} vs exact {:.0}", case.name, shape.area_km2, exact);
        }
    }
}

/// Computed a row at a time (as the page does, between frames), a zone is
/// the same as computed at once.
#[test]
fn slicing_the_work_changes_nothing() {
    let w = world();
    for (kind, within, from, km) in [(Kind::Sea, set("USA"), set("RUS"), 300.0), (Kind::Band, w.nato.clone(), set("RUS BLR"), 40.0)] {
        let whole = plan(kind, &within, &from, &w.main, &w.far);
        let mut job = treaty_map::zone::plan::plan_job(kind, &within, &from, &w.main, &w.far);
        let mut slices = 0;
        let sliced = loop {
            slices += 1;
            if let Some(done) = job.run(&mut || false) {
                break done;
            }
        };
        assert!(slices > 100, "{slices} slices");
        assert_eq!(whole.len(), sliced.len());
        for (a, b) in whole.iter().zip(&sliced) {
            let (sa, sb) = (a.part.at(km, true), b.part.at(km, true));
            assert_eq!(sa, sb);
            assert_eq!(a.part.waters(true), b.part.waters(true));
        }
    }
}
