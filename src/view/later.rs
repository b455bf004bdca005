//! Code fetched when first needed. The release build (feature `split`)
//! puts each kit's functions in a WebAssembly module of its own, which
//! wasm-split-cli cuts out of the build (scripts/split/wasm-bindgen); without
//! the feature the kit is at hand at once.

use super::export::Format;
use super::zones::Zones;
use super::Ctx;
use leptos::prelude::*;
use std::future::Future;

/// Declares `$load`, the async call that gives a kit made by `$make`. With
/// the `split` feature it goes through `$split`, a split point:
/// wasm-split-cli moves everything only `$make` reaches into a module of its
/// own (`split_$module.wasm`), which the call fetches; its error is
/// the message `$failed` in the page's locale. Without the feature (native tests, the component tests, the
/// one-file build) `$make` is called at once.
macro_rules! split_point {
    ($(#[$doc:meta])* pub async fn $load:ident() -> $kit:ty = $make:path; module $module:ident, through $split:ident, $failed:literal) => {
        #[cfg(feature = "split")]
        #[leptos::wasm_split::wasm_split($module, wasm_split_path = leptos::wasm_split, fallible)]
        fn $split() -> Result<$kit, leptos::wasm_split::SplitLoaderError> {
            Ok($make())
        }

        $(#[$doc])*
        pub async fn $load() -> Result<$kit, String> {
            #[cfg(feature = "split")]
            return $split().await.map_err(|_| super::i18n::t($failed));
            #[cfg(not(feature = "split"))]
            Ok($make())
        }
    };
}
pub(crate) use split_point;

/// A kit of functions, fetched once, when first asked for.
pub struct Later<T: Send + Sync + 'static> {
    got: RwSignal<Option<T>>,
    asked: StoredValue<bool>,
}

impl<T: Send + Sync + 'static> Clone for Later<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T: Send + Sync + 'static> Copy for Later<T> {}

impl<T: Copy + Send + Sync + 'static> Later<T> {
    pub fn new() -> Self {
        Later { got: RwSignal::new(None), asked: StoredValue::new(false) }
    }

    /// The kit once it is here (tracked).
    pub fn get(self) -> Option<T> {
        self.got.get()
    }

    /// Runs `then` with the kit: at once if it is here, else once `load`
    /// has fetched it (a second call while it is on its way waits for the
    /// same fetch). A failed fetch is told in `notices`, with what the
    /// reader misses, once while the notice stands, and tried again the next
    /// time.
    pub fn with<F: Future<Output = Result<T, String>> + 'static>(
        self,
        load: fn() -> F,
        notices: RwSignal<Vec<String>>,
        missed: &str,
        then: impl FnOnce(T) + 'static,
    ) {
        let missed = missed.to_string();
        if let Some(kit) = self.got.get_untracked() {
            then(kit);
            return;
        }
        let first = !self.asked.get_value();
        self.asked.set_value(true);
        wasm_bindgen_futures::spawn_local(async move {
            match load().await {
                Ok(kit) => {
                    self.got.set(Some(kit));
                    then(kit);
                }
                Err(e) if first => {
                    self.asked.set_value(false);
                    // The same failure again (a retry) is not told twice.
                    let told = super::i18n::tf("notice.code_failed", &[("error", &e), ("missed", &missed)]);
                    notices.update(|n| {
                        if !n.contains(&told) {
                            n.push(told);
                        }
                    });
                }
                Err(_) => {}
            }
        });
    }

    /// Fetches the kit unless it is here or on its way.
    pub fn ask<F: Future<Output = Result<T, String>> + 'static>(self, load: fn() -> F, notices: RwSignal<Vec<String>>, missed: &str) {
        if self.got.with_untracked(Option::is_none) && !self.asked.get_value() {
            self.with(load, notices, missed, |_| ());
        }
    }
}

impl<T: Copy + Send + Sync + 'static> Default for Later<T> {
    fn default() -> Self {
        Self::new()
    }
}

/// What a teacher or a journalist uses, not every reader: the presentation
/// and the downloads.
#[derive(Clone, Copy)]
pub struct Extras {
    /// The presentation's caption, step buttons and keys.
    pub presentation: fn() -> AnyView,
    /// Downloads the view as SVG or PNG.
    pub save: fn(&Ctx, &Zones, Format),
    /// The Share menu's items.
    pub share_items: fn(Callback<super::share::MenuDone>) -> AnyView,
    /// The box with the presentation's steps and their link.
    pub steps_box: fn() -> AnyView,
}

fn extras() -> Extras {
    Extras {
        presentation: || super::present::steps().into_any(),
        save: super::export::save,
        share_items: |done| super::share::menu_items(done).into_any(),
        steps_box: || super::present::steps_box().into_any(),
    }
}

/// What a reader opens after the map has drawn: a state's details and the
/// share and embed box. Not the first view, so not the first download.
#[derive(Clone, Copy)]
pub struct Panels {
    /// The details panel's content for the selected state.
    pub details: fn() -> AnyView,
    /// The box with the link or the embed snippet (`"share"` or `"embed"`),
    /// its Copy button and the confirmation that was copied.
    pub share_box: fn(Ctx, &'static str, RwSignal<bool>) -> AnyView,
    /// The table of the reached states ("Show as table", `view=table`).
    pub table: fn() -> AnyView,
    /// Both drafts, article by article (`read=`).
    pub reading: fn() -> AnyView,
    /// The text of "How this map is made".
    pub method: fn() -> AnyView,
    /// A demand's summary, parties, restrictions and quotation in the picker.
    pub about: fn(Ctx, String, String) -> AnyView,
}

fn panels() -> Panels {
    Panels {
        details: || super::details::body().into_any(),
        share_box: |ctx, kind, copied| super::share::share_box(ctx, kind, copied).into_any(),
        table: || super::table::body().into_any(),
        reading: || super::reading::body().into_any(),
        method: || super::method::body().into_any(),
        about: |ctx, id, treaty| super::panels::about_body(ctx, id, treaty).into_any(),
    }
}

split_point! {
    /// The panels: fetched with the `split` feature, at hand without it.
    pub async fn load_panels() -> Panels = panels;
    module panels, through split_panels,
    "panels.failed"
}

split_point! {
    /// The extras: fetched with the `split` feature, at hand without it.
    pub async fn load_extras() -> Extras = extras;
    module extras, through split_extras,
    "extras.failed"
}

/// What reads and checks a locale other than English (`i18n::check`):
/// fetched with the locale's file, so an English visit carries none of it.
#[derive(Clone, Copy)]
pub struct Translate {
    pub check: fn(&'static str, Result<String, String>, &super::Data) -> Result<std::rc::Rc<crate::model::locale::Locale>, String>,
}

fn translate() -> Translate {
    Translate { check: super::i18n::check }
}

split_point! {
    /// The locale checker: fetched with the `split` feature, at hand without it.
    pub async fn load_translate() -> Translate = translate; module locale, through split_locale,
    "locale.code_failed"
}
