//! The table behind the map, its CSV and its GeoJSON: the rows are the
//! states the scopes reach; the CSV, read back by the `csv` crate, is the
//! table; the GeoJSON, read back by the `geojson` crate, holds the same
//! states with RFC 7946 winding, and the zones as polygons.

mod common;
use common::{data, read, set};
use geojson::{FeatureCollection, GeometryValue};
use std::collections::BTreeSet;
use treaty_map::geometry::atlas::Atlas;
use treaty_map::model::date::Date;
use treaty_map::model::reach::Reach;
use treaty_map::state::Choices;
use treaty_map::table::geojson::{collection, ZoneShape};
use treaty_map::table::{SortKey, Table, ZoneReach};
use treaty_map::zone::plan::plan;

const D2021: Date = Date::new(2021, 12, 17);

fn table_for(query: &str, zones: &[ZoneReach]) -> (common::Data, Table) {
    let d = data();
    let (c, ignored) = Choices::from_query(query, &d.catalogue, &[]);
    assert!(ignored.is_empty(), "{ignored:?}");
    let reach = Reach::compute(&d.catalogue, &d.facts, &d.neighbours, &c, D2021);
    let t = Table::build(&d.catalogue, &d.facts, &d.atlas, None, &reach, zones, c.as_of.date(D2021));
    (d, t)
}

#[test]
fn rows_are_the_states_the_scopes_reach_with_a_cell_per_demand() {
    let (_, t) = table_for("demands=us-4a,nato-7a", &[]);
    let isos: BTreeSet<String> = t.rows.iter().map(|r| r.iso.clone()).collect();
    // us-4a: the former-USSR states outside NATO but Russia (2021); nato-7a
    // (narrow): Ukraine, Belarus, Moldova, the South Caucasus, Central Asia:
    // the same eleven.
    assert_eq!(isos, set("ARM AZE BLR GEO KAZ KGZ MDA TJK TKM UKR UZB"));
    assert_eq!(t.columns.iter().map(|c| c.demand.as_str()).collect::<Vec<_>>(), ["us-4a", "nato-7a"]);
    let ukr = t.rows.iter().find(|r| r.iso == "UKR").unwrap();
    assert_eq!(ukr.cells[0].text(), "United States");
    assert_eq!(ukr.cells[1].text(), "NATO members");
    assert!(ukr.memberships.is_empty());
    let arm = t.rows.iter().find(|r| r.iso == "ARM").unwrap();
    assert_eq!(arm.memberships, ["CSTO"], "Armenia is counted a CSTO member in 2021");
    // Areas from the geometry: Ukraine 603,550 km² (with Crimea), within 3 %.
    assert!((ukr.area_km2.unwrap() - 603_550.0).abs() / 603_550.0 < 0.03, "{:?}", ukr.area_km2);
}

#[test]
fn a_state_reached_by_one_demand_only_shows_it_not_reached_by_the_other() {
    let (_, t) = table_for("demands=nato-6,us-7&date=2021-12-17", &[]);
    let bel = t.rows.iter().find(|r| r.iso == "BEL").unwrap();
    // Columns in the drafts' order: us-7, then nato-6. Belgium: a reported
    // host (us-7), a NATO member (so not in nato-6's scope).
    assert_eq!(t.columns.iter().map(|c| c.demand.as_str()).collect::<Vec<_>>(), ["us-7", "nato-6"]);
    assert_eq!((bel.cells[0].text().as_str(), bel.cells[1].reached()), ("United States", false));
    assert_eq!(bel.memberships, ["NATO"]);
    // Canada, off the frame, is not reached here; Austria (nato-6) is.
    assert!(t.rows.iter().any(|r| r.iso == "AUT") && !t.rows.iter().any(|r| r.iso == "CAN"));
}

#[test]
fn sorting_by_area_and_by_a_demand() {
    let (_, mut t) = table_for("demands=nato-6,us-7", &[]);
    t.sort(SortKey::Area, false);
    // Kazakhstan (2.7 million km²) is the largest state outside NATO in 2021.
    assert_eq!(t.rows[0].iso, "KAZ");
    assert!(t.rows.windows(2).all(|w| w[0].area_km2 >= w[1].area_km2));
    t.sort(SortKey::Demand(0), true);
    // us-7's five hosts come first, then the rest by name.
    let first: BTreeSet<String> = t.rows[..5].iter().map(|r| r.iso.clone()).collect();
    assert_eq!(first, set("BEL DEU ITA NLD TUR"));
    t.sort(SortKey::Name, true);
    assert!(t.rows.windows(2).all(|w| w[0].name <= w[1].name));
}

#[test]
fn the_csv_reads_back_as_the_table() {
    let (_, t) = table_for("demands=us-5a,nato-4,us-7&europe=broad", &[]);
    let text = t.csv();
    assert!(text.ends_with("\r\n"));
    let mut r = csv::ReaderBuilder::new().has_headers(true).from_reader(text.as_bytes());
    let header: Vec<String> = r.headers().unwrap().iter().map(str::to_string).collect();
    assert_eq!(header, ["iso", "name", "us-5a", "us-7", "nato-4", "area_km2", "memberships", "date"]);
    let records: Vec<Vec<String>> = r.records().map(|x| x.unwrap().iter().map(str::to_string).collect()).collect();
    assert_eq!(records.len(), t.rows.len());
    for (rec, row) in records.iter().zip(&t.rows) {
        assert_eq!(rec, &t.record(row));
    }
    // A field with a comma survives: "Russia; United States" has none, but
    // a name with one would be quoted; check the writer on Bosnia's row.
    let bih = records.iter().find(|r| r[0] == "BIH").unwrap();
    assert_eq!(bih[1], "Bosnia and Herzegovina");
    assert_eq!(bih[2], "United States; Russia");
    assert_eq!(bih[7], "2021-12-17");
    // Canada is in us-5a's scope but off the frame: no area until its shape loads.
    let can = records.iter().find(|r| r[0] == "CAN").unwrap();
    assert_eq!(can[5], "");
}

fn signed(ring: &[geojson::Position]) -> f64 {
    let mut s = 0.0;
    for w in ring.windows(2) {
        s += w[0][0] * w[1][1] - w[1][0] * w[0][1];
    }
    s / 2.0
}

#[test]
fn the_geojson_reads_back_with_the_states_and_zones_wound_as_rfc_7946_asks() {
    let d = data();
    let far = Atlas::parse_file(&read("far.topo.json"), "far.topo.json").unwrap().0;
    // nato-7b's band on NATO members' side of Russia and Belarus, 100 km.
    let (_, kind, within, from) = {
        let (k, w, f) = d.zone("nato-7b", "NATO members", D2021, &[]);
        ((), k, w, f)
    };
    let parts = plan(kind, &within, &from, &d.atlas, &far);
    let mut rings = Vec::new();
    let mut area = 0.0;
    let mut states = Vec::new();
    // The parts drawn at 100 km, as the page picks them (each part serves a
    // range of distances).
    for p in parts.iter().filter(|p| p.lo <= 100.0 && 100.0 < p.hi) {
        let s = p.part.at(100.0, false);
        rings.extend(s.rings);
        area += s.area_km2;
        states.extend(s.states);
    }
    states.sort();
    states.dedup();
    let zone = ZoneReach { demand: "nato-7b".into(), party: "NATO members".into(), km: 100, states: states.clone() };
    let (d, t) = table_for("demands=us-4a,nato-7b", std::slice::from_ref(&zone));
    let fc: FeatureCollection = collection(&t, &d.atlas, Some(&far), &[ZoneShape { reach: zone, area_km2: area, ground: "land", rings }]).to_string().parse().unwrap();
    let state_isos: BTreeSet<String> =
        fc.features.iter().filter(|f| f.property("kind").and_then(|k| k.as_str()) == Some("state")).map(|f| f.property("iso").unwrap().as_str().unwrap().to_string()).collect();
    assert_eq!(state_isos, t.rows.iter().map(|r| r.iso.clone()).collect());
    // The band reaches Poland, the Baltic states, Norway and Finland (2021: not yet a member, so not).
    for iso in ["POL", "EST", "LVA", "LTU", "NOR"] {
        assert!(state_isos.contains(iso), "{iso}");
    }
    let est = fc.features.iter().find(|f| f.property("iso").and_then(|v| v.as_str()) == Some("EST")).unwrap();
    assert_eq!(est.property("demands").unwrap(), &serde_json::json!(["nato-7b"]));
    assert_eq!(est.property("sides").unwrap()["nato-7b"], serde_json::json!(["NATO members (part, within 100 km)"]));
    assert_eq!(est.property("date").unwrap(), "2021-12-17");
    let mut zones = 0;
    for f in &fc.features {
        let Some(g) = &f.geometry else { continue };
        let GeometryValue::MultiPolygon { coordinates } = &g.value else { panic!("{:?}", g.value) };
        for poly in coordinates {
            assert!(signed(&poly[0]) > 0.0, "outer ring counter-clockwise: {:?}", f.property("iso"));
            for hole in &poly[1..] {
                assert!(signed(hole) < 0.0, "hole clockwise");
            }
            for ring in poly {
                assert_eq!(ring.first(), ring.last(), "closed");
                assert!(ring.iter().all(|p| (-180.0..=180.0).contains(&p[0]) && (-90.0..=90.0).contains(&p[1])), "WGS84 lon/lat");
            }
        }
        if f.property("kind").and_then(|k| k.as_str()) == Some("zone") {
            zones += 1;
            assert_eq!(f.property("km").unwrap(), 100);
            assert!(!coordinates.is_empty());
            // Poland's border with Belarus runs near 23.5°E, 52°N: inside.
            let inside = coordinates.iter().any(|p| {
                let poly = geo::Polygon::new(p[0].iter().map(|c| (c[0], c[1])).collect(), p[1..].iter().map(|h| h.iter().map(|c| (c[0], c[1])).collect()).collect());
                geo::Contains::contains(&poly, &geo::Point::new(23.2, 52.2))
            });
            assert!(inside, "the band holds ground 20 km inside Poland");
        }
    }
    assert_eq!(zones, 1);
}

#[test]
fn no_ring_of_the_geojson_crosses_the_antimeridian_and_the_area_is_kept() {
    // us-6 on Russia's side: its land within 1,000 km of the United States,
    // which runs across 180° in Chukotka; the table's states include Russia
    // (cut at 180° by make-geo) and, beyond the frame, the United States
    // (the Aleutians either side of 180°).
    use geo::ChamberlainDuquetteArea;
    let d = data();
    let far = Atlas::parse_file(&read("far.topo.json"), "far.topo.json").unwrap().0;
    let (kind, within, from) = d.zone("us-6", "Russia", D2021, &[]);
    let parts = plan(kind, &within, &from, &d.atlas, &far);
    let km = 1000.0;
    let mut rings = Vec::new();
    let mut area = 0.0;
    let mut states = Vec::new();
    for p in parts.iter().filter(|p| p.lo <= km && km < p.hi) {
        let s = p.part.at(km, false);
        rings.extend(s.rings);
        area += s.area_km2;
        states.extend(s.states);
    }
    states.sort();
    states.dedup();
    assert!(rings.iter().flatten().any(|p| p.0 > 180.0 || p.0 < -180.0), "the zone as computed runs past 180°: the case tests the cut");
    // Areas ring by ring (geo's Chamberlain–Duquette area subtracts a hole's
    // signed area, which adds the holes RFC 7946 winds clockwise).
    let ring_area = |r: &geo::LineString<f64>| geo::Polygon::new(r.clone(), vec![]).chamberlain_duquette_unsigned_area();
    let area_of = |ps: &[geo::Polygon<f64>]| -> f64 { ps.iter().map(|p| ring_area(p.exterior()) - p.interiors().iter().map(ring_area).sum::<f64>()).sum() };
    // The zone's polygons before the cut, their longitudes continuous.
    let before = area_of(&treaty_map::table::geojson::polygons(&rings));
    assert!(before > 0.0);
    let zone = ZoneReach { demand: "us-6".into(), party: "Russia".into(), km: 1000, states };
    let (d, t) = table_for("demands=us-6", std::slice::from_ref(&zone));
    assert!(t.rows.iter().any(|r| r.iso == "RUS"), "the view reaches Russia");
    let text = collection(&t, &d.atlas, Some(&far), &[ZoneShape { reach: zone, area_km2: area, ground: "land", rings }]).to_string();
    let fc: FeatureCollection = text.parse().unwrap();
    let mut after = 0.0;
    let mut seen_rus = false;
    for f in &fc.features {
        let Some(g) = &f.geometry else { continue };
        let GeometryValue::MultiPolygon { coordinates } = &g.value else { panic!("{:?}", g.value) };
        let name = f.property("iso").or_else(|| f.property("demand")).cloned();
        for poly in coordinates {
            assert!(signed(&poly[0]) > 0.0, "{name:?}: outer ring counter-clockwise");
            for hole in &poly[1..] {
                assert!(signed(hole) < 0.0, "{name:?}: hole clockwise");
            }
            for ring in poly {
                assert!(ring.iter().all(|p| (-180.0..=180.0).contains(&p[0])), "{name:?}: a longitude out of range");
                for w in ring.windows(2) {
                    assert!((w[1][0] - w[0][0]).abs() <= 180.0, "{name:?}: an edge across the map, {:?} to {:?}", w[0], w[1]);
                }
            }
        }
        let mp = geo::MultiPolygon::new(
            coordinates
                .iter()
                .map(|p| geo::Polygon::new(p[0].iter().map(|c| (c[0], c[1])).collect(), p[1..].iter().map(|h| h.iter().map(|c| (c[0], c[1])).collect()).collect()))
                .collect(),
        );
        match f.property("kind").and_then(|k| k.as_str()) {
            Some("zone") => {
                after += area_of(&mp.0);
                let note = f.property("note").unwrap().as_str().unwrap();
                assert!(note.contains("not clipped to the bound side's land"), "{note}");
                // Both sides of 180°: Chukotka east of it, and west.
                assert!(coordinates.iter().any(|p| p[0].iter().any(|c| c[0] > 175.0)) && coordinates.iter().any(|p| p[0].iter().any(|c| c[0] < -175.0)));
            }
            Some("state") if f.property("iso").and_then(|v| v.as_str()) == Some("RUS") => {
                seen_rus = true;
                // Russia's area as drawn against the atlas's own shape.
                let atlas_area = area_of(&d.atlas.get("RUS").unwrap().shape.0);
                let drawn = area_of(&mp.0);
                assert!((drawn - atlas_area).abs() / atlas_area < 1e-4, "{drawn} against {atlas_area}");
            }
            _ => {}
        }
    }
    assert!(seen_rus);
    // Cutting keeps the area (to rounding at a micro-degree).
    assert!((after - before).abs() / before < 1e-4, "zone area {after} m² after the cut, {before} m² before");
}
