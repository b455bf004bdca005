//! The locale files (geo/locales/*.json): each loads and is complete
//! against English and the data; plurals, numbers and dates follow each
//! language's CLDR rules. The expected strings are written out by hand from
//! each language's grammar and CLDR's data (cited beside them), not computed
//! by the code under test.

mod common;
use common::read;
use treaty_map::model::date::Date;
use treaty_map::model::demand::Catalogue;
use treaty_map::model::facts::Facts;
use treaty_map::model::load;
use treaty_map::model::locale::{self, Category, Locale, LOCALES};

fn data() -> (Facts, Catalogue) {
    let facts = load::facts(&read("facts.json")).expect("facts.json loads");
    let cat = load::catalogue(&read("demands.json"), &facts).expect("demands.json loads");
    (facts, cat)
}

fn text(code: &str) -> String {
    read(&locale::file_name(code))
}

fn en() -> Locale {
    Locale::read("en", &text("en")).unwrap_or_else(|e| panic!("{e}"))
}

fn all() -> Vec<Locale> {
    let (facts, cat) = data();
    let en = en();
    LOCALES.iter().map(|c| locale::load(c, &text(c), &en, &cat, &facts).unwrap_or_else(|e| panic!("{e}"))).collect()
}

fn get(code: &str) -> Locale {
    all().into_iter().find(|l| l.code == code).unwrap()
}

#[test]
fn every_locale_loads_and_is_complete() {
    // `check` compares keys, placeholders, glossary, treaties, terms,
    // demands, regions, parties, state names, notes and sources.
    let ls = all();
    assert_eq!(ls.len(), 6);
    let en = en();
    for l in &ls {
        assert_eq!(l.messages.len(), en.messages.len(), "{}", l.code);
        assert!(!l.name.is_empty());
    }
}

#[test]
fn every_key_and_placeholder_is_in_every_locale() {
    // Independent of `check`: the raw JSON keys and `{…}` names.
    fn keys(code: &str) -> Vec<(String, Vec<String>)> {
        let v: serde_json::Value = serde_json::from_str(&text(code)).unwrap();
        let mut out: Vec<(String, Vec<String>)> = v["messages"]
            .as_object()
            .unwrap()
            .iter()
            .map(|(k, m)| {
                let texts: Vec<&str> = match m {
                    serde_json::Value::String(s) => vec![s.as_str()],
                    o => o.as_object().unwrap().values().map(|x| x.as_str().unwrap()).collect(),
                };
                let mut ps: Vec<String> = texts.iter().flat_map(|t| t.split('{').skip(1).map(|p| p.split('}').next().unwrap().to_string())).collect();
                ps.sort();
                ps.dedup();
                (k.clone(), ps)
            })
            .collect();
        out.sort();
        out
    }
    let en = keys("en");
    assert!(en.len() > 100, "{}", en.len());
    for code in &LOCALES[1..] {
        assert_eq!(keys(code), en, "{code}: keys or placeholders differ from English");
    }
}

#[test]
fn every_state_in_the_facts_has_a_name_in_every_locale() {
    let (facts, _) = data();
    let en = en();
    for l in all() {
        for s in &facts.states {
            let name = l.state(&s.iso, &facts);
            assert!(!name.is_empty() && name != s.iso, "{} {}", l.code, s.iso);
            if l.code != "en" {
                assert!(l.states.get(&s.iso).is_some(), "{}: no CLDR name for {}", l.code, s.iso);
            }
        }
        for iso in &facts.context {
            if l.code != "en" {
                assert!(l.states.get(iso).is_some(), "{}: no name for context state {iso}", l.code);
            }
        }
    }
    assert!(en.states.is_empty(), "English names are facts.json's");
}

#[test]
fn cldr_names_of_some_states() {
    let (facts, _) = data();
    let expect = [
        ("ru", "XKX", "Косово"),
        ("ru", "USA", "США"),
        ("ru", "BLR", "Беларусь"),
        ("uk", "RUS", "Росія"),
        ("uk", "USA", "США"),
        ("de", "CZE", "Tschechien"),
        ("de", "XKX", "Kosovo"),
        ("fr", "MKD", "Macédoine du Nord"),
        ("pl", "XKX", "Kosowo"),
        ("pl", "DEU", "Niemcy"),
    ];
    for (code, iso, name) in expect {
        assert_eq!(get(code).state(iso, &facts), name, "{code} {iso}");
    }
}

#[test]
fn plural_categories_for_0_1_2_5_11_21_22() {
    use Category::*;
    let ns = [0, 1, 2, 5, 11, 21, 22];
    // CLDR 48 plurals.json: ru and uk one = i%10=1 and i%100!=11, few =
    // i%10=2..4 and i%100!=12..14, many = the rest of the integers; pl one =
    // 1 only, few as ru, many the rest; fr one = 0 and 1; en and de one = 1.
    let expect: [(&str, [Category; 7]); 6] = [
        ("en", [Other, One, Other, Other, Other, Other, Other]),
        ("de", [Other, One, Other, Other, Other, Other, Other]),
        ("fr", [One, One, Other, Other, Other, Other, Other]),
        ("ru", [Many, One, Few, Many, Many, One, Few]),
        ("uk", [Many, One, Few, Many, Many, One, Few]),
        ("pl", [Many, One, Few, Many, Many, Many, Few]),
    ];
    for (code, cats) in expect {
        let l = get(code);
        let got: Vec<Category> = ns.iter().map(|&n| l.category(n)).collect();
        assert_eq!(got, cats, "{code}");
    }
}

#[test]
fn counted_states_in_each_language() {
    let ns = [0, 1, 2, 5, 11, 21, 22];
    let expect = [
        ("en", ["0 states", "1 state", "2 states", "5 states", "11 states", "21 states", "22 states"]),
        ("ru", ["0 государств", "1 государство", "2 государства", "5 государств", "11 государств", "21 государство", "22 государства"]),
        ("uk", ["0 держав", "1 держава", "2 держави", "5 держав", "11 держав", "21 держава", "22 держави"]),
        ("de", ["0 Staaten", "1 Staat", "2 Staaten", "5 Staaten", "11 Staaten", "21 Staaten", "22 Staaten"]),
        ("fr", ["0 État", "1 État", "2 États", "5 États", "11 États", "21 États", "22 États"]),
        ("pl", ["0 państw", "1 państwo", "2 państwa", "5 państw", "11 państw", "21 państw", "22 państwa"]),
    ];
    for (code, texts) in expect {
        let l = get(code);
        for (n, t) in ns.iter().zip(texts) {
            assert_eq!(l.plural("count.states", *n, &[]), t, "{code} {n}");
        }
    }
    let ru = get("ru");
    let line: Vec<String> = [11, 21, 2].iter().map(|&n| ru.plural("count.states", n, &[])).collect();
    assert_eq!(line.join(" · "), "11 государств · 21 государство · 2 государства");
    let pl = get("pl");
    let line: Vec<String> = [1, 2, 5].iter().map(|&n| pl.plural("count.states", n, &[])).collect();
    assert_eq!(line.join(" · "), "1 państwo · 2 państwa · 5 państw");
}

#[test]
fn every_plural_message_has_the_forms_its_language_needs() {
    // Each plural message gives a distinct text for each integer category
    // (a form copied into another category would read wrong for one of
    // the numbers), and every form of 0..=30 is chosen without falling
    // back to `other` in ru, uk and pl.
    for l in all() {
        for (k, m) in l.messages.iter() {
            let locale::Message::Plural(forms) = m else { continue };
            for n in 0..=30u64 {
                let c = l.category(n);
                assert!(forms.iter().any(|f| f.0 == c), "{} {k}: no form `{}` for {n}", l.code, c.name());
            }
            assert!(forms.iter().all(|f| f.1.contains("{count}")), "{} {k}: a form without {{count}}", l.code);
        }
    }
}

#[test]
fn numbers_follow_cldr_grouping() {
    // CLDR 48 numbers.json, latn: group "," (en-GB), "." (de), U+00A0 (ru,
    // uk, pl), U+202F (fr); minimumGroupingDigits 2 in pl, 1 elsewhere.
    let nb = '\u{a0}';
    let nnb = '\u{202f}';
    let expect = [
        ("en", [ "5006".to_string(), "5,006".into(), "50,006".into(), "5,006,000".into()]),
        ("de", ["5006".into(), "5.006".into(), "50.006".into(), "5.006.000".into()]),
        ("ru", ["5006".into(), format!("5{nb}006"), format!("50{nb}006"), format!("5{nb}006{nb}000")]),
        ("uk", ["5006".into(), format!("5{nb}006"), format!("50{nb}006"), format!("5{nb}006{nb}000")]),
        ("fr", ["5006".into(), format!("5{nnb}006"), format!("50{nnb}006"), format!("5{nnb}006{nnb}000")]),
        ("pl", ["5006".into(), "5006".into(), format!("50{nb}006"), format!("5{nb}006{nb}000")]),
    ];
    for (code, [_, four, five, seven]) in expect {
        let l = get(code);
        assert_eq!(l.number(999), "999", "{code}");
        assert_eq!(l.number(5006), four, "{code}");
        assert_eq!(l.number(50_006), five, "{code}");
        assert_eq!(l.number(5_006_000), seven, "{code}");
    }
    assert_eq!(get("ru").area_km2(5_005_800.0), format!("5{nb}006{nb}000 км²"));
    assert_eq!(get("uk").area_km2(5_006_400.0), format!("5{nb}006{nb}000 км²"));
    assert_eq!(get("de").area_km2(5_006_000.0), "5.006.000 km²");
    assert_eq!(get("fr").area_km2(5_006_000.0), format!("5{nnb}006{nnb}000 km²"));
    assert_eq!(get("en").km(1000), "1,000 km");
    assert_eq!(get("pl").km(1000), "1000 km");
    assert_eq!(get("ru").km(5500), format!("5{nb}500 км"));
}

#[test]
fn dates_follow_cldr_long_format() {
    // CLDR 48 ca-gregorian.json dateFormats.long and months.format.wide.
    let d = Date::new(2021, 12, 17);
    let f = Date::new(1997, 5, 27);
    let expect = [
        ("en", "17 December 2021", "27 May 1997"),
        // ru and uk: a narrow no-break space (U+202F) before the
        // abbreviation, as CLDR writes the pattern: "d MMMM y\u202f'г'.".
        ("ru", "17 декабря 2021\u{202f}г.", "27 мая 1997\u{202f}г."),
        ("uk", "17 грудня 2021\u{202f}р.", "27 травня 1997\u{202f}р."),
        ("de", "17. Dezember 2021", "27. Mai 1997"),
        ("fr", "17 décembre 2021", "27 mai 1997"),
        ("pl", "17 grudnia 2021", "27 maja 1997"),
    ];
    for (code, a, b) in expect {
        let l = get(code);
        assert_eq!(l.date(d), a, "{code}");
        assert_eq!(l.date(f), b, "{code}");
    }
    // English as the page wrote it before locales.
    assert_eq!(get("en").date(d), d.long());
}

#[test]
fn messages_fill_their_placeholders() {
    let de = get("de");
    let t = de.text("details.nato_since", &[("date", &de.date(Date::new(2004, 3, 29)))]);
    assert_eq!(t, "NATO-Mitglied seit dem 29. März 2004.");
    let uk = get("uk");
    assert_eq!(uk.plural("present.steps", 21, &[]), "Презентація з 21 кроку");
    assert_eq!(uk.plural("present.steps", 3, &[]), "Презентація з 3 кроків");
    // An unknown key shows itself rather than breaking the page.
    assert_eq!(uk.text("no.such.key", &[]), "no.such.key");
}

#[test]
fn quotations_are_never_a_translation_passed_off_as_the_text() {
    let (_, cat) = data();
    let ls = all();
    let ru = ls.iter().find(|l| l.code == "ru").unwrap();
    // Verified Russian passages (shared/sources/texts/nato-agreement.ru.txt):
    // Art 6 whole, Art 7(1) predicate, Art 7(2) up to the cut.
    for id in ["nato-6", "nato-7a", "nato-7b"] {
        let q = ru.quotation(id, &cat).unwrap();
        assert_eq!(q.lang, "ru", "{id}");
        assert!(q.flag.is_none() && q.translation.is_none(), "{id}");
        // shared/ lies beside the repository, as on every machine and in CI.
        let src = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/sources/texts/nato-agreement.ru.txt"))
            .expect("shared/sources/texts/nato-agreement.ru.txt beside the repository");
        let body = q.text.trim_end_matches(" […]");
        assert!(body.chars().count() > 30 && src.contains(body), "{id}: the Russian quotation is not verbatim in the collated text");
    }
    assert!(ru.quotation("nato-7b", &cat).unwrap().text.ends_with("[…]"), "the cut is marked");
    // Elsewhere Russian shows the ministry's English, flagged.
    for d in cat.demands.iter().filter(|d| d.quote.is_some() && !["nato-6", "nato-7a", "nato-7b"].contains(&d.id.as_str())) {
        let q = ru.quotation(&d.id, &cat).unwrap();
        assert_eq!((q.lang, q.text.as_str()), ("en", d.quote.as_ref().unwrap().text.as_str()), "{}", d.id);
        assert_eq!(q.flag.as_deref(), Some("Русский оригинал не проверен"));
    }
    // uk, de, fr, pl: the ministry's English as the quotation, the map's
    // translation apart from it, never equal to it.
    for l in ls.iter().filter(|l| !["en", "ru"].contains(&l.code.as_str())) {
        for d in cat.demands.iter().filter(|d| d.quote.is_some()) {
            let q = l.quotation(&d.id, &cat).unwrap();
            assert_eq!(q.text, d.quote.as_ref().unwrap().text, "{} {}", l.code, d.id);
            assert_eq!(q.lang, "en");
            let t = q.translation.unwrap_or_else(|| panic!("{} {}: no translation", l.code, d.id));
            assert_ne!(t, q.text);
            assert!(!t.starts_with('«') && !t.starts_with('„') && !t.starts_with('“'), "{} {}: the translation is not a quotation", l.code, d.id);
            assert!(q.flag.is_none());
        }
        assert!(!l.text("quote.translation", &[]).is_empty());
    }
    // English: the quotation as demands.json has it, nothing beside it.
    let en = ls.iter().find(|l| l.code == "en").unwrap();
    let q = en.quotation("us-4a", &cat).unwrap();
    assert!(q.translation.is_none() && q.flag.is_none());
}

#[test]
fn disputed_terms_keep_both_wordings() {
    for l in all() {
        // Every locale shows the original's "Закавказье" for the region the
        // English calls "South Caucasus".
        let g = l.glossary.get("south_caucasus").unwrap();
        let region = l.regions.get("south-caucasus").map(String::as_str).unwrap_or("South Caucasus (Transcaucasia)");
        if l.code != "en" {
            assert!(g.contains("Закавказье") || g.contains(l.glossary.get("transcaucasia").unwrap().as_str()), "{}: {g}", l.code);
            assert!(region.contains(l.glossary.get("transcaucasia").unwrap().as_str()), "{}: {region}", l.code);
            for id in ["ee", "ally"] {
                let t = l.terms.get(id).unwrap();
                assert!(t.original.is_some(), "{}: term {id} has no Russian wording", l.code);
            }
        }
    }
}

#[test]
fn a_term_is_the_same_everywhere_it_is_used() {
    // The glossary's words appear in the texts that use them: the NATO
    // abbreviation, the CSTO's, and the missile classes.
    let (_, cat) = data();
    for l in all().iter().filter(|l| l.code != "en") {
        let nato = l.glossary.get("nato").unwrap();
        for id in ["us-4a", "nato-6", "nato-7a"] {
            assert!(l.demands.get(id).unwrap().title.contains(nato.as_str()), "{} {id}: title without {nato}", l.code);
        }
        let csto = l.glossary.get("csto").unwrap();
        assert!(l.terms.get("ally").unwrap().options.iter().any(|o| o.1.contains(csto.as_str())), "{}", l.code);
        let us = l.treaties.get("us").unwrap();
        assert_eq!(&us.0, l.glossary.get("us_treaty").unwrap(), "{}", l.code);
        let nato_t = l.treaties.get("nato").unwrap();
        assert_eq!(&nato_t.0, l.glossary.get("nato_agreement").unwrap(), "{}", l.code);
        assert_eq!(l.parties.get("United States"), l.states.get("USA"), "{}", l.code);
        assert_eq!(l.parties.get("Russia"), l.states.get("RUS"), "{}", l.code);
        let _ = &cat;
    }
}

#[test]
fn a_malformed_locale_file_is_named_and_english_still_works() {
    let (facts, cat) = data();
    let en = en();
    let good = text("de");
    let cases = [
        ("{not json", "not valid JSON"),
        ("[1]", "JSON object at the top"),
        (&*good.replacen("\"locale\": \"de\"", "\"locale\": \"fr\"", 1), "for \"fr\""),
        (&*good.replacen("\"head.headline\":", "\"head.headline.x\":", 1), "message \"head.headline\" is missing"),
        (&*good.replacen("\"NATO-Mitglied seit dem {date}.\"", "\"NATO-Mitglied seit {datum}.\"", 1), "message \"details.nato_since\": placeholders"),
        (&*good.replacen("\"{count} Staat\"", "\"{count Staat\"", 1), "without its `}`"),
        (&*good.replacen("\"one\": \"{count} Staat\"", "\"eins\": \"{count} Staat\"", 1), "not a CLDR plural category"),
        (&*good.replacen("\"date_long\": \"d. MMMM y\"", "\"date_long\": \"d. MMM y\"", 1), "`MMM`"),
    ];
    for (t, want) in cases {
        let Err(e) = locale::load("de", t, &en, &cat, &facts) else { panic!("loaded, though it should fail with {want:?}") };
        assert_eq!(e.file, "locales/de.json");
        assert!(e.to_string().contains(want), "wanted {want:?} in: {e}");
    }
    // A plural message without a form its language needs.
    let v: serde_json::Value = serde_json::from_str(&good).unwrap();
    let mut v1 = v.clone();
    v1["messages"]["count.states"].as_object_mut().unwrap().remove("one");
    let e = locale::load("de", &v1.to_string(), &en, &cat, &facts).unwrap_err();
    assert!(e.message.contains("message \"count.states\": missing the plural form `one` that de needs"), "{e}");
    // A demand's text without its field names the demand and the field.
    let mut v2 = v.clone();
    v2["demands"]["nato-6"].as_object_mut().unwrap().remove("summary");
    let e = locale::load("de", &v2.to_string(), &en, &cat, &facts).unwrap_err();
    assert!(e.message.contains("demand \"nato-6\"") && e.message.contains("`summary`"), "{e}");
    let mut v3 = v.clone();
    v3["states"].as_object_mut().unwrap().remove("XKX");
    let e = locale::load("de", &v3.to_string(), &en, &cat, &facts).unwrap_err();
    assert!(e.message.contains("state \"XKX\" (Kosovo) has no name"), "{e}");
    let mut v4 = v;
    v4["demands"]["nato-6"]["original"] = serde_json::json!({"text": "x", "source": "y"});
    let e = locale::load("de", &v4.to_string(), &en, &cat, &facts).unwrap_err();
    assert!(e.message.contains("belongs in the ru locale"), "{e}");
    // English is unaffected.
    assert_eq!(en.text("head.headline", &[]), "What Russia's draft treaties of 17 December 2021 would restrict");
}

#[test]
fn each_locale_file_is_at_most_15_kb_gzipped() {
    // Measured with the same deflate a server uses (flate2 is not a
    // dependency: the system's gzip, as scripts/size uses).
    for code in LOCALES {
        let path = format!("{}/geo/{}", env!("CARGO_MANIFEST_DIR"), locale::file_name(code));
        let out = std::process::Command::new("gzip").args(["-9", "-c", &path]).output().expect("gzip runs");
        assert!(out.status.success());
        let n = out.stdout.len();
        assert!(n <= 15 * 1024, "{code}: {n} bytes gzipped");
        assert!(n > 1000, "{code}: {n} bytes: the file is not there");
    }
}

#[test]
fn the_cldr_section_is_generated_and_current() {
    // scripts/locale-names.mjs writes `cldr` and `states`; the version is
    // the pinned package's.
    let pkg: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/package.json")).unwrap()).unwrap();
    let pinned = pkg["devDependencies"]["cldr-core"].as_str().expect("cldr-core is pinned in package.json");
    for code in LOCALES {
        let v: serde_json::Value = serde_json::from_str(&text(code)).unwrap();
        assert_eq!(v["cldr"]["version"].as_str(), Some(pinned), "{code}");
    }
}

// ---------------------------------------------------------------------------
// Translations made from the English they translate. A translation is made
// from one English text; when that English changes (demands.json, facts.json
// or en.json), the translation is stale until it is redone. For every
// translated text, `geo/locales/translated-from.json` records a fingerprint
// of the English it was made from; a changed English text then fails here,
// naming each entry, until the entry is retranslated and its fingerprint
// refreshed with `scripts/locale-refresh LOCALE:ENTRY …` (or `LOCALE` for
// every entry of that locale), which only writes the file.
//
// Not recorded: `parties` and `hosting`, whose keys are the English text
// itself (a changed English text leaves the entry missing, which `check`
// reports), and `states`, which are CLDR's.

const RECORD: &str = "locales/translated-from.json";

/// FNV-1a, 32 bits, of the text's UTF-8 bytes: enough to notice a change.
fn fingerprint(s: &str) -> String {
    let mut h: u32 = 0x811c_9dc5;
    for b in s.bytes() {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    format!("{h:08x}")
}

/// Every translated text `l` holds, named by entry, with the English text
/// it translates (where English has one; `check` reports the rest).
fn english_sources(l: &Locale, en: &Locale, cat: &Catalogue, facts: &Facts) -> Vec<(String, String)> {
    use treaty_map::model::demand::Layer;
    let mut out: Vec<(String, String)> = Vec::new();
    for k in l.messages.keys() {
        match en.messages.get(k) {
            Some(locale::Message::Text(t)) => out.push((format!("messages/{k}"), t.clone())),
            Some(locale::Message::Plural(forms)) => {
                let all: Vec<String> = forms.iter().map(|(c, t)| format!("{}: {t}", c.name())).collect();
                out.push((format!("messages/{k}"), all.join("\n")));
            }
            None => {}
        }
    }
    for k in l.glossary.keys() {
        if let Some(t) = en.glossary.get(k) {
            out.push((format!("glossary/{k}"), t.clone()));
        }
    }
    for t in &cat.treaties {
        if l.treaties.get(&t.id).is_some() {
            out.push((format!("treaties/{}/title", t.id), t.title.clone()));
            out.push((format!("treaties/{}/short", t.id), t.short.clone()));
        }
    }
    for t in &cat.terms {
        let Some(x) = l.terms.get(&t.id) else { continue };
        out.push((format!("terms/{}/label", t.id), t.label.clone()));
        if x.translation.is_some() {
            out.push((format!("terms/{}/translation", t.id), t.phrase.clone()));
        }
        if x.original.is_some() {
            out.push((format!("terms/{}/original", t.id), t.phrase.clone()));
        }
        for o in &t.options {
            if x.options.iter().any(|(v, _, _)| *v == o.value) {
                out.push((format!("terms/{}/options/{}/label", t.id, o.value), o.label.clone()));
                out.push((format!("terms/{}/options/{}/effect", t.id, o.value), o.effect.clone()));
            }
        }
    }
    for d in &cat.demands {
        let Some(x) = l.demands.get(&d.id) else { continue };
        let id = &d.id;
        out.push((format!("demands/{id}/title"), d.title.clone()));
        // The picker's shorter title shortens the English title.
        out.push((format!("demands/{id}/short"), d.title.clone()));
        out.push((format!("demands/{id}/summary"), d.summary.clone()));
        out.push((format!("demands/{id}/bound"), d.bound.clone()));
        out.push((format!("demands/{id}/restricts"), d.restricts.clone()));
        let note = match &d.layer {
            Layer::States { zone_note, .. } => zone_note.clone(),
            Layer::Distance { note, .. } => Some(note.clone()),
            Layer::None => None,
        };
        if let (Some(n), Some(_)) = (note, &x.note) {
            out.push((format!("demands/{id}/note"), n));
        }
        if let Some(q) = &d.quote {
            if x.translation.is_some() {
                out.push((format!("demands/{id}/translation"), q.text.clone()));
            }
            // The Russian original stands for the passage the English quotes.
            if x.original.is_some() {
                out.push((format!("demands/{id}/original"), q.text.clone()));
            }
        }
    }
    for r in &facts.regions {
        if l.regions.get(&r.id).is_some() {
            out.push((format!("regions/{}", r.id), r.name.clone()));
        }
    }
    for s in &facts.states {
        if let (Some(n), Some(_)) = (&s.note, l.state_notes.get(&s.iso)) {
            out.push((format!("state_notes/{}", s.iso), n.clone()));
        }
    }
    out
}

type Record = std::collections::BTreeMap<String, std::collections::BTreeMap<String, String>>;

fn record() -> Record {
    let v: serde_json::Value = serde_json::from_str(&read(RECORD)).expect("translated-from.json is JSON");
    let mut out = Record::new();
    for (code, entries) in v.as_object().expect("an object").iter().filter(|(k, _)| *k != "about") {
        let m = entries.as_object().unwrap_or_else(|| panic!("{code}: an object"));
        out.insert(code.clone(), m.iter().map(|(k, h)| (k.clone(), h.as_str().expect("a fingerprint").to_string())).collect());
    }
    out
}

/// Each entry whose English has changed since it was translated (or which
/// has no fingerprint, or a fingerprint for an entry the locale no longer
/// has), one line each. `refresh` says which entries to record as current
/// instead: `de` (all of it) or `de:demands/us-1/summary`.
fn stale(ls: &[Locale], en: &Locale, cat: &Catalogue, facts: &Facts, rec: &mut Record, refresh: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    for l in ls.iter().filter(|l| l.code != "en") {
        let code = l.code.as_str();
        let sources = english_sources(l, en, cat, facts);
        let mine = rec.entry(code.to_string()).or_default();
        for (key, english) in &sources {
            let now = fingerprint(english);
            if refresh.iter().any(|r| r == code || *r == format!("{code}:{key}")) {
                mine.insert(key.clone(), now);
                continue;
            }
            match mine.get(key) {
                Some(h) if *h == now => {}
                Some(h) => out.push(format!("{code} {key}: translated from an English text (fingerprint {h}) that has since changed (now {now}): retranslate it from the current English, then refresh")),
                None => out.push(format!("{code} {key}: no record of the English it was translated from")),
            }
        }
        let unused: Vec<String> = mine.keys().filter(|k| !sources.iter().any(|(s, _)| s == *k)).cloned().collect();
        for k in unused {
            if refresh.iter().any(|r| r == code || *r == format!("{code}:{k}")) {
                mine.remove(&k);
            } else {
                out.push(format!("{code} {k}: recorded, but the locale has no such translated text"));
            }
        }
    }
    out
}

#[test]
fn every_translation_is_of_the_current_english() {
    let (facts, cat) = data();
    let en = en();
    let ls = all();
    let mut rec = record();
    let refresh: Vec<String> = std::env::var("LOCALE_REFRESH").unwrap_or_default().split_whitespace().map(String::from).collect();
    let problems = stale(&ls, &en, &cat, &facts, &mut rec, &refresh);
    if !refresh.is_empty() {
        let mut v = serde_json::Map::new();
        v.insert("about".into(), serde_json::json!("Per locale and entry, a fingerprint (FNV-1a, 32 bits, hex) of the English text the translation was made from; checked by tests/locales.rs, refreshed by scripts/locale-refresh after a retranslation."));
        for (code, m) in &rec {
            v.insert(code.clone(), serde_json::to_value(m).unwrap());
        }
        let path = format!("{}/geo/{RECORD}", env!("CARGO_MANIFEST_DIR"));
        std::fs::write(&path, serde_json::to_string_pretty(&serde_json::Value::Object(v)).unwrap() + "\n").unwrap();
    }
    assert!(problems.is_empty(), "{} stale or unrecorded translations:\n{}", problems.len(), problems.join("\n"));
}

#[test]
fn a_changed_english_text_names_each_translation_made_from_it() {
    // The check above, run on data whose English has changed in two places:
    // a demand's summary and a state's note. Each translating locale is
    // named for exactly those two entries.
    let (facts, _) = data();
    let demands = read("demands.json");
    let old = "the Parties exercise restraint in military planning and exercises.";
    assert!(demands.contains(old));
    let cat = load::catalogue(&demands.replacen(old, "the Parties exercise restraint in military planning.", 1), &facts).unwrap();
    let facts_text = read("facts.json");
    let arm = "Froze its participation in the CSTO in February 2024";
    assert!(facts_text.contains(arm));
    let facts2 = load::facts(&facts_text.replacen(arm, "Froze its participation in the CSTO in 2024", 1)).unwrap();
    let en = en();
    let ls = all();
    let mut rec = record();
    let mut problems = stale(&ls, &en, &cat, &facts2, &mut rec, &[]);
    problems.sort();
    let mut want: Vec<String> = Vec::new();
    for code in &LOCALES[1..] {
        want.push(format!("{code} demands/nato-1/summary"));
        want.push(format!("{code} state_notes/ARM"));
    }
    want.sort();
    let named: Vec<String> = problems.iter().map(|p| p.split(':').next().unwrap().to_string()).collect();
    assert_eq!(named, want, "{problems:#?}");
    // Refreshing one entry records it and leaves the others named.
    let left = stale(&ls, &en, &cat, &facts2, &mut rec, &["de:demands/nato-1/summary".to_string()]);
    assert_eq!(left.len(), 9, "{left:#?}");
    assert!(stale(&ls, &en, &cat, &facts2, &mut rec, &[]).iter().all(|p| !p.starts_with("de demands/nato-1/summary")));
}

#[test]
fn a_demand_s_counts_are_the_same_placeholders_in_every_locale() {
    // A number the page states is counted from the facts in every language
    // (`{nato_members:1997-05-27}`, src/model/counts.rs), never written in
    // by a translator: each demand text holds the English text's counts,
    // and each is one the counter knows.
    fn counts(s: &str) -> Vec<String> {
        let mut v: Vec<String> = s.split('{').skip(1).filter_map(|p| p.split_once('}').map(|x| x.0.to_string())).collect();
        v.sort();
        v
    }
    let (facts, cat) = data();
    let today = Date::new(2026, 12, 3);
    let mut checked = 0;
    for l in all().iter().filter(|l| l.code != "en") {
        for d in &cat.demands {
            let x = l.demands.get(&d.id).unwrap();
            for (field, en, mine) in [("title", &d.title, &x.title), ("summary", &d.summary, &x.summary), ("bound", &d.bound, &x.bound), ("restricts", &d.restricts, &x.restricts)] {
                assert_eq!(counts(mine), counts(en), "{} {} {field}: {mine}", l.code, d.id);
                if mine.contains('{') {
                    treaty_map::model::counts::fill(mine, &facts, today).unwrap_or_else(|e| panic!("{} {} {field}: {e}", l.code, d.id));
                    checked += 1;
                }
            }
        }
    }
    // nato-4's bound and summary, in five languages.
    assert_eq!(checked, 10);
}

#[test]
fn the_switchers_names_are_each_files_own() {
    // The switcher names every language before its file is fetched.
    assert_eq!(locale::NAMES.map(|(c, _)| c), LOCALES);
    for l in all() {
        let (_, name) = locale::NAMES.iter().find(|(c, _)| *c == l.code).unwrap();
        assert_eq!(*name, l.name, "{}", l.code);
    }
}

#[test]
fn the_data_texts_fall_back_to_english_and_use_the_locale() {
    let (facts, cat) = data();
    let en = en();
    let ru = get("ru");
    let d = cat.demand("nato-7a").unwrap();
    assert_eq!(en.demand(d).title, d.title);
    assert_eq!(ru.demand(d).title, ru.demands.get("nato-7a").unwrap().title);
    assert_eq!(en.reference(d), "Art. 7 ¶1");
    assert_eq!(ru.reference(d), "ст. 7, п. 1");
    assert_eq!(get("de").reference(d), "Art. 7 Abs. 1");
    assert_eq!(ru.and_list(&["А".into(), "Б".into(), "В".into()]), "А, Б и В");
    assert_eq!(get("fr").and_list(&["A".into(), "B".into()]), "A et B");
    assert_eq!(ru.tenths(50), "5,0");
    assert_eq!(en.tenths(171), "17.1");
    assert_eq!(ru.party("NATO members"), "Члены НАТО");
    assert_eq!(en.party("NATO members"), "NATO members");
    let europe = facts.region("europe").unwrap();
    assert_eq!(get("pl").region("europe", &europe.name), "Państwa w Europie");
    assert_eq!(en.region("europe", &europe.name), europe.name);
}

#[test]
fn english_read_as_compiled_in_is_english_read_and_checked() {
    // The page reads its compiled-in en.json without the checks
    // (`read_trusted`); the checked reading gives the same texts.
    let en = en();
    let fast = Locale::read_trusted("en", &text("en")).expect("en.json reads");
    assert_eq!(fast.messages, en.messages);
    assert_eq!(fast.glossary, en.glossary);
    assert_eq!(fast.numbers, en.numbers);
    assert_eq!(fast.dates, en.dates);
    assert_eq!(fast.name, en.name);
    assert_eq!(fast.plural("count.states", 21, &[]), "21 states");
    assert!(Locale::read_trusted("en", "{}").is_none());
}
