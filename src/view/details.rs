//! The details of the state the reader clicked or focused: memberships on
//! the chosen date and every active demand that reaches it. The panel is on
//! the page; its content comes with the panels' code (`later::Panels`),
//! fetched when a state is first selected.

use super::{i18n, platform, Ctx};
use leptos::prelude::*;

/// The panel's content for the selected state (in the panels' module).
pub fn body() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let zones = expect_context::<super::zones::Zones>();
    move || {
        let iso = ctx.selected.get()?;
        let date = ctx.choices.with(|c| c.as_of);
        let loc = i18n::current();
        Some(ctx.data.with_value(|d| {
            let on = date.date(d.today);
            let shape = d.scene.states.iter().find(|s| s.iso == iso);
            let english = d.facts.state(&iso).map(|s| s.name.clone()).or(shape.map(|s| s.name.clone())).unwrap_or(iso.clone());
            let name = i18n::state_name(&iso, &english);
            let facts = d.facts.state(&iso).cloned();
            let mut lines: Vec<String> = Vec::new();
            match &facts {
                None => lines.push(loc.text("details.orientation", &[])),
                Some(f) => {
                    match f.nato {
                        Some(j) if j <= on => lines.push(loc.text("details.nato_since", &[("date", &loc.date(j))])),
                        Some(j) => lines.push(loc.text("details.nato_later", &[("date", &loc.date(j))])),
                        None => lines.push(loc.text("details.not_nato", &[])),
                    }
                    if f.former_ussr {
                        lines.push(loc.text("details.former_ussr", &[]));
                    }
                    if d.facts.is_csto_member(&iso, on) {
                        lines.push(loc.text("details.csto", &[]));
                    }
                    for owner in ["USA", "RUS"] {
                        if let Some(h) = d.facts.nuclear_hosting(&iso, owner, on) {
                            let who = loc.state(owner, &d.facts).to_string();
                            lines.push(loc.text("details.hosts", &[("owner", &who), ("source", loc.hosting_source(&h.source))]));
                        }
                    }
                    if let Some(n) = &f.note {
                        lines.push(loc.state_note(&iso, n).to_string());
                    }
                }
            }
            let reach = ctx.reach.get();
            // Zones reaching part of the state: (demand, party, distance).
            let zoned: Vec<(String, String, u32)> = zones.views.with(|vs| {
                vs.iter().filter(|v| v.states.contains(&iso)).map(|v| (v.spec.demand.clone(), v.spec.party.clone(), v.km)).collect()
            });
            let active = ctx.choices.with(|c| c.demands.clone());
            let demands = active
                .iter()
                .filter_map(|id| {
                    let whole: Vec<String> = reach.demands.iter().find(|r| &r.id == id).map(|r| r.sides.iter().filter(|(_, s)| s.contains(&iso)).map(|(p, _)| loc.party(p).to_string()).collect()).unwrap_or_default();
                    let part: Vec<String> = zoned.iter().filter(|z| &z.0 == id).map(|z| loc.text("details.zone_part", &[("party", loc.party(&z.1)), ("distance", &loc.km(z.2.into()))])).collect();
                    if whole.is_empty() && part.is_empty() {
                        return None;
                    }
                    let sides: Vec<String> = whole.into_iter().chain(part).collect();
                    let demand = d.catalogue.demand(id)?.clone();
                    let treaty = d.catalogue.treaty(&demand.treaty).map(|t| loc.treaty_short(t)).unwrap_or_default();
                    let colour = d.colour(id);
                    let text = loc.demand(&demand);
                    let reference = loc.reference(&demand);
                    let quote = loc.quotation(id, &d.catalogue);
                    Some(view! {
                        <li data-demand=id.clone()>
                            <h4>
                                <span class="swatch" style:background=colour aria-hidden="true"></span>
                                {loc.text("details.demand", &[("id", &demand.id), ("treaty", &treaty), ("reference", &reference), ("title", &text.title)])}
                            </h4>
                            <p>{loc.text("details.restricts_here", &[("restricts", &text.restricts), ("sides", &sides.join("; "))])}</p>
                            {quote.map(|q| super::panels::quotation(&loc, q, &treaty, &reference))}
                        </li>
                    })
                })
                .collect::<Vec<_>>();
            let none = demands.is_empty();
            view! {
                <h3 id="details-heading">{name}</h3>
                <p class="as-of">{loc.text("details.on", &[("date", &loc.date(on))])}</p>
                <ul class="facts">{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
                <h4 class="reached-heading">{loc.text("details.reached", &[])}</h4>
                {if none {
                    view! { <p class="none">{loc.text("details.none", &[])}</p> }.into_any()
                } else {
                    view! { <ul class="reached">{demands}</ul> }.into_any()
                }}
            }
        }))
    }
}

#[component]
pub fn Details() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let close = move || {
        if let Some(iso) = ctx.selected.get_untracked() {
            ctx.selected.set(None);
            platform::focus(&format!("[data-iso=\"{iso}\"]"));
        }
    };
    // The content's code is fetched the first time a state is selected.
    Effect::new(move |_| {
        if ctx.selected.with(Option::is_some) {
            ctx.panels.ask(super::later::load_panels, ctx.notices, &i18n::t("details.failed"));
        }
    });
    // Once the code is here this tracks only the kit: the content follows
    // the selection itself.
    let body = move || match ctx.panels.get() {
        Some(k) => Some((k.details)()),
        None => ctx.selected.with(Option::is_some).then(|| view! { <p class="loading" role="status">{i18n::t("loading.details")}</p> }.into_any()),
    };
    view! {
        <aside
            class="details"
            aria-labelledby="details-heading"
            aria-live="polite"
            style:display=move || { if ctx.selected.with(Option::is_some) { "block" } else { "none" } }
            on:keydown=move |ev: web_sys::KeyboardEvent| { if ev.key() == "Escape" { close() } }
        >
            <button type="button" class="close" aria-label=i18n::t("details.close") on:click=move |_| close()>"×"</button>
            {body}
        </aside>
    }
}
