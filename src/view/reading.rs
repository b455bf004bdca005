//! Reading the drafts: both texts article by article, each verified passage
//! with the copies it was read in, the map's summary beside it (marked as a
//! summary; alone where no copy of the text was found), "Show on the map"
//! for every demand with a map layer. `read=us-4` (or `#us-4`) opens it at
//! that article. The body and `drafts.json` come when it is first opened
//! (the panels' module), so a first visit carries neither.

use super::{platform, Ctx};
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
        None => view! { <p class="loading" role="status">"Loading the drafts' text…"</p> }.into_any(),
        Some(Err(e)) => view! { <p class="notice" role="alert">{format!("{e} — the drafts' text cannot be shown; the summaries are in the list of demands.")}</p> }.into_any(),
        Some(Ok(texts)) => ctx.data.with_value(|d| {
            let cat = &d.catalogue;
            let head = view! {
                <h2 class="reading-title">"The drafts, article by article"</h2>
                <p class="reading-note">
                    "The Ministry of Foreign Affairs' unofficial English translation of 17 December 2021, as far as a copy of it could be read: each passage is verbatim, with the copies it was read in. Beside it, marked, the map's summary; where no copy of an article was found, the summary alone."
                </p>
            };
            let texts_view = cat.treaties
                .iter()
                .map(|t| {
                    let preamble = texts.section(&t.id, 0).cloned().map(|s| {
                        view! {
                            <section class="article" id=format!("{}-preamble", t.id)>
                                <h4>"Header and preamble"</h4>
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
                                    view! {
                                        <div class="demand-text" id=id data-demand=dm.id.clone()>
                                            <h5>{format!("{} · {}: {}", dm.id, dm.reference(), dm.title)}</h5>
                                            {ps.iter().map(|(text, cut)| passage(text, *cut)).collect_view()}
                                            <p class="summary">
                                                <span class="tag">{if found { "The map's summary: " } else { "No verified copy of the text was found. The map's summary: " }}</span>
                                                {dm.summary.clone()}
                                            </p>
                                            {dm.has_map_layer().then(|| view! {
                                                <button type="button" class="show-on-map" data-demand=show.clone()
                                                    on:click=move |_| {
                                                        ctx.choices.update(|c| { c.demands = vec![show.clone()]; c.read = None; });
                                                        scroll_to(".map-frame".into());
                                                    }>
                                                    "Show on the map"
                                                </button>
                                            })}
                                        </div>
                                    }
                                })
                                .collect_view();
                            view! {
                                <section class="article" id=anchor.clone()>
                                    <h4>{format!("Art. {n}")}</h4>
                                    {demands}
                                    {section.map(|s| copies(&s.copies))}
                                </section>
                            }
                        })
                        .collect_view();
                    view! {
                        <article class="draft" data-treaty=t.id.clone()>
                            <h3>{t.title.clone()}</h3>
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
        <blockquote class="verbatim">
            <p>{text.to_string()}{cut.then_some(" […] (the copy read ends here)")}</p>
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
            <span>"Text read in these copies of the ministry's unofficial translation (geo/sources.json):"</span>
            <ul>{items}</ul>
        </div>
    }
}
