//! The map's two other views, after the legend: "Show as table"
//! (`view=table`, `super::table`) and the drafts' text (`read=…` or `#…`,
//! `super::reading`). Only the buttons and the places are on a first visit;
//! what they open comes with the panels' code. One component, one Effect:
//! each component costs WebAssembly on the first visit.

use super::Ctx;
use leptos::prelude::*;

#[component]
pub fn MoreViews() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    // `#us-4` opens the text at that article, as `read=us-4` does.
    if let Some(hash) = web_sys::window().and_then(|w| w.location().hash().ok()) {
        let a = hash.trim_start_matches('#');
        if ctx.choices.with_untracked(|c| c.read.is_none()) && ctx.data.with_value(|d| crate::state::read_anchor_known(&d.catalogue, a)) {
            let a = a.to_string();
            ctx.choices.update(|c| c.read = Some(a));
        }
    }
    let table = move || ctx.choices.with(|c| c.table);
    let read = move || ctx.choices.with(|c| c.read.is_some());
    Effect::new(move |_| {
        if table() || read() {
            ctx.panels.ask(super::later::load_panels, ctx.notices, &super::i18n::t("more.failed"));
        }
    });
    let part = move |open: bool, kind: u8| {
        open.then(|| match ctx.panels.get() {
            Some(k) => if kind == 0 { (k.table)() } else { (k.reading)() },
            None => view! { <p class="loading" role="status">{super::i18n::t("loading.other")}</p> }.into_any(),
        })
    };
    let expanded = |on: bool| if on { "true" } else { "false" };
    view! {
        <div class="more-views">
            <button type="button" class="show-table" aria-expanded=move || expanded(table()) aria-controls="reach-table"
                on:click=move |_| ctx.choices.update(|c| c.table = !c.table)>{super::i18n::t("more.table")}</button>
            " "
            <button type="button" class="show-reading" aria-expanded=move || expanded(read()) aria-controls="reading"
                on:click=move |_| ctx.choices.update(|c| c.read = if c.read.is_some() { None } else { Some("us-1".into()) })>{super::i18n::t("more.reading")}</button>
            <div id="reach-table" class="table-view">{move || part(table(), 0)}</div>
            <div id="reading" class="reading">{move || part(read(), 1)}</div>
        </div>
    }
}
