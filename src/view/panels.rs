//! The reader's controls: the date, the readings, the region outlines and
//! the list of demands, in a side panel on a wide screen and a bottom sheet
//! on a phone, which leaves the map in view.

use super::Ctx;
use crate::model::demand::Layer;
use crate::state::AsOf;
use leptos::prelude::*;

#[component]
pub fn DateControl() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    // The map draws today's borders on every date (facts.json, `borders`).
    let borders = ctx.data.with_value(|d| d.facts.borders.as_ref().map(|b| b.note.clone()));
    view! {
        <fieldset class="date">
            <legend>"Memberships as of"</legend>
            {AsOf::ALL
                .into_iter()
                .map(|a| {
                    view! {
                        <label>
                            <input
                                type="radio"
                                name="date"
                                value=a.param()
                                prop:checked=move || ctx.as_of.get() == a
                                on:change=move |_| ctx.choices.update(|c| c.as_of = a)
                            />
                            {a.label()}
                        </label>
                    }
                })
                .collect_view()}
            {borders.map(|n| view! { <details class="date-note"><summary>"Borders on these dates"</summary><p>{n}</p></details> })}
        </fieldset>
    }
}

#[component]
pub fn ReadingControls() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let terms = ctx.data.with_value(|d| d.catalogue.terms.clone());
    terms
        .into_iter()
        .map(|t| {
            let id = t.id.clone();
            let id2 = id.clone();
            let options = t.options.clone();
            let effect = move || {
                let v = ctx.readings.with(|r| r.get(&id2).cloned().unwrap_or_default());
                options.iter().find(|o| o.value == v).map(|o| o.effect.clone()).unwrap_or_default()
            };
            view! {
                <fieldset class="reading" data-term=t.id.clone()>
                    <legend>
                        {t.label.clone()}
                        <span class="phrase">{format!(" (“{}”, {})", t.phrase, t.demand)}</span>
                    </legend>
                    {t.options
                        .iter()
                        .map(|o| {
                            let (id_a, id_b, v_a, v_b) = (id.clone(), id.clone(), o.value.clone(), o.value.clone());
                            view! {
                                <label>
                                    <input
                                        type="radio"
                                        name=format!("term-{}", id)
                                        value=o.value.clone()
                                        prop:checked=move || ctx.readings.with(|r| r.get(&id_a) == Some(&v_a))
                                        on:change=move |_| ctx.choices.update(|c| { c.readings.insert(id_b.clone(), v_b.clone()); })
                                    />
                                    {o.label.clone()}
                                </label>
                            }
                        })
                        .collect_view()}
                    <p class="effect">{effect}</p>
                </fieldset>
            }
        })
        .collect_view()
}

#[component]
pub fn RegionControls() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let regions = ctx.data.with_value(|d| d.scene.regions.iter().map(|r| (r.id.clone(), r.name.clone())).collect::<Vec<_>>());
    view! {
        <fieldset class="regions">
            <legend>"Region outlines"</legend>
            {regions
                .into_iter()
                .map(|(id, name)| {
                    let (a, b) = (id.clone(), id.clone());
                    view! {
                        <label>
                            <input
                                type="checkbox"
                                data-region=id.clone()
                                prop:checked=move || ctx.regions.with(|r| r.contains(&a))
                                on:change=move |_| ctx.choices.update(|c| {
                                    match crate::model::scope::set_find(&c.regions, &b) {
                                        Ok(i) => { c.regions.remove(i); }
                                        Err(i) => c.regions.insert(i, b.clone()),
                                    }
                                })
                            />
                            {name}
                        </label>
                    }
                })
                .collect_view()}
        </fieldset>
    }
}

/// The panel that holds the controls: beside the map on a wide screen; on a
/// phone a sheet at the bottom, opened by its handle, over the lower part of
/// the page while the map stays in view above it.
#[component]
pub fn Picker() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let open = RwSignal::new(false);
    let count = move || ctx.demands.with(Vec::len);
    view! {
        <section class="controls" class:open=move || open.get() aria-label="Choices">
            <button
                type="button"
                class="sheet-handle"
                aria-expanded=move || open.get().to_string()
                aria-controls="choices"
                on:click=move |_| {
                    open.update(|o| *o = !*o);
                    // The sheet covers the lower half of the screen: the map
                    // goes to the top, in view above it.
                    if open.get_untracked() {
                        super::platform::call(".map-stage", "scrollIntoView");
                    }
                }
            >
                <span class="grip" aria-hidden="true"></span>
                {move || match count() {
                    0 => "Choose demands".to_string(),
                    1 => "Demands: 1 on".to_string(),
                    n => format!("Demands: {n} on"),
                }}
                <span class="chevron" aria-hidden="true">{move || if open.get() { "▾" } else { "▴" }}</span>
            </button>
            <div
                class="sheet-body"
                id="choices"
                on:keydown=move |ev: web_sys::KeyboardEvent| { if ev.key() == "Escape" && open.get_untracked() { open.set(false); super::platform::focus(".sheet-handle"); } }
            >
                <DateControl/>
                <DemandList/>
                <super::zones::DistanceControls/>
                <ReadingControls/>
                <RegionControls/>
            </div>
        </section>
    }
}

#[component]
pub fn DemandList() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let (treaties, demands) = ctx.data.with_value(|d| (d.catalogue.treaties.clone(), d.catalogue.demands.clone()));
    let all = move |_| {
        ctx.choices.update(|c| {
            ctx.data.with_value(|d| c.demands = d.catalogue.demands.iter().filter(|x| x.has_map_layer()).map(|x| x.id.clone()).collect())
        })
    };
    view! {
        <section class="demands" aria-labelledby="demands-heading">
            <div class="demands-head">
                <h2 id="demands-heading">"The demands"</h2>
                <div class="bulk">
                    <button type="button" class="all" on:click=all>"All on"</button>
                    <button type="button" class="none" on:click=move |_| ctx.choices.update(|c| c.demands.clear())>"All off"</button>
                </div>
            </div>
            {treaties
                .into_iter()
                .map(|t| {
                    let items = demands.iter().filter(|d| d.treaty == t.id).cloned().collect::<Vec<_>>();
                    view! {
                        <h3 class="treaty" title=t.title.clone()>{t.short.clone()}</h3>
                        <ul class="demand-list">
                            {items.into_iter().map(|d| view! { <DemandItem demand=d treaty=t.short.clone()/> }).collect_view()}
                        </ul>
                    }
                })
                .collect_view()}
        </section>
    }
}

/// One line of the picker: the toggle (swatch, article, short title) and a
/// button that opens the summary, who is bound, what is restricted and the
/// quotation.
#[component]
fn DemandItem(demand: crate::model::demand::Demand, treaty: String) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let id = demand.id.clone();
    let colour = ctx.data.with_value(|d| d.colour(&id));
    let id_toggle = id.clone();
    // Woken by every toggle, it changes (and touches the DOM) only for its own.
    let on = {
        let id = id.clone();
        Memo::new(move |_| ctx.demands.with(|d| d.contains(&id)))
    };
    let toggle = move |_| ctx.choices.update(|c| ctx.data.with_value(|d| c.toggle(&d.catalogue, &id_toggle)));
    let about = RwSignal::new(false);
    let about_id = format!("about-{id}");
    let control = match demand.has_map_layer() {
        true => view! {
            <button
                type="button"
                class="toggle"
                title=demand.title.clone()
                data-demand=id.clone()
                aria-pressed=move || { if on.get() { "true" } else { "false" } }
                on:click=toggle
            >
                <span class="swatch" style:background=colour aria-hidden="true"></span>
                <span class="ref">{demand.reference()}</span>
                <span class="title">{demand.title.clone()}</span>
            </button>
        }
        .into_any(),
        false => view! {
            <div class="static" data-demand=id.clone() title=demand.title.clone()>
                <span class="swatch none" aria-hidden="true"></span>
                <span class="ref">{demand.reference()}</span>
                <span class="title">{demand.title.clone()}</span>
                <span class="tag visually-hidden">"(not on the map)"</span>
            </div>
        }
        .into_any(),
    };
    // The text comes with the panels' code, fetched when a reader first
    // asks for it: the first view needs only the lines.
    let body = {
        let id = id.clone();
        move || {
            about.get().then(|| match ctx.panels.get() {
                Some(k) => (k.about)(ctx, id.clone(), treaty.clone()),
                None => view! { <p class="loading" role="status">"Loading…"</p> }.into_any(),
            })
        }
    };
    let open_about = move |_| {
        if !about.get_untracked() {
            ctx.panels.ask(super::later::load_panels, ctx.notices, "the demand's text cannot be shown");
        }
        about.update(|a| *a = !*a);
    };
    view! {
        <li class="demand" class:on=move || on.get()>
            <div class="line">
                {control}
                <button
                    type="button"
                    class="about"
                    aria-expanded=move || about.get().to_string()
                    aria-controls=about_id.clone()
                    aria-label=format!("About {id}: summary, who is bound, quotation")
                    on:click=open_about
                >
                    "i"
                </button>
            </div>
            <div class="about-body" id=about_id.clone() hidden=move || !about.get()>{body}</div>
        </li>
    }
}

/// A demand's text under its line: the summary, who is bound, what is
/// restricted, the quotation and the note (in the panels' module).
pub fn about_body(ctx: Ctx, id: String, treaty: String) -> impl IntoView {
    let Some(demand) = ctx.data.with_value(|d| d.catalogue.demand(&id).cloned()) else { return ().into_any() };
    let note = match &demand.layer {
        Layer::Distance { note, .. } => Some(note.clone()),
        Layer::States { zone_note, .. } => zone_note.clone(),
        Layer::None => None,
    };
    // The demand's place in the reading view: its own anchor, or its
    // article's when it is the whole article.
    let read = demand.id.clone();
    view! {
        <p class="summary">{demand.summary.clone()}</p>
        <dl>
            <dt>"Binds"</dt><dd>{demand.bound.clone()}</dd>
            <dt>"Restricts"</dt><dd>{demand.restricts.clone()}</dd>
        </dl>
        {demand.quote.clone().map(|q| view! {
            <blockquote>
                <p>{format!("“{}”", q.text)}</p>
                <footer>{format!("{treaty}, {}. {}", demand.reference(), q.source)}</footer>
            </blockquote>
        })}
        {note.map(|n| view! { <p class="note">{n}</p> })}
        <button type="button" class="read-article" data-read=read.clone()
            on:click=move |_| ctx.choices.update(|c| c.read = Some(read.clone()))>
            "Read the article"
        </button>
    }
    .into_any()
}
