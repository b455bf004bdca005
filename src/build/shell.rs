//! The page's shell, rendered at build time into `index.html`'s body: the
//! default view's first screen as the app lays it out (the title line, the
//! headline and dek, the map's box with the base map in Russia's, NATO's
//! members' and the other states' tints, the key, the links under the map,
//! the picker's place) and a sign that the map is still loading, so the
//! reader sees the page before its WebAssembly has arrived.
//! `cargo run --bin make-shell` writes it to `geo/shell.html`, which trunk
//! inlines (`<link data-trunk rel="inline">` in `index.html`); a test checks
//! the committed file is what this makes now (`tests/shell.rs`), an e2e test
//! that the app takes its place without a jump (`tests/e2e/shell.test.mjs`).
//!
//! It uses the app's classes, so it sits where the app will draw, with no
//! `id` but `shell`, no `data-iso` and no `button[data-demand]` (the markup
//! contract's states and buttons are the app's, live ones) and no inline
//! style (the strict CSP). It is the default view (`embed`, `present` and
//! `theme` are in the address, which only a script can read): an embed or a
//! presentation settles into its own layout when the app takes over, and
//! the theme is the system's until then.
//!
//! The base map: the states of `states.topo.json` in the map's projection
//! and frame, as four filled paths (one a tint, each its states dissolved)
//! and one path of the land borders, each drawn once; simplified on the map
//! plane and written in whole units of [`UNIT_KM`] as relative moves.

use crate::geometry::atlas::{Atlas, Role};
use crate::geometry::dissolve::dissolve;
use crate::geometry::projection::Albers;
use crate::geometry::scene::{frame, ViewBox};
use crate::model::date::Date;
use crate::model::facts::Facts;
use crate::model::headline;
use crate::state::AsOf;
use geo::{BooleanOps, Coord, Intersects, LineString, MapCoords, Polygon, Rect, Simplify};

/// How far, in km on the map plane, the shell's borders may stray from the
/// app's: a pixel and a half of the frame on a 1280 px wide screen (the map
/// column is some 870 px wide there, 7 km a pixel), under one on a phone;
/// the shell is transient, and every byte of it comes before the map's code.
pub const TOLERANCE_KM: f64 = 10.0;

/// The shell's unit on the map plane, km: its path data and view box are in
/// these, so its numbers are short.
pub const UNIT_KM: f64 = 4.0;

/// Rings smaller than this on the map plane (km²) are left out: a pixel
/// or two at that scale.
pub const MIN_RING_KM2: f64 = 400.0;

/// The page's title (the app's `Masthead`).
pub const TITLE: &str = "What Russia's draft treaties of 17 December 2021 would restrict";
/// The dek under the headline (the app's `legend::Headline`).
pub const DEK: &str = "Each colour marks the states that one demand in Russia's two drafts would reach.";
/// The key's line with no demand switched on (the app's `legend::Legend`).
pub const HINT: &str = "No demand switched on: choose one from the list of demands.";
/// The sources under the map (the app's `Attribution`).
pub const SOURCES: &str = "Drafts: Russia's Ministry of Foreign Affairs, 17 December 2021 (unofficial English translation). Borders: Natural Earth, UN view. ";
/// What the shell says while the code and the data are on their way.
pub const LOADING: &str = "Loading the map…";

/// The date the default view evaluates memberships on (`AsOf::default()`,
/// a fixed date, so the shell does not depend on the day it is built).
/// The English locale, as the page reads it on an English visit.
pub fn english() -> crate::model::locale::Locale {
    match crate::model::locale::Locale::read("en", include_str!("../../geo/locales/en.json")) {
        Ok(l) => l,
        Err(e) => panic!("geo/locales/en.json: {e:?}"),
    }
}

pub fn default_date() -> Date {
    // `AsOf::Today` is never the default; the argument is not read.
    AsOf::default().date(Date::new(2021, 12, 17))
}

/// The base map's tints, as the app's classes give them (`.state.russia`,
/// `.state.nato`, `.state`, `.state.context`), in drawing order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tint {
    Other,
    Nato,
    Russia,
    Context,
}

impl Tint {
    pub const ALL: [Tint; 4] = [Tint::Context, Tint::Other, Tint::Nato, Tint::Russia];

    pub fn class(self) -> &'static str {
        match self {
            Tint::Other => "shell-other",
            Tint::Nato => "shell-nato",
            Tint::Russia => "shell-russia",
            Tint::Context => "shell-context",
        }
    }

    /// Whether this tint's fill covers a state: the other states' fill is
    /// all the states' land, which NATO's and Russia's fills then cover
    /// (so the borders between tints are written once, by the upper fill).
    pub fn covers(self, iso: &str, role: Role, facts: &Facts) -> bool {
        match self {
            Tint::Other => role == Role::State,
            _ => Tint::of(iso, role, facts) == Some(self),
        }
    }

    /// The tint the app gives a state of `role` on the default view.
    pub fn of(iso: &str, role: Role, facts: &Facts) -> Option<Tint> {
        match role {
            Role::Far => None,
            Role::Context => Some(Tint::Context),
            Role::State if iso == "RUS" => Some(Tint::Russia),
            Role::State if facts.is_nato_member(iso, default_date()) => Some(Tint::Nato),
            Role::State => Some(Tint::Other),
        }
    }
}

/// Writes `n` after an SVG path command or number, with a separator only
/// where one is needed.
fn number(out: &mut String, n: i64) {
    if n >= 0 && out.ends_with(|c: char| c.is_ascii_digit()) {
        out.push(' ');
    }
    out.push_str(&n.to_string());
}

/// A line of the map plane, simplified and rounded to the shell's unit.
fn rounded(line: &LineString<f64>) -> Vec<(i64, i64)> {
    let mut pts: Vec<(i64, i64)> = Vec::new();
    for c in line.simplify(TOLERANCE_KM).coords() {
        let q = ((c.x / UNIT_KM).round() as i64, (c.y / UNIT_KM).round() as i64);
        if pts.last() != Some(&q) {
            pts.push(q);
        }
    }
    pts
}

/// Writes `M x y l dx dy …`, closed with `z` if `close`.
fn moves(out: &mut String, pts: &[(i64, i64)], close: bool) {
    out.push('M');
    number(out, pts[0].0);
    number(out, pts[0].1);
    out.push('l');
    for w in pts.windows(2) {
        number(out, w[1].0 - w[0].0);
        number(out, w[1].1 - w[0].1);
    }
    if close {
        out.push('z');
    }
}

/// One ring; nothing if it shrinks to less than a triangle or a pixel or two.
fn ring(out: &mut String, line: &LineString<f64>) {
    let mut pts = rounded(line);
    if pts.len() > 1 && pts.first() == pts.last() {
        pts.pop();
    }
    let twice_area: i64 = (0..pts.len())
        .map(|i| {
            let (a, b) = (pts[i], pts[(i + 1) % pts.len()]);
            a.0 * b.1 - b.0 * a.1
        })
        .sum();
    if pts.len() < 3 || (twice_area.abs() as f64) * UNIT_KM * UNIT_KM < 2.0 * MIN_RING_KM2 {
        return;
    }
    moves(out, &pts, true);
}

/// The window the shell draws: the frame and a margin of a fiftieth. What
/// lies beyond is not seen until the reader zooms out, when the app draws.
pub fn window(f: &ViewBox) -> Polygon<f64> {
    let (mx, my) = (f.w / 50.0, f.h / 50.0);
    Rect::new(Coord { x: f.x - mx, y: f.y - my }, Coord { x: f.x + f.w + mx, y: f.y + f.h + my }).to_polygon()
}

fn project(proj: &Albers) -> impl Fn(Coord<f64>) -> Coord<f64> + Copy + '_ {
    move |c| {
        let (x, y) = proj.project(c.x, c.y);
        Coord { x, y }
    }
}

/// Fill path data: the states one tint covers dissolved into one shape
/// (their borders with each other are drawn once, by [`borders`]),
/// projected and cut to the window.
fn land(atlas: &Atlas, facts: &Facts, tint: Tint, proj: &Albers, f: &ViewBox) -> String {
    let shape = dissolve(atlas.shapes.iter().filter(|s| tint.covers(&s.iso, s.role, facts)).flat_map(|s| s.shape.0.iter()));
    let mut out = String::new();
    for poly in &shape.map_coords(project(proj)).intersection(&window(f)) {
        ring(&mut out, poly.exterior());
        for hole in poly.interiors() {
            ring(&mut out, hole);
        }
    }
    out
}

type Key = (u64, u64);
fn key(c: &Coord<f64>) -> Key {
    (c.x.to_bits(), c.y.to_bits())
}

/// Stroke path data: each land border between two states of one tint,
/// once, as open lines (the shapes come from one topology, so neighbours
/// share their border's vertices exactly). The borders between two tints
/// are the fills' edges, which [`land`]'s paths stroke.
fn borders(atlas: &Atlas, facts: &Facts, tint: Tint, proj: &Albers, f: &ViewBox) -> String {
    // Every edge of every ring, by its ends in order; an edge whose reverse
    // is there too is a border between two states.
    let mut edges: Vec<(Key, Key, Coord<f64>, Coord<f64>)> = Vec::new();
    for s in atlas.shapes.iter().filter(|s| Tint::of(&s.iso, s.role, facts) == Some(tint)) {
        for p in &s.shape {
            for r in std::iter::once(p.exterior()).chain(p.interiors()) {
                edges.extend(r.lines().filter(|l| l.start != l.end).map(|l| (key(&l.start), key(&l.end), l.start, l.end)));
            }
        }
    }
    let mut keys: Vec<(Key, Key)> = edges.iter().map(|e| (e.0, e.1)).collect();
    keys.sort_unstable();
    // Each shared edge once: the one whose start sorts first.
    let shared: Vec<(Coord<f64>, Coord<f64>)> =
        edges.iter().filter(|e| e.0 < e.1 && keys.binary_search(&(e.1, e.0)).is_ok()).map(|e| (e.2, e.3)).collect();
    // Chained into lines: an edge's end is the next edge's start where the
    // point has just two shared edges.
    let mut ends: Vec<(Key, usize)> = shared.iter().enumerate().flat_map(|(i, (a, b))| [(key(a), i), (key(b), i)]).collect();
    ends.sort_unstable();
    let at = |k: Key| {
        let from = ends.partition_point(|(e, _)| *e < k);
        ends[from..].iter().take_while(|(e, _)| *e == k).map(|&(_, i)| i).collect::<Vec<_>>()
    };
    let mut used = vec![false; shared.len()];
    let mut lines: Vec<Vec<Coord<f64>>> = Vec::new();
    // Lines start where a border ends or three meet; what is left are loops.
    let mut starts: Vec<usize> =
        (0..shared.len()).filter(|&i| at(key(&shared[i].0)).len() != 2 || at(key(&shared[i].1)).len() != 2).collect();
    starts.extend(0..shared.len());
    for first in starts {
        if used[first] {
            continue;
        }
        used[first] = true;
        let (a, b) = shared[first];
        // Walk from the end that is not a junction, if one is.
        let (mut line, mut tip) = if at(key(&a)).len() != 2 { (vec![a, b], b) } else { (vec![b, a], a) };
        loop {
            let next = at(key(&tip));
            if next.len() != 2 {
                break;
            }
            let Some(&n) = next.iter().find(|&&i| !used[i]) else { break };
            used[n] = true;
            let (c, d) = shared[n];
            tip = if key(&c) == key(&tip) { d } else { c };
            line.push(tip);
        }
        lines.push(line);
    }
    let win = window(f);
    let mut out = String::new();
    for line in lines {
        let projected: LineString<f64> = line.into_iter().map(project(proj)).collect::<Vec<_>>().into();
        if !win.intersects(&projected) {
            continue;
        }
        let pts = rounded(&projected);
        if pts.len() >= 2 {
            moves(&mut out, &pts, false);
        }
    }
    out
}

pub fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

/// The shell's markup, the app's first screen on the default view with the
/// data not yet in.
pub fn shell(atlas: &Atlas, facts: &Facts) -> String {
    let proj = Albers::map();
    let f = frame(&proj);
    let mut fills = String::new();
    for tint in Tint::ALL {
        fills.push_str(&format!("<path class=\"{}\" d=\"{}\"/>\n", tint.class(), land(atlas, facts, tint, &proj, &f)));
    }
    format!(
        concat!(
            "<div id=\"shell\" class=\"shell\" aria-busy=\"true\">\n",
            "<header class=\"masthead\"><h1>{title}</h1><div class=\"share-bar\"><button type=\"button\" class=\"menu-button\" disabled>",
            "Share<span class=\"chevron\" aria-hidden=\"true\">▾</span></button></div></header>\n",
            "<main class=\"layout\">\n",
            "<section class=\"map-column\" aria-label=\"Map\">\n",
            "<div class=\"headline-block\"><h2 class=\"headline\"><span class=\"names\">{headline}</span></h2>",
            "<p class=\"dek\">{dek}</p></div>\n",
            "<div class=\"map-stage\"><div class=\"map-frame\">",
            "<svg class=\"map\" viewBox=\"{view_box}\" preserveAspectRatio=\"xMidYMid meet\" ",
            "xmlns=\"http://www.w3.org/2000/svg\" aria-hidden=\"true\">\n",
            "{fills}",
            "<path class=\"shell-borders\" d=\"{borders}\"/>\n",
            "</svg><p class=\"shell-loading\" role=\"status\"><span class=\"shell-spinner\" aria-hidden=\"true\"></span>{loading}</p></div>\n",
            "<section class=\"legend\" aria-label=\"Key\"><ul><li class=\"hint\">{hint}</li></ul>",
            "<ul class=\"base-key\"><li><span class=\"swatch base-russia\"></span>Russia</li>",
            "<li><span class=\"swatch base-nato\"></span>NATO members on {date}</li>",
            "<li><span class=\"swatch base-other\"></span>Other states</li></ul></section></div>\n",
            "<div class=\"more-views\"><button type=\"button\" class=\"show-table\" disabled>Show as table</button> ",
            "<button type=\"button\" class=\"show-reading\" disabled>Read the drafts, article by article</button></div>\n",
            "<footer class=\"attribution\"><p>{sources}<button type=\"button\" class=\"method-link\" disabled>How this map is made</button> ",
            // The language switcher's place (src/view/i18n.rs): its control
            // sets the line's height.
            "<label class=\"lang-switch\"><span class=\"visually-hidden\">Language</span><select disabled><option>English</option></select></label></p></footer>\n",
            "</section>\n",
            "<section class=\"controls\" aria-label=\"Choices\"><p class=\"sheet-handle\">Choose demands</p></section>\n",
            "</main>\n",
            "</div>\n",
        ),
        title = escape(TITLE),
        headline = escape(&headline::empty(default_date(), &english())),
        dek = escape(DEK),
        view_box = ViewBox { x: f.x / UNIT_KM, y: f.y / UNIT_KM, w: f.w / UNIT_KM, h: f.h / UNIT_KM }.attr(),
        fills = fills,
        borders = [Tint::Other, Tint::Nato].map(|t| borders(atlas, facts, t, &proj, &f)).concat(),
        loading = escape(LOADING),
        hint = escape(HINT),
        date = escape(&default_date().long()),
        sources = escape(SOURCES),
    )
}
