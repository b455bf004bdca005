//! Downloads of the current view as SVG and as PNG (2×, for slides): the
//! map as drawn, with title, date, readings, legend and attribution inside
//! the image, and every colour written onto the elements so the file stands
//! on its own.

use super::{i18n, zones::Zones, Ctx};
use crate::geometry::path::Fixed;
use leptos::prelude::*;
use wasm_bindgen::{closure::Closure, JsCast};
use web_sys::{Element, HtmlAnchorElement};

const SVG_NS: &str = "http://www.w3.org/2000/svg";
/// Width of the exported image in CSS pixels (the PNG is twice this).
pub const EXPORT_WIDTH: f64 = 1600.0;

fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

/// The lines written above and below the map.
fn captions(ctx: &Ctx, zones: &Zones) -> (Vec<String>, Vec<(String, String)>, String) {
    let loc = i18n::current();
    ctx.data.with_value(|d| {
        ctx.choices.with(|c| {
            let date = c.as_of.date(d.today);
            let mut head = vec![loc.text("head.headline", &[])];
            let readings: Vec<String> = d
                .catalogue
                .terms
                .iter()
                .filter_map(|t| {
                    let v = c.readings.get(&t.id)?;
                    let o = t.options.iter().find(|o| &o.value == v)?;
                    Some(loc.text("export.reading", &[("term", &loc.term_label(t)), ("option", &loc.term_option(t, o).0)]))
                })
                .collect();
            head.push(loc.text("export.readings", &[("date", &loc.date(date)), ("readings", &readings.join("; "))]));
            let legend = ctx.reach.with(|r| {
                r.demands
                    .iter()
                    .map(|dr| {
                        let demand = d.catalogue.demand(&dr.id);
                        let title = demand.map(|x| loc.demand(x).title).unwrap_or_default();
                        let area = d.atlas.area_km2(dr.states.iter().map(String::as_str));
                        let mut line = format!("{} {}", dr.id, title);
                        if demand.is_some_and(|x| matches!(x.layer, crate::model::demand::Layer::States { .. })) {
                            line = loc.plural("export.states", dr.states.len() as u64, &[("line", &line), ("area", &loc.area_km2(area))]);
                        }
                        // Each zone with its distance and area.
                        zones.views.with_untracked(|vs| {
                            for v in vs.iter().filter(|v| v.spec.demand == dr.id) {
                                line.push_str(&loc.text("export.zone", &[("party", loc.party(&v.spec.party)), ("area", &loc.area_km2(v.area_km2)), ("distance", &loc.km(v.km.into()))]));
                            }
                        });
                        (d.colour(&dr.id).to_string(), line)
                    })
                    .collect()
            });
            let attribution = loc.text("export.attribution", &[]);
            (head, legend, attribution)
        })
    })
}

/// A coordinate of the export, to 0.01 plane units.
fn num(v: f64) -> String {
    Fixed(v, 2).to_string()
}

fn el(doc: &web_sys::Document, name: &str, attrs: &[(&str, String)]) -> Option<Element> {
    let e = doc.create_element_ns(Some(SVG_NS), name).ok()?;
    for (k, v) in attrs {
        e.set_attribute(k, v).ok()?;
    }
    Some(e)
}

/// The standalone SVG of the current view, as text.
pub fn svg_text(ctx: &Ctx, zones: &Zones) -> Option<String> {
    let doc = document()?;
    let window = web_sys::window()?;
    let original = doc.query_selector("svg.map").ok()??;
    let copy: Element = original.clone_node_with_deep(true).ok()?.dyn_into().ok()?;
    // Computed colours onto the copy: the stylesheet does not travel.
    let (from, to) = (original.query_selector_all("*").ok()?, copy.query_selector_all("*").ok()?);
    for i in 0..from.length() {
        let (Some(a), Some(b)) = (from.item(i), to.item(i)) else { continue };
        let (Ok(a), Ok(b)) = (a.dyn_into::<Element>(), b.dyn_into::<Element>()) else { continue };
        let Ok(Some(style)) = window.get_computed_style(&a) else { continue };
        for prop in ["fill", "fill-opacity", "stroke", "stroke-opacity", "stroke-width", "stroke-dasharray", "vector-effect", "display", "font-size", "font-weight", "text-anchor"] {
            if let Ok(v) = style.get_property_value(prop) {
                if !v.is_empty() && !(prop == "fill" && b.get_attribute("fill").is_some_and(|f| f.starts_with("url("))) {
                    let _ = b.set_attribute(prop, &v);
                }
            }
        }
        b.remove_attribute("class").ok();
        // Inline styles are copied above as attributes; left in, the image
        // (a blob: URL, which inherits the page's policy, style-src 'self')
        // would log a violation for each.
        b.remove_attribute("style").ok();
    }
    copy.remove_attribute("style").ok();
    // The viewBox as numbers from the DOM: parsing its text would pull the
    // float parser's tables (about 15 KB gzipped) into the WebAssembly.
    let vb = original.dyn_ref::<web_sys::SvgsvgElement>()?.view_box().base_val()?;
    let [x, y, w, h] = [vb.x(), vb.y(), vb.width(), vb.height()].map(f64::from);
    let (head, legend, attribution) = captions(ctx, zones);
    let unit = w / EXPORT_WIDTH; // one CSS pixel of the export, in plane units
    let line = 22.0 * unit;
    let top = line * (head.len() as f64 + 0.8);
    let bottom = line * (legend.len() as f64 + 2.0);
    let (ny, nh) = (y - top, h + top + bottom);
    copy.set_attribute("viewBox", &format!("{} {} {} {}", Fixed(x, 2), Fixed(ny, 2), Fixed(w, 2), Fixed(nh, 2))).ok()?;
    copy.set_attribute("width", &Fixed(EXPORT_WIDTH, 0).to_string()).ok()?;
    copy.set_attribute("height", &Fixed(EXPORT_WIDTH * nh / w, 0).to_string()).ok()?;
    copy.set_attribute("font-family", "Helvetica, Arial, sans-serif").ok()?;
    copy.set_attribute("xml:lang", i18n::code()).ok()?;
    // White bands above and below the map for the captions.
    for (by, bh) in [(ny, top), (y + h, bottom)] {
        let band = el(&doc, "rect", &[("x", num(x)), ("y", num(by)), ("width", num(w)), ("height", num(bh)), ("fill", "#ffffff".into())])?;
        copy.append_child(&band).ok()?;
    }
    let text = |s: &str, tx: f64, ty: f64, size: f64, weight: &str| {
        let t = el(&doc, "text", &[("x", num(tx)), ("y", num(ty)), ("font-size", num(size * unit)), ("font-weight", weight.into()), ("fill", "#1d232b".into())])?;
        t.set_text_content(Some(s));
        copy.append_child(&t).ok()
    };
    for (i, s) in head.iter().enumerate() {
        let (size, weight) = if i == 0 { (20.0, "700") } else { (14.0, "400") };
        text(s, x + 12.0 * unit, ny + line * (i as f64 + 1.0), size, weight)?;
    }
    for (i, (colour, s)) in legend.iter().enumerate() {
        let ly = y + h + line * (i as f64 + 1.0);
        let sw = el(&doc, "rect", &[("x", num(x + 12.0 * unit)), ("y", num(ly - 12.0 * unit)), ("width", num(14.0 * unit)), ("height", num(14.0 * unit)), ("fill", colour.clone())])?;
        copy.append_child(&sw).ok()?;
        text(s, x + 32.0 * unit, ly, 14.0, "400")?;
    }
    text(&attribution, x + 12.0 * unit, y + h + line * (legend.len() as f64 + 1.4), 11.0, "400")?;
    let s = web_sys::XmlSerializer::new().ok()?.serialize_to_string(&copy).ok()?;
    Some(format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n{s}"))
}

/// Saves `href` as `name` through a link with `download`.
fn download(href: &str, name: &str) -> Result<(), &'static str> {
    let doc = document().ok_or("no document")?;
    let a = doc.create_element("a").ok().and_then(|a| a.dyn_into::<HtmlAnchorElement>().ok()).ok_or("no link")?;
    a.set_href(href);
    a.set_download(name);
    a.click();
    Ok(())
}

/// A `blob:` URL for `text`. Under the README's policy an image may come
/// from `'self'` or `blob:` only (`img-src 'self' blob:`), not from `data:`.
fn blob_url(text: &str, mime: &str) -> Option<String> {
    let parts = js_sys::Array::of1(&text.into());
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts).ok()?;
    web_sys::Url::create_object_url_with_blob(&blob).ok()
}

/// Frees a `blob:` URL once the download has surely started.
fn revoke_later(url: String) {
    set_timeout(move || { let _ = web_sys::Url::revoke_object_url(&url); }, std::time::Duration::from_secs(30));
}

/// What to download.
#[derive(Clone, Copy)]
pub enum Format {
    Svg,
    Png,
    /// The table of the reached states (`super::table`).
    Csv,
    GeoJson,
}

/// Tells the reader that a download failed, and why.
fn failed(ctx: &Ctx, format: Format, why: &str) {
    let what = match format {
        Format::Svg => "SVG",
        Format::Png => "PNG",
        Format::Csv => "CSV",
        Format::GeoJson => "GeoJSON",
    };
    ctx.notices.update(|n| n.push(i18n::tf("export.download_failed", &[("format", what), ("why", why)])));
}

/// Downloads the current view (fetched with the presentation, see
/// [`super::later::Extras`]). A failure is told in a notice.
pub fn save(ctx: &Ctx, zones: &Zones, format: Format) {
    let done = match format {
        Format::Svg => save_svg(ctx, zones),
        Format::Png => save_png(*ctx, zones),
        Format::Csv => super::table::save_csv(ctx, zones),
        Format::GeoJson => super::table::save_geojson(ctx, zones),
    };
    if let Err(why) = done {
        failed(ctx, format, why);
    }
}

fn save_svg(ctx: &Ctx, zones: &Zones) -> Result<(), &'static str> {
    let svg = svg_text(ctx, zones).ok_or("the map could not be copied")?;
    save_text(&svg, "treaty-map.svg", "image/svg+xml")
}

/// Downloads `text` as a file `name` through a `blob:` URL, freed later.
pub(super) fn save_text(text: &str, name: &str, mime: &str) -> Result<(), &'static str> {
    let url = blob_url(text, mime).ok_or("the browser did not make the file")?;
    download(&url, name)?;
    revoke_later(url);
    Ok(())
}

/// Draws the SVG on a canvas at twice its size and downloads the PNG; the
/// image is read from a `blob:` URL (see [`blob_url`]).
fn save_png(ctx: Ctx, zones: &Zones) -> Result<(), &'static str> {
    let svg = svg_text(&ctx, zones).ok_or("the map could not be copied")?;
    let url = blob_url(&svg, "image/svg+xml").ok_or("the browser did not make the file")?;
    let doc = document().ok_or("no document")?;
    let img = web_sys::HtmlImageElement::new().map_err(|_| "no image")?;
    let img2 = img.clone();
    let (url2, src) = (url.clone(), url.clone());
    let onload = Closure::once(move || {
        let _ = web_sys::Url::revoke_object_url(&url2);
        let draw = || -> Result<(), &'static str> {
            let (w, h) = (img2.natural_width() * 2, img2.natural_height() * 2);
            let canvas = doc.create_element("canvas").ok().and_then(|c| c.dyn_into::<web_sys::HtmlCanvasElement>().ok()).ok_or("no canvas")?;
            canvas.set_width(w);
            canvas.set_height(h);
            let cx = canvas.get_context("2d").ok().flatten().and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok()).ok_or("no canvas")?;
            cx.draw_image_with_html_image_element_and_dw_and_dh(&img2, 0.0, 0.0, w as f64, h as f64).map_err(|_| "the image could not be drawn")?;
            let png = canvas.to_data_url_with_type("image/png").map_err(|_| "the browser refused to export the picture")?;
            download(&png, "treaty-map.png")
        };
        if let Err(why) = draw() {
            failed(&ctx, Format::Png, why);
        }
    });
    let onerror = Closure::once(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
        failed(&ctx, Format::Png, "the browser refused to load the picture (a Content-Security-Policy without img-src blob: blocks it)");
    });
    img.set_onload(Some(onload.as_ref().unchecked_ref()));
    img.set_onerror(Some(onerror.as_ref().unchecked_ref()));
    onload.forget();
    onerror.forget();
    img.set_src(&src);
    Ok(())
}

/// The Share menu's download and print items; `on_done` closes the menu.
#[component]
pub fn ExportButtons(on_done: Callback<()>) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let zones = expect_context::<Zones>();
    let save = move |format: Format| {
        on_done.run(());
        ctx.extras.with(super::later::load_extras, ctx.notices, &i18n::t("export.failed"), move |k| (k.save)(&ctx, &zones, format));
    };
    view! {
        <button type="button" role="menuitem" tabindex="-1" class="export-svg" on:click=move |_| save(Format::Svg)>{i18n::t("export.svg")}</button>
        <button type="button" role="menuitem" tabindex="-1" class="export-png" on:click=move |_| save(Format::Png)>{i18n::t("export.png_slides")}</button>
        <button type="button" role="menuitem" tabindex="-1" class="export-csv" on:click=move |_| save(Format::Csv)>{i18n::t("export.csv")}</button>
        <button type="button" role="menuitem" tabindex="-1" class="export-geojson" on:click=move |_| save(Format::GeoJson)>{i18n::t("export.geojson")}</button>
        <button type="button" role="menuitem" tabindex="-1" class="print"
            on:click=move |_| { on_done.run(()); if let Some(w) = web_sys::window() { let _ = w.print(); } }>
            {i18n::t("export.print")}
        </button>
    }
}
