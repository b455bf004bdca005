//! Distance zones on the page: the sliders, the zones on the main map and
//! on the Bering Strait inset, and their figures for the legend.
//!
//! A zone's field is computed once for its source, off the toggle's frame
//! (a timeout after the repaint); each slider step then only draws the
//! level line. While a slider is dragged the line is the coarse one (on the
//! sphere, within half a per cent); when it is let go, or moved by the
//! keyboard, every point is placed on the ellipsoid.
//!
//! The page holds only the signals; the components and the engine come in a
//! [`Kit`], a module of its own in the release build, fetched when a distance
//! demand is first switched on.

use super::later::{split_point, Later};
use super::{platform, Ctx};
use crate::geometry::atlas::Atlas;
use crate::geometry::path::{multipolygon_path, rings_path, Fixed};
use crate::geometry::projection::Albers;
use crate::geometry::scene::ViewBox;
use crate::model::scope::{set_add, Context, ListMap, StringMap};
use crate::state::{Dial, Dials, DIALS};
use crate::zone::plan::{plan_job, Frame, Kind, PlanJob, Planned};
use crate::zone::Shape;
use leptos::prelude::*;
use std::collections::HashMap;
use std::sync::Arc;

/// One zone of an active demand, with the states on each side of it.
#[derive(Clone, Debug, PartialEq)]
pub struct ZoneSpec {
    pub demand: String,
    /// The zone's place among its demand's zones.
    pub index: usize,
    pub party: String,
    pub kind: Kind,
    /// The bound party's states and the other party's, sorted.
    pub within: Vec<String>,
    pub from: Vec<String>,
}

impl ZoneSpec {
    fn key(&self) -> String {
        format!("{}|{}|{}", self.kind as u8, self.within.join(","), self.from.join(","))
    }

    /// An id for SVG references: `nato-5-0`.
    pub fn slug(&self) -> String {
        format!("{}-{}", self.demand, self.index)
    }
}

/// A zone drawn on one map.
#[derive(Clone, Debug, PartialEq)]
pub struct PartView {
    pub frame: Frame,
    pub d: String,
    /// For sea: the source's territorial waters, drawn over the zone.
    pub waters: Arc<String>,
}

/// A zone at the slider's distance.
#[derive(Clone, Debug, PartialEq)]
pub struct ZoneView {
    pub spec: ZoneSpec,
    pub km: u32,
    /// False while the field is being computed.
    pub ready: bool,
    /// Whether the points were placed on the ellipsoid (not while dragging).
    pub exact: bool,
    pub parts: Vec<PartView>,
    pub area_km2: f64,
    pub states: Vec<String>,
    /// Each drawn part's shape in degrees, for the GeoJSON download.
    pub shapes: Vec<Arc<Shape>>,
}

/// The zones' shared state.
#[derive(Clone, Copy)]
pub struct Zones {
    pub specs: Memo<Vec<ZoneSpec>>,
    pub views: Memo<Vec<ZoneView>>,
    /// State → ids of the demands whose zones reach it, catalogue order.
    pub by_state: Memo<ListMap>,
    /// False while a slider is dragged: draw the coarse line.
    pub exact: RwSignal<bool>,
    /// The members beyond the frame (the United States, Canada), loaded
    /// when a zone first needs them.
    pub far: RwSignal<Option<Arc<Atlas>>>,
    /// The zones' components and engine, once loaded (see [`Kit`]).
    pub kit: Later<Kit>,
}

/// The zones' components and their engine. The release build puts them in
/// a WebAssembly module of their own (feature `split`, see [`load_kit`]),
/// fetched when a distance demand is first switched on, so a first visit
/// does not download them. The page keeps only the signals ([`Work`]).
#[derive(Clone, Copy)]
pub struct Kit {
    controls: fn() -> AnyView,
    layer: fn(Frame, Arc<StringMap>, bool) -> AnyView,
    figures: fn(String) -> AnyView,
    inset: fn() -> AnyView,
    /// Starts computing the next wanted zone whose field is missing.
    next: fn(Work),
    /// The zones at the sliders' distances.
    views: fn(Work) -> Vec<ZoneView>,
}

/// Everything only the zones need, referred to from here alone.
fn kit() -> Kit {
    Kit {
        controls: || view! { <Dials/> }.into_any(),
        layer: |frame, shapes, sea| view! { <Layer frame shapes sea/> }.into_any(),
        figures: |demand| view! { <Figures demand/> }.into_any(),
        inset: || view! { <Inset/> }.into_any(),
        next,
        views,
    }
}

split_point! {
    /// The zones' kit: fetched with the `split` feature, at hand without it.
    pub async fn load_kit() -> Kit = kit;
    module zones, through split_kit,
    "zone.failed"
}

type ShapeKey = (String, usize, u32, bool);
type WatersKey = (String, usize, bool, bool);

/// The zones' working state: the signals and caches the page and the kit
/// share.
#[derive(Clone, Copy)]
pub struct Work {
    ctx: Ctx,
    specs: Memo<Vec<ZoneSpec>>,
    dials: Memo<Dials>,
    exact: RwSignal<bool>,
    far: RwSignal<Option<Arc<Atlas>>>,
    /// Bumped when a field is computed.
    version: RwSignal<u64>,
    plans: StoredValue<HashMap<String, Arc<Vec<Planned>>>>,
    /// Zone at a distance: (zone key, part, km, exact) → shape.
    shapes: StoredValue<HashMap<ShapeKey, Arc<Shape>>>,
    /// Territorial waters' path: (zone key, part, exact, main map?) → path.
    waters: StoredValue<HashMap<WatersKey, Arc<String>>>,
    busy: StoredValue<bool>,
    job: StoredValue<Option<(String, PlanJob)>>,
}

/// The inset's projection: Albers equal-area about the Bering Strait.
pub fn inset_projection() -> Albers {
    Albers::new(55.0, 68.0, -170.0, 62.0)
}

/// What the inset shows: Chukotka, Kamchatka, Alaska and the Yukon.
pub fn inset_frame(proj: &Albers) -> ViewBox {
    let mut b = [f64::INFINITY, f64::INFINITY, f64::NEG_INFINITY, f64::NEG_INFINITY];
    for k in 0..=20 {
        let t = k as f64 / 20.0;
        for (lon, lat) in [(160.0 + 70.0 * t, 52.0), (160.0 + 70.0 * t, 72.0), (160.0, 52.0 + 20.0 * t), (230.0, 52.0 + 20.0 * t)] {
            let (x, y) = proj.project(lon, lat);
            b = [b[0].min(x), b[1].min(y), b[2].max(x), b[3].max(y)];
        }
    }
    ViewBox { x: b[0], y: b[1], w: b[2] - b[0], h: b[3] - b[1] }
}

impl Zones {
    pub fn new(ctx: Ctx) -> Zones {
        let far: RwSignal<Option<Arc<Atlas>>> = RwSignal::new(None);
        let far_asked = StoredValue::new(false);
        let kit: Later<Kit> = Later::new();
        let exact = RwSignal::new(true);

        // Zones follow the demands, the date and the readings; a slider step
        // does not re-evaluate them.
        let specs = Memo::new(move |_| {
            ctx.scope_inputs.with(|(demands, as_of, readings)| {
                ctx.data.with_value(|d| {
                    let cx = Context { facts: &d.facts, on: as_of.date(d.today), readings, neighbours: &d.neighbours };
                    demands
                        .iter()
                        .filter_map(|id| d.catalogue.demand(id))
                        .flat_map(|dm| {
                            dm.zone_sets(&cx).into_iter().enumerate().map(|(index, (party, kind, within, from))| ZoneSpec {
                                demand: dm.id.clone(),
                                index,
                                party,
                                kind,
                                within,
                                from,
                            })
                        })
                        .collect::<Vec<_>>()
                })
            })
        });
        let work = Work {
            ctx,
            specs,
            dials: Memo::new(move |_| ctx.choices.with(|c| c.dials)),
            exact,
            far,
            version: RwSignal::new(0),
            plans: StoredValue::new(HashMap::new()),
            shapes: StoredValue::new(HashMap::new()),
            waters: StoredValue::new(HashMap::new()),
            busy: StoredValue::new(false),
            job: StoredValue::new(None),
        };

        // The kit and the far members' shapes are fetched when a zone first
        // needs them; then zones are computed one at a time, in slices of
        // about 8 ms between frames (see `pump`), so the toggle that asked
        // for them paints first and the reader's input is never held up.
        Effect::new(move |_| {
            work.version.track();
            let wanted = specs.get();
            if !wanted.is_empty() {
                kit.ask(load_kit, ctx.notices, &super::i18n::t("zone.not_drawn"));
            }
            if far.with(Option::is_none) && wanted.iter().any(|s| s.kind != Kind::Band) && !far_asked.get_value() {
                far_asked.set_value(true);
                wasm_bindgen_futures::spawn_local(async move {
                    let atlas = match platform::fetch_text("far.topo.json").await.and_then(|t| Atlas::parse_file(&t, "far.topo.json").map_err(|e| e.to_string())) {
                        Ok((a, _)) => a,
                        Err(e) => {
                            ctx.notices.update(|n| n.push(super::i18n::tf("zone.far_failed", &[("error", &e)])));
                            Atlas::default()
                        }
                    };
                    far.set(Some(Arc::new(atlas)));
                });
            }
            if let Some(k) = kit.get() {
                (k.next)(work);
            }
        });

        let views = Memo::new(move |_| {
            work.version.track();
            match kit.get() {
                Some(k) => (k.views)(work),
                // Not loaded yet: each zone waiting.
                None => {
                    let dials = work.dials.get();
                    specs.with(|specs| {
                        specs
                            .iter()
                            .map(|spec| ZoneView { spec: spec.clone(), km: dials.get(spec.kind), ready: false, exact: true, parts: Vec::new(), area_km2: 0.0, states: Vec::new(), shapes: Vec::new() })
                            .collect::<Vec<_>>()
                    })
                }
            }
        });
        let by_state = Memo::new(move |_| {
            let mut m = ListMap::default();
            views.with(|vs| {
                for v in vs {
                    for s in &v.states {
                        let ids = m.entry(s.clone()).or_default();
                        if !ids.contains(&v.spec.demand) {
                            ids.push(v.spec.demand.clone());
                        }
                    }
                }
            });
            m
        });
        Zones { specs, views, by_state, exact, far, kit }
    }
}

/// Starts the field of the first wanted zone that has none (a band needs
/// only the main map's states; the others wait for the far members).
fn next(w: Work) {
    if w.busy.get_value() {
        return;
    }
    let loaded = w.far.with(Option::is_some);
    let next = w.specs.with(|s| s.iter().find(|s| (s.kind == Kind::Band || loaded) && w.plans.with_value(|p| !p.contains_key(&s.key()))).cloned());
    if let Some(s) = next {
        w.busy.set_value(true);
        let far_atlas = w.far.get_untracked().unwrap_or_default();
        let job = w.ctx.data.with_value(|d| plan_job(s.kind, &s.within, &s.from, &d.atlas, &far_atlas));
        w.job.set_value(Some((s.key(), job)));
        pump(w);
    }
}

/// The zones at the sliders' distances: from the fields, the level line at
/// each distance, cached for a few steps back and forth.
fn views(w: Work) -> Vec<ZoneView> {
    let dials = w.dials.get();
    let exact = w.exact.get();
    let (main, inset) = (Albers::map(), inset_projection());
    w.specs.with(|specs| {
        // Keep the cache to what a few steps back and forth need.
        w.shapes.update_value(|s| {
            if s.len() > 48 {
                s.clear();
            }
        });
        specs
            .iter()
            .map(|spec| {
                let km = dials.get(spec.kind);
                let key = spec.key();
                let Some(planned) = w.plans.with_value(|p| p.get(&key).cloned()) else {
                    return ZoneView { spec: spec.clone(), km, ready: false, exact, parts: Vec::new(), area_km2: 0.0, states: Vec::new(), shapes: Vec::new() };
                };
                let mut parts = Vec::new();
                let mut area = 0.0;
                let mut states = Vec::new();
                let mut shapes = Vec::new();
                for (i, pl) in planned.iter().enumerate() {
                    let k = km as f64;
                    if !(pl.lo <= k && k < pl.hi) {
                        continue;
                    }
                    let cache_key = (key.clone(), i, km, exact);
                    let shape = w.shapes.with_value(|s| s.get(&cache_key).cloned()).unwrap_or_else(|| {
                        let s = Arc::new(pl.part.at(k, exact));
                        w.shapes.update_value(|c| {
                            c.insert(cache_key, s.clone());
                        });
                        s
                    });
                    area += shape.area_km2;
                    shapes.push(shape.clone());
                    for s in &shape.states {
                        set_add(&mut states, s);
                    }
                    let water = |on_main: bool| -> Arc<String> {
                        let k = (key.clone(), i, exact, on_main);
                        w.waters.with_value(|c| c.get(&k).cloned()).unwrap_or_else(|| {
                            let d = Arc::new(rings_path(pl.part.waters(exact), if on_main { &main } else { &inset }));
                            w.waters.update_value(|c| {
                                c.insert(k, d.clone());
                            });
                            d
                        })
                    };
                    if pl.frame == Frame::Main {
                        parts.push(PartView { frame: Frame::Main, d: rings_path(&shape.rings, &main), waters: water(true) });
                    }
                    if pl.frame == Frame::Inset || pl.also_inset {
                        parts.push(PartView { frame: Frame::Inset, d: rings_path(&shape.rings, &inset), waters: water(false) });
                    }
                }
                ZoneView { spec: spec.clone(), km, ready: true, exact, parts, area_km2: area, states, shapes }
            })
            .collect::<Vec<_>>()
    })
}

/// Runs the zone being computed for about 8 ms, then yields to the page
/// (its input, its frames) and comes back; a zone no longer wanted is
/// dropped.
fn pump(w: Work) {
    set_timeout(
        move || {
            let wanted = w.job.with_value(|j| j.as_ref().is_some_and(|(key, _)| w.specs.with_untracked(|s| s.iter().any(|x| &x.key() == key))));
            let finished = if wanted {
                let end = js_sys::Date::now() + 8.0;
                let mut more = || js_sys::Date::now() < end;
                let mut out = None;
                w.job.update_value(|j| {
                    if let Some((key, job)) = j.as_mut() {
                        out = job.run(&mut more).map(|planned| (key.clone(), planned));
                    }
                });
                out
            } else {
                None
            };
            match (wanted, finished) {
                (true, None) => pump(w),
                (_, done) => {
                    if let Some((key, planned)) = done {
                        w.plans.update_value(|p| {
                            p.insert(key, Arc::new(planned));
                        });
                    }
                    w.job.set_value(None);
                    w.busy.set_value(false);
                    w.version.update(|v| *v += 1);
                }
            }
        },
        std::time::Duration::ZERO,
    );
}

fn dial_label(kind: Kind) -> String {
    super::i18n::t(match kind {
        Kind::Reach => "dial.reach",
        Kind::Band => "dial.band",
        Kind::Sea => "dial.sea",
    })
}

/// Marks on a slider, each with what it stands for.
fn presets(kind: Kind) -> &'static [(u32, &'static str)] {
    match kind {
        Kind::Reach => &[(500, "least shorter-range"), (1_000, "shorter- / intermediate-range"), (5_500, "most intermediate-range")],
        Kind::Band => &[(10, "narrowest"), (100, "100 km"), (500, "widest")],
        Kind::Sea => &[(500, "500 km"), (1_000, "1,000 km"), (2_500, "2,500 km"), (5_500, "5,500 km")],
    }
}

/// The sliders for the kinds of zone the active demands have, once the
/// zones' kit is loaded.
#[component]
pub fn DistanceControls() -> impl IntoView {
    let z = expect_context::<Zones>();
    move || z.kit.get().map(|k| (k.controls)())
}

/// The zones on one map, once the zones' kit is loaded (see [`Layer`]).
#[component]
pub fn ZoneLayer(frame: Frame, shapes: Arc<StringMap>, sea: bool) -> impl IntoView {
    let z = expect_context::<Zones>();
    move || z.kit.get().map(|k| (k.layer)(frame, shapes.clone(), sea))
}

/// A demand's zone figures in the legend, once the zones' kit is loaded.
#[component]
pub fn ZoneFigures(demand: String) -> impl IntoView {
    let z = expect_context::<Zones>();
    move || z.kit.get().map(|k| (k.figures)(demand.clone()))
}

/// The Bering Strait inset, once the zones' kit is loaded.
#[component]
pub fn InsetMap() -> impl IntoView {
    let z = expect_context::<Zones>();
    move || z.kit.get().map(|k| (k.inset)())
}

/// The sliders for the kinds of zone the active demands have.
#[component]
fn Dials() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let z = expect_context::<Zones>();
    DIALS
        .into_iter()
        .map(|d: Dial| {
            let kind = d.kind;
            let ids = Memo::new(move |_| {
                z.specs.with(|s| {
                    let mut ids: Vec<String> = s.iter().filter(|x| x.kind == kind).map(|x| x.demand.clone()).collect();
                    ids.dedup();
                    ids
                })
            });
            let value = move || ctx.choices.with(|c| c.dials.get(kind));
            let set = move |km: u32, exact: bool| {
                z.exact.set(exact);
                ctx.choices.update(|c| c.dials.set(kind, km));
            };
            let list = format!("ticks-{}", d.param);
            let ticks = presets(kind).iter().map(|(km, _)| view! { <option value=km.to_string()></option> }).collect_view();
            let buttons = presets(kind)
                .iter()
                .map(|&(km, what)| {
                    view! {
                        <button
                            type="button"
                            class="preset"
                            data-km=km
                            aria-pressed=move || (value() == km).to_string()
                            title=what
                            on:click=move |_| set(km, true)
                        >
                            {super::i18n::km(km)}
                        </button>
                    }
                })
                .collect_view();
            // The INF treaty's classes under the missile range slider.
            let classes = (kind == Kind::Reach).then(|| {
                let at = |km: u32| (km - d.min) as f64 / (d.max - d.min) as f64 * 100.0;
                view! {
                    <div class="classes" aria-hidden="true">
                        <span class="class shorter" style:left="0%" style:width=format!("{}%", Fixed(at(1_000), 1))>{super::i18n::t("dial.shorter")}</span>
                        <span class="class intermediate" style:left=format!("{}%", Fixed(at(1_000), 1)) style:width=format!("{}%", Fixed(100.0 - at(1_000), 1))>
                            {super::i18n::t("dial.intermediate")}
                        </span>
                    </div>
                    <p class="dial-note">{super::i18n::t("dial.inf")}</p>
                }
            });
            let input_id = format!("dial-{}", d.param);
            view! {
                <fieldset class="dial" data-dial=d.param style:display=move || if ids.with(Vec::is_empty) { "none" } else { "block" }>
                    <legend>
                        {dial_label(kind)}
                        <span class="phrase">{move || format!(" ({})", ids.get().join(", "))}</span>
                    </legend>
                    <div class="dial-row">
                        <input
                            id=input_id.clone()
                            type="range"
                            name=d.param
                            min=d.min
                            max=d.max
                            step=d.step
                            list=list.clone()
                            aria-label=dial_label(kind)
                            aria-valuetext=move || super::i18n::km(value())
                            prop:value=move || value().to_string()
                            on:input=move |ev| {
                                if let Ok(km) = event_target_value(&ev).parse::<u32>() {
                                    set(km, false);
                                }
                            }
                            on:change=move |ev| {
                                if let Ok(km) = event_target_value(&ev).parse::<u32>() {
                                    set(km, true);
                                }
                            }
                        />
                        <output for=input_id class="km">{move || super::i18n::km(value())}</output>
                    </div>
                    <datalist id=list>{ticks}</datalist>
                    {classes}
                    <div class="presets">{buttons}</div>
                </fieldset>
            }
        })
        .collect_view()
}

/// The zones drawn on one map. Land zones go over the states, each
/// clipped to the bound party's land; sea zones (`sea`) go under the states,
/// which cover the land, with the Parties' territorial waters drawn over them.
#[component]
fn Layer(frame: Frame, shapes: Arc<StringMap>, sea: bool) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let z = expect_context::<Zones>();
    let tag = if frame == Frame::Main { "main" } else { "inset" };
    // Clip paths change with the demands and the date, not with the slider.
    let clips = Memo::new(move |_| {
        if sea {
            return Vec::new();
        }
        z.specs.with(|specs| {
            specs
                .iter()
                .filter(|s| s.kind != Kind::Sea)
                .map(|s| {
                    let d: String = s.within.iter().filter_map(|iso| shapes.get(iso)).map(String::as_str).collect();
                    (format!("zc-{tag}-{}", s.slug()), d)
                })
                .collect::<Vec<_>>()
        })
    });
    // The zones with a part on this map: the same while a slider moves.
    let drawn = Memo::new(move |_| {
        z.views.with(|vs| {
            vs.iter()
                .filter(|v| (v.spec.kind == Kind::Sea) == sea && v.parts.iter().any(|p| p.frame == frame))
                .map(|v| (v.spec.slug(), v.spec.demand.clone(), v.spec.party.clone(), v.spec.index))
                .collect::<Vec<_>>()
        })
    });
    let views = z.views;
    view! {
        <defs>{move || clips.get().into_iter().map(|(id, d)| view! { <clipPath id=id><path d=d/></clipPath> }).collect_view()}</defs>
        <g class="zones" class:sea-zones=sea>
            {move || {
                // One element per zone drawn here; a slider step only
                // changes its attributes.
                drawn.get().into_iter().map(|(slug, demand, party, index)| {
                    let colour = ctx.data.with_value(|d| d.colour(&demand));
                    let clip = (!sea).then(|| format!("url(#zc-{tag}-{slug})"));
                    let (s1, s2, s3, s4) = (slug.clone(), slug.clone(), slug.clone(), slug);
                    view! {
                        <path
                            class="zone"
                            data-zone=demand
                            data-party=party
                            data-side=index
                            data-km=move || pick(views, &s1, frame, |v, _| v.km.to_string())
                            data-area-km2=move || pick(views, &s2, frame, |v, _| Fixed(v.area_km2, 0).to_string())
                            data-exact=move || pick(views, &s3, frame, |v, _| v.exact.to_string())
                            d=move || pick(views, &s4, frame, |_, p| p.d.clone())
                            fill=colour
                            stroke=colour
                            fill-rule="evenodd"
                            clip-path=clip
                        />
                    }
                }).collect_view()
            }}
            // Territorial waters over every sea zone: outside the Parties'
            // waters only.
            {move || sea.then(|| {
                drawn.get().into_iter().map(|(slug, ..)| {
                    view! { <path class="waters" aria-hidden="true" fill-rule="evenodd" d=move || pick(views, &slug, frame, |_, p| p.waters.to_string())/> }
                }).collect_view()
            })}
        </g>
    }
}

/// Something of the zone `slug` as drawn on `frame`.
fn pick(views: Memo<Vec<ZoneView>>, slug: &str, frame: Frame, f: impl Fn(&ZoneView, &PartView) -> String) -> String {
    views.with(|vs| vs.iter().find(|v| v.spec.slug() == slug).and_then(|v| v.parts.iter().find(|p| p.frame == frame).map(|p| f(v, p))).unwrap_or_default())
}

/// A line of the legend for a demand's zones: each side's area.
#[component]
fn Figures(demand: String) -> impl IntoView {
    let z = expect_context::<Zones>();
    let demand2 = demand.clone();
    let text = move || {
        z.views.with(|vs| {
            let mine: Vec<&ZoneView> = vs.iter().filter(|v| v.spec.demand == demand).collect();
            if mine.is_empty() {
                return None;
            }
            if mine.iter().any(|v| !v.ready) {
                return Some(super::i18n::t("zone.computing"));
            }
            let loc = super::i18n::current();
            let sides: Vec<String> = mine
                .iter()
                .map(|v| {
                    let key = if v.spec.kind == Kind::Sea { "zone.sea" } else { "zone.land" };
                    loc.text(key, &[("party", loc.party(&v.spec.party)), ("area", &loc.area_km2(v.area_km2)), ("distance", &loc.km(v.km.into()))])
                })
                .collect();
            Some(loc.text("zone.figures", &[("sides", &sides.join(" · "))]))
        })
    };
    let ready = move || z.views.with(|vs| vs.iter().filter(|v| v.spec.demand == demand2).all(|v| v.ready && v.exact)).to_string();
    view! { <span class="zone-figures" data-ready=ready>{text}</span> }
}

/// The Bering Strait inset: where the United States' territory and
/// Russia's meet, for the zones that reach across it.
#[component]
fn Inset() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let z = expect_context::<Zones>();
    let shown = Memo::new(move |_| z.views.with(|vs| vs.iter().any(|v| v.parts.iter().any(|p| p.frame == Frame::Inset))));
    let proj = inset_projection();
    let extent = inset_frame(&proj);
    move || {
        if !shown.get() {
            return None;
        }
        let far = z.far.get().unwrap_or_default();
        let mut states: Vec<(String, String, String)> = Vec::new();
        ctx.data.with_value(|d| {
            for iso in ["RUS"] {
                if let Some(s) = d.atlas.get(iso) {
                    states.push((s.iso.clone(), super::i18n::state_name(&s.iso, &s.name), multipolygon_path(&s.shape, &proj)));
                }
            }
        });
        for s in &far.shapes {
            states.push((s.iso.clone(), super::i18n::state_name(&s.iso, &s.name), multipolygon_path(&s.shape, &proj)));
        }
        let shapes: Arc<StringMap> = Arc::new(states.iter().map(|(i, _, d)| (i.clone(), d.clone())).collect());
        let drawn = states
            .into_iter()
            .map(|(iso, name, d)| {
                let ids = {
                    let iso = iso.clone();
                    move || z.by_state.with(|m| m.get(&iso).cloned().unwrap_or_default())
                };
                let ids2 = ids.clone();
                let label = move || {
                    let ids = ids2();
                    if ids.is_empty() { name.clone() } else { super::i18n::tf("inset.partly", &[("name", &name), ("ids", &ids.join(", "))]) }
                };
                view! {
                    <g class="state inset-state" data-inset-iso=iso data-restricted-by=move || ids().join(" ") role="img" aria-label=label>
                        <path d=d/>
                    </g>
                }
            })
            .collect_view();
        Some(view! {
            <figure class="inset" aria-label=super::i18n::t("inset.label")>
                <svg class="map inset-map" viewBox=extent.attr() preserveAspectRatio="xMidYMid meet" xmlns="http://www.w3.org/2000/svg">
                    <title>{super::i18n::t("inset.title")}</title>
                    <rect class="sea" x=Fixed(extent.x, 0).to_string() y=Fixed(extent.y, 0).to_string() width=Fixed(extent.w, 0).to_string() height=Fixed(extent.h, 0).to_string()/>
                    <Layer frame=Frame::Inset shapes=shapes.clone() sea=true/>
                    <g class="states" stroke-width=Fixed(extent.w / 1500.0, 2).to_string()>{drawn}</g>
                    <Layer frame=Frame::Inset shapes=shapes sea=false/>
                </svg>
                <figcaption>{super::i18n::t("inset.caption")}</figcaption>
            </figure>
        })
    }
}
