//! "How this map is made": the notes on areas, the ellipsoid, the zones'
//! grids and the sources, in a dialog opened from the attribution line. Its
//! text comes with the panels' code (`later::Panels`), fetched when first
//! opened.

use super::{i18n, platform, Ctx};
use leptos::prelude::*;

/// The link in the attribution line.
#[component]
pub fn MethodLink() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let open = move |_| {
        ctx.panels.ask(super::later::load_panels, ctx.notices, &i18n::t("method.failed"));
        platform::call("dialog.method", "showModal");
    };
    view! { <button type="button" class="method-link" aria-haspopup="dialog" on:click=open>{i18n::t("method.link")}</button> }
}

/// The dialog; the browser keeps focus inside it, Escape closes it and
/// focus goes back to the link.
#[component]
pub fn Method() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    view! {
        <dialog class="method" aria-labelledby="method-heading">
            <div class="method-head">
                <h2 id="method-heading">{i18n::t("method.link")}</h2>
                <button type="button" class="close" aria-label=i18n::t("share.close") on:click=|_| platform::call("dialog.method", "close")>"×"</button>
            </div>
            {move || match ctx.panels.get() {
                Some(k) => (k.method)(),
                None => view! { <p class="loading" role="status">{i18n::t("loading.other")}</p> }.into_any(),
            }}
        </dialog>
    }
}

/// The dialog's text (in the panels' module).
pub fn body() -> impl IntoView {
    view! {
        <h3>{i18n::t("method.colours_h")}</h3>
        <p>{i18n::t("method.colours")}</p>
        <h3>{i18n::t("method.zones_h")}</h3>
        <p>{i18n::t("method.zones")}</p>
        <h3>{i18n::t("method.areas_h")}</h3>
        <p>{i18n::t("method.areas")}</p>
        <h3>{i18n::t("method.sources_h")}</h3>
        <ul>
            <li>{i18n::t("method.src_drafts")}</li>
            <li>{i18n::t("method.src_borders")}</li>
            <li>{i18n::t("method.src_projection")}</li>
        </ul>
    }
}
