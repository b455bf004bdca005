//! Reading the drafts: both texts article by article, each verified passage
//! with the copies it was read in, the map's summary beside it (marked as a
//! summary; alone where no copy of the text was found), "Show on the map"
//! for every demand with a map layer. `read=us-4` (or `#us-4`) opens it at
//! that article. The body and `drafts.json` come when it is first opened
//! (the panels' module), so a first visit carries neither.

use super::{i18n, platform, Ctx};
use crate::model::drafts::Drafts;
use leptos::prelude::*;

/// The anchor of a demand's article: `us-4`.
pub fn article_anchor(treaty: &str, article: u8) -> String {
    format!("{treaty}-{article}")
}

/// Scrolls the first element matching `selector` into view, once it is on
/// the page.
fn scroll_to(selector: String) {
    request_animation_frame(move || {
        if let Some(e) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.query_selector(&selector).ok().flatten()) {
            e.scroll_into_view();
        }
    });
}

/// The reading view's body (in the panels' module).
pub fn body() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let drafts: RwSignal<Option<Result<Drafts, String>>> = RwSignal::new(None);
    wasm_bindgen_futures::spawn_local(async move {
        let got = platform::fetch_text("drafts.json").await.and_then(|t| crate::model::drafts::load(&t).map_err(|e| e.to_string()));
        drafts.set(Some(got));
    });
    // Once the text is in, go to the article asked for.
    Effect::new(move |_| {
        if drafts.with(|d| d.as_ref().is_some_and(Result::is_ok)) {
            if let Some(a) = ctx.choices.with_untracked(|c| c.read.clone()) {
                scroll_to(format!("[id=\"{a}\"]"));
            }
        }
    });
    move || match drafts.get() {
        None => view! { <p class="loading" role="status">{i18n::t("reading.loading")}</p> }.into_any(),
        Some(Err(e)) => view! { <p class="notice" role="alert">{i18n::tf("reading.failed", &[("error", &e)])}</p> }.into_any(),
        Some(Ok(texts)) => ctx.data.with_value(|d| {
            let cat = &d.catalogue;
            let loc = i18n::current();
            let head = view! {
                <h2 class="reading-title">{loc.text("reading.title", &[])}</h2>
                <p class="reading-note">{loc.text("reading.intro", &[])}</p>
            };
            let texts_view = cat.treaties
                .iter()
                .map(|t| {
                    let preamble = texts.section(&t.id, 0).cloned().map(|s| {
                        view! {
                            <section class="article" id=format!("{}-preamble", t.id)>
                                <h4>{loc.text("reading.preamble", &[])}</h4>
                                {s.passages.iter().map(|p| passage(&p.text, p.cut)).collect_view()}
                                {copies(&s.copies)}
                            </section>
                        }
                    });
                    let mut articles: Vec<u8> = cat.demands.iter().filter(|x| x.treaty == t.id).map(|x| x.article).collect();
                    articles.dedup();
                    let body = articles
                        .into_iter()
                        .map(|n| {
                            let anchor = article_anchor(&t.id, n);
                            let section = texts.section(&t.id, n).cloned();
                            let demands = cat
                                .demands
                                .iter()
                                .filter(|x| x.treaty == t.id && x.article == n)
                                .map(|dm| {
                                    let ps: Vec<(String, bool)> = texts.passages_for(dm).into_iter().map(|p| (p.text.clone(), p.cut)).collect();
                                    let found = !ps.is_empty();
                                    let id = (dm.id != anchor).then(|| dm.id.clone());
                                    let show = dm.id.clone();
                                    let text = loc.demand(dm);
                                    // Outside English, beside the official text: the verified
                                    // Russian original (ru) or the note that it was not
                                    // verified, or the map's translation, labelled.
                                    let beside = (loc.code != "en").then(|| loc.quotation(&dm.id, cat)).flatten().map(|q| {
                                        let original = (q.lang == "ru").then(|| view! {
                                            <blockquote class="verbatim original" lang="ru">
                                                <p>{loc.text("quote.marks", &[("text", &q.text)])}</p>
                                                <footer>{format!("{}. {}", loc.text("quote.original_ru", &[]), q.source)}</footer>
                                            </blockquote>
                                        });
                                        let flag = q.flag.map(|f| view! { <p class="quote-flag">{f}</p> });
                                        let label = loc.text("quote.translation", &[]);
                                        let translation = q.translation.map(|t| view! { <div class="map-translation"><p class="tag">{label}</p><p>{t}</p></div> });
                                        view! { {original} {flag} {translation} }
                                    });
                                    view! {
                                        <div class="demand-text" id=id data-demand=dm.id.clone()>
                                            <h5>{format!("{} · {}: {}", dm.id, loc.reference(dm), text.title)}</h5>
                                            {ps.iter().map(|(text, cut)| passage(text, *cut)).collect_view()}
                                            {beside}
                                            <p class="summary">
                                                <span class="tag">{if found { loc.text("reading.summary", &[]) } else { loc.text("reading.no_copy", &[]) }}</span>
                                                {text.summary.clone()}
                                            </p>
                                            {dm.has_map_layer().then(|| view! {
                                                <button type="button" class="show-on-map" data-demand=show.clone()
                                                    on:click=move |_| {
                                                        ctx.choices.update(|c| { c.demands = vec![show.clone()]; c.read = None; });
                                                        scroll_to(".map-frame".into());
                                                    }>
                                                    {loc.text("reading.show", &[])}
                                                </button>
                                            })}
                                        </div>
                                    }
                                })
                                .collect_view();
                            view! {
                                <section class="article" id=anchor.clone()>
                                    <h4>{loc.text("ref.article", &[("article", &n.to_string())])}</h4>
                                    {demands}
                                    {section.map(|s| copies(&s.copies))}
                                </section>
                            }
                        })
                        .collect_view();
                    view! {
                        <article class="draft" data-treaty=t.id.clone()>
                            <h3>{loc.treaty_title(t)}</h3>
                            {preamble}
                            {body}
                        </article>
                    }
                })
                .collect_view();
            view! { {head} {texts_view} }.into_any()
        }),
    }
}

/// A verbatim passage; a copy that ends inside it says so.
fn passage(text: &str, cut: bool) -> impl IntoView {
    view! {
        <blockquote class="verbatim" lang="en">
            <p>{text.to_string()}{cut.then(|| i18n::t("reading.cut"))}</p>
        </blockquote>
    }
}

/// "Read in": the copies, each a link to where it was read.
fn copies(list: &[(String, String)]) -> impl IntoView {
    let items = list
        .iter()
        .map(|(id, url)| view! { <li><a href=url.clone() rel="noreferrer">{id.clone()}</a></li> })
        .collect_view();
    view! {
        <div class="copies">
            <span>{i18n::t("reading.copies")}</span>
            <ul>{items}</ul>
        </div>
    }
}
