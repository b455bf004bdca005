//! The zone components mounted in headless Chromium (wasm-bindgen-test):
//! switching nato-7b on computes its band between frames, the slider's
//! distance reaches the drawn path and the states' markup.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use std::sync::Arc;
use treaty_map::model::date::Date;
use treaty_map::state::{AsOf, Choices};
use treaty_map::view::zones::{DistanceControls, Zones};
use treaty_map::view::{map::MapView, Ctx, Data};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn data() -> Arc<Data> {
    let read = |s: &str| Ok(s.to_string());
    let (data, problems) = Data::from_texts(
        read(include_str!("../geo/states.topo.json")),
        read(include_str!("../geo/facts.json")),
        read(include_str!("../geo/demands.json")),
        Date::new(2026, 11, 22),
    );
    assert!(problems.is_empty(), "{problems:?}");
    Arc::new(data.expect("the committed data loads"))
}

async fn sleep(ms: i32) {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(p).await.unwrap();
}

/// Waits (up to 30 s) until `f` holds.
async fn until(mut f: impl FnMut() -> bool) {
    for _ in 0..600 {
        if f() {
            return;
        }
        sleep(50).await;
    }
    panic!("timed out");
}

#[wasm_bindgen_test]
async fn the_band_is_computed_between_frames_and_follows_its_slider() {
    let data = data();
    let cat = data.catalogue.clone();
    let doc = web_sys::window().unwrap().document().unwrap();
    let el: web_sys::HtmlElement = doc.create_element("div").unwrap().unchecked_into();
    doc.body().unwrap().append_child(&el).unwrap();
    let slot: Arc<std::sync::Mutex<Option<Ctx>>> = Arc::default();
    let out = slot.clone();
    let handle = leptos::mount::mount_to(el.clone(), move || {
        let ctx = Ctx::new(data.clone(), Choices::new(&data.catalogue), RwSignal::new(Vec::new()));
        provide_context(ctx);
        provide_context(Zones::new(ctx));
        *out.lock().unwrap() = Some(ctx);
        view! { <DistanceControls/> <MapView/> }
    });
    let ctx = slot.lock().unwrap().expect("mounted");
    let fin = el.query_selector("[data-iso=\"FIN\"]").unwrap().unwrap();
    let slider = || el.query_selector("input[name=\"band\"]").unwrap().unwrap();
    let shown = |e: web_sys::Element| e.closest("fieldset").unwrap().unwrap().unchecked_into::<web_sys::HtmlElement>().style().get_property_value("display").unwrap();
    assert_eq!(shown(slider()), "none", "no band slider without a band demand");

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
