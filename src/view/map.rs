//! The SVG map: states as named, focusable elements, overlaps as stripes
//! with a count, region outlines, and zoom and pan by mouse, touch and
//! keyboard. The wheel zooms only with Ctrl/⌘ or once the map was clicked,
//! so an article around an embedded map still scrolls.

use super::{i18n, Ctx};
use crate::geometry::path::Fixed;
use leptos::prelude::*;
use crate::model::scope::StringMap;
use wasm_bindgen::JsCast;

/// A pattern id for a set of demands: `mix-us-4a_nato-6`.
fn mix_id(ids: &[String]) -> String {
    format!("mix-{}", ids.join("_"))
}

/// Sets where pointer `id` is.
fn put(pointers: &mut Vec<(i32, (f64, f64))>, id: i32, at: (f64, f64)) {
    match pointers.iter_mut().find(|(k, _)| *k == id) {
        Some(p) => p.1 = at,
        None => pointers.push((id, at)),
    }
}

#[component]
pub fn MapView() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let zones = expect_context::<super::zones::Zones>();
    let frame = ctx.data.with_value(|d| d.scene.frame);
    // The first view fills the map's box, whatever its shape (see
    // `ViewBox::fit`): wide on a laptop, portrait on a phone.
    let fitted = RwSignal::new(frame);
    // The map's width in CSS pixels, for marks sized on the screen.
    let px = RwSignal::new(900.0f64);
    let view_box = RwSignal::new(frame);
    // Pointers down on the map, for drag and pinch: a few at most.
    let pointers: StoredValue<Vec<(i32, (f64, f64))>> = StoredValue::new(Vec::new());
    let dragged = StoredValue::new(0.0f64);
    let activated = RwSignal::new(false);
    let hint = RwSignal::new(false);
    let hovered: RwSignal<Option<(String, f64, f64)>> = RwSignal::new(None);
    let svg_ref: NodeRef<leptos::svg::Svg> = NodeRef::new();
    let frame_ref: NodeRef<leptos::html::Div> = NodeRef::new();

    // Client coordinates to the map plane (the view box is centred in the
    // element and scaled to fit it, `xMidYMid meet`).
    let to_plane = move |cx: f64, cy: f64| -> Option<(f64, f64, web_sys::DomRect)> {
        let svg = svg_ref.get_untracked()?;
        let rect = svg.get_bounding_client_rect();
        if rect.width() <= 0.0 || rect.height() <= 0.0 {
            return None;
        }
        let vb = view_box.get_untracked();
        let k = (rect.width() / vb.w).min(rect.height() / vb.h);
        let (ox, oy) = ((rect.width() - vb.w * k) / 2.0, (rect.height() - vb.h * k) / 2.0);
        Some((vb.x + (cx - rect.left() - ox) / k, vb.y + (cy - rect.top() - oy) / k, rect))
    };
    // Fits the first view to the box; a view the reader has zoomed or
    // panned keeps its centre and width and takes the box's shape.
    let refit = move || {
        let Some(f) = frame_ref.get_untracked() else { return };
        let r = f.get_bounding_client_rect();
        if r.width() <= 0.0 || r.height() <= 0.0 {
            return;
        }
        let aspect = r.width() / r.height();
        if (px.get_untracked() - r.width()).abs() > 0.5 {
            px.set(r.width());
        }
        let next = frame.fit(aspect);
        let (old, v) = (fitted.get_untracked(), view_box.get_untracked());
        if (v.w / v.h - aspect).abs() < 1e-3 && old == next {
            return;
        }
        if v == old {
            view_box.set(next);
        } else {
            let h = v.w / aspect;
            view_box.set(crate::geometry::scene::ViewBox { y: v.y + (v.h - h) / 2.0, h, ..v });
        }
        fitted.set(next);
    };
    request_animation_frame(refit);
    let resize = window_event_listener(leptos::ev::resize, move |_| refit());
    on_cleanup(move || resize.remove());
    // The box changes shape when the key above it gains or loses a line.
    Effect::new(move |_| {
        ctx.reach.track();
        request_animation_frame(refit);
    });
    let zoom_at = move |factor: f64, cx: f64, cy: f64| view_box.update(|v| *v = v.zoom(factor, cx, cy, &frame));
    let zoom_centre = move |factor: f64| {
        let v = view_box.get_untracked();
        zoom_at(factor, v.x + v.w / 2.0, v.y + v.h / 2.0)
    };

    let on_wheel = move |ev: web_sys::WheelEvent| {
        if !(ev.ctrl_key() || ev.meta_key() || activated.get_untracked()) {
            hint.set(true);
            return;
        }
        ev.prevent_default();
        if let Some((x, y, _)) = to_plane(ev.client_x() as f64, ev.client_y() as f64) {
            zoom_at((-ev.delta_y() * 0.002).exp(), x, y);
        }
    };
    let on_down = move |ev: web_sys::PointerEvent| {
        activated.set(true);
        hint.set(false);
        dragged.set_value(0.0);
        pointers.update_value(|p| put(p, ev.pointer_id(), (ev.client_x() as f64, ev.client_y() as f64)));
    };
    let on_move = move |ev: web_sys::PointerEvent| {
        let id = ev.pointer_id();
        let (x, y) = (ev.client_x() as f64, ev.client_y() as f64);
        let Some(prev) = pointers.with_value(|p| p.iter().find(|(k, _)| *k == id).map(|(_, v)| *v)) else { return };
        let Some(svg) = svg_ref.get_untracked() else { return };
        let rect = svg.get_bounding_client_rect();
        let n = pointers.with_value(|p| p.len());
        if n == 1 {
            let (dx, dy) = (x - prev.0, y - prev.1);
            dragged.update_value(|d| *d += dx.abs() + dy.abs());
            if dragged.get_value() > 4.0 {
                if let Some(t) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) {
                    let _ = t.set_pointer_capture(id);
                }
                let v = view_box.get_untracked();
                view_box.set(v.pan(-dx / rect.width() * v.w, -dy / rect.height() * v.h, &frame));
            }
        } else if n == 2 {
            // Pinch: the ratio of the fingers' distance, about their middle.
            let other = pointers.with_value(|p| p.iter().find(|(k, _)| *k != id).map(|(_, v)| *v));
            if let Some(o) = other {
                let before = ((prev.0 - o.0).powi(2) + (prev.1 - o.1).powi(2)).sqrt();
                let after = ((x - o.0).powi(2) + (y - o.1).powi(2)).sqrt();
                if before > 0.0 {
                    if let Some((px, py, _)) = to_plane((x + o.0) / 2.0, (y + o.1) / 2.0) {
                        zoom_at(after / before, px, py);
                    }
                }
                dragged.set_value(100.0);
            }
        }
        pointers.update_value(|p| put(p, id, (x, y)));
    };
    let on_up = move |ev: web_sys::PointerEvent| {
        pointers.update_value(|p| p.retain(|(k, _)| *k != ev.pointer_id()));
    };
    let on_key = move |ev: web_sys::KeyboardEvent| {
        // While presenting, the keys move between steps (present.rs).
        if ctx.choices.with_untracked(|c| c.present) {
            return;
        }
        let v = view_box.get_untracked();
        let step = 0.1;
        let handled = match ev.key().as_str() {
            "ArrowLeft" => { view_box.set(v.pan(-v.w * step, 0.0, &frame)); true }
            "ArrowRight" => { view_box.set(v.pan(v.w * step, 0.0, &frame)); true }
            "ArrowUp" => { view_box.set(v.pan(0.0, -v.h * step, &frame)); true }
            "ArrowDown" => { view_box.set(v.pan(0.0, v.h * step, &frame)); true }
            "+" | "=" => { zoom_centre(1.5); true }
            "-" | "_" => { zoom_centre(1.0 / 1.5); true }
            "0" => { view_box.set(fitted.get_untracked()); true }
            "Escape" => { ctx.selected.set(None); false }
            _ => false,
        };
        if handled {
            ev.prevent_default();
        }
    };

    // Distinct sets of two or more demands on one state: one stripe pattern each.
    let mixes = Memo::new(move |_| {
        ctx.reach.with(|r| {
            // Sorted, each once.
            let mut out: Vec<Vec<String>> = Vec::new();
            for ids in r.by_state.values().filter(|ids| ids.len() > 1) {
                if let Err(i) = out.binary_search(ids) {
                    out.insert(i, ids.clone());
                }
            }
            out
        })
    });
    // Plane units per CSS pixel of the map as drawn.
    let unit = move || view_box.with(|v| v.w) / px.get().max(1.0);
    // Stripes about 1/220 of the view, never finer than 3.5 px on the screen.
    let stripe = move || view_box.with(|v| v.w / 220.0).max(3.5 * unit());

    // The tooltip follows the pointer over a state.
    let show_name = move |iso: String| {
        move |ev: web_sys::PointerEvent| hovered.set(Some((iso.clone(), ev.client_x() as f64, ev.client_y() as f64)))
    };
    let states = ctx.data.with_value(|d| d.scene.states.clone());
    let zone_shapes: std::sync::Arc<StringMap> =
        std::sync::Arc::new(states.iter().filter(|s| !s.context).map(|s| (s.iso.clone(), s.d.clone())).collect());
    let state_views = states
        .into_iter()
        .map(|s| {
            let iso = s.iso.clone();
            // Whole-state demands colour the state; zones are drawn over it.
            let ids = {
                let iso = iso.clone();
                Memo::new(move |_| ctx.reach.with(|r| r.ids_for(&iso).to_vec()))
            };
            // Every demand restricting some of the state's ground.
            let all_ids = {
                let iso = iso.clone();
                Memo::new(move |_| {
                    let zoned = zones.by_state.with(|m| m.get(&iso).cloned().unwrap_or_default());
                    let mut all = ids.get();
                    if zoned.is_empty() {
                        return all;
                    }
                    for z in zoned {
                        if !all.contains(&z) {
                            all.push(z);
                        }
                    }
                    ctx.data.with_value(|d| all.sort_by_key(|id| d.catalogue.demands.iter().position(|x| &x.id == id)));
                    all
                })
            };
            let fill = move || {
                ids.with(|ids| match ids.len() {
                    0 => None,
                    1 => Some(ctx.data.with_value(|d| d.colour(&ids[0]).to_string())),
                    _ => Some(format!("url(#{})", mix_id(ids))),
                })
            };
            // The name in the page's language first: "Украина: …".
            let name = i18n::state_name(&iso, &s.name);
            let label = {
                let name = name.clone();
                move || {
                    let n = all_ids.with(Vec::len);
                    match n {
                        0 => name.clone(),
                        n => i18n::tp("map.state_reached", n, &[("name", &name)]),
                    }
                }
            };
            let (iso_selected, iso_click, iso_focus, iso_key) = (iso.clone(), iso.clone(), iso.clone(), iso.clone());
            // The base map: NATO's members on the chosen date in their tint
            // (woken by the date only, not by a toggle).
            let nato = {
                let iso = iso.clone();
                move || ctx.data.with_value(|d| d.facts.is_nato_member(&iso, ctx.as_of.get().date(d.today)))
            };
            let russia = iso == "RUS";
            let context = s.context;
            let marker = s.marker.then_some(s.label).flatten().map(|(x, y)| {
                view! { <circle class="marker" cx=Fixed(x, 1).to_string() cy=Fixed(y, 1).to_string() r=move || Fixed(stripe() * 0.9, 1).to_string()/> }
            });
            let badge = s.label.filter(|_| !context).map(|(x, y)| {
                let count = move || all_ids.with(Vec::len);
                view! {
                    <g class="count" aria-hidden="true" style:display=move || { if count() > 1 { "inline" } else { "none" } }>
                        // 13 px type in a 21 px disc, at any zoom and on any screen.
                        <circle cx=Fixed(x, 1).to_string() cy=Fixed(y, 1).to_string() r=move || Fixed(unit() * 10.5, 1).to_string()/>
                        <text x=Fixed(x, 1).to_string() y=Fixed(y, 1).to_string() font-size=move || Fixed(unit() * 13.0, 1).to_string() dy="0.35em">
                            {move || count().to_string()}
                        </text>
                    </g>
                }
            });
            let shape = view! {
                <g
                    class="state"
                    class:context=context
                    class:nato=nato
                    class:russia=russia
                    class:reached=move || ids.with(|i| !i.is_empty())
                    class:selected=move || ctx.selected.with(|s| s.as_deref() == Some(iso_selected.as_str()))
                    data-iso=iso.clone()
                    data-restricted-by=move || all_ids.with(|i| i.join(" "))
                    role=if context { "img" } else { "button" }
                    tabindex=if context { None } else { Some("0") }
                    aria-label=label
                    fill=fill
                    on:click=move |_| {
                        if dragged.get_value() <= 4.0 && !context {
                            ctx.selected.set(Some(iso_click.clone()));
                        }
                    }
                    on:focus=move |ev: web_sys::FocusEvent| {
                        if let Some(el) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) {
                            let r = el.get_bounding_client_rect();
                            hovered.set(Some((iso_focus.clone(), r.left() + r.width() / 2.0, r.top() + r.height() / 2.0)));
                        }
                        ctx.selected.set(Some(iso_focus.clone()));
                    }
                    on:blur=move |_| hovered.set(None)
                    on:keydown=move |ev: web_sys::KeyboardEvent| {
                        if ev.key() == "Enter" || ev.key() == " " {
                            ev.prevent_default();
                            ctx.selected.set(Some(iso_key.clone()));
                        }
                    }
                    on:pointerenter=show_name(iso.clone())
                    on:pointermove=show_name(iso.clone())
                    on:pointerleave=move |_| hovered.set(None)
                >
                    <path d=s.d.clone()/>
                    {marker}
                </g>
            };
            (shape, badge)
        })
        .collect::<Vec<_>>();
    let (shapes, badges): (Vec<_>, Vec<_>) = state_views.into_iter().unzip();

    let regions = ctx.data.with_value(|d| d.scene.regions.clone());
    let region_views = regions
        .into_iter()
        .map(|r| {
            let id = r.id.clone();
            view! {
                <path
                    class="region"
                    data-region=r.id.clone()
                    d=r.d.clone()
                    aria-label=i18n::tf("map.outline", &[("name", &i18n::with(|l| l.region(&r.id, &r.name).to_string()))])
                    role="img"
                    style:display=move || { if ctx.choices.with(|c| c.regions.contains(&id)) { "inline" } else { "none" } }
                />
            }
        })
        .collect_view();

    let patterns = move || {
        mixes
            .get()
            .into_iter()
            .map(|ids| {
                let w = stripe();
                let n = ids.len() as f64;
                let bars = ids
                    .iter()
                    .enumerate()
                    .map(|(i, id)| {
                        let c = ctx.data.with_value(|d| d.colour(id));
                        view! { <rect x=Fixed(i as f64 * w, 2).to_string() y="0" width=Fixed(w, 2).to_string() height=Fixed(w * n, 2).to_string() fill=c/> }
                    })
                    .collect_view();
                view! {
                    <pattern
                        id=mix_id(&ids)
                        patternUnits="userSpaceOnUse"
                        width=Fixed(w * n, 2).to_string()
                        height=Fixed(w * n, 2).to_string()
                        patternTransform="rotate(45)"
                    >
                        {bars}
                    </pattern>
                }
            })
            .collect_view()
    };

    let tooltip = move || {
        hovered.get().map(|(iso, x, y)| {
            let text = ctx.data.with_value(|d| d.scene.states.iter().find(|s| s.iso == iso).map(|s| i18n::state_name(&iso, &s.name)).unwrap_or_default());
            let (left, top) = frame_ref
                .get_untracked()
                .map(|f| {
                    let r = f.get_bounding_client_rect();
                    (x - r.left(), y - r.top())
                })
                .unwrap_or((x, y));
            view! {
                <div class="tooltip" role="tooltip" style:left=format!("{}px", Fixed(left, 0)) style:top=format!("{}px", Fixed(top, 0))>
                    {text}
                </div>
            }
        })
    };

    view! {
        <div
            class="map-frame"
            class:active=move || activated.get()
            node_ref=frame_ref
            tabindex="0"
            role="group"
            aria-label=i18n::t("map.label")
            on:keydown=on_key
        >
            <svg
                node_ref=svg_ref
                class="map"
                viewBox=move || view_box.get().attr()
                preserveAspectRatio="xMidYMid meet"
                xmlns="http://www.w3.org/2000/svg"
                on:wheel=on_wheel
                on:pointerdown=on_down
                on:pointermove=on_move
                on:pointerup=on_up
                on:pointercancel=on_up
            >
                <title>{i18n::t("map.title")}</title>
                <defs>{patterns}</defs>
                <rect class="sea" x=Fixed(frame.x - frame.w, 0).to_string() y=Fixed(frame.y - frame.h, 0).to_string() width=Fixed(frame.w * 3.0, 0).to_string() height=Fixed(frame.h * 3.0, 0).to_string()/>
                <super::zones::ZoneLayer frame=crate::zone::plan::Frame::Main shapes=zone_shapes.clone() sea=true/>
                <g class="states" stroke-width=move || Fixed(stripe() * 0.12, 2).to_string()>{shapes}</g>
                <super::zones::ZoneLayer frame=crate::zone::plan::Frame::Main shapes=zone_shapes sea=false/>
                <g class="regions" stroke-width=move || Fixed(stripe() * 0.5, 2).to_string()>{region_views}</g>
                // The state labels' place (a component of their own): over
                // the states, the zones and the outlines, under the counts.
                <super::labels::Labels view_box=view_box svg=svg_ref/>
                <g class="counts">{badges}</g>
            </svg>
            {tooltip}
            <div class="zoom-buttons">
                <button type="button" aria-label=i18n::t("map.zoom_in") on:click=move |_| zoom_centre(1.5)>"+"</button>
                <button type="button" aria-label=i18n::t("map.zoom_out") on:click=move |_| zoom_centre(1.0 / 1.5)>"−"</button>
                <button type="button" aria-label=i18n::t("map.reset") on:click=move |_| view_box.set(fitted.get_untracked())>"⟲"</button>
            </div>
            <p class="wheel-hint" role="status" style:display=move || { if hint.get() { "block" } else { "none" } }>
                {i18n::t("map.wheel")}
            </p>
        </div>
    }
}

