//! The classroom presentation: full screen, large type, one view a step with
//! the clause quoted. Arrows, Page Up/Down and Space (what a presenter's
//! clicker sends) move between steps; Escape leaves.

use super::{i18n, platform, Ctx};
use crate::state::Step;
use leptos::prelude::*;

fn go(ctx: Ctx, delta: isize) {
    ctx.choices.update(|c| {
        ctx.data.with_value(|d| {
            let i = (c.step as isize + delta).max(0) as usize;
            c.go_to(i, &d.catalogue);
        })
    });
}

fn start(ctx: Ctx) {
    ctx.choices.update(|c| {
        c.present = true;
        ctx.data.with_value(|d| c.go_to(0, &d.catalogue));
    });
    platform::request_fullscreen();
}

fn leave(ctx: Ctx) {
    ctx.choices.update(|c| c.present = false);
    platform::exit_fullscreen();
}

/// The Share menu's presentation items: "Present" and "Add this view as a
/// step"; `on_done(added)` closes the menu (and shows the steps' link once
/// one was added).
#[component]
pub fn PresentButtons(on_done: Callback<bool>) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let add = move |_| {
        ctx.choices.update(|c| {
            let step = ctx.data.with_value(|d| Step::of(c, &d.catalogue));
            c.steps.push(step);
        });
        on_done.run(true);
    };
    view! {
        <button type="button" role="menuitem" tabindex="-1" class="present" on:click=move |_| { on_done.run(false); start(ctx) }>{i18n::t("present.full")}</button>
        <button type="button" role="menuitem" tabindex="-1" class="add-step" on:click=add>{i18n::t("present.add")}</button>
    }
}

/// The link to the teacher's sequence of steps, under the Share menu.
pub fn steps_box() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let link = move || {
        super::share::view_link(&ctx, |c| {
            c.present = true;
            c.step = 0;
        })
    };
    let count = move || ctx.choices.with(|c| c.steps.len());
    view! {
        <div class="share-box steps-box">
            <label>
                {move || match count() {
                    0 => i18n::t("present.none"),
                    n => i18n::tp("present.steps_link", n, &[]),
                }}
                <textarea readonly rows="2" class="share-text steps-link">{link}</textarea>
            </label>
            <button type="button" class="present-steps" on:click=move |_| start(ctx)>{i18n::t("present.button")}</button>
            <button type="button" class="clear-steps" on:click=move |_| ctx.choices.update(|c| c.steps.clear())>{i18n::t("present.clear")}</button>
        </div>
    }
}

/// The presentation's live region, on the page from the start so a screen
/// reader hears each step; its content comes with the extras, fetched when
/// a presentation starts (see [`super::later::Extras`]).
#[component]
pub fn Presentation() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    Effect::new(move |_| {
        if ctx.choices.with(|c| c.present) {
            ctx.extras.ask(super::later::load_extras, ctx.notices, &i18n::t("present.failed"));
        }
    });
    view! {
        <section class="presentation" aria-live="polite" aria-label=i18n::t("present.label")
            style:display=move || { if ctx.choices.with(|c| c.present) { "block" } else { "none" } }>
            {move || ctx.extras.get().map(|k| (k.presentation)())}
        </section>
    }
}

/// The caption and the step controls, and the keys that move between
/// steps.
pub(super) fn steps() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        if !ctx.choices.with_untracked(|c| c.present) {
            return;
        }
        match ev.key().as_str() {
            "ArrowRight" | "ArrowDown" | "PageDown" | " " => go(ctx, 1),
            "ArrowLeft" | "ArrowUp" | "PageUp" => go(ctx, -1),
            "Home" => go(ctx, -1000),
            "End" => go(ctx, 1000),
            "Escape" => leave(ctx),
            _ => return,
        }
        ev.prevent_default();
    });
    on_cleanup(move || keys.remove());
    let caption = move || {
        let loc = i18n::current();
        ctx.data.with_value(|d| {
            ctx.choices.with(|c| {
                let total = c.tour(&d.catalogue).len();
                let items = c
                    .demands
                    .iter()
                    .filter_map(|id| d.catalogue.demand(id))
                    .map(|x| {
                        let treaty = d.catalogue.treaty(&x.treaty).map(|t| loc.treaty_short(t)).unwrap_or_default();
                        let colour = d.colour(&x.id);
                        let reference = loc.reference(x);
                        let title = loc.demand(x).title;
                        let quote = loc.quotation(&x.id, &d.catalogue);
                        view! {
                            <div class="step-demand">
                                <h2><span class="swatch" style:background=colour aria-hidden="true"></span>{loc.text("present.caption", &[("treaty", &treaty), ("reference", &reference), ("title", &title)])}</h2>
                                {quote.map(|q| super::panels::quotation(&loc, q, &treaty, &reference))}
                            </div>
                        }
                    })
                    .collect_view();
                let date = loc.date(c.as_of.date(d.today));
                view! {
                    <p class="step-count">{loc.text("present.step", &[("step", &(c.step + 1).to_string()), ("total", &total.to_string()), ("date", &date)])}</p>
                    {items}
                }
            })
        })
    };
    view! {
        {caption}
        <div class="step-buttons">
            <button type="button" class="prev" on:click=move |_| go(ctx, -1)>{i18n::t("present.prev")}</button>
            <button type="button" class="next" on:click=move |_| go(ctx, 1)>{i18n::t("present.next")}</button>
            <button type="button" class="leave" on:click=move |_| leave(ctx)>{i18n::t("present.leave")}</button>
        </div>
    }
}
