//! Writes the pictures and texts a page without scripts shows, and that link
//! previews (og:image) use: the default view, and one view per demand with
//! a map layer, each as a 1200 × 630 SVG drawn from the same scene the map
//! draws (`geometry::scene`, `model::reach`), and `previews.json` with each
//! view's title and text. `scripts/previews.mjs` turns the SVGs into PNGs
//! (Debian's Chromium, headless) and writes the pages and meta tags.
//!
//! `cargo run --release --bin previews -- <out dir>` (default target/previews).

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use std::fmt::Write;
    use treaty_map::geometry::atlas::Atlas;
    use treaty_map::geometry::path::Fixed;
    use treaty_map::geometry::scene::scene;
    use treaty_map::model::date::Date;
    use treaty_map::model::demand::Layer;
    use treaty_map::model::load;
    use treaty_map::model::reach::Reach;
    use treaty_map::state::Choices;

    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = std::env::args().nth(1).map(std::path::PathBuf::from).unwrap_or_else(|| root.join("target/previews"));
    let read = |p: &str| std::fs::read_to_string(root.join("geo").join(p)).unwrap_or_else(|e| panic!("geo/{p}: {e}"));
    let facts = load::facts(&read("facts.json")).unwrap_or_else(|e| panic!("{e}"));
    let cat = load::catalogue(&read("demands.json"), &facts).unwrap_or_else(|e| panic!("{e}"));
    let (atlas, warnings) = Atlas::parse(&read("states.topo.json")).unwrap_or_else(|e| panic!("{e}"));
    assert!(warnings.is_empty(), "{warnings:?}");
    let sc = scene(&atlas, &facts);
    let neighbours = atlas.neighbours();
    std::fs::create_dir_all(&out).unwrap_or_else(|e| panic!("{}: {e}", out.display()));

    // The map's light theme (style.css) and its colours for the demands
    // (Data::colour in src/view/mod.rs: Paul Tol's "muted" scheme, in the
    // catalogue's order of the demands with a map layer).
    const MUTED: [&str; 11] = ["#CC6677", "#332288", "#DDCC77", "#117733", "#88CCEE", "#882255", "#44AA99", "#999933", "#AA4499", "#EE7733", "#0077BB"];
    let (paper, ink, muted, sea, land, context, border) = ("#fbfaf7", "#1d232b", "#5a6470", "#e6eef2", "#f4f1ea", "#e4e2dc", "#8f8a80");
    let (w, h, top, bottom) = (1200.0, 630.0, 92.0, 58.0);
    let f = sc.frame;
    // The frame fitted into the band between the title and the footer.
    let scale = ((w - 40.0) / f.w).min((h - top - bottom) / f.h);
    let (mw, mh) = (f.w * scale, f.h * scale);
    let (mx, my) = ((w - mw) / 2.0, top + (h - top - bottom - mh) / 2.0);
    let esc = |s: &str| s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;");
    let today = Date::new(2021, 12, 17);

    let mut views = vec![(String::from("default"), None)];
    views.extend(cat.demands.iter().filter(|d| d.has_map_layer()).map(|d| (d.id.clone(), Some(d))));
    let mut index = String::from("[");
    for (n, (name, demand)) in views.iter().enumerate() {
        let mut c = Choices::new(&cat);
        if let Some(d) = demand {
            c.demands = vec![d.id.clone()];
        }
        let reach = Reach::compute(&cat, &facts, &neighbours, &c, today);
        let colour = demand.map(|d| {
            let i = cat.demands.iter().filter(|x| x.has_map_layer()).position(|x| x.id == d.id).unwrap_or(0);
            MUTED[i % MUTED.len()]
        });
        let reached = reach.states();
        let mut svg = String::new();
        let _ = write!(
            svg,
            r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" font-family="Helvetica, Arial, sans-serif"><rect width="{w}" height="{h}" fill="{paper}"/>"#
        );
        let _ = write!(
            svg,
            r#"<svg x="{}" y="{}" width="{}" height="{}" viewBox="{}"><rect x="{}" y="{}" width="{}" height="{}" fill="{sea}"/><g stroke="{border}" stroke-width="{}" stroke-linejoin="round">"#,
            Fixed(mx, 1),
            Fixed(my, 1),
            Fixed(mw, 1),
            Fixed(mh, 1),
            f.attr(),
            Fixed(f.x, 0),
            Fixed(f.y, 0),
            Fixed(f.w, 0),
            Fixed(f.h, 0),
            Fixed(0.6 / scale, 2)
        );
        for s in &sc.states {
            let fill = if s.context {
                context
            } else if reached.binary_search(&s.iso).is_ok() {
                colour.unwrap_or(land)
            } else {
                land
            };
            let _ = write!(svg, r#"<path fill="{fill}" d="{}"/>"#, s.d);
        }
        svg.push_str("</g></svg>");
        let title = match demand {
            Some(d) => format!("{} {}", d.id, d.title),
            None => "What Russia's draft treaties of 17 December 2021 would restrict".to_string(),
        };
        let text = match demand {
            Some(d) => {
                let mut t = d.summary.clone();
                match &d.layer {
                    Layer::Distance { .. } => t.push_str(" Its scope is a distance; the interactive map draws it as zones for a distance the reader chooses."),
                    _ if !reached.is_empty() => {
                        let _ = write!(t, " On 17 December 2021 its text reaches {} states.", reached.len());
                    }
                    _ => {}
                }
                t
            }
            None => format!(
                "An interactive map of the {} demands in Russia's draft treaty with the United States and draft agreement with NATO's members of 17 December 2021: a reader switches each on and sees the states its text reaches.",
                cat.demands.len()
            ),
        };
        let sub = match demand {
            Some(_) => "Russia's draft treaties of 17 December 2021. Memberships as of 17 December 2021.".to_string(),
            None => "Memberships as of 17 December 2021. No demand switched on.".to_string(),
        };
        let _ = write!(svg, r#"<text x="24" y="44" font-size="30" font-weight="700" fill="{ink}">{}</text>"#, esc(&title));
        let _ = write!(svg, r#"<text x="24" y="76" font-size="19" fill="{muted}">{}</text>"#, esc(&sub));
        if let Some(c) = colour {
            let _ = write!(svg, r#"<rect x="24" y="{}" width="18" height="18" fill="{c}"/>"#, h - 40.0);
            let _ = write!(svg, r#"<text x="50" y="{}" font-size="17" fill="{ink}">{}: {} states</text>"#, h - 25.0, esc(&demand.map(|d| d.id.clone()).unwrap_or_default()), reached.len());
        }
        let _ = write!(
            svg,
            r#"<text x="{}" y="{}" font-size="13" text-anchor="end" fill="{muted}">Borders: Natural Earth (public domain), UN view. Drafts: MFA of the Russian Federation.</text></svg>"#,
            w - 24.0,
            h - 25.0
        );
        std::fs::write(out.join(format!("{name}.svg")), &svg).unwrap_or_else(|e| panic!("{name}.svg: {e}"));
        let names: Vec<String> = reached.iter().filter_map(|iso| sc.states.iter().find(|s| &s.iso == iso)).map(|s| s.name.clone()).collect();
        let entry = serde_json::json!({ "id": name, "demand": demand.map(|d| d.id.clone()), "title": title, "text": text, "states": names });
        if n > 0 {
            index.push(',');
        }
        index.push_str(&entry.to_string());
    }
    index.push(']');
    std::fs::write(out.join("previews.json"), index).unwrap_or_else(|e| panic!("previews.json: {e}"));
    println!("{}: {} views", out.display(), views.len());
}

#[cfg(target_arch = "wasm32")]
fn main() {}
