//! The shell prerendered into index.html (`geo/shell.html`): regenerated
//! exactly from the geometry and the facts, drawn in the app's projection
//! and frame with the default view's tints and headline, and nothing the
//! markup contract or the strict CSP forbids.

mod common;
use common::read;
use treaty_map::build::shell::{default_date, shell, Tint, TOLERANCE_KM, UNIT_KM};
use treaty_map::geometry::atlas::{Atlas, Role};
use treaty_map::geometry::projection::Albers;
use treaty_map::geometry::scene::{frame, ViewBox};
use treaty_map::model::facts::Facts;

fn atlas() -> Atlas {
    Atlas::parse(&read("states.topo.json")).expect("states.topo.json loads").0
}

fn facts() -> Facts {
    treaty_map::model::facts::load(&read("facts.json")).expect("facts.json loads")
}

/// The `d` of the path with class `class`.
fn path_data<'a>(html: &'a str, class: &str) -> &'a str {
    let tag = format!("<path class=\"{class}\" d=\"");
    let start = html.find(&tag).expect(class) + tag.len();
    &html[start..start + html[start..].find('"').unwrap()]
}

/// Absolute points of each line of `M x y l dx dy … [z]` path data, in km.
fn lines(d: &str) -> Vec<Vec<(f64, f64)>> {
    let mut out = Vec::new();
    for part in d.split('M').filter(|p| !p.is_empty()) {
        let part = part.strip_suffix('z').unwrap_or(part);
        let (start, rest) = part.split_once('l').expect("relative moves");
        let nums = |s: &str| -> Vec<i64> { s.replace('-', " -").split_whitespace().map(|n| n.parse().expect(n)).collect() };
        let s = nums(start);
        let mut at = (s[0], s[1]);
        let mut line = vec![at];
        for pair in nums(rest).chunks(2) {
            at = (at.0 + pair[0], at.1 + pair[1]);
            line.push(at);
        }
        out.push(line.into_iter().map(|(x, y)| (x as f64 * UNIT_KM, y as f64 * UNIT_KM)).collect());
    }
    out
}

#[test]
fn committed_shell_is_what_make_shell_makes_now() {
    assert!(shell(&atlas(), &facts()) == read("shell.html"), "geo/shell.html is stale: run `cargo run --bin make-shell`");
}

#[test]
fn every_point_is_a_vertex_of_the_apps_map_or_on_the_frame_and_every_large_state_is_drawn_in_its_tint() {
    let (atlas, facts) = (atlas(), facts());
    let html = shell(&atlas, &facts);
    let proj = Albers::map();
    let f = frame(&proj);
    let (mx, my) = (f.w / 50.0, f.h / 50.0);
    let (x0, y0, x1, y1) = (f.x - mx, f.y - my, f.x + f.w + mx, f.y + f.h + my);
    // Rounding to the shell's unit moves a point at most half a unit each way.
    let r = UNIT_KM / 2.0 + 1e-6;
    let on_edge = |(x, y): (f64, f64)| (x - x0).abs() <= r || (x - x1).abs() <= r || (y - y0).abs() <= r || (y - y1).abs() <= r;
    for tint in Tint::ALL {
        let members: Vec<_> = atlas.shapes.iter().filter(|s| tint.covers(&s.iso, s.role, &facts)).collect();
        let vertices: Vec<(f64, f64)> = members
            .iter()
            .flat_map(|s| s.shape.0.iter().flat_map(|p| std::iter::once(p.exterior()).chain(p.interiors())))
            .flat_map(|r| r.coords().map(|c| proj.project(c.x, c.y)))
            .collect();
        let vertex = |(x, y): (f64, f64)| vertices.iter().any(|&(vx, vy)| (vx - x).abs() <= r && (vy - y).abs() <= r);
        let fill = lines(path_data(&html, tint.class()));
        assert!(!fill.is_empty(), "{tint:?}: nothing drawn");
        for ring in &fill {
            assert!(ring.len() >= 3);
            for &p in ring {
                assert!(vertex(p) || on_edge(p), "{tint:?}: {p:?} is no vertex of its states in the app's map");
            }
        }
        // Each state of the tint larger than a few pixels whose label is in
        // the frame lies in the box of a ring of the tint's fill.
        for s in members.iter().filter(|s| s.area_km2 > 20_000.0) {
            let (lx, ly) = s.label.map(|(lon, lat)| proj.project(lon, lat)).expect("label");
            if lx < f.x || lx > f.x + f.w || ly < f.y || ly > f.y + f.h {
                continue;
            }
            let inside = fill.iter().any(|ring| {
                let xs = ring.iter().map(|p| p.0);
                let ys = ring.iter().map(|p| p.1);
                let (a, b) = (xs.clone().fold(f64::MAX, f64::min), xs.fold(f64::MIN, f64::max));
                let (c, d) = (ys.clone().fold(f64::MAX, f64::min), ys.fold(f64::MIN, f64::max));
                lx >= a - TOLERANCE_KM && lx <= b + TOLERANCE_KM && ly >= c - TOLERANCE_KM && ly <= d + TOLERANCE_KM
            });
            assert!(inside, "{} is not drawn in the shell as {tint:?}", s.iso);
        }
    }
    // The tints are the default view's: Poland and Germany NATO's on
    // 17 December 2021, Finland and Sweden not yet, Russia its own.
    for (iso, tint) in [("POL", Tint::Nato), ("DEU", Tint::Nato), ("FIN", Tint::Other), ("SWE", Tint::Other), ("RUS", Tint::Russia)] {
        let role = atlas.get(iso).map(|s| s.role).expect(iso);
        assert_eq!(Tint::of(iso, role, &facts), Some(tint), "{iso} on {:?}", default_date());
    }
    // The borders: every point a vertex; Poland's with Germany among them.
    let all: Vec<(f64, f64)> = atlas
        .shapes
        .iter()
        .filter(|s| s.role == Role::State)
        .flat_map(|s| s.shape.0.iter().flat_map(|p| std::iter::once(p.exterior()).chain(p.interiors())))
        .flat_map(|r| r.coords().map(|c| proj.project(c.x, c.y)))
        .collect();
    let borders = lines(path_data(&html, "shell-borders"));
    assert!(borders.len() > 50, "{} borders", borders.len());
    for p in borders.iter().flatten() {
        assert!(all.iter().any(|&(vx, vy)| (vx - p.0).abs() <= r && (vy - p.1).abs() <= r), "border point {p:?}");
    }
    // Near 14.6°E 52°N (the Oder) a border runs.
    let (ox, oy) = proj.project(14.65, 52.3);
    assert!(borders.iter().flatten().any(|p| (p.0 - ox).abs() < 30.0 && (p.1 - oy).abs() < 30.0), "no border on the Oder");
    let vb = format!("viewBox=\"{}\"", ViewBox { x: f.x / UNIT_KM, y: f.y / UNIT_KM, w: f.w / UNIT_KM, h: f.h / UNIT_KM }.attr());
    assert!(html.contains(&vb), "the app's frame");
}

#[test]
fn the_shell_carries_the_default_views_words_and_nothing_the_contract_or_csp_forbids() {
    let html = read("shell.html");
    let esc = treaty_map::build::shell::escape;
    assert!(html.contains(&format!("<h1>{}</h1>", esc(treaty_map::build::shell::TITLE))));
    // The default view's headline, as the app writes it with no demand on.
    let headline = treaty_map::model::headline::empty(default_date(), &treaty_map::build::shell::english());
    assert!(headline.contains("17 December 2021"), "{headline}");
    assert!(html.contains(&format!("<span class=\"names\">{}</span>", esc(&headline))));
    assert!(html.contains(treaty_map::build::shell::LOADING));
    assert_eq!(html.matches(" id=").count(), 1, "only #shell");
    assert!(html.contains("<div id=\"shell\""));
    assert!(!html.contains("data-iso") && !html.contains("data-demand"), "the contract's states and buttons are the app's");
    assert!(!html.contains("style=") && !html.contains("<script") && !html.contains("<style"), "strict CSP");
    assert!(!html.contains("href=") && !html.contains("src="), "no URL: any sub-path, the single file");
}

#[test]
fn index_html_inlines_the_shell_after_its_noscript() {
    let index = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/index.html")).expect("index.html");
    let inline = index.find("<link data-trunk rel=\"inline\" href=\"geo/shell.html\">").expect("index.html inlines geo/shell.html");
    let body = index.find("<body>").expect("<body>");
    assert!(inline > body && inline < index.find("</body>").unwrap());
    // The <noscript> block scripts/previews.mjs fills stays.
    assert!(index.contains("<ul class=\"fallback-demands\"></ul>"));
}

#[test]
fn the_shells_words_are_the_english_locales() {
    // The shell is the English page before the code arrives: each of its
    // texts is the message the app shows in its place (geo/locales/en.json).
    use treaty_map::build::shell::{english, DEK, HINT, LOADING, SOURCES, TITLE};
    let en = english();
    assert_eq!(TITLE, en.text("head.headline", &[]));
    assert_eq!(DEK, en.text("head.dek_colour", &[]));
    assert_eq!(HINT, en.text("legend.hint", &[]));
    assert_eq!(LOADING, en.text("loading.map", &[]));
    assert_eq!(SOURCES.trim_end(), en.text("footer.short", &[]));
    assert_eq!("Language", en.text("lang.label", &[]));
}
