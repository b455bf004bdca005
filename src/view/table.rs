//! "Show as table": the states the active demands reach, one row each, as
//! the map's text alternative (`view=table` opens it), and the CSV and
//! GeoJSON downloads of the same view. The table is built by
//! `crate::table`; its body comes with the panels' code and the downloads
//! with the extras' (`later`), so a first visit carries neither.

use super::zones::Zones;
use super::Ctx;
use crate::table::geojson::ZoneShape;
use crate::table::{SortKey, Table, ZoneReach};
use crate::zone::plan::Kind;
use leptos::prelude::*;

/// The zones as drawn, with the states whose ground they reach.
fn zone_reach(zones: &Zones) -> Vec<ZoneReach> {
    zones.views.with(|vs| {
        vs.iter()
            .filter(|v| v.ready)
            .map(|v| ZoneReach { demand: v.spec.demand.clone(), party: v.spec.party.clone(), km: v.km, states: v.states.clone() })
            .collect()
    })
}

/// The table of the current view (tracks the reach, the zones and the date).
pub fn current(ctx: &Ctx, zones: &Zones) -> Table {
    let zr = zone_reach(zones);
    let far = zones.far.get();
    let as_of = ctx.choices.with(|c| c.as_of);
    ctx.reach.with(|r| ctx.data.with_value(|d| Table::build(&d.catalogue, &d.facts, &d.atlas, far.as_deref(), r, &zr, as_of.date(d.today))))
}

/// The table's body (in the panels' module).
pub fn body() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let zones = expect_context::<Zones>();
    let sort: RwSignal<(SortKey, bool)> = RwSignal::new((SortKey::Name, true));
    move || {
        let mut t = current(&ctx, &zones);
        let (key, up) = sort.get();
        t.sort(key, up);
        let th = move |label: String, k: SortKey, title: Option<String>| {
            let aria = move || {
                let (key, up) = sort.get();
                if key == k { if up { "ascending" } else { "descending" } } else { "none" }
            };
            view! {
                <th scope="col" aria-sort=aria title=title>
                    <button type="button" class="sort" on:click=move |_| sort.update(|s| *s = (k, if s.0 == k { !s.1 } else { true }))>{label}</button>
                </th>
            }
        };
        let loc = super::i18n::current();
        let date = loc.date(t.date);
        let caption = if t.rows.is_empty() {
            loc.text("table.none", &[("date", &date)])
        } else {
            loc.plural("table.caption", t.rows.len() as u64, &[("date", &date)])
        };
        let mut head = vec![th(loc.text("table.state", &[]), SortKey::Name, None)];
        for (i, c) in t.columns.iter().enumerate() {
            let title = ctx.data.with_value(|d| d.catalogue.demand(&c.demand).map(|x| loc.demand(x).title)).unwrap_or_else(|| c.title.clone());
            head.push(th(c.demand.clone(), SortKey::Demand(i), Some(title)));
        }
        head.push(th(loc.text("table.area", &[]), SortKey::Area, None));
        head.push(th(loc.text("table.memberships", &[]), SortKey::Memberships, None));
        let rows = t
            .rows
            .iter()
            .map(|r| {
                let cells = r
                    .cells
                    .iter()
                    .zip(&t.columns)
                    .map(|(c, col)| {
                        // The sides in the page's language: "Члены НАТО (часть, в пределах 500 км)".
                        let text = if loc.code == "en" {
                            c.text()
                        } else {
                            c.whole
                                .iter()
                                .map(|p| loc.party(p).to_string())
                                .chain(c.part.iter().map(|(p, km)| loc.text("table.part", &[("party", loc.party(p)), ("distance", &loc.km((*km).into()))])))
                                .collect::<Vec<_>>()
                                .join("; ")
                        };
                        view! {
                            <td data-demand=col.demand.clone() data-reached=if c.reached() { "true" } else { "false" }>
                                {if text.is_empty() { "—".to_string() } else { text }}
                            </td>
                        }
                    })
                    .collect_view();
                // Whole km², not the legend's thousands: Liechtenstein is 160 km², not 0.
                let area = r.area_km2.map(|a| loc.number(a.round() as u64)).unwrap_or_else(|| loc.text("table.outside", &[]));
                let memberships: Vec<String> = r.memberships.iter().map(|m| loc.glossary.get(&m.to_ascii_lowercase()).cloned().unwrap_or_else(|| m.to_string())).collect();
                view! {
                    <tr data-row-iso=r.iso.clone() data-drawn=if r.drawn { "true" } else { "false" }>
                        <th scope="row">{super::i18n::state_name(&r.iso, &r.name)}</th>
                        {cells}
                        <td class="num">{area}</td>
                        <td>{if memberships.is_empty() { "—".to_string() } else { memberships.join(", ") }}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <table class="reach-table">
                <caption>{caption}</caption>
                <thead><tr>{head}</tr></thead>
                <tbody>{rows}</tbody>
            </table>
        }
    }
}

/// Downloads the table as CSV (in the extras' module).
pub fn save_csv(ctx: &Ctx, zones: &Zones) -> Result<(), &'static str> {
    let t = current(ctx, zones);
    super::export::save_text(&t.csv(), "treaty-map.csv", "text/csv;charset=utf-8")
}

/// Downloads the view as GeoJSON (in the extras' module).
pub fn save_geojson(ctx: &Ctx, zones: &Zones) -> Result<(), &'static str> {
    let t = current(ctx, zones);
    let shapes: Vec<ZoneShape> = zones.views.with(|vs| {
        vs.iter()
            .filter(|v| v.ready)
            .map(|v| ZoneShape {
                reach: ZoneReach { demand: v.spec.demand.clone(), party: v.spec.party.clone(), km: v.km, states: v.states.clone() },
                area_km2: v.area_km2,
                ground: if v.spec.kind == Kind::Sea { "sea" } else { "land" },
                rings: v.shapes.iter().flat_map(|s| s.rings.iter().cloned()).collect(),
            })
            .collect()
    });
    let far = zones.far.get_untracked();
    let text = ctx.data.with_value(|d| crate::table::geojson::text(&t, &d.atlas, far.as_deref(), &shapes));
    super::export::save_text(&text, "treaty-map.geojson", "application/geo+json")
}
