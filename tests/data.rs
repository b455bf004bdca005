//! The data files: regenerated exactly by the pipeline, every state present
//! once with a valid geometry, shared borders identical, RFC 7946 winding.

mod common;
use common::{data, read};
use geo::{Area, Validation};
use treaty_map::geometry::atlas::Role;
use treaty_map::geometry::dissolve::dissolve;

#[test]
fn committed_geometry_is_what_the_pipeline_makes_now() {
    let facts = treaty_map::model::load::facts(&read("facts.json")).unwrap();
    let made = treaty_map::build::build(&read("source/world-50m.json"), &facts).unwrap();
    assert!(
        made.states == read("states.topo.json"),
        "geo/states.topo.json is stale: run `cargo run --bin make-geo`"
    );
    assert!(made.far == read("far.topo.json"), "geo/far.topo.json is stale: run `cargo run --bin make-geo`");
}

fn far() -> treaty_map::geometry::atlas::Atlas {
    let (atlas, warnings) =
        treaty_map::geometry::atlas::Atlas::parse_file(&read("far.topo.json"), "far.topo.json").expect("far.topo.json loads");
    assert!(warnings.is_empty(), "{warnings:?}");
    atlas
}

#[test]
fn far_states_are_the_members_outside_the_frame() {
    let d = data();
    let far = far();
    let isos: Vec<&str> = far.shapes.iter().map(|s| s.iso.as_str()).collect();
    assert_eq!(d.facts.far, ["USA", "CAN"]);
    assert_eq!(isos, ["CAN", "USA"]);
    for s in &far.shapes {
        assert_eq!(s.role, Role::Far, "{}", s.iso);
        assert_eq!(d.facts.state(&s.iso).map(|f| f.drawn), Some(false), "{} is not drawn on the map", s.iso);
        assert!(d.atlas.get(&s.iso).is_none(), "{} is in states.topo.json too", s.iso);
        assert!(s.label.is_some() && !s.shape.0.is_empty(), "{}", s.iso);
        assert!(s.shape.is_valid(), "{}: {:?}", s.iso, s.shape.validation_errors());
        for p in &s.shape {
            assert!(geo::Polygon::new(p.exterior().clone(), vec![]).signed_area() > 0.0, "{} outer ring", s.iso);
            for h in p.interiors() {
                assert!(geo::Polygon::new(h.clone(), vec![]).signed_area() < 0.0, "{} hole", s.iso);
            }
        }
    }
    assert_eq!(far.get("USA").unwrap().neighbours, ["CAN"]);
    assert_eq!(far.get("CAN").unwrap().neighbours, ["USA"]);
    // Alaska, the contiguous states and Hawaii are the United States';
    // Ottawa is Canada's.
    let usa = &far.get("USA").unwrap().shape;
    for (lon, lat) in [(-149.9, 61.2), (-77.0, 38.9), (-155.5, 19.6)] {
        assert!(geo::Contains::contains(usa, &geo::Point::new(lon, lat)), "({lon}, {lat})");
    }
    assert!(geo::Contains::contains(&far.get("CAN").unwrap().shape, &geo::Point::new(-75.7, 45.4)));
}

#[test]
fn far_areas_are_close_to_published_figures() {
    // The United States: the Census Bureau's land (9,147,593 km²) plus inland
    // and Great Lakes water (377,424 km²), 9,525,017 km². Its often quoted
    // total, 9,833,517 km², also counts coastal and territorial waters, which
    // Natural Earth's coastline leaves out (the source is 3.9 % below it).
    // Canada: Statistics Canada's total, land and fresh water, 9,984,670 km².
    let far = far();
    for (iso, km2) in [("USA", 9_525_017.0), ("CAN", 9_984_670.0)] {
        let got = far.get(iso).unwrap().area_km2;
        assert!((got - km2).abs() / km2 < 0.02, "{iso}: {got} vs {km2}");
    }
}

#[test]
fn no_far_ring_crosses_the_antimeridian() {
    // Alaska's Aleutians run past 180°: every ring lies on one side of it,
    // with no edge jumping across, and the islands west of 180° are kept.
    let far = far();
    for s in &far.shapes {
        for ring in s.shape.iter().flat_map(|p| std::iter::once(p.exterior()).chain(p.interiors())) {
            assert!(ring.coords().all(|c| (-180.0..=180.0).contains(&c.x) && (-90.0..=90.0).contains(&c.y)), "{}", s.iso);
            assert!(ring.lines().all(|l| (l.end.x - l.start.x).abs() <= 180.0), "{}: a ring jumps across 180°", s.iso);
        }
    }
    let usa = &far.get("USA").unwrap().shape;
    assert!(usa.iter().any(|p| p.exterior().coords().all(|c| c.x > 170.0)), "the Near Islands (Attu) are kept");
    assert!(usa.iter().any(|p| p.exterior().coords().all(|c| c.x < -170.0)), "the Aleutians east of 180° are kept");
}

#[test]
fn every_state_and_neighbour_is_present_once() {
    let d = data();
    for s in d.facts.states.iter().filter(|s| s.drawn) {
        let n = d.atlas.shapes.iter().filter(|x| x.iso == s.iso).count();
        assert_eq!(n, 1, "{}", s.iso);
        assert_eq!(d.atlas.get(&s.iso).unwrap().role, Role::State);
    }
    for c in &d.facts.context {
        assert_eq!(d.atlas.get(c).map(|x| x.role), Some(Role::Context), "{c}");
    }
    assert_eq!(d.atlas.shapes.len(), d.facts.states.iter().filter(|s| s.drawn).count() + d.facts.context.len());
    // Natural Earth's UN view: Kosovo has its own feature; Crimea is Ukraine's.
    assert!(d.atlas.get("XKX").is_some());
    let crimea = geo::Point::new(34.1, 44.95);
    assert!(geo::Contains::contains(&d.atlas.get("UKR").unwrap().shape, &crimea));
    assert!(!geo::Contains::contains(&d.atlas.get("RUS").unwrap().shape, &crimea));
}

#[test]
fn geometry_is_valid_and_wound_as_rfc_7946_asks() {
    let d = data();
    for s in &d.atlas.shapes {
        if s.shape.0.is_empty() {
            // The source draws the Vatican as a point, and Monaco (2 km²)
            // rounds away at 0.01° (1.1 km); the map marks both at their label point.
            assert!(["VAT", "MCO"].contains(&s.iso.as_str()), "{} has no polygon", s.iso);
            assert!(s.label.is_some());
            continue;
        }
        assert!(s.shape.is_valid(), "{}: {:?}", s.iso, s.shape.validation_errors());
        for p in &s.shape {
            assert!(p.exterior().is_closed(), "{}", s.iso);
            // Counter-clockwise outer rings, clockwise holes.
            assert!(geo::Polygon::new(p.exterior().clone(), vec![]).signed_area() > 0.0, "{} outer ring", s.iso);
            for h in p.interiors() {
                assert!(h.is_closed());
                assert!(geo::Polygon::new(h.clone(), vec![]).signed_area() < 0.0, "{} hole", s.iso);
            }
            for c in p.exterior().coords() {
                assert!((-180.0..=180.0).contains(&c.x) && (-90.0..=90.0).contains(&c.y), "{}", s.iso);
            }
        }
        assert!(s.label.is_some(), "{} has a label point", s.iso);
    }
}

#[test]
fn neighbours_share_borders_exactly() {
    // Two neighbours dissolve into fewer parts only if their shared border
    // has the very same vertices on both sides: a gap or a sliver would
    // leave them apart.
    let d = data();
    let mut pairs = 0;
    for a in &d.atlas.shapes {
        for n in &a.neighbours {
            let b = d.atlas.get(n).unwrap_or_else(|| panic!("{} lists unknown neighbour {n}", a.iso));
            assert!(b.neighbours.contains(&a.iso), "{} / {n} not symmetric", a.iso);
            // The microstates drawn as points have no border to compare.
            if a.iso < b.iso && !a.shape.0.is_empty() && !b.shape.0.is_empty() {
                let merged = dissolve(a.shape.0.iter().chain(b.shape.0.iter()));
                assert!(merged.0.len() < a.shape.0.len() + b.shape.0.len(), "{} and {} do not join", a.iso, b.iso);
                let sum = a.shape.unsigned_area() + b.shape.unsigned_area();
                assert!((merged.unsigned_area() - sum).abs() < 1e-6 * sum, "{} and {} overlap", a.iso, b.iso);
                pairs += 1;
            }
        }
    }
    assert!(pairs > 100, "only {pairs} borders checked");
}

#[test]
fn each_border_is_written_once() {
    // TopoJSON's point: a land border is one arc, used by both neighbours
    // (one of them reversed), and no arc is written twice in either
    // direction.
    for file in ["states.topo.json", "far.topo.json"] {
        let v: serde_json::Value = serde_json::from_str(&read(file)).unwrap();
        let arcs = v["arcs"].as_array().unwrap();
        let mut seen = std::collections::HashSet::new();
        for a in arcs {
            let mut p = (0i64, 0i64);
            let pts: Vec<(i64, i64)> = a
                .as_array()
                .unwrap()
                .iter()
                .map(|d| {
                    p = (p.0 + d[0].as_i64().unwrap(), p.1 + d[1].as_i64().unwrap());
                    p
                })
                .collect();
            let back: Vec<(i64, i64)> = pts.iter().rev().copied().collect();
            assert!(!seen.contains(&back) && seen.insert(pts), "{file}: an arc written twice");
        }
        // Which states use each arc.
        let object = v["objects"].as_object().unwrap().values().next().unwrap();
        let mut users: std::collections::BTreeMap<i64, Vec<String>> = Default::default();
        for g in object["geometries"].as_array().unwrap() {
            let iso = g["properties"]["iso_a3"].as_str().unwrap().to_string();
            for r in g["arcs"].as_array().unwrap().iter().flat_map(|p| p.as_array().unwrap()).flat_map(|r| r.as_array().unwrap()) {
                let r = r.as_i64().unwrap();
                users.entry(if r < 0 { !r } else { r }).or_default().push(iso.clone());
            }
        }
        assert_eq!(users.len(), arcs.len(), "{file}: every arc is used");
        assert!(users.values().all(|u| u.len() <= 2), "{file}: an arc used by more than two rings");
        if file == "states.topo.json" {
            for (a, b) in [("POL", "DEU"), ("FIN", "RUS"), ("KAZ", "RUS"), ("ITA", "SMR"), ("ARM", "TUR")] {
                assert!(
                    users.values().any(|u| u.iter().any(|x| x == a) && u.iter().any(|x| x == b)),
                    "{a} and {b} share no arc"
                );
            }
        }
    }
}

#[test]
fn areas_are_close_to_published_figures() {
    // Geodesic areas of the 1:50m source against round published totals
    // (land and inland water): within 3 %.
    let d = data();
    for (iso, km2) in [("POL", 312_696.0), ("UKR", 603_550.0), ("KAZ", 2_724_900.0), ("RUS", 17_098_246.0), ("FRA", 551_695.0 + 0.0)] {
        let got = d.atlas.get(iso).unwrap().area_km2;
        // France here is metropolitan France plus Corsica (the 1:50m feature
        // also carries overseas departments, so allow it above).
        let tol = if iso == "FRA" { 0.20 } else { 0.03 };
        assert!((got - km2).abs() / km2 < tol, "{iso}: {got} vs {km2}");
    }
}

#[test]
fn the_1997_region_is_the_members_of_that_date() {
    let d = data();
    let on = treaty_map::model::date::Date::new(1997, 5, 27);
    let by_date: Vec<&str> =
        d.facts.states.iter().filter(|s| d.facts.is_nato_member(&s.iso, on)).map(|s| s.iso.as_str()).collect();
    let mut region: Vec<&str> = d.facts.region("nato-1997").unwrap().members.iter().map(String::as_str).collect();
    let mut by_date = by_date;
    by_date.sort();
    region.sort();
    assert_eq!(region, by_date);
    assert_eq!(region.len(), 16);
}

#[test]
fn a_region_outline_is_one_dissolved_shape_of_its_members() {
    let d = data();
    let scene = treaty_map::geometry::scene::scene(&d.atlas, &d.facts);
    let subpaths = |path: &str| path.matches('M').count();
    assert_eq!(scene.regions.len(), 4);
    for region in &scene.regions {
        let members = &d.facts.region(&region.id).expect("a drawn region is in facts.json").members;
        let drawn: Vec<&str> = members.iter().filter_map(|m| scene.states.iter().find(|s| &s.iso == m)).map(|s| s.d.as_str()).collect();
        // (The 1997 members include the United States and Canada, not drawn.)
        assert!(drawn.len() >= 2 && drawn.len() + 2 >= members.len(), "{}: {} of {} members drawn", region.id, drawn.len(), members.len());
        // Inner borders are gone: fewer rings and less path than the members'.
        assert!(!region.d.is_empty(), "{}", region.id);
        assert!(subpaths(&region.d) < drawn.iter().map(|p| subpaths(p)).sum::<usize>(), "{}", region.id);
        assert!(region.d.len() < drawn.iter().map(|p| p.len()).sum::<usize>(), "{}", region.id);
    }
}
