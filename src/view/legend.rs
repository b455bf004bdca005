//! The headline over the map and the key of the active demands.

use super::{i18n, Ctx};
use crate::model::demand::Layer;
use crate::model::headline;
use leptos::prelude::*;

/// Rounds a km² figure to the nearest thousand and groups its digits as
/// the page's locale does.
pub fn km2(v: f64) -> String {
    i18n::number(((v / 1000.0).round() * 1000.0) as u64)
}

/// The headline for the current view, from the data (see
/// [`crate::model::headline`]), and the one-sentence dek.
#[component]
pub fn Headline() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let zones = expect_context::<super::zones::Zones>();
    let text = move || {
        let zoned = zones.by_state.with(|m| m.keys().cloned().collect::<Vec<String>>());
        let zone_area: f64 = zones.views.with(|v| v.iter().map(|z| z.area_km2).sum());
        let has_zones = zones.specs.with(|s| !s.is_empty());
        let on = ctx.as_of.get();
        let loc = i18n::current();
        ctx.reach.with(|r| {
            ctx.data.with_value(|d| {
                let on = on.date(d.today);
                if r.demands.is_empty() {
                    return (headline::empty(on, &loc), None);
                }
                let whole = r.states();
                let whole_km2 = d.atlas.area_km2(whole.iter().map(String::as_str));
                let mut states = whole;
                for z in &zoned {
                    crate::model::scope::set_add(&mut states, z);
                }
                let view = headline::View { states: &states, whole_km2, zone_km2: has_zones.then_some(zone_area), on };
                let text = headline::headline(&view, &d.facts, &loc, |iso| d.atlas.area_km2(std::iter::once(iso)));
                let off: Vec<String> = states
                    .iter()
                    .filter(|iso| d.atlas.get(iso).is_none())
                    .filter(|iso| d.facts.state(iso).is_some())
                    .map(|iso| loc.state(iso, &d.facts).to_string())
                    .collect();
                let off = (!off.is_empty()).then(|| loc.text("head.off_frame", &[("names", &loc.and_list(&off))]));
                (text, off)
            })
        })
    };
    let text = Memo::new(move |_| text());
    view! {
        <div class="headline-block">
            // The names first, the figures after them in smaller type: the
            // headline's text stays the generated sentence.
            <h2 class="headline" aria-live="polite">
                {move || text.with(|t| match t.0.split_once(": ") {
                    Some((names, figures)) => view! {
                        <span class="names">{format!("{names}:")}</span>" "<span class="figures">{figures.to_string()}</span>
                    }.into_any(),
                    None => view! { <span class="names">{t.0.clone()}</span> }.into_any(),
                })}
            </h2>
            <p class="dek">
                {i18n::t("head.dek_colour")}
                {move || text.with(|t| t.1.clone()).map(|o| view! { " " <span class="off-frame">{o}</span> })}
            </p>
        </div>
    }
}

/// The key, beside the map: each active demand's colour, short title and
/// count, what stripes mean when states overlap, and the base map's tints.
#[component]
pub fn Legend() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let rows = Memo::new(move |_| ctx.reach.with(|r| r.demands.clone()));
    let row = move |dr: crate::model::reach::DemandReach| {
        let loc = i18n::current();
        ctx.data.with_value(|d| {
            let demand = d.catalogue.demand(&dr.id).cloned();
            let colour = d.colour(&dr.id);
            let area = d.atlas.area_km2(dr.states.iter().map(String::as_str));
            let sides = if dr.sides.len() > 1 {
                dr.sides.iter().map(|(p, s)| loc.text("legend.side", &[("party", loc.party(p)), ("count", &loc.number(s.len() as u64))])).collect::<Vec<_>>().join(" · ")
            } else {
                String::new()
            };
            let zoned = demand.as_ref().is_some_and(|x| !x.zones().is_empty());
            let whole = demand.as_ref().is_some_and(|x| matches!(x.layer, Layer::States { .. }));
            let treaty = demand.as_ref().and_then(|x| d.catalogue.treaty(&x.treaty)).map(|t| loc.treaty_short(t)).unwrap_or_default();
            let reference = demand.as_ref().map(|x| format!("{treaty}, {}", loc.reference(x))).unwrap_or_default();
            let n = dr.states.len();
            view! {
                <li data-demand=dr.id.clone()>
                    <span class="swatch" style:background=colour aria-hidden="true"></span>
                    <span class="title">{demand.as_ref().map(|x| loc.demand(x).short).unwrap_or_default()}</span>
                    " "
                    {whole.then(|| view! {
                        <span class="count" data-count=n>
                            {loc.plural("legend.count", n as u64, &[("area", &headline::area(area, &loc))])}
                        </span>
                    })}
                    " "
                    <span class="ref">{reference}</span>
                    {zoned.then(|| view! { <super::zones::ZoneFigures demand=dr.id.clone()/> })}
                    {(!sides.is_empty()).then(|| view! { " " <span class="sides">{loc.text("legend.sides", &[("sides", &sides)])}</span> })}
                </li>
            }
        })
    };
    // The colours of the demands that overlap somewhere, for the stripes' swatch.
    let overlap = Memo::new(move |_| {
        ctx.reach.with(|r| {
            let mut ids: Vec<String> = Vec::new();
            for v in r.by_state.values().filter(|v| v.len() > 1) {
                for id in v {
                    if !ids.contains(id) {
                        ids.push(id.clone());
                    }
                }
            }
            ids
        })
    });
    let stripes = move || {
        let ids = overlap.get();
        (ids.len() > 1).then(|| {
            let colours: Vec<&str> = ctx.data.with_value(|d| ids.iter().take(3).map(|id| d.colour(id)).collect());
            let bands: Vec<String> = colours.iter().enumerate().map(|(i, c)| format!("{c} {}px {}px", i * 4, (i + 1) * 4)).collect();
            let bg = format!("repeating-linear-gradient(135deg, {})", bands.join(", "));
            view! {
                <li class="overlap">
                    <span class="swatch stripes" style:background=bg aria-hidden="true"></span>
                    {i18n::t("legend.stripes")}
                </li>
            }
        })
    };
    let date = move || ctx.data.with_value(|d| i18n::date(ctx.as_of.get().date(d.today)));
    view! {
        <section class="legend" aria-label=i18n::t("legend.aria")>
            <ul>
                {move || rows.get().into_iter().map(row).collect_view()}
                {stripes}
                {move || rows.with(Vec::is_empty).then(|| view! { <li class="hint">{i18n::t("legend.hint")}</li> })}
            </ul>
            <ul class="base-key">
                <li><span class="swatch base-russia" aria-hidden="true"></span>{i18n::t("legend.russia")}</li>
                <li><span class="swatch base-nato" aria-hidden="true"></span>{move || i18n::tf("legend.nato_on", &[("date", &date())])}</li>
                <li><span class="swatch base-other" aria-hidden="true"></span>{i18n::t("legend.other")}</li>
            </ul>
        </section>
    }
}

