//! The view: Leptos components. They read signals and call the domain's
//! methods; the domain and geometry modules do the work.

pub mod details;
pub mod export;
pub mod i18n;
pub mod later;
pub mod labels;
pub mod legend;
pub mod map;
pub mod method;
pub mod more;
pub mod panels;
pub mod platform;
pub mod present;
pub mod reading;
pub mod share;
pub mod table;
pub mod zones;

use crate::geometry::atlas::Atlas;
use crate::geometry::scene::{scene, Scene};
use crate::model::date::Date;
use crate::model::demand::Catalogue;
use crate::model::facts::Facts;
use crate::model::load;
use crate::model::reach::Reach;
use crate::state::Choices;
use leptos::prelude::*;
use std::sync::Arc;

/// Everything loaded, immutable once the page has it.
pub struct Data {
    pub facts: Facts,
    pub catalogue: Catalogue,
    pub atlas: Atlas,
    pub scene: Scene,
    pub neighbours: crate::model::scope::ListMap,
    pub today: Date,
}

impl Data {
    /// Colour of a demand with a map layer: Paul Tol's "muted" scheme, made
    /// to stay distinct for colour-blind readers, in catalogue order, and
    /// for the eleven layers two of his "vibrant" colours (orange, blue).
    pub fn colour(&self, id: &str) -> &'static str {
        const MUTED: [&str; 11] = [
            "#CC6677", "#332288", "#DDCC77", "#117733", "#88CCEE", "#882255", "#44AA99", "#999933", "#AA4499", "#EE7733", "#0077BB",
        ];
        let i = self.catalogue.demands.iter().filter(|d| d.has_map_layer()).position(|d| d.id == id).unwrap_or(0);
        MUTED[i % MUTED.len()]
    }
}

/// What the components share: the data, the reader's choices and what
/// follows from them.
#[derive(Clone, Copy)]
pub struct Ctx {
    pub data: StoredValue<Arc<Data>>,
    pub choices: RwSignal<Choices>,
    /// What decides the scopes: the active demands, the date, the readings.
    /// Not a slider, an outline or the theme.
    pub scope_inputs: Memo<(Vec<String>, crate::state::AsOf, crate::model::scope::Readings)>,
    /// A Memo: read by the map, the legend, the headline and the details.
    pub reach: Memo<Reach>,
    /// Slices of the choices, so a control wakes only when its own part
    /// changes: a demand toggle does not wake the date's or the readings'
    /// controls, nor the base map's NATO tint.
    pub demands: Memo<Vec<String>>,
    pub as_of: Memo<crate::state::AsOf>,
    pub readings: Memo<crate::model::scope::Readings>,
    pub regions: Memo<Vec<String>>,
    pub selected: RwSignal<Option<String>>,
    /// Messages for the reader: what was ignored or could not be loaded.
    pub notices: RwSignal<Vec<String>>,
    /// The presentation's and the downloads' code, fetched when first used.
    pub extras: later::Later<later::Extras>,
    /// The details' and the share box's code, fetched when first opened.
    pub panels: later::Later<later::Panels>,
}

impl Data {
    /// Builds the data from the three files' texts (or why each could not be
    /// fetched). A broken facts or demands file is reported in the returned
    /// problems and the map still draws; only unusable geometry is an error.
    pub fn from_texts(
        states: Result<String, String>,
        facts: Result<String, String>,
        demands: Result<String, String>,
        today: Date,
    ) -> (Result<Data, String>, Vec<String>) {
        let mut problems = Vec::new();
        let (atlas, warnings) = match states.and_then(|t| Atlas::parse(&t).map_err(|e| e.to_string())) {
            Ok(x) => x,
            Err(e) => return (Err(e), problems),
        };
        problems.extend(warnings);
        let facts = match facts.and_then(|t| load::facts(&t).map_err(|e| e.to_string())) {
            Ok(f) => Some(f),
            Err(e) => {
                problems.push(i18n::tf("notice.facts_broken", &[("error", &e.to_string())]));
                None
            }
        };
        let catalogue = match (&facts, demands) {
            (Some(f), Ok(t)) => load::catalogue(&t, f).unwrap_or_else(|e| {
                problems.push(i18n::tf("notice.demands_broken", &[("error", &e.to_string())]));
                Catalogue::default()
            }),
            (_, Err(e)) => {
                problems.push(i18n::tf("notice.demands_broken", &[("error", &e)]));
                Catalogue::default()
            }
            (None, Ok(_)) => Catalogue::default(),
        };
        let facts = facts.unwrap_or_default();
        let mut catalogue = catalogue;
        problems.extend(catalogue.fill_counts(&facts, today));
        for s in facts.states.iter().filter(|s| s.drawn && atlas.get(&s.iso).is_none()) {
            problems.push(i18n::tf("notice.no_geometry", &[("name", &s.name), ("iso", &s.iso)]));
        }
        let scene = scene(&atlas, &facts);
        let neighbours = atlas.neighbours();
        (Ok(Data { facts, catalogue, atlas, scene, neighbours, today }), problems)
    }
}

impl Ctx {
    /// Sets up the shared state over loaded data and the first choices.
    pub fn new(data: Arc<Data>, initial: Choices, notices: RwSignal<Vec<String>>) -> Ctx {
        let choices = RwSignal::new(initial);
        let stored = StoredValue::new(data);
        // Only demands, date and readings decide the scopes: switching an
        // outline, the theme or a presentation mode recomputes nothing.
        let scope_inputs = Memo::new(move |_| choices.with(|c| (c.demands.clone(), c.as_of, c.readings.clone())));
        let reach = Memo::new(move |_| {
            // Read, not only tracked: a Memo updates when it is read.
            scope_inputs.with(|_| ());
            stored.with_value(|d| {
                choices.with_untracked(|c| Reach::compute(&d.catalogue, &d.facts, &d.neighbours, c, d.today))
            })
        });
        let demands = Memo::new(move |_| choices.with(|c| c.demands.clone()));
        let as_of = Memo::new(move |_| choices.with(|c| c.as_of));
        let readings = Memo::new(move |_| choices.with(|c| c.readings.clone()));
        let regions = Memo::new(move |_| choices.with(|c| c.regions.clone()));
        Ctx {
            data: stored,
            choices,
            scope_inputs,
            reach,
            demands,
            as_of,
            readings,
            regions,
            selected: RwSignal::new(None),
            notices,
            extras: later::Later::new(),
            panels: later::Later::new(),
        }
    }
}

/// Fetches the three data files side by side, and the locale's texts when
/// the page is not in English, and builds the data; a locale that cannot be
/// fetched or fails its check leaves the page in English, with a notice.
async fn load_data(notices: RwSignal<Vec<String>>) -> Result<Data, String> {
    let wanted = i18n::wanted();
    // With the file, the code that checks it (its own module in the release).
    let locale_text = async move {
        if wanted == "en" {
            None
        } else {
            let (text, kit) = futures::future::join(platform::fetch_text(&crate::model::locale::file_name(wanted)), later::load_translate()).await;
            Some((text, kit))
        }
    };
    let ((states, facts, demands), locale_text) = futures::future::join(
        futures::future::join3(platform::fetch_text("states.topo.json"), platform::fetch_text("facts.json"), platform::fetch_text("demands.json")),
        locale_text,
    )
    .await;
    let (data, mut problems) = Data::from_texts(states, facts, demands, platform::today());
    if let (Ok(d), Some((text, kit))) = (&data, locale_text) {
        let checked = match kit {
            Ok(kit) => (kit.check)(wanted, text, d),
            Err(e) => Err(i18n::tf("notice.locale_broken", &[("error", &e)])),
        };
        match checked {
            Ok(l) => i18n::set(l),
            Err(n) => problems.push(n),
        }
    }
    i18n::apply_to_document();
    if !problems.is_empty() {
        notices.update(|n| n.extend(problems));
    }
    data
}

/// Dismissible notices: what was ignored or could not be loaded.
#[component]
fn Notices(notices: RwSignal<Vec<String>>) -> impl IntoView {
    view! {
        <div class="notices" role="status" aria-live="polite">
            {move || {
                notices
                    .get()
                    .into_iter()
                    .enumerate()
                    .map(|(i, n)| {
                        view! {
                            <p class="notice">
                                <span>{n}</span>
                                <button
                                    type="button"
                                    class="dismiss"
                                    aria-label=i18n::t("notice.dismiss")
                                    on:click=move |_| notices.update(|v| { if i < v.len() { v.remove(i); } })
                                >
                                    "×"
                                </button>
                            </p>
                        }
                    })
                    .collect_view()
            }}
        </div>
    }
}

/// Renders the page again, in the locale just chosen (`i18n::Switcher`).
#[derive(Clone, Copy)]
pub struct Relang(pub RwSignal<u32>);

/// The whole page.
#[component]
pub fn App() -> impl IntoView {
    let notices = RwSignal::new(Vec::<String>::new());
    let loaded: RwSignal<Option<Result<Arc<Data>, String>>> = RwSignal::new(None);
    let relang = RwSignal::new(0u32);
    provide_context(Relang(relang));
    wasm_bindgen_futures::spawn_local(async move {
        loaded.set(Some(load_data(notices).await.map(Arc::new)));
        // The map (or why not) takes the prerendered shell's place.
        platform::take_over();
    });
    view! {
        <Notices notices/>
        {move || {
            relang.track();
            match loaded.get() {
                None => view! { <Masthead/><p class="loading" role="status">{i18n::t("loading.map")}</p> }.into_any(),
                Some(Err(e)) => view! {
                    <Masthead/>
                    <p class="fatal" role="alert">{i18n::tf("error.geometry", &[("error", &e)])}</p>
                }.into_any(),
                Some(Ok(data)) => view! { <Explorer data notices/> }.into_any(),
            }
        }}
    }
}

/// The page's title line; with the data in, the Share menu beside it.
#[component]
fn Masthead(#[prop(optional)] share: bool) -> impl IntoView {
    view! {
        <header class="masthead">
            <h1>{i18n::t("head.headline")}</h1>
            {share.then(|| view! { <share::ShareMenu/> })}
        </header>
    }
}

/// Sources in one line, the way to the method, and the language switcher
/// (under the map, so the first screen keeps its layout on a phone).
#[component]
fn Attribution() -> impl IntoView {
    view! {
        <footer class="attribution">
            <p>
                {i18n::t("footer.short")}
                " "
                <method::MethodLink/>
                " "
                <i18n::Switcher/>
            </p>
        </footer>
    }
}

/// The map and its controls, once the data is in.
#[component]
fn Explorer(data: Arc<Data>, notices: RwSignal<Vec<String>>) -> impl IntoView {
    let outlines: Vec<&str> = data.scene.regions.iter().map(|r| r.id.as_str()).collect();
    let (mut initial, ignored) = Choices::from_query(&platform::query(), &data.catalogue, &outlines);
    if initial.present {
        let step = initial.step;
        initial.go_to(step, &data.catalogue);
    }
    if !ignored.is_empty() {
        let notice = i18n::tf("notice.ignored", &[("list", &ignored.join("; "))]);
        // In an embed the address is the editor's, not the reader's: the
        // console tells the editor, the article shows the map. Notices that
        // change what the reader sees (data that could not load) stay.
        if initial.embed {
            web_sys::console::warn_1(&format!("treaty-map: {notice}").into());
        } else {
            notices.update(|n| n.push(notice));
        }
    }
    let ctx = Ctx::new(data, initial, notices);
    // The URL mirrors the choices; replaceState, so Back leaves the page.
    // Written once the reader pauses (100 ms): replaceState costs about as
    // much as the whole repaint, and a burst of toggles needs only the last.
    let pending: StoredValue<Option<TimeoutHandle>> = StoredValue::new(None);
    Effect::new(move |_| {
        let q = ctx.data.with_value(|d| ctx.choices.with(|c| c.to_query(&d.catalogue)));
        if let Some(h) = pending.get_value() {
            h.clear();
        }
        let h = set_timeout_with_handle(move || platform::set_query(&q), std::time::Duration::from_millis(100));
        pending.set_value(h.ok());
    });
    // Theme and embed mode live on the root element, where the CSS reads them.
    let modes = Memo::new(move |_| ctx.choices.with(|c| (c.theme, c.embed, c.present, c.still)));
    Effect::new(move |_| {
        let (theme, embed, present, still) = modes.get();
        platform::set_root_attribute("data-theme", theme.map(|t| t.param()));
        platform::set_root_attribute("data-embed", embed.then_some("1"));
        platform::set_root_attribute("data-present", present.then_some("1"));
        // static=1: a picture. `inert` takes the page out of pointer and
        // keyboard interaction (no focus, no click, no wheel or pinch zoom).
        platform::set_root_attribute("data-static", still.then_some("1"));
        platform::set_body_attribute("inert", still.then_some(""));
    });
    // In an iframe, the host page learns the height the map needs, whenever
    // it changes.
    if ctx.choices.with_untracked(|c| c.embed) {
        share::follow_height();
    }
    provide_context(ctx);
    provide_context(zones::Zones::new(ctx));
    view! {
        <Masthead share=true/>
        <main class="layout">
            <section class="map-column" aria-label=i18n::t("section.map")>
                <legend::Headline/>
                // The key sits on the map on wide screens, under it on phones.
                <div class="map-stage">
                    <map::MapView/>
                    <zones::InsetMap/>
                    <legend::Legend/>
                </div>
                <more::MoreViews/>
                <present::Presentation/>
                <Attribution/>
            </section>
            <panels::Picker/>
            <details::Details/>
            <method::Method/>
        </main>
    }
}

/// Mounts the app on the page's body, or in the shell's place.
pub fn mount() {
    // Panic messages in the console while developing; a release build aborts
    // without the formatting machinery the hook would pull in.
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    // Under the shell prerendered into index.html (the first screen and the
    // base map, shown before the WebAssembly arrives), the app mounts
    // hidden and takes the shell's place once its data is in (App).
    match platform::shell_host() {
        Some(host) => leptos::mount::mount_to(host, App).forget(),
        None => leptos::mount::mount_to_body(App),
    }
}
