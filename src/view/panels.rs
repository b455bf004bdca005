//! The reader's controls: the date, the readings, the region outlines and
//! the list of demands, in a side panel on a wide screen and a bottom sheet
//! on a phone, which leaves the map in view.

use super::{i18n, Ctx};
use crate::state::AsOf;
use leptos::prelude::*;

#[component]
pub fn DateControl() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    // The map draws today's borders on every date (facts.json, `borders`).
    let borders = ctx.data.with_value(|d| d.facts.borders.as_ref().map(|b| b.note.clone()));
    let today = ctx.data.with_value(|d| d.today);
    view! {
        <fieldset class="date">
            <legend>{i18n::t("date.legend")}</legend>
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
                            {i18n::as_of(a, today)}
                        </label>
                    }
                })
                .collect_view()}
            {borders.map(|n| view! { <details class="date-note"><summary>{i18n::t("date.borders")}</summary><p>{n}</p></details> })}
        </fieldset>
    }
}

#[component]
pub fn ReadingControls() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let terms = ctx.data.with_value(|d| d.catalogue.terms.clone());
    let loc = i18n::current();
    terms
        .into_iter()
        .map(|t| {
            let id = t.id.clone();
            let id2 = id.clone();
            let options: Vec<(String, String)> = t.options.iter().map(|o| (o.value.clone(), loc.term_option(&t, o).1)).collect();
            let effect = move || {
                let v = ctx.readings.with(|r| r.get(&id2).cloned().unwrap_or_default());
                options.iter().find(|o| o.0 == v).map(|o| o.1.clone()).unwrap_or_default()
            };
            // The official English wording in quotation marks; beside it the
            // Russian original where verified, or the map's translation,
            // labelled, never quoted.
            let mine = loc.terms.get(&t.id);
            let original = mine.and_then(|m| m.original.as_ref()).map(|o| loc.text("readings.original", &[("text", &o.text)]));
            let translation = mine.and_then(|m| m.translation.as_ref()).map(|x| loc.text("readings.translation", &[("text", x)]));
            let extra: Vec<String> = original.into_iter().chain(translation).collect();
            view! {
                <fieldset class="reading" data-term=t.id.clone()>
                    <legend>
                        {loc.term_label(&t)}
                        <span class="phrase">{loc.text("readings.phrase", &[("phrase", &t.phrase), ("demand", &t.demand)])}</span>
                        {(!extra.is_empty()).then(|| view! { <span class="phrase-note">{format!(" {}", extra.join("; "))}</span> })}
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
                                    {loc.term_option(&t, o).0}
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
    let regions = i18n::with(|l| ctx.data.with_value(|d| d.scene.regions.iter().map(|r| (r.id.clone(), l.region(&r.id, &r.name).to_string())).collect::<Vec<_>>()));
    view! {
        <fieldset class="regions">
            <legend>{i18n::t("regions.legend")}</legend>
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
        <section class="controls" class:open=move || open.get() aria-label=i18n::t("section.choices")>
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
                    0 => i18n::t("picker.choose"),
                    n => i18n::tp("picker.on", n, &[]),
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
                <h2 id="demands-heading">{i18n::t("demands.heading")}</h2>
                <div class="bulk">
                    <button type="button" class="all" on:click=all>{i18n::t("demands.all_on")}</button>
                    <button type="button" class="none" on:click=move |_| ctx.choices.update(|c| c.demands.clear())>{i18n::t("demands.all_off")}</button>
                </div>
            </div>
            {treaties
                .into_iter()
                .map(|t| {
                    let items = demands.iter().filter(|d| d.treaty == t.id).cloned().collect::<Vec<_>>();
                    let short = i18n::with(|l| l.treaty_short(&t));
                    view! {
                        <h3 class="treaty" title=i18n::with(|l| l.treaty_title(&t))>{short.clone()}</h3>
                        <ul class="demand-list">
                            {items.into_iter().map(|d| view! { <DemandItem demand=d treaty=short.clone()/> }).collect_view()}
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
    let (text, reference) = i18n::with(|l| (l.demand(&demand), l.reference(&demand)));
    let control = match demand.has_map_layer() {
        true => view! {
            <button
                type="button"
                class="toggle"
                title=text.title.clone()
                data-demand=id.clone()
                aria-pressed=move || { if on.get() { "true" } else { "false" } }
                on:click=toggle
            >
                <span class="swatch" style:background=colour aria-hidden="true"></span>
                <span class="ref">{reference.clone()}</span>
                <span class="title">{text.short.clone()}</span>
            </button>
        }
        .into_any(),
        false => view! {
            <div class="static" data-demand=id.clone() title=text.title.clone()>
                <span class="swatch none" aria-hidden="true"></span>
                <span class="ref">{reference.clone()}</span>
                <span class="title">{text.short.clone()}</span>
                <span class="tag visually-hidden">{i18n::t("demand.not_on_map")}</span>
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
                None => view! { <p class="loading" role="status">{i18n::t("loading.other")}</p> }.into_any(),
            })
        }
    };
    let open_about = move |_| {
        if !about.get_untracked() {
            ctx.panels.ask(super::later::load_panels, ctx.notices, &i18n::t("demand.failed"));
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
                    aria-label=i18n::tf("demand.about_label", &[("id", &id)])
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
/// restricted, the quotation and the note (in the panels' module), in the
/// page's locale. The quotation is the official text (the ministry's
/// English, or the verified Russian original); any translation beside it is
/// labelled as the map's and never put in quotation marks.
pub fn about_body(ctx: Ctx, id: String, treaty: String) -> impl IntoView {
    let Some(demand) = ctx.data.with_value(|d| d.catalogue.demand(&id).cloned()) else { return ().into_any() };
    let loc = i18n::current();
    let text = loc.demand(&demand);
    let quote = ctx.data.with_value(|d| loc.quotation(&id, &d.catalogue));
    let reference = loc.reference(&demand);
    // The demand's place in the reading view: its own anchor, or its
    // article's when it is the whole article.
    let read = demand.id.clone();
    view! {
        <p class="summary">{text.summary.clone()}</p>
        <dl>
            <dt>{loc.text("demand.binds", &[])}</dt><dd>{text.bound.clone()}</dd>
            <dt>{loc.text("demand.restricts", &[])}</dt><dd>{text.restricts.clone()}</dd>
        </dl>
        {quote.map(|q| quotation(&loc, q, &treaty, &reference))}
        {text.note.clone().map(|n| view! { <p class="note">{n}</p> })}
        <button type="button" class="read-article" data-read=read.clone()
            on:click=move |_| ctx.choices.update(|c| c.read = Some(read.clone()))>
            {loc.text("demand.read_article", &[])}
        </button>
    }
    .into_any()
}

/// A quotation as the locale shows it: the official text in quotation
/// marks, in its own language, with its source; the Russian locale's note
/// where the original was not verified; the map's translation, labelled.
pub fn quotation(loc: &crate::model::locale::Locale, q: crate::model::locale::Quotation, treaty: &str, reference: &str) -> impl IntoView {
    let which = if q.lang == "ru" { loc.text("quote.original_ru", &[]) } else { loc.text("quote.official_en", &[]) };
    let source = loc.text("quote.source", &[("treaty", treaty), ("reference", reference), ("source", &q.source)]);
    let label = loc.text("quote.translation", &[]);
    view! {
        <blockquote lang=q.lang>
            <p>{loc.text("quote.marks", &[("text", &q.text)])}</p>
            <footer>{if loc.code == "en" { source } else { format!("{which}. {source}") }}</footer>
        </blockquote>
        {q.flag.map(|f| view! { <p class="quote-flag">{f}</p> })}
        {q.translation.map(|t| view! {
            <div class="map-translation">
                <p class="tag">{label}</p>
                <p>{t}</p>
            </div>
        })}
    }
}
