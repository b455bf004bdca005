//! The view as GeoJSON (RFC 7946), written with the `geojson` crate: a
//! FeatureCollection of the states the view reaches, each with the active
//! demands reaching it, their sides and the date, and the distance zones as
//! polygons with their distance and area. Coordinates are WGS84 longitude
//! and latitude; outer rings run counter-clockwise and holes clockwise.
//! Only the downloads call this (the extras' split module, see
//! `view::later`), so a first visit does not carry the serializer.

use super::{Table, ZoneReach};
use crate::geometry::atlas::Atlas;
use ::geojson::{Feature, FeatureCollection, Geometry, GeometryValue, JsonObject, JsonValue};
use geo::{Contains, Coord, LineString, Orient, Polygon};

/// A zone at the distance drawn, in degrees.
#[derive(Clone, Debug, PartialEq)]
pub struct ZoneShape {
    pub reach: ZoneReach,
    pub area_km2: f64,
    /// "land" (the bound party's land within the distance) or "sea" (the sea
    /// outside territorial waters within the distance).
    pub ground: &'static str,
    /// The level line's rings, read with the even–odd rule; longitudes may
    /// run past 180°.
    pub rings: Vec<Vec<(f64, f64)>>,
}

/// `rings` (even–odd) as polygons: each ring inside an even number of
/// others is an outer ring, the rest are holes of the smallest ring around
/// them; wound as RFC 7946 asks. A ring that lies wholly past 180° is moved
/// back by 360°.
pub fn polygons(rings: &[Vec<(f64, f64)>]) -> Vec<Polygon<f64>> {
    let rings: Vec<LineString<f64>> = rings
        .iter()
        .filter(|r| r.len() >= 3)
        .map(|r| {
            let shift = if r.iter().all(|p| p.0 > 180.0) { -360.0 } else { 0.0 };
            let mut ls = LineString::new(r.iter().map(|&(x, y)| Coord { x: x + shift, y }).collect());
            ls.close();
            ls
        })
        .collect();
    let plain: Vec<Polygon<f64>> = rings.iter().map(|r| Polygon::new(r.clone(), vec![])).collect();
    let area = |i: usize| geo::Area::unsigned_area(&plain[i]);
    // Which rings hold each ring's first point.
    let around: Vec<Vec<usize>> = (0..rings.len())
        .map(|i| {
            let p = geo::Point::from(rings[i].0[0]);
            (0..rings.len()).filter(|&j| j != i && area(j) > area(i) && plain[j].contains(&p)).collect()
        })
        .collect();
    let mut out: Vec<(usize, Polygon<f64>)> = Vec::new();
    for i in (0..rings.len()).filter(|&i| around[i].len() % 2 == 0) {
        out.push((i, Polygon::new(rings[i].clone(), vec![])));
    }
    for i in (0..rings.len()).filter(|&i| around[i].len() % 2 == 1) {
        // The smallest outer ring around the hole.
        let parent = around[i].iter().copied().filter(|&j| around[j].len() % 2 == 0).min_by(|&a, &b| area(a).total_cmp(&area(b)));
        if let Some(k) = parent.and_then(|j| out.iter().position(|(o, _)| *o == j)) {
            out[k].1.interiors_push(rings[i].clone());
        }
    }
    out.into_iter().map(|(_, p)| p.orient(geo::orient::Direction::Default)).collect()
}

fn ring(ls: &LineString<f64>) -> Vec<[f64; 2]> {
    ls.coords().map(|c| [round6(c.x), round6(c.y)]).collect()
}

/// A coordinate to a micro-degree (about 0.1 m): the geometry is no finer.
fn round6(v: f64) -> f64 {
    (v * 1e6).round() / 1e6
}

fn multipolygon(ps: &[Polygon<f64>]) -> Geometry {
    Geometry::new(GeometryValue::new_multi_polygon(
        ps.iter().map(|p| std::iter::once(ring(p.exterior())).chain(p.interiors().iter().map(ring)).collect::<Vec<_>>()),
    ))
}

fn feature(geometry: Geometry, id: Option<String>, properties: JsonObject) -> Feature {
    Feature { bbox: None, geometry: Some(geometry), id: id.map(::geojson::feature::Id::String), properties: Some(properties), foreign_members: None }
}

/// The FeatureCollection of the table's states (with their shapes from
/// `atlas` or `far`; a state without a loaded shape has no geometry) and
/// of the zones.
pub fn collection(table: &Table, atlas: &Atlas, far: Option<&Atlas>, zones: &[ZoneShape]) -> FeatureCollection {
    let date = table.date.to_string();
    let mut features = Vec::new();
    for r in &table.rows {
        let mut p = JsonObject::new();
        p.insert("kind".into(), "state".into());
        p.insert("iso".into(), r.iso.clone().into());
        p.insert("name".into(), r.name.clone().into());
        p.insert("date".into(), date.clone().into());
        let reached: Vec<usize> = (0..table.columns.len()).filter(|&i| r.cells[i].reached()).collect();
        p.insert("demands".into(), JsonValue::Array(reached.iter().map(|&i| table.columns[i].demand.clone().into()).collect()));
        let mut sides = JsonObject::new();
        for &i in &reached {
            let c = &r.cells[i];
            let mut v: Vec<JsonValue> = c.whole.iter().map(|s| s.clone().into()).collect();
            v.extend(c.part.iter().map(|(s, km)| format!("{s} (part, within {km} km)").into()));
            sides.insert(table.columns[i].demand.clone(), JsonValue::Array(v));
        }
        p.insert("sides".into(), JsonValue::Object(sides));
        p.insert("memberships".into(), JsonValue::Array(r.memberships.iter().map(|&m| m.into()).collect()));
        if let Some(a) = r.area_km2 {
            p.insert("area_km2".into(), (a.round() as u64).into());
        }
        let shape = atlas.get(&r.iso).or_else(|| far.and_then(|a| a.get(&r.iso)));
        let mut f = feature(multipolygon(&[]), Some(r.iso.clone()), p);
        // Monaco and the Vatican are points in the source (the map marks
        // them); they have no polygon to give.
        f.geometry = shape.filter(|s| !s.shape.0.is_empty()).map(|s| multipolygon(&s.shape.0));
        features.push(f);
    }
    for z in zones {
        let mut p = JsonObject::new();
        p.insert("kind".into(), "zone".into());
        p.insert("demand".into(), z.reach.demand.clone().into());
        p.insert("side".into(), z.reach.party.clone().into());
        p.insert("km".into(), z.reach.km.into());
        p.insert("area_km2".into(), (z.area_km2.round() as u64).into());
        p.insert("ground".into(), z.ground.into());
        p.insert("date".into(), date.clone().into());
        p.insert(
            "note".into(),
            format!(
                "Ground within {} km of the other side, as the map draws it: the polygon is the level line; the zone is its part on {}.",
                z.reach.km,
                if z.ground == "sea" { "the sea outside territorial waters" } else { "the bound side's land" }
            )
            .into(),
        );
        features.push(feature(multipolygon(&polygons(&z.rings)), None, p));
    }
    FeatureCollection::new(features)
}

/// The collection as text.
pub fn text(table: &Table, atlas: &Atlas, far: Option<&Atlas>, zones: &[ZoneShape]) -> String {
    collection(table, atlas, far, zones).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn signed(ls: &LineString<f64>) -> f64 {
        geo::Area::signed_area(&Polygon::new(ls.clone(), vec![]))
    }

    #[test]
    fn rings_nest_into_polygons_wound_as_rfc_7946_asks() {
        // A square with a hole, and an island in the hole, all wound
        // clockwise as given.
        let sq = |a: f64, b: f64| vec![(a, a), (a, b), (b, b), (b, a)];
        let ps = polygons(&[sq(0.0, 10.0), sq(2.0, 8.0), sq(4.0, 6.0)]);
        assert_eq!(ps.len(), 2);
        assert_eq!(ps[0].interiors().len(), 1, "the middle ring is the outer ring's hole");
        assert!(ps[1].interiors().is_empty());
        for p in &ps {
            assert!(signed(p.exterior()) > 0.0, "outer rings counter-clockwise");
            for h in p.interiors() {
                assert!(signed(h) < 0.0, "holes clockwise");
            }
        }
        assert!((geo::Area::unsigned_area(&ps[0]) - 64.0).abs() < 1e-9);
    }

    #[test]
    fn a_ring_past_the_antimeridian_comes_back() {
        let ps = polygons(&[vec![(185.0, 60.0), (190.0, 60.0), (190.0, 65.0)]]);
        assert!(ps[0].exterior().coords().all(|c| (-180.0..=180.0).contains(&c.x)));
        assert!(polygons(&[vec![(0.0, 0.0), (1.0, 1.0)]]).is_empty(), "a degenerate ring is dropped");
    }
}
