//! The states the map draws, read from `geo/states.topo.json`, and the NATO
//! members beyond its frame, read from `geo/far.topo.json` (same format: a
//! quantized, delta-encoded TopoJSON topology). A feature that cannot be used
//! is skipped with a warning; the rest of the map still draws. A file is
//! parsed once into a JSON tree and read by hand, so the WebAssembly carries
//! one deserializer, not one per type.

use crate::model::json::{self, Obj};
use crate::model::load::{parse, DataError};
use geo::{Coord, LineString, MultiPolygon, Polygon};
use serde_json::Value;

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

/// A topology's transform: a quantized position times `scale`, plus
/// `translate`.
struct Transform {
    scale: [f64; 2],
    translate: [f64; 2],
}

/// `[x, y]`.
fn pair(v: &Value) -> Option<[f64; 2]> {
    match v.as_array()?.as_slice() {
        [x, y] => Some([x.as_f64()?, y.as_f64()?]),
        _ => None,
    }
}

/// A field that must be `[x, y]` when present.
fn opt_pair(o: &Obj, key: &str) -> Result<Option<[f64; 2]>, String> {
    o.opt(key)
        .map(|v| pair(v).ok_or_else(|| json::at(&o.path_of(key), &json::expected("two numbers", v))))
        .transpose()
}

fn read_transform(top: &Obj) -> Result<Option<Transform>, String> {
    let Some(v) = top.opt("transform") else { return Ok(None) };
    let t = Obj::new(v, "transform".into())?;
    let need = |key: &str| opt_pair(&t, key)?.ok_or_else(|| t.error(&format!("missing field `{key}`")));
    Ok(Some(Transform { scale: need("scale")?, translate: need("translate")? }))
}

/// The arcs as written: each a list of `[x, y]` positions.
fn read_arcs(top: &Obj) -> Result<Vec<Vec<[f64; 2]>>, String> {
    let mut out = Vec::new();
    for (i, arc) in top.list("arcs")?.iter().enumerate() {
        let positions = json::list(arc, &format!("arcs[{i}]"))?;
        let arc = positions.iter().map(pair).collect::<Option<Vec<_>>>();
        out.push(arc.ok_or_else(|| format!("field `arcs[{i}]`: expected a list of positions [x, y]"))?);
    }
    Ok(out)
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
fn ring(refs: &Value, arcs: &[Vec<Coord<f64>>]) -> Option<LineString<f64>> {
    let mut out: Vec<Coord<f64>> = Vec::new();
    for r in refs.as_array()? {
        let r = r.as_i64()?;
        let arc = arcs.get(usize::try_from(if r < 0 { !r } else { r }).ok()?)?;
        let skip = usize::from(!out.is_empty());
        if r < 0 {
            out.extend(arc.iter().rev().skip(skip));
        } else {
            out.extend(arc.iter().skip(skip));
        }
    }
    Some(LineString(out))
}

fn polygon(rings: &Value, arcs: &[Vec<Coord<f64>>]) -> Option<Polygon<f64>> {
    let mut it = rings.as_array()?.iter().map(|r| ring(r, arcs));
    let exterior = it.next()??;
    Some(Polygon::new(exterior, it.collect::<Option<_>>()?))
}

/// One state from its geometry, or why not: the message, and the state's
/// code when it could be read. Properties other than those `make-geo`
/// writes are ignored.
fn feature(g: &Value, arcs: &[Vec<Coord<f64>>]) -> Result<StateShape, (Option<String>, String)> {
    let g = Obj::new(g, String::new()).map_err(|m| (None, m))?;
    let empty = serde_json::Map::new();
    let p = match g.opt("properties") {
        Some(v) => Obj::new(v, "properties".into()).map_err(|m| (None, m))?,
        None => Obj { map: &empty, path: "properties".into() },
    };
    let Some(iso) = p.opt_string("iso_a3").map_err(|m| (None, m))? else {
        return Err((None, "field `iso_a3` missing".into()));
    };
    let at = |m: String| (Some(iso.clone()), m);
    let name = p.opt_string("name").map_err(at)?.ok_or_else(|| at("field `name` missing".into()))?;
    let role = match p.opt_string("role").map_err(at)?.as_deref() {
        Some("state") => Role::State,
        Some("context") => Role::Context,
        Some("far") => Role::Far,
        Some(r) => return Err(at(format!("field `role`: unknown role \"{r}\""))),
        None => return Err(at("field `role` missing".into())),
    };
    let label = opt_pair(&p, "label").map_err(at)?.map(|[x, y]| (x, y));
    let area_km2 = match p.opt("area_km2") {
        None => 0.0,
        Some(v) => v.as_f64().ok_or_else(|| at(json::at(&p.path_of("area_km2"), &json::expected("a number", v))))?,
    };
    let neighbours = p.strings_or_empty("neighbours").map_err(at)?;
    let bad = || at("broken arc references".into());
    let refs = g.opt("arcs").unwrap_or(&Value::Null);
    let shape = match g.opt_string("type").map_err(at)?.as_deref() {
        None => return Err(at("no geometry".into())),
        Some("Polygon") => MultiPolygon(vec![polygon(refs, arcs).ok_or_else(bad)?]),
        Some("MultiPolygon") => MultiPolygon(
            refs.as_array().ok_or_else(bad)?.iter().map(|p| polygon(p, arcs)).collect::<Option<_>>().ok_or_else(bad)?,
        ),
        Some(_) => return Err(at("geometry is not a polygon".into())),
    };
    if shape.0.is_empty() && label.is_none() {
        return Err(at("no polygon and no label point".into()));
    }
    Ok(StateShape { iso, name, role, shape, label, area_km2, neighbours })
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
        let tree = parse(file, text)?;
        let top = Obj::new(&tree, String::new()).map_err(not)?;
        let kind = top.string("type").map_err(not)?;
        if kind != "Topology" {
            return Err(not(format!("type \"{kind}\"")));
        }
        let transform = read_transform(&top).map_err(not)?;
        // Every object's geometries are read (the pipeline writes one
        // object: `states` or `far`).
        let mut geometries = Vec::new();
        for (name, object) in top.obj("objects").map_err(not)?.map {
            let c = Obj::new(object, String::new()).and_then(|c| c.list("geometries"));
            geometries.extend(c.map_err(|m| not(format!("object `{name}`: {m}")))?);
        }
        let raw = read_arcs(&top).map_err(not)?;
        let arcs = decode_arcs(&raw, transform.as_ref());
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
    pub fn neighbours(&self) -> crate::model::scope::ListMap {
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
        assert!(
            warnings[0].starts_with("states.topo.json: feature \"AAA\": field `properties.label`: expected two numbers, found a string"),
            "{warnings:?}"
        );
        assert!(!warnings[0].contains("line"), "{warnings:?}");
        assert!(warnings[1].starts_with("states.topo.json: feature \"BBB\": ") && warnings[1].contains("arc references"), "{warnings:?}");
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

    #[test]
    fn a_broken_transform_or_arc_is_an_error_naming_it() {
        let with = |transform: &str, arcs: &str| {
            let text = format!(r#"{{"type":"Topology",{transform}"objects":{{"states":{{"geometries":[]}}}},"arcs":{arcs}}}"#);
            Atlas::parse(&text).map(|(a, _)| a.shapes.len()).map_err(|e| e.to_string())
        };
        assert_eq!(with(r#""transform":null,"#, "[]"), Ok(0));
        let e = with(r#""transform":{"scale":[1,1]},"#, "[]").unwrap_err();
        assert!(e.contains("not a TopoJSON topology") && e.contains("field `transform`: missing field `translate`"), "{e}");
        let e = with(r#""transform":{"scale":[1],"translate":[0,0]},"#, "[]").unwrap_err();
        assert!(e.contains("field `transform.scale`: expected two numbers, found a list"), "{e}");
        let e = with("", "[[[0,0]],[[0,0],[1]]]").unwrap_err();
        assert!(e.contains("field `arcs[1]`: expected a list of positions"), "{e}");
        assert!(with("", "{}").unwrap_err().contains("field `arcs`: expected a list, found an object"));
        let e = Atlas::parse("{\"type\": ").unwrap_err();
        assert!(e.file == "states.topo.json" && e.message.contains("not valid JSON"), "{e}");
    }
}
