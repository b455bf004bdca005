//! Decodes a quantized TopoJSON topology into absolute arcs and assembles
//! polygons from arc references, after the arcs were simplified.
//!
//! The `topojson` crate (0.5) pins `geojson < 0.24` and joins arcs without
//! dropping the point two consecutive arcs share, so this module reads the
//! few fields it needs with serde instead.

use geo::{Coord, LineString, MultiPolygon, Polygon};
use serde::Deserialize;
use std::collections::BTreeMap;

#[derive(Deserialize)]
struct RawTopology {
    transform: Option<Transform>,
    arcs: Vec<Vec<[f64; 2]>>,
    objects: BTreeMap<String, RawCollection>,
}

#[derive(Deserialize)]
struct Transform {
    scale: [f64; 2],
    translate: [f64; 2],
}

#[derive(Deserialize)]
struct RawCollection {
    geometries: Vec<RawGeometry>,
}

#[derive(Deserialize)]
struct RawGeometry {
    #[serde(rename = "type")]
    kind: String,
    #[serde(default)]
    arcs: serde_json::Value,
    #[serde(default)]
    properties: serde_json::Map<String, serde_json::Value>,
}

/// One geometry of a topology object: its properties and its polygons as
/// lists of rings, each ring a list of signed arc references.
pub struct TopoShape {
    pub properties: serde_json::Map<String, serde_json::Value>,
    pub polygons: Vec<Vec<Vec<i64>>>,
}

/// A decoded topology: absolute arcs in degrees, and the shapes of one object.
pub struct Topology {
    pub arcs: Vec<Vec<Coord<f64>>>,
    pub shapes: Vec<TopoShape>,
}

impl Topology {
    /// Reads the object `object` of a TopoJSON text.
    pub fn parse(text: &str, object: &str) -> Result<Self, String> {
        let raw: RawTopology = serde_json::from_str(text).map_err(|e| format!("not a topology: {e}"))?;
        let arcs = raw
            .arcs
            .iter()
            .map(|arc| match &raw.transform {
                Some(t) => {
                    let (mut x, mut y) = (0.0, 0.0);
                    arc.iter()
                        .map(|p| {
                            x += p[0];
                            y += p[1];
                            Coord { x: x * t.scale[0] + t.translate[0], y: y * t.scale[1] + t.translate[1] }
                        })
                        .collect()
                }
                None => arc.iter().map(|p| Coord { x: p[0], y: p[1] }).collect(),
            })
            .collect();
        let coll = raw.objects.get(object).ok_or_else(|| format!("no object named {object}"))?;
        let mut shapes = Vec::new();
        for g in &coll.geometries {
            let polygons: Vec<Vec<Vec<i64>>> = match g.kind.as_str() {
                "Polygon" => vec![serde_json::from_value(g.arcs.clone()).map_err(|e| e.to_string())?],
                "MultiPolygon" => serde_json::from_value(g.arcs.clone()).map_err(|e| e.to_string())?,
                _ => Vec::new(),
            };
            shapes.push(TopoShape { properties: g.properties.clone(), polygons });
        }
        Ok(Topology { arcs, shapes })
    }

    /// The arc behind a signed reference, in the direction it is used.
    pub fn arc(&self, r: i64) -> Vec<Coord<f64>> {
        if r >= 0 {
            self.arcs[r as usize].clone()
        } else {
            let mut a = self.arcs[(!r) as usize].clone();
            a.reverse();
            a
        }
    }

    /// Index of the arc behind a signed reference.
    pub fn arc_index(r: i64) -> usize {
        if r >= 0 {
            r as usize
        } else {
            (!r) as usize
        }
    }

    /// Joins a ring's arcs, dropping the point each arc shares with the one
    /// before it. A ring with fewer than four points is no ring: `None`.
    pub fn ring(&self, refs: &[i64]) -> Option<LineString<f64>> {
        let mut pts: Vec<Coord<f64>> = Vec::new();
        for &r in refs {
            let a = self.arc(r);
            let skip = usize::from(!pts.is_empty());
            pts.extend(a.into_iter().skip(skip));
        }
        pts.dedup();
        if pts.len() < 4 || pts.first() != pts.last() {
            return None;
        }
        Some(LineString(pts))
    }

    /// A shape's polygons; a polygon whose outer ring collapsed is dropped,
    /// and so is a hole that collapsed.
    pub fn multipolygon(&self, shape: &TopoShape) -> MultiPolygon<f64> {
        let polys = shape
            .polygons
            .iter()
            .filter_map(|rings| {
                let mut it = rings.iter();
                let ext = self.ring(it.next()?)?;
                let holes = it.filter_map(|r| self.ring(r)).collect();
                Some(Polygon::new(ext, holes))
            })
            .collect();
        MultiPolygon(polys)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TWO_SQUARES: &str = r#"{
      "type": "Topology",
      "transform": {"scale": [1, 1], "translate": [0, 0]},
      "objects": {"c": {"type": "GeometryCollection", "geometries": [
        {"type": "Polygon", "arcs": [[0, 1]], "properties": {"a3": "AAA"}},
        {"type": "Polygon", "arcs": [[2, -1]], "properties": {"a3": "BBB"}}
      ]}},
      "arcs": [
        [[1, 0], [0, 1]],
        [[1, 1], [-1, 0], [0, -1], [1, 0]],
        [[1, 0], [1, 0], [0, 1], [-1, 0]]
      ]
    }"#;

    #[test]
    fn delta_decoding_and_shared_arc() {
        let t = Topology::parse(TWO_SQUARES, "c").unwrap();
        assert_eq!(t.arcs[0], vec![Coord { x: 1.0, y: 0.0 }, Coord { x: 1.0, y: 1.0 }]);
        let a = t.multipolygon(&t.shapes[0]);
        let b = t.multipolygon(&t.shapes[1]);
        // Each square is a closed ring of 5 points, the junctions not doubled.
        assert_eq!(a.0[0].exterior().0.len(), 5);
        assert_eq!(b.0[0].exterior().0.len(), 5);
        assert_eq!(t.shapes[1].properties["a3"], "BBB");
    }

    #[test]
    fn unknown_object_is_an_error() {
        assert!(Topology::parse(TWO_SQUARES, "nope").is_err());
        assert!(Topology::parse("{}", "c").is_err());
    }

    #[test]
    fn collapsed_ring_is_dropped() {
        let t = Topology { arcs: vec![vec![Coord { x: 0.0, y: 0.0 }, Coord { x: 1.0, y: 0.0 }, Coord { x: 0.0, y: 0.0 }]], shapes: vec![] };
        assert!(t.ring(&[0]).is_none());
    }
}
