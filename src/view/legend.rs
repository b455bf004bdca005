//! The summary line and the legend of the active demands.

use super::Ctx;
use crate::model::demand::Layer;
use leptos::prelude::*;

/// Rounds a km² figure to the nearest thousand and groups its digits.
pub fn km2(v: f64) -> String {
    crate::state::group(((v / 1000.0).round() * 1000.0) as u64)
}

#[component]
pub fn Summary() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let zones = expect_context::<super::zones::Zones>();
    let text = move || {
        let zoned = zones.by_state.with(|m| m.keys().cloned().collect::<Vec<String>>());
        let zone_area: f64 = zones.views.with(|v| v.iter().map(|z| z.area_km2).sum());
        let has_zones = zones.specs.with(|s| !s.is_empty());
        ctx.reach.with(|r| {
            if r.demands.is_empty() {
                return "No demand is switched on. Choose one from the list.".to_string();
            }
            ctx.data.with_value(|d| {
                let whole = r.states();
                let whole_area = d.atlas.area_km2(whole.iter().map(String::as_str));
                let mut states = whole.clone();
                for z in &zoned {
                    crate::model::scope::set_add(&mut states, z);
                }

                let off: Vec<&str> = states
                    .iter()
                    .filter(|iso| d.atlas.get(iso).is_none())
                    .filter_map(|iso| d.facts.state(iso).map(|s| s.name.as_str()))
                    .collect();
                let k = r.demands.len();
                let mut t = format!("{} states reached by {} active demand{}", states.len(), k, if k == 1 { "" } else { "s" });
                if !whole.is_empty() {
                    t.push_str(&format!(" · {} km² of whole states", km2(whole_area)));
                }
                if has_zones {
                    t.push_str(&format!(" · {} km² in distance zones", km2(zone_area)));
                }
                if !off.is_empty() {
                    t.push_str(&format!(" (without {}, outside the frame)", off.join(" and ")));
                }
                t
            })
        })
    };
    view! {
        <p class="summary-line" role="status" aria-live="polite">
            {text}
            <span class="precision">
                " Areas of whole states are geodesic, on the WGS84 ellipsoid, from the 1:50m Natural Earth borders; areas of zones are summed over the cells of the zone's grid, within 1 % of an exact intersection; all are rounded to 1,000 km². Zones can overlap states counted whole."
            </span>
        </p>
    }
}

#[component]
pub fn Legend() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let rows = move || {
        ctx.reach.with(|r| {
            r.demands
                .iter()
                .map(|dr| {
                    ctx.data.with_value(|d| {
                        let demand = d.catalogue.demand(&dr.id).cloned();
                        let colour = d.colour(&dr.id);
                        let area = d.atlas.area_km2(dr.states.iter().map(String::as_str));
                        let sides = if dr.sides.len() > 1 {
                            dr.sides.iter().map(|(p, s)| format!("{p}: {}", s.len())).collect::<Vec<_>>().join(" · ")
                        } else {
                            String::new()
                        };
                        let note = demand.as_ref().and_then(|x| match &x.layer {
                            Layer::States { zone_note, .. } => zone_note.clone(),
                            Layer::Distance { note, .. } => Some(note.clone()),
                            Layer::None => None,
                        });
                        let zoned = demand.as_ref().is_some_and(|x| !x.zones().is_empty());
                        let whole = demand.as_ref().is_some_and(|x| matches!(x.layer, Layer::States { .. }));
                        view! {
                            <li data-demand=dr.id.clone()>
                                <span class="swatch" style:background=colour aria-hidden="true"></span>
                                <span class="id">{dr.id.clone()}</span>
                                " "
                                <span class="title">{demand.map(|x| x.title).unwrap_or_default()}</span>
                                " "
                                {whole.then(|| view! {
                                    <span class="count" data-count=dr.states.len()>
                                        {format!("{} state{} · {} km²", dr.states.len(), if dr.states.len() == 1 { "" } else { "s" }, km2(area))}
                                    </span>
                                })}
                                {zoned.then(|| view! { <super::zones::ZoneFigures demand=dr.id.clone()/> })}
                                {(!sides.is_empty()).then(|| view! { <span class="sides">{format!("Restricted for each side: {sides}")}</span> })}
                                {note.map(|n| view! { <span class="note">{n}</span> })}
                            </li>
                        }
                    })
                })
                .collect_view()
        })
    };
    view! {
        <section class="legend" aria-label="Legend">
            <ul>{rows}</ul>
            <p class="legend-key">"A state reached by more than one demand is striped in their colours and shows how many."</p>
        </section>
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn km2_groups_and_rounds() {
        assert_eq!(super::km2(16_945_954.0), "16,946,000");
        assert_eq!(super::km2(499.0), "0");
        assert_eq!(super::km2(313_757.0), "314,000");
    }
}
