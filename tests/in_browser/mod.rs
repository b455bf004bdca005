//! What the component tests in headless Chromium share: the committed data,
//! a host element, mounting over the page's shared state, and waiting for
//! Leptos's effects and the zones' slices.
#![allow(dead_code)]

use leptos::prelude::*;
use std::sync::Arc;
use treaty_map::model::date::Date;
use treaty_map::state::Choices;
use treaty_map::view::{zones::Zones, Ctx, Data};
use wasm_bindgen::JsCast;

pub fn data() -> Arc<Data> {
    let read = |s: &str| Ok(s.to_string());
    let (data, problems) = Data::from_texts(
        read(include_str!("../../geo/states.topo.json")),
        read(include_str!("../../geo/facts.json")),
        read(include_str!("../../geo/demands.json")),
        Date::new(2026, 11, 22),
    );
    assert!(problems.is_empty(), "{problems:?}");
    Arc::new(data.expect("the committed data loads"))
}

pub async fn sleep(ms: i32) {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(p).await.unwrap();
}

/// Lets Leptos run the effects a signal change scheduled.
pub async fn tick() {
    sleep(10).await;
}

/// Waits (up to 30 s) until `f` holds.
pub async fn until(mut f: impl FnMut() -> bool) {
    for _ in 0..600 {
        if f() {
            return;
        }
        sleep(50).await;
    }
    panic!("timed out");
}

pub fn host() -> web_sys::HtmlElement {
    let doc = web_sys::window().unwrap().document().unwrap();
    let el = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&el).unwrap();
    el.unchecked_into()
}

/// Mounts `view` on `el` over the state the page gives its components (the
/// default choices and the zones) and returns the mount and that state.
pub fn mount<N: IntoView + 'static>(
    el: &web_sys::HtmlElement,
    data: Arc<Data>,
    view: impl FnOnce() -> N + 'static,
) -> (leptos::mount::UnmountHandle<N::State>, Ctx) {
    let slot: Arc<std::sync::Mutex<Option<Ctx>>> = Arc::default();
    let out = slot.clone();
    let handle = leptos::mount::mount_to(el.clone(), move || {
        let ctx = Ctx::new(data.clone(), Choices::new(&data.catalogue), RwSignal::new(Vec::new()));
        provide_context(ctx);
        provide_context(Zones::new(ctx));
        *out.lock().unwrap() = Some(ctx);
        view()
    });
    let ctx = slot.lock().unwrap().expect("mounted");
    (handle, ctx)
}
