//! The view as GeoJSON (RFC 7946), written with the `geojson` crate: a
//! FeatureCollection of the states the view reaches, each with the active
//! demands reaching it, their sides and the date, and the distance zones as
//! polygons with their distance and area. Coordinates are WGS84 longitude
//! and latitude; outer rings run counter-clockwise and holes clockwise;
//! a polygon crossing the antimeridian is cut there into parts on either
//! side (RFC 7946 §3.1.9), so every longitude is within [-180, 180] and no
//! edge runs across the map.
//! Only the downloads call this (the extras' split module, see
//! `view::later`), so a first visit does not carry the serializer.

use super::{Table, ZoneReach};
use crate::geometry::atlas::Atlas;
use ::geojson::{Feature, FeatureCollection, Geometry, GeometryValue, JsonObject, JsonValue};
use geo::{BoundingRect, Contains, Coord, LineString, Orient, Polygon};

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
/// them; wound as RFC 7946 asks. Longitudes stay as given (continuous,
/// possibly past 180°): `cut_at_antimeridian` brings them into range.
pub fn polygons(rings: &[Vec<(f64, f64)>]) -> Vec<Polygon<f64>> {
    let rings: Vec<LineString<f64>> = rings
        .iter()
        .filter(|r| r.len() >= 3)
        .map(|r| {
            let mut ls = LineString::new(r.iter().map(|&(x, y)| Coord { x, y }).collect());
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
    for i in (0..rings.len()).filter(|&i| around[i].len().is_multiple_of(2)) {
        out.push((i, Polygon::new(rings[i].clone(), vec![])));
    }
    for i in (0..rings.len()).filter(|&i| around[i].len() % 2 == 1) {
        // The smallest outer ring around the hole.
        let parent = around[i].iter().copied().filter(|&j| around[j].len().is_multiple_of(2)).min_by(|&a, &b| area(a).total_cmp(&area(b)));
        if let Some(k) = parent.and_then(|j| out.iter().position(|(o, _)| *o == j)) {
            out[k].1.interiors_push(rings[i].clone());
        }
    }
    out.into_iter().map(|(_, p)| p.orient(geo::orient::Direction::Default)).collect()
}

/// Whether an edge of the ring spans more than half the globe: a jump
/// across the antimeridian (179.9° to -179.9°) rather than an edge.
fn jumps(ls: &LineString<f64>) -> bool {
    ls.lines().any(|l| (l.end.x - l.start.x).abs() > 180.0)
}

/// The ring with continuous longitudes: each point moved by whole turns so
/// that no edge spans more than 180°, then the whole ring by whole turns to
/// lie nearest `near`. A ring around a pole does not close once unwrapped
/// and is given back as it was.
fn unwrap_ring(ls: &LineString<f64>, near: f64) -> LineString<f64> {
    let mut out: Vec<Coord<f64>> = Vec::with_capacity(ls.0.len());
    let mut shift = 0.0;
    for c in &ls.0 {
        if let Some(p) = out.last() {
            shift -= 360.0 * ((c.x + shift - p.x) / 360.0).round();
        }
        out.push(Coord { x: c.x + shift, y: c.y });
    }
    match (out.first(), out.last()) {
        (Some(a), Some(b)) if (a.x - b.x).abs() > 1e-9 => return ls.clone(),
        (Some(a), _) => {
            let turn = 360.0 * ((a.x - near) / 360.0).round();
            out.iter_mut().for_each(|c| c.x -= turn);
        }
        _ => {}
    }
    LineString::new(out)
}

/// `p` cut at the antimeridian (RFC 7946 §3.1.9): its longitudes made
/// continuous, then each ring clipped to each 360° band of longitude it
/// reaches (Sutherland–Hodgman against the band's two edges) and moved into
/// [-180, 180]; a hole the cut opens joins its outer ring there, so each
/// part is one ring around its piece. A polygon already within [-180, 180]
/// and without a jump is returned as it is; the parts are wound as RFC 7946
/// asks. (geo's boolean operations would do it too, at some 29 KB of
/// WebAssembly.)
pub fn cut_at_antimeridian(p: &Polygon<f64>) -> Vec<Polygon<f64>> {
    let p = if jumps(p.exterior()) || p.interiors().iter().any(jumps) {
        let ext = unwrap_ring(p.exterior(), p.exterior().0.first().map_or(0.0, |c| c.x));
        let near = ext.0.first().map_or(0.0, |c| c.x);
        Polygon::new(ext, p.interiors().iter().map(|h| unwrap_ring(h, near)).collect())
    } else {
        p.clone()
    };
    let Some(r) = p.bounding_rect() else { return Vec::new() };
    if r.min().x >= -180.0 && r.max().x <= 180.0 {
        return vec![p];
    }
    let p = p.orient(geo::orient::Direction::Default);
    let first = ((r.min().x + 180.0) / 360.0).floor() as i32;
    let last = ((r.max().x - 180.0) / 360.0).ceil() as i32;
    let mut out = Vec::new();
    for k in first..=last {
        let off = 360.0 * f64::from(k);
        let (lo, hi) = (off - 180.0, off + 180.0);
        let clip = |ring: &LineString<f64>| clip_x(&clip_x(&open(ring), lo, true), hi, false);
        let mut outer = clip(p.exterior());
        if outer.len() < 3 {
            continue;
        }
        let mut holes = Vec::new();
        for h in p.interiors() {
            let h = clip(h);
            if h.len() >= 3 && !join_hole(&mut outer, &h, lo, hi) {
                holes.push(h);
            }
        }
        let shift = |ring: Vec<Coord<f64>>| {
            let mut ls = LineString::new(ring.into_iter().map(|c| Coord { x: (c.x - off).clamp(-180.0, 180.0), y: c.y }).collect());
            ls.close();
            ls
        };
        out.push(Polygon::new(shift(outer), holes.into_iter().map(shift).collect()).orient(geo::orient::Direction::Default));
    }
    out
}

/// A ring's points without the closing repeat.
fn open(ring: &LineString<f64>) -> Vec<Coord<f64>> {
    let mut pts = ring.0.clone();
    if pts.len() > 1 && pts.first() == pts.last() {
        pts.pop();
    }
    pts
}

/// One Sutherland–Hodgman step: the ring's part on one side of the line of
/// longitude `x` (east of it if `east`); points on the cut get exactly `x`.
fn clip_x(ring: &[Coord<f64>], x: f64, east: bool) -> Vec<Coord<f64>> {
    let inside = |c: &Coord<f64>| if east { c.x >= x } else { c.x <= x };
    let mut out = Vec::with_capacity(ring.len() + 4);
    for (i, b) in ring.iter().enumerate() {
        let a = &ring[(i + ring.len() - 1) % ring.len()];
        let cross = || Coord { x, y: a.y + (b.y - a.y) * (x - a.x) / (b.x - a.x) };
        match (inside(a), inside(b)) {
            (true, true) => out.push(*b),
            (true, false) => out.push(cross()),
            (false, true) => {
                out.push(cross());
                out.push(*b);
            }
            (false, false) => {}
        }
    }
    out.dedup();
    out
}

/// Joins a clipped hole that touches the cut (at `lo` or `hi`) to the outer
/// ring: where the outer ring runs along the cut past the hole's edge on
/// it, it goes round the hole instead. Outer rings run counter-clockwise
/// and holes clockwise, so along the cut they run opposite ways, and the
/// hole's points from the end of its edge on the cut to its start are the
/// detour. False if the hole does not touch the cut.
fn join_hole(outer: &mut Vec<Coord<f64>>, hole: &[Coord<f64>], lo: f64, hi: f64) -> bool {
    let n = hole.len();
    let on_cut = |a: &Coord<f64>, b: &Coord<f64>| (a.x == lo && b.x == lo) || (a.x == hi && b.x == hi);
    let Some(i) = (0..n).find(|&i| on_cut(&hole[i], &hole[(i + 1) % n])) else { return false };
    let (p, q) = (hole[i], hole[(i + 1) % n]);
    let m = outer.len();
    let between = |v: f64, a: f64, b: f64| (a.min(b)..=a.max(b)).contains(&v);
    let Some(j) = (0..m).find(|&j| {
        let (a, b) = (outer[j], outer[(j + 1) % m]);
        on_cut(&a, &b) && a.x == p.x && between(p.y, a.y, b.y) && between(q.y, a.y, b.y) && (b.y - a.y) * (p.y - q.y) > 0.0
    }) else {
        return false;
    };
    // a, q, the hole round from q to p, p, b.
    let detour: Vec<Coord<f64>> = (0..n).map(|k| hole[(i + 1 + k) % n]).collect();
    outer.splice(j + 1..j + 1, detour);
    outer.dedup();
    true
}

fn ring(ls: &LineString<f64>) -> Vec<[f64; 2]> {
    ls.coords().map(|c| [round6(c.x), round6(c.y)]).collect()
}

/// A coordinate to a micro-degree (about 0.1 m): the geometry is no finer.
fn round6(v: f64) -> f64 {
    (v * 1e6).round() / 1e6
}

fn multipolygon(ps: &[Polygon<f64>]) -> Geometry {
    let ps: Vec<Polygon<f64>> = ps.iter().flat_map(cut_at_antimeridian).collect();
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
            {
                let on = if z.ground == "sea" { "the sea outside territorial waters" } else { "the bound side's land" };
                format!(
                    "Ground within {} km of the other side, as the map draws it. The polygon is the level line at that distance, not clipped to {on}; the zone the map shows, and its area_km2, is the polygon's part on {on}.",
                    z.reach.km
                )
            }
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
        let cut = cut_at_antimeridian(&ps[0]);
        assert_eq!(cut.len(), 1);
        assert!(cut[0].exterior().coords().all(|c| (-175.0..=-170.0).contains(&c.x)), "{cut:?}");
        assert!(polygons(&[vec![(0.0, 0.0), (1.0, 1.0)]]).is_empty(), "a degenerate ring is dropped");
    }

    #[test]
    fn a_polygon_across_the_antimeridian_is_cut_there() {
        use geo::ChamberlainDuquetteArea;
        // 170°E to 170°W with a hole across 180°, given with continuous
        // longitudes (as the zones are) and with the jump (as a ring wrapped
        // into [-180, 180] would be): both come out as the same two parts.
        let sq = |a: f64, b: f64, lo: f64, hi: f64| vec![(a, lo), (b, lo), (b, hi), (a, hi)];
        let continuous = polygons(&[sq(170.0, 190.0, 60.0, 70.0), sq(178.0, 182.0, 64.0, 66.0)]);
        assert_eq!(continuous.len(), 1);
        let wrapped = |r: &LineString<f64>| LineString::new(r.0.iter().map(|c| Coord { x: if c.x > 180.0 { c.x - 360.0 } else { c.x }, y: c.y }).collect());
        let jumping = Polygon::new(wrapped(continuous[0].exterior()), continuous[0].interiors().iter().map(wrapped).collect());
        assert!(jumps(jumping.exterior()));
        // geo's Chamberlain–Duquette area subtracts a hole's signed area, so
        // it adds the holes RFC 7946 winds clockwise: each ring on its own.
        let ring_area = |r: &LineString<f64>| Polygon::new(r.clone(), vec![]).chamberlain_duquette_unsigned_area();
        let area_of = |q: &Polygon<f64>| ring_area(q.exterior()) - q.interiors().iter().map(ring_area).sum::<f64>();
        let whole = area_of(&continuous[0]);
        assert!(whole > 0.9 * ring_area(continuous[0].exterior()));
        for p in [&continuous[0], &jumping] {
            let parts = cut_at_antimeridian(p);
            assert_eq!(parts.len(), 2, "{parts:?}");
            let mut east = 0;
            for q in &parts {
                assert!(!jumps(q.exterior()));
                assert!(q.exterior().coords().all(|c| (-180.0..=180.0).contains(&c.x)));
                assert!(signed(q.exterior()) > 0.0, "outer rings counter-clockwise");
                // The hole is cut too: each part is a C around its half.
                assert!(q.interiors().is_empty());
                if q.exterior().coords().all(|c| c.x >= 170.0 - 1e-6) {
                    east += 1;
                }
            }
            assert_eq!(east, 1, "one part east of 170°E, the other west of 180°");
            let area: f64 = parts.iter().map(area_of).sum();
            assert!((area - whole).abs() / whole < 1e-6, "{area} against {whole}");
        }
        // Within range: unchanged.
        let inside = polygons(&[sq(10.0, 20.0, 0.0, 5.0)]);
        assert_eq!(cut_at_antimeridian(&inside[0]), inside);
    }
}
