//! The few things the view asks of the browser: fetching a data file, the
//! URL, today's date, moving focus.

use crate::model::date::Date;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The page's shell prerendered at build time (`#shell`, see
/// `build::shell`): if there is one, a hidden container put before it for
/// the app to mount into.
pub fn shell_host() -> Option<web_sys::HtmlElement> {
    let doc = web_sys::window()?.document()?;
    let shell = doc.get_element_by_id("shell")?;
    let host: web_sys::HtmlElement = doc.create_element("div").ok()?.dyn_into().ok()?;
    host.set_class_name("app");
    host.set_hidden(true);
    shell.before_with_node_1(&host).ok()?;
    Some(host)
}

/// Shows the app in place of the shell, in one task: the app's first
/// render follows in this task's microtasks, so no frame shows both, or
/// neither.
pub fn take_over() {
    let Some(shell) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("shell")) else {
        return;
    };
    if let Some(host) = shell.previous_element_sibling().and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok()) {
        host.set_hidden(false);
    }
    shell.remove();
}

/// A data file's text: from the page itself where the single-file build put
/// it (`<script type="application/json" id="data-states">`), else fetched
/// from beside the page (a relative URL, so the map works under any
/// sub-path).
pub async fn fetch_text(path: &str) -> Result<String, String> {
    let window = web_sys::window().ok_or("no window")?;
    let id = format!("data-{}", path.split('.').next().unwrap_or(path));
    if let Some(el) = window.document().and_then(|d| d.get_element_by_id(&id)) {
        return el.text_content().ok_or_else(|| format!("{path}: empty"));
    }
    let named = hashed_name(&window, path);
    let stale = if named != path { " (the page expects this build's data file: the page may be older than the site, and reloading it may help)" } else { "" };
    let path = &named;
    let resp = JsFuture::from(window.fetch_with_str(path)).await.map_err(|_| format!("{path}: could not be fetched"))?;
    let resp: web_sys::Response = resp.dyn_into().map_err(|_| format!("{path}: no response"))?;
    if !resp.ok() {
        return Err(format!("{path}: the server answered {}{stale}", resp.status()));
    }
    let text = JsFuture::from(resp.text().map_err(|_| format!("{path}: no body"))?)
        .await
        .map_err(|_| format!("{path}: could not be read"))?;
    text.as_string().ok_or_else(|| format!("{path}: not text"))
}

/// The name a release build gave a data file: `scripts/hash-data.mjs`
/// renames `states.topo.json` to `states-<hash>.topo.json` and writes
/// `<meta name="treaty-map-data" data-file="states.topo.json" content="states-<hash>.topo.json">`
/// into the page, so a page never pairs its code with another build's data.
/// Without the tag (a debug build, `trunk serve`) the plain name.
fn hashed_name(window: &web_sys::Window, path: &str) -> String {
    window
        .document()
        .and_then(|d| d.query_selector(&format!("meta[name=\"treaty-map-data\"][data-file=\"{path}\"]")).ok().flatten())
        .and_then(|m| m.get_attribute("content"))
        .filter(|c| !c.is_empty())
        .unwrap_or_else(|| path.to_string())
}

/// The page's query string, without its `?`.
pub fn query() -> String {
    web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default().trim_start_matches('?').to_string()
}

/// Replaces the URL's query string without reloading or adding history.
pub fn set_query(q: &str) {
    let Some(w) = web_sys::window() else { return };
    let path = w.location().pathname().unwrap_or_default();
    let hash = w.location().hash().unwrap_or_default();
    let url = if q.is_empty() { format!("{path}{hash}") } else { format!("{path}?{q}{hash}") };
    if let Ok(h) = w.history() {
        let _ = h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

/// Today in the reader's time zone.
pub fn today() -> Date {
    let d = js_sys::Date::new_0();
    Date::new(d.get_full_year() as i32, (d.get_month() + 1) as u8, d.get_date() as u8)
}

/// Moves focus to the first element matching `selector`, if any. Called
/// through JS, as SVG elements are not `HtmlElement`s.
pub fn focus(selector: &str) {
    let Some(e) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.query_selector(selector).ok().flatten()) else {
        return;
    };
    if let Ok(f) = js_sys::Reflect::get(&e, &"focus".into()) {
        if let Some(f) = f.dyn_ref::<js_sys::Function>() {
            let _ = f.call0(&e);
        }
    }
}

/// The page's address without query or fragment.
pub fn page_address() -> String {
    web_sys::window()
        .map(|w| {
            let l = w.location();
            format!("{}{}", l.origin().unwrap_or_default(), l.pathname().unwrap_or_default())
        })
        .unwrap_or_default()
}

/// Copies text to the clipboard; false where the browser refuses (the text
/// stays selectable on the page).
pub fn copy_text(text: &str) -> bool {
    let Some(w) = web_sys::window() else { return false };
    let clipboard = js_sys::Reflect::get(&w.navigator(), &"clipboard".into()).ok().filter(|c| !c.is_undefined());
    let Some(clipboard) = clipboard else { return false };
    let write = js_sys::Reflect::get(&clipboard, &"writeText".into()).ok();
    match write.and_then(|f| f.dyn_into::<js_sys::Function>().ok()) {
        Some(f) => f.call1(&clipboard, &text.into()).is_ok(),
        None => false,
    }
}

/// Sets or removes an attribute of the document's root element.
pub fn set_root_attribute(name: &str, value: Option<&str>) {
    let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) else { return };
    let _ = match value {
        Some(v) => root.set_attribute(name, v),
        None => root.remove_attribute(name),
    };
}

/// Sets or removes an attribute of the document's body.
pub fn set_body_attribute(name: &str, value: Option<&str>) {
    let Some(body) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.body()) else { return };
    let _ = match value {
        Some(v) => body.set_attribute(name, v),
        None => body.remove_attribute(name),
    };
}

/// Asks for full screen (the browser allows it only on a click).
pub fn request_fullscreen() {
    if let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
        if let Ok(f) = js_sys::Reflect::get(&root, &"requestFullscreen".into()) {
            if let Some(f) = f.dyn_ref::<js_sys::Function>() {
                // Returns a promise; a refusal leaves the page as it is.
                let _ = f.call0(&root);
            }
        }
    }
}

pub fn exit_fullscreen() {
    if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
        let full = js_sys::Reflect::get(&doc, &"fullscreenElement".into()).map(|v| !v.is_null() && !v.is_undefined()).unwrap_or(false);
        if full {
            if let Ok(f) = js_sys::Reflect::get(&doc, &"exitFullscreen".into()) {
                if let Some(f) = f.dyn_ref::<js_sys::Function>() {
                    let _ = f.call0(&doc);
                }
            }
        }
    }
}

/// Calls the method `name`, without arguments, on the first element matching
/// `selector` (a dialog's `showModal` or `close`), through JS.
pub fn call(selector: &str, name: &str) {
    let Some(e) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.query_selector(selector).ok().flatten()) else {
        return;
    };
    if let Ok(f) = js_sys::Reflect::get(&e, &name.into()) {
        if let Some(f) = f.dyn_ref::<js_sys::Function>() {
            let _ = f.call0(&e);
        }
    }
}

/// Moves focus among the elements matching `items`: `step` from the one
/// that has focus (wrapping), or to the first (`step` 0 and none focused)
/// or the last (`step` -1000).
pub fn focus_among(items: &str, step: i32) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    let Ok(list) = doc.query_selector_all(items) else { return };
    let n = list.length() as i32;
    if n == 0 {
        return;
    }
    let active = doc.active_element();
    let at = (0..n).find(|&i| list.item(i as u32).map(|e| Some(e) == active.clone().map(Into::into)).unwrap_or(false));
    let next = match (at, step) {
        (_, -1000) => n - 1,
        (_, 1000) => 0,
        (None, _) => 0,
        (Some(i), s) => (i + s).rem_euclid(n),
    };
    if let Some(e) = list.item(next as u32) {
        if let Ok(f) = js_sys::Reflect::get(&e, &"focus".into()) {
            if let Some(f) = f.dyn_ref::<js_sys::Function>() {
                let _ = f.call0(&e);
            }
        }
    }
}

/// The reader's languages, most wanted first (`navigator.languages`, else
/// `navigator.language`).
pub fn languages() -> Vec<String> {
    let Some(nav) = web_sys::window().map(|w| w.navigator()) else { return Vec::new() };
    let list: Vec<String> = nav.languages().iter().filter_map(|v| v.as_string()).collect();
    if list.is_empty() { nav.language().into_iter().collect() } else { list }
}
