//! Components mounted in headless Chromium (wasm-bindgen-test): the map
//! draws every state from the committed data and follows the choices.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use treaty_map::model::date::Date;
use treaty_map::view::{legend::Legend, map::MapView, Data};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

mod in_browser;
use in_browser::{data, host, tick};


#[wasm_bindgen_test]
async fn map_draws_every_state_and_follows_the_choices() {
    let data = data();
    let drawn = data.scene.states.len();
    let cat = data.catalogue.clone();
    let el = host();
    let (handle, ctx) = in_browser::mount(&el, data, || view! { <MapView/> <Legend/> });
    let states = el.query_selector_all("[data-iso]").unwrap();
    assert_eq!(states.length() as usize, drawn);
    let ukr = el.query_selector("[data-iso=\"UKR\"]").unwrap().unwrap();
    assert_eq!(ukr.get_attribute("data-restricted-by").as_deref(), Some(""));
    assert_eq!(ukr.get_attribute("aria-label").as_deref(), Some("Ukraine"));

    ctx.choices.update(|c| c.toggle(&cat, "us-4a"));
    tick().await;
    assert_eq!(ukr.get_attribute("data-restricted-by").as_deref(), Some("us-4a"));
    assert_eq!(ukr.get_attribute("aria-label").as_deref(), Some("Ukraine: reached by 1 active demand"));
    let pol = el.query_selector("[data-iso=\"POL\"]").unwrap().unwrap();
    assert_eq!(pol.get_attribute("data-restricted-by").as_deref(), Some(""));
    let legend = el.query_selector(".legend li[data-demand=\"us-4a\"] .count").unwrap().unwrap();
    assert_eq!(legend.get_attribute("data-count").as_deref(), Some("11"));

    // A second demand on the same state: stripes of both and a count of 2.
    ctx.choices.update(|c| c.toggle(&cat, "nato-6"));
    tick().await;
    assert_eq!(ukr.get_attribute("data-restricted-by").as_deref(), Some("us-4a nato-6"));
    assert_eq!(ukr.get_attribute("fill").as_deref(), Some("url(#mix-us-4a_nato-6)"));
    assert!(el.query_selector("pattern#mix-us-4a_nato-6").unwrap().is_some());

    // The date moves Finland out of nato-6's reach once it joined.
    let fin = el.query_selector("[data-iso=\"FIN\"]").unwrap().unwrap();
    assert_eq!(fin.get_attribute("data-restricted-by").as_deref(), Some("nato-6"));
    ctx.choices.update(|c| c.as_of = treaty_map::state::AsOf::Today);
    tick().await;
    assert_eq!(fin.get_attribute("data-restricted-by").as_deref(), Some(""));
    drop(handle);
}

#[wasm_bindgen_test]
fn a_broken_demands_file_is_reported_and_the_map_still_loads() {
    let read = |s: &str| Ok(s.to_string());
    let (data, problems) = Data::from_texts(
        read(include_str!("../geo/states.topo.json")),
        read(include_str!("../geo/facts.json")),
        read("{\"treaties\": 3}"),
        Date::new(2026, 11, 22),
    );
    let data = data.expect("the map still loads");
    assert!(data.catalogue.demands.is_empty());
    assert!(problems.iter().any(|p| p.contains("demands.json")), "{problems:?}");
}

/// A kit fetched when first needed (`view::later::Later`, how the zones' and
/// the extras' modules are loaded): calls while a fetch is on its way share
/// it, a failure is told once (not again on a retry) and tried again next
/// time, and once the kit is here it is used at once, without a fetch.
#[wasm_bindgen_test]
async fn a_later_kit_is_told_once_when_it_fails_and_fetched_again() {
    use std::sync::atomic::{AtomicU32, Ordering};
    use treaty_map::view::later::Later;
    static FETCHES: AtomicU32 = AtomicU32::new(0);
    async fn flaky() -> Result<u32, String> {
        let n = FETCHES.fetch_add(1, Ordering::SeqCst);
        in_browser::sleep(20).await;
        if n < 3 { Err("No network".to_string()) } else { Ok(7) }
    }
    let notices = RwSignal::new(Vec::<String>::new());
    let got = RwSignal::new(Vec::<u32>::new());
    let later: Later<u32> = Later::new();
    let keep = move |k: u32| got.update(|g| g.push(k));

    // Two calls while the first fetch is on its way: both fail, one notice.
    later.with(flaky, notices, "nothing is drawn", keep);
    later.with(flaky, notices, "nothing is drawn", keep);
    later.ask(flaky, notices, "nothing is drawn");
    in_browser::sleep(150).await;
    assert_eq!(FETCHES.load(Ordering::SeqCst), 2, "ask() adds no fetch while one is on its way");
    assert_eq!(notices.get_untracked(), vec!["No network — nothing is drawn".to_string()]);
    assert!(got.get_untracked().is_empty());
    assert_eq!(later.get(), None);

    // Asked again, it fails again: the notice is not repeated.
    later.with(flaky, notices, "nothing is drawn", keep);
    in_browser::sleep(150).await;
    assert_eq!(FETCHES.load(Ordering::SeqCst), 3, "a failed fetch is tried again");
    assert_eq!(notices.get_untracked().len(), 1);

    // Asked again, it comes; the caller gets it.
    later.with(flaky, notices, "nothing is drawn", keep);
    in_browser::sleep(150).await;
    assert_eq!(got.get_untracked(), vec![7]);
    assert_eq!(later.get(), Some(7));

    // Here now: used at once, no fetch.
    later.with(flaky, notices, "nothing is drawn", keep);
    later.ask(flaky, notices, "nothing is drawn");
    assert_eq!(got.get_untracked(), vec![7, 7]);
    assert_eq!(FETCHES.load(Ordering::SeqCst), 4);
    assert_eq!(notices.get_untracked().len(), 1);
}
