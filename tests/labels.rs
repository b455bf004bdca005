//! The states' names on the real map: for the states reached by `us-4a` and
//! by `nato-4`, at the widths of a phone, a tablet, a laptop's and a large
//! screen's map, and zoomed in. Boxes never overlap, every name is anchored
//! inside its state, Russia is always named.

mod common;
use common::data;
use geo::{Contains, Coord, LineString, MultiPolygon, Point, Polygon};
use std::collections::BTreeSet;
use treaty_map::geometry::labels::{font_px, place, region_candidates, state_candidates, visible, Layout, Rect, Shape, Style};
use treaty_map::geometry::projection::Albers;
use treaty_map::geometry::scene::{frame, ViewBox};
use treaty_map::model::date::Date;

const D2021: Date = Date::new(2021, 12, 17);

fn reached(d: &common::Data, id: &str) -> Vec<String> {
    let parties: Vec<String> = match id {
        "us-4a" => vec!["United States".into()],
        "nato-4" => vec!["NATO members of 27 May 1997".into(), "Russia".into()],
        _ => unreachable!(),
    };
    let mut all = BTreeSet::new();
    for p in parties {
        all.extend(d.reach(id, &p, D2021, &[]));
    }
    all.into_iter().collect()
}

/// The map's box in the page (CSS px) at 320 × 568, 375 × 740 and
/// 768 × 1024 screens (the full width, 54 % of the height: style.css's
/// `.map-frame`), and beside the demand panel at 1280 × 800 and
/// 1920 × 1080 (measured on the release build).
const BOXES: [(f64, f64); 5] = [(320.0, 307.0), (375.0, 400.0), (768.0, 553.0), (860.0, 640.0), (1400.0, 900.0)];

struct Run {
    layout: Layout,
    view: Rect,
    font: f64,
    anchors: Vec<(String, (f64, f64))>,
}

/// The layout of the names of `isos` (and the outlines `regions`) in a map
/// box of `px_w` × `px_h` showing `vb`, with the markers of the smallest
/// states as obstacles, as the map draws them.
fn run(shapes: &[Shape], isos: &[String], vb: ViewBox, (px_w, px_h): (f64, f64), regions: &[&str], facts: &treaty_map::model::facts::Facts) -> Run {
    let (view, scale) = visible(vb, px_w, px_h).unwrap();
    let font = font_px(px_w) / scale;
    let isos: Vec<&str> = isos.iter().map(String::as_str).collect();
    let mut cands = state_candidates(shapes, &isos, &view, font);
    cands.extend(region_candidates(shapes, facts, regions, &view));
    let stripe = (vb.w / 220.0).max(3.5 / scale);
    let obstacles: Vec<Rect> = shapes
        .iter()
        .filter(|s| s.area_km2 < 1000.0)
        .filter_map(|s| s.label)
        .map(|(x, y)| Rect::around(x, y, stripe * 1.8, stripe * 1.8))
        .collect();
    let anchors = cands.iter().map(|c| (c.id.to_string(), c.anchor)).collect();
    let layout = place(&cands, font, view, &obstacles);
    Run { layout, view, font, anchors }
}

/// The first view in a box: the frame fitted to its shape, as the map does.
fn first(f: ViewBox, b: (f64, f64)) -> ViewBox {
    f.fit(b.0 / b.1)
}

fn assert_clean(r: &Run, what: &str) {
    let l = &r.layout;
    assert!(l.unplaced.is_empty(), "{what}: no room for {:?}", l.unplaced);
    for (i, a) in l.labels.iter().enumerate() {
        assert!(r.view.holds(&a.bbox), "{what}: {} leaves the view", a.id);
        for b in &l.labels[i + 1..] {
            assert!(!a.bbox.overlaps(&b.bbox), "{what}: {} and {} overlap", a.id, b.id);
        }
        if let Some(k) = &l.key {
            assert!(!a.bbox.overlaps(&k.bbox), "{what}: {} under the key", a.id);
        }
    }
    if let Some(k) = &l.key {
        assert!(r.view.holds(&k.bbox), "{what}: the key leaves the view");
    }
}

fn projected(shape: &MultiPolygon<f64>) -> MultiPolygon<f64> {
    let p = Albers::map();
    let ring = |l: &LineString<f64>| LineString(l.coords().map(|c| p.project(c.x, c.y)).map(|(x, y)| Coord { x, y }).collect());
    MultiPolygon(shape.0.iter().map(|poly| Polygon::new(ring(poly.exterior()), poly.interiors().iter().map(ring).collect())).collect())
}

#[test]
fn names_never_overlap_and_each_state_reached_is_named() {
    let d = data();
    let shapes = Shape::all(&d.atlas);
    let f = frame(&Albers::map());
    for id in ["us-4a", "nato-4"] {
        let isos = reached(&d, id);
        assert!(isos.len() >= 11, "{id}: {isos:?}");
        // At 320 px, nato-4's 33 states do not all find room (12 are left
        // unnamed, BENCHMARKS.md): checked from the phone's 375 px up.
        for b in BOXES.into_iter().filter(|b| id == "us-4a" || b.0 >= 375.0) {
            let r = run(&shapes, &isos, first(f, b), b, &[], &d.facts);
            let what = format!("{id} in {b:?} px");
            assert_clean(&r, &what);
            let named: BTreeSet<&str> = r.layout.labels.iter().map(|p| p.id.as_str()).collect();
            for iso in &isos {
                assert!(named.contains(iso.as_str()), "{what}: {iso} not named");
            }
            assert!(named.contains("RUS"), "{what}: Russia not named");
            let russia = r.layout.labels.iter().find(|p| p.id == "RUS").unwrap();
            assert_eq!(russia.style, Style::Name, "{what}: Russia by name");
            // A callout's number is in the key with the state's own name.
            for p in &r.layout.labels {
                match p.style {
                    Style::Name => {
                        let name = &d.atlas.get(&p.id).unwrap().name;
                        assert_eq!(&p.lines.join(" "), name, "{what}");
                    }
                    Style::Callout(n) => {
                        let key = r.layout.key.as_ref().unwrap_or_else(|| panic!("{what}: no key"));
                        let line = key.lines.iter().find(|k| k.number == n).unwrap();
                        assert_eq!(line.id, p.id);
                        assert_eq!(line.name, d.atlas.get(&p.id).unwrap().name);
                    }
                    Style::Region => panic!("no outline is on"),
                }
            }
            let callouts = r.layout.labels.iter().filter(|p| matches!(p.style, Style::Callout(_))).count();
            eprintln!("{what}: {} labels, {callouts} callouts, font {:.1} km", r.layout.labels.len(), r.font);
        }
    }
}

#[test]
fn every_anchor_is_inside_its_state() {
    let d = data();
    let shapes = Shape::all(&d.atlas);
    let f = frame(&Albers::map());
    let isos: Vec<String> = reached(&d, "us-4a").into_iter().chain(reached(&d, "nato-4")).collect();
    for vb in [first(f, (768.0, 553.0)), f.zoom(3.0, 1200.0, -800.0, &f) /* the Balkans */, f.zoom(4.0, 1400.0, 0.0, &f) /* the Caucasus */] {
        let r = run(&shapes, &isos, vb, (768.0, 553.0), &[], &d.facts);
        for (iso, (x, y)) in &r.anchors {
            let s = d.atlas.get(iso).unwrap();
            if s.shape.0.is_empty() {
                // The Vatican is drawn as a point: its anchor is that point.
                let p = Albers::map();
                let (lx, ly) = s.label.map(|(lon, lat)| p.project(lon, lat)).unwrap();
                assert!((lx - x).abs() < 1e-9 && (ly - y).abs() < 1e-9, "{iso}");
                continue;
            }
            assert!(projected(&s.shape).contains(&Point::new(*x, *y)), "{iso}: anchor {x},{y} outside");
        }
        // A leader starts at its state's anchor; a name without a leader
        // is centred over its own state.
        for p in &r.layout.labels {
            let anchor = r.anchors.iter().find(|(i, _)| *i == p.id).unwrap().1;
            match p.leader {
                Some((from, _)) => assert_eq!(from, anchor, "{}", p.id),
                None if p.style == Style::Name => {
                    let s = d.atlas.get(&p.id).unwrap();
                    assert!(projected(&s.shape).contains(&Point::new(p.x, p.y)), "{}: name centred off its state", p.id);
                }
                None => assert!(p.bbox.contains(anchor.0, anchor.1), "{}: callout away from its state without a leader", p.id),
            }
        }
    }
}

#[test]
fn russia_is_named_however_the_map_is_zoomed_while_it_is_in_view() {
    let d = data();
    let shapes = Shape::all(&d.atlas);
    let f = frame(&Albers::map());
    let p = Albers::map();
    // Moscow, the Caucasus, Kaliningrad, the Urals: Russia is in view.
    for (lon, lat) in [(37.6, 55.75), (44.0, 43.0), (20.5, 54.7), (60.0, 60.0)] {
        let (x, y) = p.project(lon, lat);
        for z in [2.0, 6.0, 16.0] {
            let vb = first(f, BOXES[1]).zoom(z, x, y, &f);
            let r = run(&shapes, &reached(&d, "us-4a"), vb, BOXES[1], &[], &d.facts);
            assert_clean(&r, &format!("{lon},{lat} ×{z}"));
            assert!(r.layout.labels.iter().any(|l| l.id == "RUS" && l.style == Style::Name), "{lon},{lat} ×{z}");
        }
    }
}

#[test]
fn zooming_in_names_more_states_in_full() {
    let d = data();
    let shapes = Shape::all(&d.atlas);
    let f = frame(&Albers::map());
    let isos = reached(&d, "nato-4");
    let p = Albers::map();
    let (x, y) = p.project(19.0, 44.0); // Serbia
    let full = |vb: ViewBox| {
        let r = run(&shapes, &isos, vb, BOXES[1], &[], &d.facts);
        assert_clean(&r, "zoom");
        r.layout.labels.iter().filter(|l| l.style == Style::Name).map(|l| l.id.clone()).collect::<BTreeSet<_>>()
    };
    let before = full(first(f, BOXES[1]));
    let after = full(first(f, BOXES[1]).zoom(4.0, x, y, &f));
    assert!(after.len() > before.len(), "{before:?} → {after:?}");
    // Serbia and Croatia are named in full at ×4 on a phone; Bosnia and
    // Herzegovina (50 px wide there) and Montenegro keep their numbers.
    for iso in ["SRB", "HRV"] {
        assert!(after.contains(iso), "{iso} in full at ×4: {after:?}");
    }
}

#[test]
fn an_outline_that_is_on_is_named() {
    let d = data();
    let shapes = Shape::all(&d.atlas);
    let f = frame(&Albers::map());
    let all = ["eastern-europe", "south-caucasus", "central-asia", "nato-1997"];
    for b in BOXES {
        let r = run(&shapes, &reached(&d, "us-4a"), first(f, b), b, &all, &d.facts);
        assert_clean(&r, &format!("outlines in {b:?} px"));
        for id in all {
            let l = r.layout.labels.iter().find(|l| l.id == id).unwrap_or_else(|| panic!("{id} in {b:?}"));
            assert_eq!(l.style, Style::Region);
            assert_eq!(l.lines.join(" "), d.facts.region(id).unwrap().name);
        }
    }
}

#[test]
fn placement_is_quick() {
    let d = data();
    let shapes = Shape::all(&d.atlas);
    let f = frame(&Albers::map());
    let mut isos = reached(&d, "us-4a");
    isos.extend(reached(&d, "nato-4"));
    isos.sort();
    isos.dedup();
    // Warm the samples, then time.
    let r = run(&shapes, &isos, first(f, BOXES[1]), BOXES[1], &[], &d.facts);
    let n = r.layout.labels.len();
    let t = std::time::Instant::now();
    let rounds = 50;
    for i in 0..rounds {
        let b = BOXES[i % BOXES.len()];
        std::hint::black_box(run(&shapes, &isos, first(f, b), b, &[], &d.facts));
    }
    let us = t.elapsed().as_secs_f64() * 1e6 / rounds as f64;
    eprintln!("placement of {n} labels: {us:.0} µs");
    assert!(n >= 40, "{n}");
    assert!(us < 8000.0, "{us} µs");
}

/// Draws a layout to /tmp/labels-<name>.svg, for looking at (run with
/// `--ignored`).
fn draw(name: &str, d: &common::Data, r: &Run) {
    use std::fmt::Write;
    let v = r.view;
    let mut s = format!(r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="{} {} {} {}" width="800" height="{}" font-family="DejaVu Sans"><rect x="{}" y="{}" width="{}" height="{}" fill="#dde"/>"##, v.x0, v.y0, v.w(), v.h(), 800.0 * v.h() / v.w(), v.x0, v.y0, v.w(), v.h());
    let p = Albers::map();
    for st in &d.atlas.shapes {
        let mp = projected(&st.shape);
        let mut dd = String::new();
        for poly in &mp.0 {
            for (i, c) in poly.exterior().coords().enumerate() {
                let _ = write!(dd, "{}{:.0},{:.0}", if i == 0 { "M" } else { "L" }, c.x, c.y);
            }
        }
        let _ = p;
        let _ = write!(s, r##"<path d="{dd}" fill="#f4f1ea" stroke="#888" stroke-width="{}"/>"##, v.w() / 800.0);
    }
    for l in &r.layout.labels {
        let b = l.bbox;
        let _ = write!(s, r##"<rect x="{}" y="{}" width="{}" height="{}" fill="none" stroke="red" stroke-width="{}"/>"##, b.x0, b.y0, b.w(), b.h(), v.w() / 1000.0);
        if let Some((a, e)) = l.leader {
            let _ = write!(s, r##"<path d="M{},{}L{},{}" stroke="black" stroke-width="{}"/>"##, a.0, a.1, e.0, e.1, l.font * 0.08);
        }
        let top = l.y - (l.lines.len() as f64 - 1.0) / 2.0 * 1.2 * l.font + 0.35 * l.font;
        for (i, line) in l.lines.iter().enumerate() {
            let _ = write!(s, r##"<text x="{}" y="{}" font-size="{}" text-anchor="middle">{}</text>"##, l.x, top + i as f64 * 1.2 * l.font, l.font, line);
        }
    }
    if let Some(k) = &r.layout.key {
        let b = k.bbox;
        let _ = write!(s, r##"<rect x="{}" y="{}" width="{}" height="{}" fill="white" stroke="blue" stroke-width="{}"/>"##, b.x0, b.y0, b.w(), b.h(), v.w() / 1000.0);
        for line in &k.lines {
            let _ = write!(s, r##"<text x="{}" y="{}" font-size="{}" text-anchor="end">{}</text><text x="{}" y="{}" font-size="{}">{}</text>"##, line.x - 0.4 * k.font, line.y, k.font, line.number, line.x, line.y, k.font, line.name);
        }
    }
    for (_, (x, y)) in &r.anchors {
        let _ = write!(s, r##"<circle cx="{x}" cy="{y}" r="{}" fill="blue"/>"##, v.w() / 400.0);
    }
    s.push_str("</svg>");
    std::fs::write(format!("/tmp/labels-{name}.svg"), s).unwrap();
    eprintln!("{name}: unplaced {:?}, view {:?}, font {:.0}, key {:?}", r.layout.unplaced, r.view, r.font, r.layout.key.as_ref().map(|k| (k.bbox, k.lines.len())));
    for l in &r.layout.labels {
        if l.id == "UKR" || l.id == "POL" {
            eprintln!("{:?} anchor {:?}", l, r.anchors.iter().find(|a| a.0 == l.id));
        }
    }
}

#[test]
#[ignore]
fn look() {
    let d = data();
    let shapes = Shape::all(&d.atlas);
    let f = frame(&Albers::map());
    for id in ["us-4a", "nato-4"] {
        for b in BOXES {
            let r = run(&shapes, &reached(&d, id), first(f, b), b, &[], &d.facts);
            draw(&format!("{id}-{}", b.0), &d, &r);
        }
    }
    let (x, y) = Albers::map().project(19.0, 44.0);
    let r = run(&shapes, &reached(&d, "nato-4"), first(f, BOXES[1]).zoom(4.0, x, y, &f), BOXES[1], &[], &d.facts);
    draw("zoom", &d, &r);
}

#[test]
fn shapes_hold_their_label_points() {
    let d = data();
    for s in Shape::all(&d.atlas) {
        if let Some((x, y)) = s.label {
            if !s.outline.0.is_empty() {
                assert!(s.contains(x, y), "{} {:?} {}", s.iso, s.bbox, s.outline.0.len());
            }
        }
    }
}

#[test]
fn the_key_and_the_names_keep_clear_of_what_lies_over_the_map() {
    // The zoom buttons in the top right corner of a phone's map, 32 × 104
    // px, 8 px in: nothing is drawn under them, the numbers' key included.
    let d = data();
    let shapes = Shape::all(&d.atlas);
    let f = frame(&Albers::map());
    let b = BOXES[1];
    let vb = first(f, b);
    let (view, scale) = visible(vb, b.0, b.1).unwrap();
    let font = font_px(b.0) / scale;
    let buttons = Rect { x0: view.x0 + (b.0 - 40.0) / scale, y0: view.y0 + 8.0 / scale, x1: view.x0 + (b.0 - 8.0) / scale, y1: view.y0 + 112.0 / scale };
    let isos = reached(&d, "nato-4");
    let isos: Vec<&str> = isos.iter().map(String::as_str).collect();
    let cands = state_candidates(&shapes, &isos, &view, font);
    let l = place(&cands, font, view, &[buttons]);
    assert!(l.unplaced.is_empty(), "{:?}", l.unplaced);
    let key = l.key.as_ref().expect("a key of numbers on a phone");
    assert!(!key.bbox.overlaps(&buttons), "the key under the buttons: {:?}", key.bbox);
    for p in &l.labels {
        assert!(!p.bbox.overlaps(&buttons), "{} under the buttons", p.id);
    }
}
