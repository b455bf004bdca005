//! The record of sources: every quotation in `geo/demands.json` is found,
//! verbatim, in the collated text that `geo/sources.json` names for it
//! (`geo/texts/`, read by the rule in its README); every source a fact names
//! is recorded; the numbers the page states are counted from the facts.

mod common;
use common::{data, read};
use serde_json::Value;
use treaty_map::model::date::Date;

fn sources() -> Value {
    serde_json::from_str(&read("sources.json")).expect("sources.json parses")
}

fn text(file: &str) -> String {
    read(&format!("texts/{file}"))
}

/// The lines of `file` under the heading `section` (`ARTICLE 4`), up to the
/// next heading.
fn section<'a>(file: &'a str, section: &str) -> Vec<&'a str> {
    let mut lines = file.lines();
    let heading = |l: &str| l.starts_with("ARTICLE ") || l.starts_with("HEADER AND PREAMBLE");
    let is_it = |l: &str| l == section || l.starts_with(&format!("{section} "));
    lines.by_ref().find(|l| heading(l) && is_it(l)).unwrap_or_else(|| panic!("no section {section}"));
    lines.take_while(|l| !heading(l)).collect()
}

/// The verbatim lines of a section (geo/texts/README.md): in the first
/// column, not a rule, their `(para n) ` or `[XX]: ` label taken off, and
/// not a description of copies.
fn verbatim<'a>(lines: &[&'a str]) -> Vec<&'a str> {
    lines
        .iter()
        .filter(|l| !l.is_empty() && !l.starts_with(' ') && !l.starts_with('=') && !l.starts_with('-'))
        .map(|l| {
            let l = match l.strip_prefix("(para ") {
                Some(r) => r.split_once(") ").map_or(*l, |(_, t)| t),
                None => l,
            };
            match l.strip_prefix('[') {
                Some(r) => r.split_once("]: ").map_or(l, |(_, t)| t),
                None => l,
            }
        })
        .filter(|l| !l.starts_with('[') && !l.starts_with('"') && !names_a_copy(l))
        .collect()
}

/// Whether a line names a copy (`[S6]`, `[B4]`): the collator's words about
/// the copies, not the drafts' text.
fn names_a_copy(l: &str) -> bool {
    let b = l.as_bytes();
    b.windows(4).any(|w| w[0] == b'[' && w[1].is_ascii_uppercase() && w[2].is_ascii_digit() && w[3] == b']')
}

#[test]
fn the_rule_finds_verbatim_lines_and_not_notes() {
    // Checked on the collated US treaty, Article 5: the paragraph's text is
    // verbatim; the copy descriptions and the Italian rendering are not.
    let us = text("us-treaty.en.txt");
    let art5 = verbatim(&section(&us, "ARTICLE 5"));
    assert!(art5.iter().any(|l| l.starts_with("The Parties shall refrain from deploying their armed forces")));
    assert!(!art5.iter().any(|l| l.contains("[S3] whole")), "a description of copies is not text");
    assert!(!art5.iter().any(|l| l.contains("nelle aree")), "an indented rendering is not text");
    // Article 7's one verbatim sentence, not its paraphrases.
    let art7 = verbatim(&section(&us, "ARTICLE 7"));
    assert_eq!(art7, ["The Parties shall eliminate all existing infrastructure for deployment of nuclear weapons outside their national territories."]);
    // The NATO agreement's Article 5: the predicate behind a `[B4]: ` label.
    let nato = text("nato-agreement.en.txt");
    let art5 = verbatim(&section(&nato, "ARTICLE 5"));
    assert!(art5.contains(&"deploy land-based intermediate-and short-range missiles in areas allowing them to reach the territory of the other Parties."), "{art5:?}");
    assert!(verbatim(&section(&us, "ARTICLE 8")).is_empty());
    // Article 5's third paragraph: only a fragment another draft's copy
    // holds, and the collator's line about it; neither is the text.
    assert!(!art5.iter().any(|l| l.contains("approach distance") || l.contains("only a fragment")), "{art5:?}");
}

#[test]
fn the_reading_view_s_passages_are_verbatim_lines_of_their_sections() {
    let d = data();
    let drafts = treaty_map::model::drafts::load(&read("drafts.json")).expect("drafts.json loads");
    let record = sources();
    let known: Vec<&str> = record["sources"].as_array().unwrap().iter().map(|s| s["id"].as_str().unwrap()).collect();
    assert_eq!(drafts.treaties.iter().map(|t| t.treaty.as_str()).collect::<Vec<_>>(), ["us", "nato"]);
    for t in &drafts.treaties {
        let file = text(&t.file);
        for s in &t.sections {
            let name = if s.article == 0 { "HEADER AND PREAMBLE".to_string() } else { format!("ARTICLE {}", s.article) };
            let lines = verbatim(&section(&file, &name));
            for p in &s.passages {
                let line = if p.cut { format!("{}[...cut]", p.text) } else { p.text.clone() };
                assert!(lines.contains(&line.as_str()), "{} {name}: “{}” is not a verbatim line", t.treaty, p.text);
            }
            assert!(!s.copies.is_empty(), "{} {name}", t.treaty);
            for (c, url) in &s.copies {
                let rec = record["sources"].as_array().unwrap().iter().find(|x| x["id"] == c.as_str());
                assert!(known.contains(&c.as_str()), "{} {name}: copy {c} is not in sources.json", t.treaty);
                assert_eq!(rec.unwrap()["url"].as_str(), Some(url.as_str()), "{c}: the address as sources.json records it");
            }
        }
        // Every article of the catalogue with a verbatim line has its section.
        for dm in d.catalogue.demands.iter().filter(|x| x.treaty == t.treaty) {
            let lines = verbatim(&section(&file, &format!("ARTICLE {}", dm.article)));
            assert_eq!(drafts.section(&t.treaty, dm.article).is_some(), !lines.is_empty(), "{}", dm.id);
        }
    }
    // A demand that is a paragraph gets its paragraph only.
    let us4b = d.catalogue.demand("us-4b").unwrap();
    let ps = drafts.passages_for(us4b);
    assert_eq!(ps.len(), 1);
    assert!(ps[0].text.starts_with("The United States of America shall not establish military bases"));
    assert!(drafts.passages_for(d.catalogue.demand("us-5c").unwrap()).is_empty(), "Art. 5 ¶3 has no verified text");
    assert!(drafts.passages_for(d.catalogue.demand("us-8").unwrap()).is_empty());
}

#[test]
fn every_quotation_is_verbatim_in_its_recorded_copy() {
    let d = data();
    let record = sources();
    let passages = record["passages"].as_array().unwrap();
    let known: Vec<&str> = record["sources"].as_array().unwrap().iter().map(|s| s["id"].as_str().unwrap()).collect();
    for demand in &d.catalogue.demands {
        let mine: Vec<&Value> = passages.iter().filter(|p| p["demand"] == demand.id.as_str()).collect();
        let Some(q) = &demand.quote else {
            assert!(mine.is_empty(), "{}: a passage is recorded but nothing is quoted", demand.id);
            continue;
        };
        assert_eq!(mine.len(), 1, "{}: its quotation needs one passage in sources.json", demand.id);
        let p = mine[0];
        let file = text(p["file"].as_str().unwrap());
        let lines = section(&file, p["section"].as_str().unwrap());
        // The section is the demand's article.
        assert_eq!(p["section"].as_str().unwrap(), format!("ARTICLE {}", demand.article), "{}", demand.id);
        let treaty = if demand.treaty == "us" { "us-treaty.en.txt" } else { "nato-agreement.en.txt" };
        assert_eq!(p["file"], treaty, "{}", demand.id);
        assert!(!q.text.contains("[...cut]") && !q.text.contains('\n'), "{}", demand.id);
        assert!(
            verbatim(&lines).iter().any(|l| l.contains(q.text.as_str())),
            "{}: “{}” is not verbatim in {} {}",
            demand.id,
            q.text,
            p["file"],
            p["section"]
        );
        let copies = p["copies"].as_array().unwrap();
        assert!(!copies.is_empty(), "{}", demand.id);
        for c in copies {
            let c = c.as_str().unwrap();
            assert!(known.contains(&c), "{}: copy {c} is not in sources.json", demand.id);
            // The copy is named in the section's heading or its lines.
            let label = format!("[{}]", c.split_once(':').unwrap().1);
            let heading = file.lines().find(|l| l.starts_with(p["section"].as_str().unwrap())).unwrap();
            assert!(heading.contains(&label) || lines.iter().any(|l| l.contains(&label)), "{}: {label} is not named in its section", demand.id);
        }
        // An excerpt says so.
        let whole = verbatim(&lines).iter().any(|l| *l == q.text || l.trim_end_matches('.') == q.text);
        if !whole {
            assert!(q.source.contains("excerpt"), "{}: a part of a passage is quoted; its source must say “excerpt”", demand.id);
        }
    }
}

#[test]
fn every_fact_names_its_sources_and_every_source_is_recorded() {
    let d = data();
    let record = sources();
    let all = record["sources"].as_array().unwrap();
    let known: Vec<&str> = all.iter().map(|s| s["id"].as_str().unwrap()).collect();
    let facts = record["facts"].as_array().unwrap();
    let ids = |e: &Value| -> Vec<String> { e["sources"].as_array().unwrap().iter().map(|x| x.as_str().unwrap().to_string()).collect() };
    for e in facts {
        let list = ids(e);
        assert!(!list.is_empty(), "{e}");
        for id in &list {
            assert!(known.contains(&id.as_str()), "{e}: source \"{id}\" is not in sources.json");
        }
    }
    // The accession dates: NATO's list for all, and for each date after
    // the founders' one the record it was checked against, naming exactly
    // the states facts.json gives that date (a date changed in one file and
    // not the other fails here).
    assert!(facts.iter().any(|e| e["state"] == "*" && e["field"] == "nato"));
    let mut joined: std::collections::BTreeMap<String, Vec<String>> = Default::default();
    for s in d.facts.states.iter().filter(|s| s.nato.is_some()) {
        joined.entry(s.nato.unwrap().to_string()).or_default().push(s.iso.clone());
    }
    let founders = joined.keys().next().cloned().expect("NATO members in facts.json");
    assert_eq!(founders, "1949-08-24");
    for (date, states) in joined.iter_mut().filter(|(d, _)| **d != founders) {
        states.sort();
        let e = facts.iter().find(|e| e["nato_accession"] == date.as_str()).unwrap_or_else(|| panic!("accession of {date}: no record in sources.json"));
        let named: Vec<String> = e["states"].as_array().unwrap().iter().map(|x| x.as_str().unwrap().to_string()).collect();
        assert_eq!(&named, states, "accession of {date}: the record names other states than facts.json");
    }
    for e in facts.iter().filter(|e| e.get("nato_accession").is_some()) {
        assert!(joined.contains_key(e["nato_accession"].as_str().unwrap()), "{e}: no state joined on that date in facts.json");
    }
    // Every hosting entry, by host, owner and start.
    for h in &d.facts.nuclear_hosting {
        let from = h.span.from.map(|f| f.to_string());
        let e = facts.iter().find(|e| e["hosting"] == h.host.as_str() && e["owner"] == h.owner.as_str() && e["from"].as_str().map(str::to_string) == from);
        assert!(e.is_some(), "nuclear_hosting {} {} from {from:?}: no sources in sources.json", h.host, h.owner);
        assert!(h.source.contains("not independently confirmed") || h.source.contains("never officially confirmed"), "{}: {}", h.host, h.source);
    }
    // Each entry names a fact that exists: no stale records.
    for e in facts.iter().filter(|e| e.get("hosting").is_some()) {
        assert!(d.facts.nuclear_hosting.iter().any(|h| e["hosting"] == h.host.as_str()), "{e}");
    }
    // The notes that state facts (Armenia, Uzbekistan, Azerbaijan, Georgia).
    for iso in ["ARM", "UZB", "AZE", "GEO"] {
        assert!(d.facts.state(iso).unwrap().note.is_some(), "{iso}");
        assert!(facts.iter().any(|e| e["state"] == iso && e["field"] == "note"), "{iso}: its note has no sources");
    }
    assert!(d.facts.borders.is_some(), "facts.json has the borders note");
    assert!(facts.iter().any(|e| e["borders"] == true));
    for s in all {
        let id = s["id"].as_str().unwrap();
        for field in ["title", "publisher", "date", "url"] {
            assert!(s.get(field).is_some(), "source {id}: field `{field}` (null when unknown)");
        }
        assert!(s["url"].is_string() || s["note"].is_string(), "source {id}: an address or a note saying why not");
        if let Some(date) = s["date"].as_str() {
            let ok = date.parse::<Date>().is_ok() || format!("{date}-01").parse::<Date>().is_ok();
            assert!(ok, "source {id}: date {date} is not YYYY-MM-DD or YYYY-MM");
        }
    }
}

#[test]
fn the_numbers_the_page_states_are_counted_from_the_facts() {
    let mut d = data();
    let today = Date::new(2026, 12, 2);
    assert!(d.catalogue.fill_counts(&d.facts, today).is_empty());
    let n4 = d.catalogue.demand("nato-4").unwrap();
    // NATO on 27 May 1997: the 12 of 1949, Greece and Turkey (1952),
    // Germany (1955), Spain (1982).
    assert!(n4.bound.contains("the 16 states"), "{}", n4.bound);
    // Joined after it: 3 in 1999, 7 in 2004, 2 in 2009, Montenegro (2017),
    // North Macedonia (2020): 14 by December 2021; Finland and Sweden since.
    assert!(n4.summary.contains("14 by 17 December 2021, 16 as of today"), "{}", n4.summary);
    for x in &d.catalogue.demands {
        for t in [&x.title, &x.summary, &x.bound, &x.restricts] {
            assert!(!t.contains('{'), "{}: {t}", x.id);
        }
    }
}

#[test]
fn the_collated_texts_are_the_shared_ones_when_they_are_beside_the_repo() {
    let shared = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/sources/texts");
    if !std::path::Path::new(shared).is_dir() {
        return; // Not every checkout has the shared sources beside it.
    }
    for f in ["us-treaty.en.txt", "nato-agreement.en.txt", "us-treaty.ru.txt", "nato-agreement.ru.txt"] {
        let theirs = std::fs::read_to_string(format!("{shared}/{f}")).unwrap();
        assert!(theirs == text(f), "geo/texts/{f} differs from shared/sources/texts/{f}: copy it again and update geo/texts/README.md");
    }
}
