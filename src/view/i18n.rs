//! The page's language: the locale every word of the view comes from.
//!
//! English is compiled in (`geo/locales/en.json`, the reference every other
//! locale is checked against), so an English first visit fetches nothing
//! more; another locale is fetched (`locales/xx.json`, beside the data) only
//! when the page is shown in it, and checked (`model::locale::load`) before
//! it is used. The components read the current locale while they render;
//! switching the language renders the page again.

use crate::model::locale::{self, Locale};
use std::cell::RefCell;
use std::rc::Rc;

const EN: &str = include_str!("../../geo/locales/en.json");

thread_local! {
    static ENGLISH: Rc<Locale> = Rc::new(read_english());
    static CURRENT: RefCell<Option<Rc<Locale>>> = const { RefCell::new(None) };
    /// The locales fetched and checked so far, by code.
    static LOADED: RefCell<Vec<Rc<Locale>>> = const { RefCell::new(Vec::new()) };
}

fn read_english() -> Locale {
    // Checked natively (tests/locales.rs, `Locale::read`); a failure here is
    // a build's bug, and the page then shows its message keys rather than
    // stopping.
    Locale::read_trusted("en", EN).or_else(|| Locale::read_trusted("en", MINIMAL)).expect("the minimal English locale reads")
}

const MINIMAL: &str = r#"{"locale":"en","name":"English","cldr":{"version":"","group":",","decimal":".","min_grouping":1,"date_long":"d MMMM y","months":["January","February","March","April","May","June","July","August","September","October","November","December"]},"glossary":{},"messages":{}}"#;

/// The English locale.
pub fn english() -> Rc<Locale> {
    ENGLISH.with(Rc::clone)
}

/// The locale the page is shown in.
pub fn current() -> Rc<Locale> {
    CURRENT.with(|c| c.borrow().clone()).unwrap_or_else(english)
}

/// Shows the page in `l` from the next render on.
pub fn set(l: Rc<Locale>) {
    if l.code != "en" {
        LOADED.with(|v| {
            let mut v = v.borrow_mut();
            if !v.iter().any(|x| x.code == l.code) {
                v.push(l.clone());
            }
        });
    }
    CURRENT.with(|c| *c.borrow_mut() = Some(l));
}

/// A locale already fetched and checked.
pub fn loaded(code: &str) -> Option<Rc<Locale>> {
    if code == "en" {
        return Some(english());
    }
    LOADED.with(|v| v.borrow().iter().find(|x| x.code == code).cloned())
}

/// The current locale's code, as `LOCALES` spells it.
pub fn code() -> &'static str {
    let c = current();
    locale::LOCALES.into_iter().find(|l| *l == c.code).unwrap_or("en")
}

pub fn with<R>(f: impl FnOnce(&Locale) -> R) -> R {
    f(&current())
}

/// A message.
pub fn t(key: &str) -> String {
    with(|l| l.text(key, &[]))
}

/// A message with its placeholders filled.
pub fn tf(key: &str, args: &[(&str, &str)]) -> String {
    with(|l| l.text(key, args))
}

/// A plural message for `n`.
pub fn tp(key: &str, n: usize, args: &[(&str, &str)]) -> String {
    with(|l| l.plural(key, n as u64, args))
}

/// A whole number in the locale: "5 006 000".
pub fn number(n: impl Into<u64>) -> String {
    with(|l| l.number(n.into()))
}

/// "1 000 km" in the locale.
pub fn km(n: impl Into<u64>) -> String {
    with(|l| l.km(n.into()))
}

/// A date in the locale's long form.
pub fn date(d: crate::model::date::Date) -> String {
    with(|l| l.date(d))
}

/// An area rounded to 1,000 km², in the locale: "314 000 км²".
pub fn area(km2: f64) -> String {
    with(|l| l.area_km2(km2))
}

/// The label of a date choice.
pub fn as_of(a: crate::state::AsOf, today: crate::model::date::Date) -> String {
    match a {
        crate::state::AsOf::Today => t("date.today"),
        a => date(a.date(today)),
    }
}

/// Which locale the page starts in: `lang=` in the address, else the
/// browser's languages, else English.
pub fn wanted() -> &'static str {
    let q = super::platform::query();
    let url = form_urlencoded::parse(q.as_bytes()).find(|(k, _)| k == "lang").map(|(_, v)| v.trim().to_string());
    locale::pick(url.as_deref(), &super::platform::languages())
}

/// Checks a fetched locale against English and the data. `Err` is the
/// notice to show, in English (the page stays in English). Reached only
/// through `later::load_translate`: in the release build this code is a
/// module of its own, fetched with a locale's file, not on an English visit.
pub fn check(code: &'static str, text: Result<String, String>, data: &super::Data) -> Result<Rc<Locale>, String> {
    let en = english();
    let checked = text.and_then(|t| locale::load(code, &t, &en, &data.catalogue, &data.facts).map_err(|e| e.to_string()));
    match checked {
        Ok(l) => Ok(Rc::new(l)),
        Err(e) => Err(en.text("notice.locale_broken", &[("error", &e)])),
    }
}

/// A locale, fetched and checked unless it already was.
pub async fn fetch(code: &'static str, data: &super::Data) -> Result<Rc<Locale>, String> {
    if let Some(l) = loaded(code) {
        return Ok(l);
    }
    let (text, kit) = futures::future::join(super::platform::fetch_text(&locale::file_name(code)), super::later::load_translate()).await;
    match kit {
        Ok(kit) => (kit.check)(code, text, data),
        Err(e) => Err(english().text("notice.locale_broken", &[("error", &e)])),
    }
}

/// `<html lang>`, the title and the description in the current locale.
pub fn apply_to_document() {
    let l = current();
    super::platform::set_root_attribute("lang", Some(&l.code));
    if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
        doc.set_title(&l.text("page.title", &[]));
        if let Ok(Some(m)) = doc.query_selector("meta[name=\"description\"]") {
            let _ = m.set_attribute("content", &l.text("page.description", &[]));
        }
    }
}

/// The language switcher in the attribution line (not in an embed): each language
/// by its own name. Choosing one fetches its texts if needed, writes
/// `lang=` into the address (so a shared link, an embed and a presentation
/// keep it) and renders the page again in it.
#[leptos::component]
pub fn Switcher() -> impl leptos::IntoView {
    use leptos::prelude::*;
    let ctx = expect_context::<super::Ctx>();
    let again = expect_context::<super::Relang>();
    if ctx.choices.with_untracked(|c| c.embed) {
        return ().into_any();
    }
    let here = code();
    let change = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        let Some(code) = locale::LOCALES.into_iter().find(|l| *l == value) else { return };
        let data = ctx.data.get_value();
        wasm_bindgen_futures::spawn_local(async move {
            match fetch(code, &data).await {
                Ok(l) => {
                    set(l);
                    ctx.choices.update_untracked(|c| c.lang = Some(code));
                    let q = ctx.choices.with_untracked(|c| c.to_query(&data.catalogue));
                    super::platform::set_query(&q);
                    apply_to_document();
                    again.0.update(|n| *n += 1);
                }
                Err(notice) => ctx.notices.update(|n| n.push(notice)),
            }
        });
    };
    view! {
        <label class="lang-switch">
            <span class="visually-hidden">{t("lang.label")}</span>
            <select name="lang" on:change=change>
                {locale::NAMES
                    .into_iter()
                    .map(|(c, name)| view! { <option value=c lang=c selected=c == here>{name}</option> })
                    .collect_view()}
            </select>
        </label>
    }
    .into_any()
}

/// A state's name in the page's locale (CLDR), else `english` (the facts'
/// or the atlas's name).
pub fn state_name(iso: &str, english: &str) -> String {
    with(|l| l.states.get(iso).cloned().unwrap_or_else(|| english.to_string()))
}
