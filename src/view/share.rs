//! Sharing and embedding: a link to the current view, a ready iframe
//! snippet, and the embed mode's height messages to the host page.
//!
//! Embed messages, sent to the parent window whenever the page's height
//! changes: `{ "type": "treaty-map:height", "height": <CSS px> }` and AMP's
//! `{ "sentinel": "amp", "type": "embed-size", "height": <CSS px> }`.

use super::{i18n, platform, Ctx};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The address of the current view, changed by `edit` (embed mode, the
/// presentation), whatever the URL bar shows yet.
pub fn view_link(ctx: &Ctx, edit: impl FnOnce(&mut crate::state::Choices)) -> String {
    let q = ctx.data.with_value(|d| {
        ctx.choices.with(|c| {
            let mut c = c.clone();
            edit(&mut c);
            c.to_query(&d.catalogue)
        })
    });
    let base = platform::page_address();
    if q.is_empty() { base } else { format!("{base}?{q}") }
}

/// For a view of one demand and nothing else, the build's preview page
/// `d/<id>.html` (scripts/previews.mjs), which carries that demand's link
/// preview and sends a browser on to the map: a static host serves one
/// index.html whatever the query, so `?demands=<id>` cannot carry its own.
/// `None` without the pages (`<meta name="treaty-map-previews">`).
fn preview_link(ctx: &Ctx) -> Option<String> {
    let doc = web_sys::window()?.document()?;
    let dir = doc.query_selector("meta[name=\"treaty-map-previews\"]").ok()??.get_attribute("content")?;
    // Pages are made for the demands with a map layer.
    let id = ctx.data.with_value(|d| {
        ctx.choices.with(|c| c.only_demand(&d.catalogue).filter(|id| d.catalogue.demand(id).is_some_and(|x| x.has_map_layer())).map(str::to_string))
    })?;
    let page = platform::page_address();
    let base = page.rsplit_once('/').map_or(page.as_str(), |(b, _)| b);
    Some(format!("{base}/{dir}{id}.html"))
}

/// The snippet a journalist pastes into an article, its frame's title in
/// the page's language.
pub fn snippet(src: &str) -> String {
    let title = i18n::t("share.iframe_title").replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;");
    format!(
        "<iframe src=\"{src}\" title=\"{title}\" \
width=\"100%\" height=\"620\" style=\"border:0;display:block\" loading=\"lazy\" \
sandbox=\"allow-scripts allow-same-origin\"></iframe>\n\
<script>/* optional: fit the frame to its content */\n\
addEventListener(\"message\",function(e){{var d=e.data;if(!d||d.type!==\"treaty-map:height\")return;\
document.querySelectorAll(\"iframe\").forEach(function(f){{if(f.contentWindow===e.source)f.style.height=d.height+\"px\";}});}});\n\
</script>"
    )
}

/// The box with the link (`kind` "share") or the embed snippet ("embed"),
/// ready to copy (in the panels' module, fetched when first opened).
pub fn share_box(ctx: Ctx, kind: &'static str, copied: RwSignal<bool>) -> impl IntoView {
    let text = move || match kind {
        "share" => preview_link(&ctx).unwrap_or_else(|| view_link(&ctx, |c| c.embed = false)),
        // The embed keeps the language the journalist sees.
        _ => snippet(&view_link(&ctx, |c| {
            c.embed = true;
            c.lang = Some(i18n::code());
        })),
    };
    let copy = move |_| {
        copied.set(platform::copy_text(&text()));
    };
    view! {
        <div class="share-box">
            <label>
                {if kind == "share" { i18n::t("share.link") } else { i18n::t("share.paste") }}
                <textarea readonly rows=if kind == "share" { "2" } else { "6" } class=format!("share-text {kind}")
                    on:focus=|ev| { if let Some(t) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok()) { t.select(); } }>
                    {text}
                </textarea>
            </label>
            <button type="button" class="copy" on:click=copy>{i18n::t("share.copy")}</button>
            <span class="copied" role="status">{move || if copied.get() { i18n::t("share.copied") } else { String::new() }}</span>
        </div>
    }
}

/// What the Share menu opened under it: the link, the embed snippet or the
/// presentation's steps.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Opened {
    Link,
    Embed,
    Steps,
}

/// What a Share menu item asks of the menu once pressed.
#[derive(Clone, Copy)]
pub enum MenuDone {
    /// Open the box with the link, the embed code or the steps.
    Open(Opened),
    /// Close the menu (and give focus back to its button).
    Close(bool),
}

/// The Share menu's items (in the extras' module, with the downloads and
/// the presentation they start).
pub fn menu_items(done: Callback<MenuDone>) -> impl IntoView {
    view! {
        <p class="menu-group" role="presentation">{i18n::t("share.group_link")}</p>
        <button type="button" role="menuitem" tabindex="-1" class="share" on:click=move |_| done.run(MenuDone::Open(Opened::Link))>{i18n::t("share.link")}</button>
        <button type="button" role="menuitem" tabindex="-1" class="embed" on:click=move |_| done.run(MenuDone::Open(Opened::Embed))>{i18n::t("share.embed_item")}</button>
        <p class="menu-group" role="presentation">{i18n::t("share.group_download")}</p>
        <super::export::ExportButtons on_done=Callback::new(move |_| done.run(MenuDone::Close(true)))/>
        <p class="menu-group" role="presentation">{i18n::t("present.label")}</p>
        <super::present::PresentButtons on_done=Callback::new(move |add: bool| done.run(if add { MenuDone::Open(Opened::Steps) } else { MenuDone::Close(false) }))/>
    }
}

/// One control for every output: the link, the embed code, the downloads,
/// printing and the presentation, in a menu (arrow keys move, Escape
/// closes and gives focus back to the button). The link, the embed code and
/// the steps open in a box under it.
#[component]
pub fn ShareMenu() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let menu = RwSignal::new(false);
    let opened: RwSignal<Option<Opened>> = RwSignal::new(None);
    // The box closes by Escape or by its ×, and the focus goes back to the
    // Share button either way.
    let close_panel = move || {
        opened.set(None);
        platform::focus("button[data-menu=share]");
    };
    let copied = RwSignal::new(false);
    let items = "#share-menu [role=menuitem]";
    // The items come with the extras' module (the downloads and the
    // presentation they start): fetched on the first open.
    let show = move |first: i32| {
        ctx.extras.with(super::later::load_extras, ctx.notices, &i18n::t("share.menu_failed"), move |_| {
            menu.set(true);
            request_animation_frame(move || platform::focus_among(items, first));
        });
    };
    let close = move |refocus: bool| {
        menu.set(false);
        if refocus {
            platform::focus("button[data-menu=share]");
        }
    };
    let open_box = move |kind: Opened| {
        copied.set(false);
        opened.set(Some(kind));
        close(true);
        if kind != Opened::Steps {
            ctx.panels.ask(super::later::load_panels, ctx.notices, &i18n::t("share.failed"));
        }
    };
    let on_menu_key = move |ev: web_sys::KeyboardEvent| {
        let step = match ev.key().as_str() {
            "ArrowDown" => 1,
            "ArrowUp" => -1,
            "Home" => 1000,
            "End" => -1000,
            "Escape" => {
                ev.prevent_default();
                ev.stop_propagation();
                close(true);
                return;
            }
            "Tab" => {
                close(false);
                return;
            }
            _ => return,
        };
        ev.prevent_default();
        platform::focus_among(items, step);
    };
    let on_button_key = move |ev: web_sys::KeyboardEvent| match ev.key().as_str() {
        "ArrowDown" => {
            ev.prevent_default();
            show(1000);
        }
        "ArrowUp" => {
            ev.prevent_default();
            show(-1000);
        }
        _ => {}
    };
    // A click elsewhere closes the menu.
    let outside = window_event_listener(leptos::ev::pointerdown, move |ev| {
        if !menu.get_untracked() {
            return;
        }
        let inside = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.closest(".share-bar").ok().flatten())
            .is_some();
        if !inside {
            menu.set(false);
        }
    });
    on_cleanup(move || outside.remove());
    view! {
        <div class="share-bar">
            <button
                type="button"
                class="menu-button"
                data-menu="share"
                aria-haspopup="menu"
                aria-controls="share-menu"
                aria-expanded=move || menu.get().to_string()
                on:click=move |_| { if menu.get_untracked() { close(true) } else { show(1000) } }
                on:keydown=on_button_key
            >
                {i18n::t("share.share")}
                <span class="chevron" aria-hidden="true">"▾"</span>
            </button>
            <div class="menu" id="share-menu" role="menu" aria-label=i18n::t("share.share") hidden=move || !menu.get() on:keydown=on_menu_key>
                {move || ctx.extras.get().map(|k| (k.share_items)(Callback::new(move |done: MenuDone| match done {
                    MenuDone::Open(kind) => open_box(kind),
                    MenuDone::Close(refocus) => close(refocus),
                })))}
            </div>
            {move || opened.get().map(|kind| {
                let body = match kind {
                    Opened::Steps => match ctx.extras.get() {
                        Some(k) => (k.steps_box)(),
                        None => ().into_any(),
                    },
                    Opened::Link | Opened::Embed => {
                        let k = if kind == Opened::Link { "share" } else { "embed" };
                        match ctx.panels.get() {
                            Some(p) => (p.share_box)(ctx, k, copied),
                            None => view! { <p class="loading" role="status">{i18n::t("loading.other")}</p> }.into_any(),
                        }
                    }
                };
                view! {
                    <div class="share-panel" role="region" aria-label=i18n::t("share.share")
                        on:keydown=move |ev: web_sys::KeyboardEvent| { if ev.key() == "Escape" { close_panel(); } }>
                        <button type="button" class="close-panel" aria-label=i18n::t("share.close") on:click=move |_| close_panel()>"×"</button>
                        {body}
                    </div>
                }
            })}
        </div>
    }
}

/// In embed mode, tells the host page the height the map needs, as
/// `{type: "treaty-map:height", height}` and as AMP's
/// `{sentinel: "amp", type: "embed-size", height}` (for `<amp-iframe resizable>`).
pub fn post_height() {
    let Some(w) = web_sys::window() else { return };
    // The root element's own box: unlike its scrollHeight it shrinks when
    // the content does, not only grows to the frame's height.
    let h = root_height();
    let Ok(Some(parent)) = w.parent() else { return };
    if parent == w {
        return;
    }
    for (sentinel, kind) in [(None, "treaty-map:height"), (Some("amp"), "embed-size")] {
        let msg = js_sys::Object::new();
        if let Some(s) = sentinel {
            let _ = js_sys::Reflect::set(&msg, &"sentinel".into(), &s.into());
        }
        let _ = js_sys::Reflect::set(&msg, &"type".into(), &kind.into());
        let _ = js_sys::Reflect::set(&msg, &"height".into(), &h.into());
        let _ = parent.post_message(&msg, "*");
    }
}

/// In embed mode: posts the height whenever the document's size changes
/// (a `ResizeObserver` on the root element), so content that arrives later
/// (the zones, the Bering Strait inset, a notice) is followed too.
pub fn follow_height() {
    let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) else { return };
    let last = std::cell::Cell::new(-1.0);
    let cb = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(move || {
        let h = root_height();
        if h != last.get() {
            last.set(h);
            post_height();
        }
    });
    let Ok(observer) = web_sys::ResizeObserver::new(cb.as_ref().unchecked_ref()) else { return };
    observer.observe(&root);
    // Both live as long as the page.
    cb.forget();
    std::mem::forget(observer);
}

fn root_height() -> f64 {
    web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()).map(|e| e.get_bounding_client_rect().height().ceil()).unwrap_or(0.0)
}
