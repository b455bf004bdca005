//! The states' names on the map: every state an active demand reaches,
//! Russia always, and each outline that is on. Placement is
//! `geometry::labels` (plain Rust); this component only feeds it the view
//! (the zoom and the map's size on the screen) and draws what it returns.
//! The names are SVG text inside the map, so the downloads carry them; they
//! are hidden from assistive technology (each state already carries its
//! name) and let the pointer through to the states.

use super::{i18n, zones::Zones, Ctx};
use crate::geometry::labels::{font_px, place, region_candidates, state_candidates, visible, Layout, Rect, Shape, Style, LINE_EM};
use crate::geometry::path::Fixed;
use crate::geometry::scene::ViewBox;
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::{closure::Closure, JsCast};

fn n(v: f64) -> String {
    Fixed(v, 1).to_string()
}

/// The map's size on the screen, and the boxes over it that names keep
/// clear of (the zoom buttons; the key and the inset where they sit on the
/// map, on wide screens), in CSS pixels from the map's top left corner.
#[derive(Clone, Debug, PartialEq, Default)]
struct Screen {
    w: f64,
    h: f64,
    over: Vec<(f64, f64, f64, f64)>,
}

/// What lies over the map: the zoom buttons, and the map stage's other
/// children that are laid over it (`position: absolute`).
fn overlays(svg: &web_sys::Element) -> Vec<web_sys::Element> {
    let mut out = Vec::new();
    let Some(frame) = svg.parent_element() else { return out };
    if let Ok(Some(b)) = frame.query_selector(".zoom-buttons") {
        out.push(b);
    }
    let (Some(stage), Some(window)) = (frame.parent_element(), web_sys::window()) else { return out };
    let kids = stage.children();
    for i in 0..kids.length() {
        let Some(k) = kids.item(i) else { continue };
        if k == frame {
            continue;
        }
        let absolute = window.get_computed_style(&k).ok().flatten().and_then(|s| s.get_property_value("position").ok()).is_some_and(|p| p == "absolute");
        if absolute {
            out.push(k);
        }
    }
    out
}

/// The map's box and the boxes of `over` (its [`overlays`]) on it.
fn measure(svg: &web_sys::Element, over: &[web_sys::Element]) -> Screen {
    let r = svg.get_bounding_client_rect();
    let over = over
        .iter()
        .map(|b| b.get_bounding_client_rect())
        .filter(|b| b.width() > 0.0 && b.height() > 0.0)
        .map(|b| (b.left() - r.left(), b.top() - r.top(), b.right() - r.left(), b.bottom() - r.top()))
        .filter(|&(x0, y0, x1, y1)| x1 > 0.0 && y1 > 0.0 && x0 < r.width() && y0 < r.height())
        .collect();
    Screen { w: r.width(), h: r.height(), over }
}

/// Draws the names; `view_box` is the map's zoom and pan, `svg` the map.
#[component]
pub fn Labels(view_box: RwSignal<ViewBox>, svg: NodeRef<leptos::svg::Svg>) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let zones = expect_context::<Zones>();
    // The names in the page's language (the page renders again when the
    // language changes): the states' from CLDR, the outlines' from the
    // locale.
    let shapes: StoredValue<Arc<Vec<Shape>>> = StoredValue::new(Arc::new(ctx.data.with_value(|d| {
        let mut all = Shape::all(&d.atlas);
        for s in &mut all {
            s.name = i18n::state_name(&s.iso, &s.name);
        }
        all
    })));
    let facts = StoredValue::new(ctx.data.with_value(|d| {
        let mut f = d.facts.clone();
        i18n::with(|l| {
            for r in &mut f.regions {
                r.name = l.region(&r.id, &r.name).to_string();
            }
        });
        f
    }));
    let screen = RwSignal::new(Screen::default());
    // The map's size and what lies over it: measured once the map and its
    // siblings are in the page (the next frame: the zoom buttons and the
    // key come after the map), and again whenever one of them changes size.
    // A sibling laid over the map later (the inset) is watched from the
    // next change on.
    Effect::new(move |_| {
        let Some(el) = svg.get() else { return };
        let el: web_sys::Element = el.unchecked_into();
        request_animation_frame(move || {
            let obs: std::rc::Rc<std::cell::OnceCell<web_sys::ResizeObserver>> = Default::default();
            let target = el.clone();
            let watch = obs.clone();
            let cb = Closure::<dyn FnMut()>::new(move || {
                let over = overlays(&target);
                let s = measure(&target, &over);
                if let Some(o) = watch.get() {
                    for e in &over {
                        o.observe(e);
                    }
                }
                if screen.get_untracked() != s {
                    screen.set(s);
                }
            });
            let over = overlays(&el);
            if let Ok(o) = web_sys::ResizeObserver::new(cb.as_ref().unchecked_ref()) {
                o.observe(&el);
                for e in &over {
                    o.observe(e);
                }
                let _ = obs.set(o);
            }
            cb.forget();
            screen.set(measure(&el, &over));
        });
    });
    // Each state some active demand (or zone) reaches, with how many.
    let reached = Memo::new(move |_| {
        let mut out: Vec<(String, usize)> = ctx.reach.with(|r| r.by_state.iter().map(|(k, v)| (k.clone(), v.len())).collect());
        zones.by_state.with(|m| {
            for (iso, ids) in m.iter().filter(|(_, ids)| !ids.is_empty()) {
                match out.iter_mut().find(|(k, _)| k == iso) {
                    Some(e) => e.1 += ids.iter().filter(|id| !ctx.reach.with(|r| r.ids_for(iso).contains(id))).count(),
                    None => out.push((iso.clone(), ids.len())),
                }
            }
        });
        out
    });
    let outlines = Memo::new(move |_| ctx.choices.with(|c| c.regions.clone()));
    let layout = Memo::new(move |_| {
        let s = screen.get();
        let vb = view_box.get();
        let Some((view, scale)) = visible(vb, s.w, s.h) else { return Layout::default() };
        // Projected in a classroom, names are read from the back of the
        // room: half as large again in the presentation.
        let present = if ctx.choices.with(|c| c.present) { 1.5 } else { 1.0 };
        let font = font_px(s.w) * present / scale;
        // What the names keep clear of: the count badges and markers (the
        // map draws them at the label points, `stripe` = vb.w / 220) and
        // the zoom buttons.
        // As the map sizes them: a count's disc is 21 px across on the
        // screen, a marker's radius 0.9 stripe, a stripe 1/220 of the view
        // and never under 3.5 px.
        let stripe = (vb.w / 220.0).max(3.5 / scale);
        let disc = 23.0 / scale;
        let reached = reached.get();
        let on = outlines.get();
        ctx.data.with_value(|d| {
            shapes.with_value(|shapes| {
                let mut obstacles: Vec<Rect> = Vec::new();
                for st in d.scene.states.iter().filter(|st| !st.context) {
                    let Some((x, y)) = st.label else { continue };
                    let count = reached.iter().find(|(k, _)| *k == st.iso).map_or(0, |e| e.1);
                    if count > 1 {
                        obstacles.push(Rect::around(x, y, disc, disc));
                    } else if st.marker {
                        obstacles.push(Rect::around(x, y, stripe * 1.8, stripe * 1.8));
                    }
                }
                for &(x0, y0, x1, y1) in &s.over {
                    obstacles.push(Rect { x0: view.x0 + x0 / scale, y0: view.y0 + y0 / scale, x1: view.x0 + x1 / scale, y1: view.y0 + y1 / scale });
                }
                let isos: Vec<&str> = reached.iter().map(|(k, _)| k.as_str()).collect();
                let on: Vec<&str> = on.iter().map(String::as_str).collect();
                facts.with_value(|f| {
                    let mut cands = state_candidates(shapes, &isos, &view, font);
                    cands.extend(region_candidates(shapes, f, &on, &view));
                    place(&cands, font, view, &obstacles)
                })
            })
        })
    });

    let body = move || {
        layout.with(|l| {
            let leaders = l
                .labels
                .iter()
                .filter_map(|p| p.leader.map(|(a, b)| (a, b, p.font)))
                .map(|(a, b, font)| {
                    view! { <path class="leader" d=format!("M{},{}L{},{}", n(a.0), n(a.1), n(b.0), n(b.1)) stroke-width=Fixed(font * 0.08, 2).to_string()/> }
                })
                .collect_view();
            let texts = l
                .labels
                .iter()
                .map(|p| {
                    let class = match p.style {
                        Style::Name => "label",
                        Style::Callout(_) => "label callout",
                        Style::Region => "label region-label",
                    };
                    let count = p.lines.len();
                    let top = p.y - (count as f64 - 1.0) / 2.0 * LINE_EM * p.font + 0.35 * p.font;
                    let lines = p
                        .lines
                        .iter()
                        .enumerate()
                        .map(|(i, line)| {
                            // A space ends every line but the last, so the
                            // text reads as the whole name.
                            let text = if i + 1 < count { format!("{line} ") } else { line.clone() };
                            view! { <tspan x=n(p.x) y=n(top + i as f64 * LINE_EM * p.font)>{text}</tspan> }
                        })
                        .collect_view();
                    view! {
                        <text
                            class=class
                            data-label=p.id.clone()
                            text-anchor="middle"
                            font-size=Fixed(p.font, 2).to_string()
                            stroke-width=Fixed(p.font * 0.28, 2).to_string()
                            paint-order="stroke"
                            stroke-linejoin="round"
                            font-style=if matches!(p.style, Style::Region) { Some("italic") } else { None }
                        >
                            {lines}
                        </text>
                    }
                })
                .collect_view();
            let key = l.key.as_ref().map(|k| {
                let b = k.bbox;
                let lines = k
                    .lines
                    .iter()
                    .map(|line| {
                        view! {
                            <text class="key-number" data-key-number=line.id.clone() text-anchor="end" x=n(line.x - 0.4 * k.font) y=n(line.y)>{line.number.to_string()}</text>
                            <text class="key-name" data-key=line.id.clone() x=n(line.x) y=n(line.y)>{line.name.clone()}</text>
                        }
                    })
                    .collect_view();
                view! {
                    <g class="label-key" font-size=Fixed(k.font, 2).to_string()>
                        <rect x=n(b.x0) y=n(b.y0) width=n(b.w()) height=n(b.h()) rx=n(k.font * 0.3) stroke-width=Fixed(k.font * 0.06, 2).to_string()/>
                        {lines}
                    </g>
                }
            });
            view! { {leaders} {texts} {key} }
        })
    };
    view! { <g class="labels" aria-hidden="true" pointer-events="none">{body}</g> }
}
