//! The states the map draws, read from `geo/states.topo.json`, and the NATO
//! members beyond its frame, read from `geo/far.topo.json` (same format: a
//! quantized, delta-encoded TopoJSON topology). A feature that cannot be used
//! is skipped with a warning; the rest of the map still draws.

use crate::model::load::{message, DataError};
use geo::{Coord, LineString, MultiPolygon, Polygon};
use serde::Deserialize;
use serde_json::value::RawValue;
use std::collections::BTreeMap;

/// Whether a state is one the demands can reach, a neighbour drawn for
/// orientation, or a member outside the frame (`far.topo.json`: the United
/// States and Canada, for distances and an inset).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    State,
    Context,
    Far,
}

/// One state's shape and what the pipeline measured of it.
#[derive(Clone, Debug)]
pub struct StateShape {
    pub iso: String,
    pub name: String,
    pub role: Role,
    pub shape: MultiPolygon<f64>,
    /// A point inside the state's largest part, in degrees.
    pub label: Option<(f64, f64)>,
    /// Geodesic area of the unsimplified source geometry.
    pub area_km2: f64,
    pub neighbours: Vec<String>,
}

/// Every drawable state.
#[derive(Clone, Debug, Default)]
pub struct Atlas {
    pub shapes: Vec<StateShape>,
}

const FILE: &str = "states.topo.json";

/// The fields of a TopoJSON topology the map reads. Each object and each
/// geometry stays raw text until it is read on its own, so a broken one is
/// named (and a broken feature skipped) without a JSON tree in between.
#[derive(Deserialize)]
struct RawTopology<'a> {
    #[serde(rename = "type")]
    kind: String,
    transform: Option<Transform>,
    /// Every object's geometries are read (the pipeline writes one object:
    /// `states` or `far`).
    #[serde(borrow)]
    objects: BTreeMap<String, &'a RawValue>,
    arcs: Vec<Vec<[f64; 2]>>,
}

#[derive(Deserialize)]
struct Transform {
    scale: [f64; 2],
    translate: [f64; 2],
}

#[derive(Deserialize)]
struct Collection<'a> {
    #[serde(borrow)]
    geometries: Vec<&'a RawValue>,
}

#[derive(Deserialize)]
struct RawGeometry {
    #[serde(rename = "type", default)]
    kind: Option<String>,
    #[serde(default)]
    arcs: Refs,
    #[serde(default)]
    properties: Properties,
}

/// The properties `make-geo` writes; others are ignored.
#[derive(Default, Deserialize)]
struct Properties {
    iso_a3: Option<String>,
    name: Option<String>,
    role: Option<String>,
    label: Option<(f64, f64)>,
    area_km2: Option<f64>,
    #[serde(default)]
    neighbours: Vec<String>,
}

/// Arc references, nested as deep as the geometry needs (a Polygon's rings:
/// two levels; a MultiPolygon's: three).
#[derive(Default)]
enum Refs {
    #[default]
    None,
    Arc(i64),
    List(Vec<Refs>),
}

impl<'de> Deserialize<'de> for Refs {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visit;
        impl<'de> serde::de::Visitor<'de> for Visit {
            type Value = Refs;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("arc references")
            }
            fn visit_i64<E>(self, v: i64) -> Result<Refs, E> {
                Ok(Refs::Arc(v))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Refs, E> {
                i64::try_from(v).map(Refs::Arc).map_err(E::custom)
            }
            fn visit_unit<E>(self) -> Result<Refs, E> {
                Ok(Refs::None)
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Refs, A::Error> {
                let mut list = Vec::new();
                while let Some(r) = seq.next_element()? {
                    list.push(r);
                }
                Ok(Refs::List(list))
            }
        }
        d.deserialize_any(Visit)
    }
}

impl Refs {
    fn list(&self) -> Option<&[Refs]> {
        match self {
            Refs::List(l) => Some(l),
            _ => None,
        }
    }
}

/// Absolute arcs in degrees. With a transform, positions are quantized and
/// delta-encoded; a scale of 1/k for a whole k (0.01, 0.005) is applied by
/// dividing by k, so the pipeline's rounded coordinates come back exactly.
fn decode_arcs(raw: &[Vec<[f64; 2]>], transform: Option<&Transform>) -> Vec<Vec<Coord<f64>>> {
    let Some(t) = transform else {
        return raw.iter().map(|a| a.iter().map(|&[x, y]| Coord { x, y }).collect()).collect();
    };
    let axis = |q: f64, i: usize| {
        let k = 1.0 / t.scale[i];
        let v = if (k - k.round()).abs() < 1e-9 { q / k.round() } else { q * t.scale[i] };
        v + t.translate[i]
    };
    raw.iter()
        .map(|a| {
            let (mut x, mut y) = (0.0, 0.0);
            a.iter()
                .map(|&[dx, dy]| {
                    x += dx;
                    y += dy;
                    Coord { x: axis(x, 0), y: axis(y, 1) }
                })
                .collect()
        })
        .collect()
}

/// A ring from signed arc references (`!i` is arc `i` reversed); arcs after
/// the first drop the point they share with the one before.
fn ring(refs: &Refs, arcs: &[Vec<Coord<f64>>]) -> Option<LineString<f64>> {
    let mut out: Vec<Coord<f64>> = Vec::new();
    for r in refs.list()? {
        let Refs::Arc(r) = *r else { return None };
        let arc = arcs.get(if r < 0 { !r } else { r } as usize)?;
        let skip = usize::from(!out.is_empty());
        if r < 0 {
            out.extend(arc.iter().rev().skip(skip));
        } else {
            out.extend(arc.iter().skip(skip));
        }
    }
    Some(LineString(out))
}

fn polygon(rings: &Refs, arcs: &[Vec<Coord<f64>>]) -> Option<Polygon<f64>> {
    let mut it = rings.list()?.iter().map(|r| ring(r, arcs));
    let exterior = it.next()??;
    Some(Polygon::new(exterior, it.collect::<Option<_>>()?))
}

/// One state from its geometry's text, or why not: the message, and the
/// state's code when it could be read.
fn feature(raw: &RawValue, arcs: &[Vec<Coord<f64>>]) -> Result<StateShape, (Option<String>, String)> {
    let g: RawGeometry = serde_json::from_str(raw.get()).map_err(|e| (None, message(&e)))?;
    let p = g.properties;
    let Some(iso) = p.iso_a3 else { return Err((None, "field `iso_a3` missing".into())) };
    let at = |m: String| (Some(iso.clone()), m);
    let name = p.name.ok_or_else(|| at("field `name` missing".into()))?;
    let role = match p.role.as_deref() {
        Some("state") => Role::State,
        Some("context") => Role::Context,
        Some("far") => Role::Far,
        Some(r) => return Err(at(format!("field `role`: unknown role \"{r}\""))),
        None => return Err(at("field `role` missing".into())),
    };
    let bad = || at("broken arc references".into());
    let shape = match g.kind.as_deref() {
        None => return Err(at("no geometry".into())),
        Some("Polygon") => MultiPolygon(vec![polygon(&g.arcs, arcs).ok_or_else(bad)?]),
        Some("MultiPolygon") => MultiPolygon(
            g.arcs.list().ok_or_else(bad)?.iter().map(|p| polygon(p, arcs)).collect::<Option<_>>().ok_or_else(bad)?,
        ),
        Some(_) => return Err(at("geometry is not a polygon".into())),
    };
    if shape.0.is_empty() && p.label.is_none() {
        return Err(at("no polygon and no label point".into()));
    }
    Ok(StateShape { iso, name, role, shape, label: p.label, area_km2: p.area_km2.unwrap_or(0.0), neighbours: p.neighbours })
}

impl Atlas {
    /// Parses `states.topo.json`; a broken feature becomes a warning, a broken
    /// file an error.
    pub fn parse(text: &str) -> Result<(Atlas, Vec<String>), DataError> {
        Atlas::parse_file(text, FILE)
    }

    /// Parses a file of this format (`states.topo.json`, `far.topo.json`),
    /// naming `file` in warnings and errors.
    pub fn parse_file(text: &str, file: &str) -> Result<(Atlas, Vec<String>), DataError> {
        let not = |m: String| DataError::new(file, format!("not a TopoJSON topology: {m}"));
        let raw: RawTopology = serde_json::from_str(text).map_err(|e| not(e.to_string()))?;
        if raw.kind != "Topology" {
            return Err(not(format!("type \"{}\"", raw.kind)));
        }
        let mut geometries = Vec::new();
        for (name, object) in raw.objects {
            let c: Collection = serde_json::from_str(object.get()).map_err(|e| not(format!("object `{name}`: {}", message(&e))))?;
            geometries.extend(c.geometries);
        }
        let arcs = decode_arcs(&raw.arcs, raw.transform.as_ref());
        let mut shapes = Vec::new();
        let mut warnings = Vec::new();
        for (i, g) in geometries.into_iter().enumerate() {
            match feature(g, &arcs) {
                Ok(s) if shapes.iter().any(|o: &StateShape| o.iso == s.iso) => {
                    warnings.push(format!("{file}: feature \"{}\" is listed twice; the first is drawn", s.iso))
                }
                Ok(s) => shapes.push(s),
                Err((Some(iso), e)) => warnings.push(format!("{file}: feature \"{iso}\": {e}")),
                Err((None, e)) => warnings.push(format!("{file}: feature {}: {e}", i + 1)),
            }
        }
        Ok((Atlas { shapes }, warnings))
    }

    pub fn get(&self, iso: &str) -> Option<&StateShape> {
        self.shapes.iter().find(|s| s.iso == iso)
    }

    /// Total geodesic area of the listed states that are drawn, km².
    pub fn area_km2<'a>(&self, isos: impl IntoIterator<Item = &'a str>) -> f64 {
        isos.into_iter().filter_map(|iso| self.get(iso)).map(|s| s.area_km2).sum()
    }

    /// Land neighbours by ISO code, for rules such as "borders a NATO member".
    pub fn neighbours(&self) -> BTreeMap<String, Vec<String>> {
        self.shapes.iter().map(|s| (s.iso.clone(), s.neighbours.clone())).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn broken_feature_is_skipped_with_a_warning() {
        let text = r#"{"type":"Topology","transform":{"scale":[0.001,0.001],"translate":[0,0]},
          "objects":{"states":{"type":"GeometryCollection","geometries":[
          {"type":"MultiPolygon","arcs":[[[0]]],"properties":{"iso_a3":"AAA","name":"A","role":"state","label":[1,1]}},
          {"type":null,"properties":{"iso_a3":"BBB","name":"B","role":"state"}},
          {"type":null,"properties":{"name":"C"}}]}},
          "arcs":[[[0,0],[2000,0],[0,2000],[-2000,-2000]]]}"#;
        let (atlas, warnings) = Atlas::parse(text).unwrap();
        assert_eq!(atlas.shapes.len(), 1);
        assert_eq!(warnings.len(), 2, "{warnings:?}");
        assert!(warnings[0].contains("\"BBB\"") && warnings[0].contains("no geometry"));
        assert!(warnings[1].contains("feature 3") && warnings[1].contains("iso_a3"));
    }

    #[test]
    fn a_mistyped_field_skips_only_its_feature() {
        let text = r#"{"type":"Topology","objects":{"states":{"type":"GeometryCollection","geometries":[
          {"type":"Polygon","arcs":[[0]],"properties":{"iso_a3":"AAA","name":"A","role":"state","label":"here"}},
          {"type":"Polygon","arcs":[["x"]],"properties":{"iso_a3":"BBB","name":"B","role":"state"}},
          {"type":"Polygon","arcs":[[0]],"properties":{"iso_a3":"CCC","name":"C","role":"state"}}]}},
          "arcs":[[[0,0],[2,0],[2,2],[0,0]]]}"#;
        let (atlas, warnings) = Atlas::parse(text).unwrap();
        assert_eq!(atlas.shapes.iter().map(|s| s.iso.as_str()).collect::<Vec<_>>(), ["CCC"]);
        assert_eq!(warnings.len(), 2, "{warnings:?}");
        assert!(warnings[0].starts_with("states.topo.json: feature 1: invalid type: string \"here\""), "{warnings:?}");
        assert!(!warnings[0].contains("line"), "{warnings:?}");
        assert!(warnings[1].starts_with("states.topo.json: feature 2: ") && warnings[1].contains("arc references"), "{warnings:?}");
    }

    #[test]
    fn arcs_are_decoded_exactly_and_joined() {
        // Two arcs make one ring: the second reversed (~1), the shared point
        // kept once; 0.001 steps come back as the decimals they were.
        let text = r#"{"type":"Topology","transform":{"scale":[0.001,0.001],"translate":[0,0]},
          "objects":{"states":{"type":"GeometryCollection","geometries":[
          {"type":"Polygon","arcs":[[0,-2]],"properties":{"iso_a3":"AAA","name":"A","role":"state"}}]}},
          "arcs":[[[100,200],[2000,0],[0,2000]],[[100,200],[2000,2000]]]}"#;
        let (atlas, warnings) = Atlas::parse(text).unwrap();
        assert!(warnings.is_empty(), "{warnings:?}");
        let ring: Vec<(f64, f64)> = atlas.shapes[0].shape.0[0].exterior().coords().map(|c| (c.x, c.y)).collect();
        assert_eq!(ring, vec![(0.1, 0.2), (2.1, 0.2), (2.1, 2.2), (0.1, 0.2)]);
    }

    #[test]
    fn a_scale_of_one_over_a_whole_number_is_read_exactly() {
        // The pipeline's grid need not be decimal: with a scale of 0.005 the
        // reader divides by 200, as the pipeline rounded; multiplying by
        // 0.005 would give -8.665000000000001 for -1733 steps.
        let text = r#"{"type":"Topology","transform":{"scale":[0.005,0.005],"translate":[0,0]},
          "objects":{"states":{"type":"GeometryCollection","geometries":[
          {"type":"Polygon","arcs":[[0]],"properties":{"iso_a3":"AAA","name":"A","role":"state"}}]}},
          "arcs":[[[7,-1733],[35970,0],[0,1740],[-35970,-1740]]]}"#;
        let (atlas, warnings) = Atlas::parse(text).unwrap();
        assert!(warnings.is_empty(), "{warnings:?}");
        let ring: Vec<(f64, f64)> = atlas.shapes[0].shape.0[0].exterior().coords().map(|c| (c.x, c.y)).collect();
        assert_eq!(ring, vec![(0.035, -8.665), (179.885, -8.665), (179.885, 0.035), (0.035, -8.665)]);
        assert_ne!(-1733.0 * 0.005, -8.665);
    }

    #[test]
    fn area_counts_drawn_states_only() {
        let text = r#"{"type":"Topology","objects":{"states":{"type":"GeometryCollection","geometries":[
          {"type":"Polygon","arcs":[[0]],"properties":{"iso_a3":"AAA","name":"A","role":"state","label":[1,1],"area_km2":10}},
          {"type":"Polygon","arcs":[[1]],"properties":{"iso_a3":"BBB","name":"B","role":"state","label":[5,5],"area_km2":5}}]}},
          "arcs":[[[0,0],[2,0],[2,2],[0,0]],[[4,4],[6,4],[6,6],[4,4]]]}"#;
        let (atlas, _) = Atlas::parse(text).unwrap();
        assert_eq!(atlas.area_km2(["AAA", "BBB", "USA"]), 15.0);
        assert_eq!(atlas.area_km2([]), 0.0);
    }

    #[test]
    fn far_role_is_read_and_the_file_is_named() {
        let text = r#"{"type":"Topology","transform":{"scale":[0.001,0.001],"translate":[0,0]},
          "objects":{"far":{"type":"GeometryCollection","geometries":[
          {"type":"MultiPolygon","arcs":[[[0]],[[1]]],"properties":{"iso_a3":"USA","name":"United States","role":"far","label":[-100,40],"area_km2":9500000,"neighbours":["CAN"]}},
          {"type":"MultiPolygon","arcs":[[[2]]],"properties":{"iso_a3":"CAN","name":"Canada","role":"faraway","label":[-100,60]}}]}},
          "arcs":[[[-170000,52000],[10000,0],[0,8000],[-10000,-8000]],
          [[-100000,30000],[10000,0],[0,10000],[-10000,-10000]],
          [[-100000,50000],[10000,0],[0,10000],[-10000,-10000]]]}"#;
        let (atlas, warnings) = Atlas::parse_file(text, "far.topo.json").unwrap();
        let usa = atlas.get("USA").unwrap();
        assert_eq!(usa.role, Role::Far);
        assert_eq!(usa.shape.0.len(), 2);
        assert_eq!(usa.shape.0[0].exterior().0[1], Coord { x: -160.0, y: 52.0 });
        assert_eq!(usa.neighbours, ["CAN"]);
        assert_eq!(atlas.shapes.len(), 1);
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert!(warnings[0].starts_with("far.topo.json: feature \"CAN\"") && warnings[0].contains("unknown role"), "{warnings:?}");
        assert_eq!(Atlas::parse_file("[]", "far.topo.json").unwrap_err().file, "far.topo.json");
        // The same text through `parse` is read the same way.
        assert_eq!(Atlas::parse(text).unwrap().0.get("USA").unwrap().role, Role::Far);
    }

    #[test]
    fn not_a_topology_is_an_error() {
        let e = Atlas::parse("{\"type\": \"Nope\"}").unwrap_err();
        assert_eq!(e.file, "states.topo.json");
        let e = Atlas::parse(r#"{"type":"FeatureCollection","objects":{"states":{"geometries":[]}},"arcs":[]}"#).unwrap_err();
        assert!(e.to_string().contains("not a TopoJSON topology"), "{e}");
        let e = Atlas::parse(r#"{"type":"Topology","objects":{"states":{"geometries":3}},"arcs":[]}"#).unwrap_err();
        assert!(e.to_string().contains("object `states`"), "{e}");
    }
}
