//! The zone components mounted in headless Chromium (wasm-bindgen-test):
//! switching nato-7b on computes its band between frames, the slider's
//! distance reaches the drawn path and the states' markup.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use treaty_map::state::AsOf;
use treaty_map::view::zones::DistanceControls;
use treaty_map::view::map::MapView;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

mod in_browser;
use in_browser::{data, host, sleep, until};


#[wasm_bindgen_test]
async fn the_band_is_computed_between_frames_and_follows_its_slider() {
    let data = data();
    let cat = data.catalogue.clone();
    let el = host();
    let (handle, ctx) = in_browser::mount(&el, data, || view! { <DistanceControls/> <MapView/> });
    let fin = el.query_selector("[data-iso=\"FIN\"]").unwrap().unwrap();
    let find_slider = || el.query_selector("input[name=\"band\"]").unwrap();
    let slider = || find_slider().unwrap();
    let shown = |e: web_sys::Element| e.closest("fieldset").unwrap().unwrap().unchecked_into::<web_sys::HtmlElement>().style().get_property_value("display").unwrap();
    // No band slider without a band demand: none at all until the zones'
    // kit is first asked for, hidden after.
    assert!(find_slider().is_none_or(|s| shown(s) == "none"), "no band slider without a band demand");

    ctx.choices.update(|c| {
        c.as_of = AsOf::Today;
        c.toggle(&cat, "nato-7b");
    });
    // The toggle paints at once; the band follows once computed.
    sleep(0).await;
    assert_eq!(fin.get_attribute("data-restricted-by").as_deref(), Some(""));
    until(|| fin.get_attribute("data-restricted-by").as_deref() == Some("nato-7b")).await;
    assert_eq!(shown(slider()), "block");
    let path = || el.query_selector(".map-frame path.zone[data-zone=\"nato-7b\"][data-side=\"0\"]").unwrap().unwrap();
    until(|| path().get_attribute("data-km").as_deref() == Some("100")).await;
    let area = |p: web_sys::Element| p.get_attribute("data-area-km2").unwrap().parse::<f64>().unwrap();
    let at100 = area(path());
    let swe = el.query_selector("[data-iso=\"SWE\"]").unwrap().unwrap();
    assert_eq!(swe.get_attribute("data-restricted-by").as_deref(), Some(""));

    // The widest band: more ground, and Sweden across Finland.
    ctx.choices.update(|c| c.dials.band = 500);
    until(|| path().get_attribute("data-km").as_deref() == Some("500")).await;
    assert!(area(path()) > at100 * 2.0, "{} vs {at100}", area(path()));
    assert_eq!(swe.get_attribute("data-restricted-by").as_deref(), Some("nato-7b"));
    assert_eq!(slider().unchecked_into::<web_sys::HtmlInputElement>().value(), "500");
    drop(handle);
}
