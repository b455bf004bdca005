//! The states the map draws, read from `geo/states.geojson`, and the NATO
//! members beyond its frame, read from `geo/far.geojson` (same format). A
//! feature that cannot be used is skipped with a warning; the rest of the map
//! still draws.

use crate::model::load::DataError;
use geo::MultiPolygon;
use geojson::{FeatureCollection, GeoJson};
use serde_json::Value;
use std::collections::BTreeMap;

/// Whether a state is one the demands can reach, a neighbour drawn for
/// orientation, or a member outside the frame (`far.geojson`: the United
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

const FILE: &str = "states.geojson";

fn feature(f: &geojson::Feature) -> Result<StateShape, String> {
    let prop = |k: &str| f.properties.as_ref().and_then(|p| p.get(k));
    let text = |k: &str| prop(k).and_then(Value::as_str).map(str::to_string).ok_or(format!("field `{k}` missing"));
    let iso = text("iso_a3")?;
    let at = |m: String| format!("feature \"{iso}\": {m}");
    let name = text("name").map_err(at)?;
    let role = match text("role").map_err(at)?.as_str() {
        "state" => Role::State,
        "context" => Role::Context,
        "far" => Role::Far,
        r => return Err(at(format!("field `role`: unknown role \"{r}\""))),
    };
    let geometry = f.geometry.as_ref().ok_or_else(|| at("no geometry".into()))?;
    let shape: MultiPolygon<f64> = match &geometry.value {
        geojson::Value::Polygon(_) => MultiPolygon(vec![geometry.value.clone().try_into().map_err(|e| at(format!("{e}")))?]),
        geojson::Value::MultiPolygon(_) => geometry.value.clone().try_into().map_err(|e| at(format!("{e}")))?,
        _ => return Err(at("geometry is not a polygon".into())),
    };
    let label = prop("label").and_then(Value::as_array).and_then(|a| Some((a.first()?.as_f64()?, a.get(1)?.as_f64()?)));
    if shape.0.is_empty() && label.is_none() {
        return Err(at("no polygon and no label point".into()));
    }
    let area_km2 = prop("area_km2").and_then(Value::as_f64).unwrap_or(0.0);
    let neighbours = prop("neighbours")
        .and_then(Value::as_array)
        .map(|a| a.iter().filter_map(Value::as_str).map(str::to_string).collect())
        .unwrap_or_default();
    Ok(StateShape { iso, name, role, shape, label, area_km2, neighbours })
}

impl Atlas {
    /// Parses `states.geojson`; a broken feature becomes a warning, a broken
    /// file an error.
    pub fn parse(text: &str) -> Result<(Atlas, Vec<String>), DataError> {
        Atlas::parse_file(text, FILE)
    }

    /// Parses a file of this format (`states.geojson`, `far.geojson`),
    /// naming `file` in warnings and errors.
    pub fn parse_file(text: &str, file: &str) -> Result<(Atlas, Vec<String>), DataError> {
        let gj: GeoJson = text.parse().map_err(|e| DataError::new(file, format!("not GeoJSON: {e}")))?;
        let fc = FeatureCollection::try_from(gj).map_err(|e| DataError::new(file, format!("not a FeatureCollection: {e}")))?;
        let mut shapes = Vec::new();
        let mut warnings = Vec::new();
        for (i, f) in fc.features.iter().enumerate() {
            match feature(f) {
                Ok(s) if shapes.iter().any(|o: &StateShape| o.iso == s.iso) => {
                    warnings.push(format!("{file}: feature \"{}\" is listed twice; the first is drawn", s.iso))
                }
                Ok(s) => shapes.push(s),
                Err(e) if e.starts_with("field") => warnings.push(format!("{file}: feature {}: {e}", i + 1)),
                Err(e) => warnings.push(format!("{file}: {e}")),
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
        let text = r#"{"type":"FeatureCollection","features":[
          {"type":"Feature","properties":{"iso_a3":"AAA","name":"A","role":"state","label":[1,1]},
           "geometry":{"type":"Polygon","coordinates":[[[0,0],[2,0],[2,2],[0,0]]]}},
          {"type":"Feature","properties":{"iso_a3":"BBB","name":"B","role":"state"},"geometry":null},
          {"type":"Feature","properties":{"name":"C"},"geometry":null}]}"#;
        let (atlas, warnings) = Atlas::parse(text).unwrap();
        assert_eq!(atlas.shapes.len(), 1);
        assert_eq!(warnings.len(), 2, "{warnings:?}");
        assert!(warnings[0].contains("\"BBB\"") && warnings[0].contains("no geometry"));
        assert!(warnings[1].contains("feature 3") && warnings[1].contains("iso_a3"));
    }

    #[test]
    fn area_counts_drawn_states_only() {
        let text = r#"{"type":"FeatureCollection","features":[
          {"type":"Feature","properties":{"iso_a3":"AAA","name":"A","role":"state","label":[1,1],"area_km2":10},
           "geometry":{"type":"Polygon","coordinates":[[[0,0],[2,0],[2,2],[0,0]]]}},
          {"type":"Feature","properties":{"iso_a3":"BBB","name":"B","role":"state","label":[5,5],"area_km2":5},
           "geometry":{"type":"Polygon","coordinates":[[[4,4],[6,4],[6,6],[4,4]]]}}]}"#;
        let (atlas, _) = Atlas::parse(text).unwrap();
        assert_eq!(atlas.area_km2(["AAA", "BBB", "USA"]), 15.0);
        assert_eq!(atlas.area_km2([]), 0.0);
    }

    #[test]
    fn far_role_is_read_and_the_file_is_named() {
        let text = r#"{"type":"FeatureCollection","features":[
          {"type":"Feature","properties":{"iso_a3":"USA","name":"United States","role":"far","label":[-100,40],"area_km2":9500000,"neighbours":["CAN"]},
           "geometry":{"type":"MultiPolygon","coordinates":[[[[-170,52],[-160,52],[-160,60],[-170,52]]],[[[-100,30],[-90,30],[-90,40],[-100,30]]]]}},
          {"type":"Feature","properties":{"iso_a3":"CAN","name":"Canada","role":"faraway","label":[-100,60]},
           "geometry":{"type":"Polygon","coordinates":[[[-100,50],[-90,50],[-90,60],[-100,50]]]}}]}"#;
        let (atlas, warnings) = Atlas::parse_file(text, "far.geojson").unwrap();
        let usa = atlas.get("USA").unwrap();
        assert_eq!(usa.role, Role::Far);
        assert_eq!(usa.shape.0.len(), 2);
        assert_eq!(usa.neighbours, ["CAN"]);
        assert_eq!(atlas.shapes.len(), 1);
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert!(warnings[0].starts_with("far.geojson: feature \"CAN\"") && warnings[0].contains("unknown role"), "{warnings:?}");
        assert_eq!(Atlas::parse_file("[]", "far.geojson").unwrap_err().file, "far.geojson");
        // The same text through `parse` is read the same way.
        assert_eq!(Atlas::parse(text).unwrap().0.get("USA").unwrap().role, Role::Far);
    }

    #[test]
    fn not_geojson_is_an_error() {
        let e = Atlas::parse("{\"type\": \"Nope\"}").unwrap_err();
        assert_eq!(e.file, "states.geojson");
    }
}
