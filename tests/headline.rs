//! The headline over the map, from the committed facts: every expected
//! sentence is written out by hand from the facts' regions and the states'
//! sizes (Ukraine 604,000 km², Belarus 208,000, Moldova 34,000: figures any
//! atlas gives), not computed by the code under test.

mod common;
use common::data;
use treaty_map::model::date::Date;
use treaty_map::model::headline::{area, headline, names, View};
use treaty_map::model::locale::Locale;

fn en() -> Locale {
    Locale::read("en", &common::read("locales/en.json")).unwrap_or_else(|e| panic!("{e}"))
}

const D1997: Date = Date::new(1997, 5, 27);
const D2021: Date = Date::new(2021, 12, 17);

fn isos(s: &str) -> Vec<String> {
    let mut v: Vec<String> = s.split_whitespace().map(str::to_string).collect();
    v.sort();
    v
}

#[test]
fn areas_read_as_a_reader_says_them() {
    assert_eq!(area(5_006_123.0, &en()), "5.0 million km²");
    assert_eq!(area(17_098_000.0, &en()), "17.1 million km²");
    // Just under a million rounds up to the million form, not "1,000,000 km²".
    assert_eq!(area(999_600.0, &en()), "1.0 million km²");
    assert_eq!(area(603_550.0, &en()), "604,000 km²");
    assert_eq!(area(499.0, &en()), "0 km²");
}

#[test]
fn nato_7a_narrow_names_three_states_and_two_whole_regions() {
    let d = data();
    // nato-7a, narrow reading, 17 December 2021: Ukraine, Belarus, Moldova,
    // all three of the South Caucasus and all five of Central Asia. Eastern
    // Europe is not named: Poland and five more of its members are not reached.
    let states = isos("UKR BLR MDA ARM AZE GEO KAZ KGZ TJK TKM UZB");
    let area_of = |iso: &str| d.atlas.area_km2(std::iter::once(iso));
    let whole = d.atlas.area_km2(states.iter().map(String::as_str));
    let v = View { states: &states, whole_km2: whole, zone_km2: None, on: D2021 };
    assert_eq!(
        headline(&v, &d.facts, &en(), area_of),
        "Ukraine, Belarus, Moldova, the South Caucasus and Central Asia: 11 states, 5.0 million km², as of 17 December 2021"
    );
}

#[test]
fn a_region_missing_one_member_is_not_named() {
    let d = data();
    // Four of Central Asia's five: each by name, the largest first
    // (Kazakhstan, Turkmenistan, Uzbekistan, Kyrgyzstan).
    let states = isos("KAZ KGZ TKM UZB");
    let n: Vec<String> = names(&states, &d.facts, &en(), |iso| d.atlas.area_km2(std::iter::once(iso))).into_iter().map(|x| x.text).collect();
    assert_eq!(n, ["Kazakhstan", "Turkmenistan", "Uzbekistan", "Kyrgyzstan"]);
}

#[test]
fn the_larger_region_claims_its_members_first() {
    let d = data();
    // All of the facts' "States in Europe" (47, Russia among them) and the
    // South Caucasus: Europe is named as one, Eastern Europe (inside it) is not.
    let europe = d.facts.region("europe").unwrap().members.clone();
    let mut states = europe.clone();
    states.extend(isos("ARM AZE GEO"));
    states.sort();
    let n: Vec<String> = names(&states, &d.facts, &en(), |_| 1.0).into_iter().map(|x| x.text).collect();
    assert_eq!(n, ["the South Caucasus", "the states in Europe"]);
}

#[test]
fn many_names_keep_the_four_with_most_land_and_count_the_rest() {
    let d = data();
    // us-4a on 27 May 1997: the fourteen former Soviet republics besides
    // Russia. Names: Ukraine, Belarus, Lithuania, Latvia, Estonia, Moldova
    // and the two regions: eight, more than five. By land: Central Asia
    // (4.0 million), Ukraine, Belarus (208,000), the South Caucasus
    // (186,000); the four left are the Baltic states and Moldova.
    let states = isos("ARM AZE BLR EST GEO KAZ KGZ LVA LTU MDA TJK TKM UKR UZB");
    let area_of = |iso: &str| d.atlas.area_km2(std::iter::once(iso));
    let whole = d.atlas.area_km2(states.iter().map(String::as_str));
    let v = View { states: &states, whole_km2: whole, zone_km2: None, on: D1997 };
    let h = headline(&v, &d.facts, &en(), area_of);
    assert!(
        h.starts_with("Ukraine, Belarus, the South Caucasus, Central Asia and 4 other states: 14 states, 5.2 million km², as of 27 May 1997"),
        "{h}"
    );
}

#[test]
fn articles_and_single_states_and_zones() {
    let d = data();
    let one = isos("GBR");
    let v = View { states: &one, whole_km2: 0.0, zone_km2: Some(12_400.0), on: D2021 };
    // Only a zone's land: no "0 km² of whole states".
    assert_eq!(headline(&v, &d.facts, &en(), |_| 1.0), "The United Kingdom: 1 state, 12,000 km² in distance zones, as of 17 December 2021");
    let two = isos("NLD POL");
    let v = View { states: &two, whole_km2: 346_000.0, zone_km2: Some(1_250_000.0), on: D2021 };
    // Poland (313,000 km²) before the Netherlands (42,000).
    let area_of = |iso: &str| if iso == "POL" { 313_000.0 } else { 42_000.0 };
    assert_eq!(
        headline(&v, &d.facts, &en(), area_of),
        "Poland and the Netherlands: 2 states, 346,000 km² of whole states and 1.3 million km² in distance zones, as of 17 December 2021"
    );
    let none: Vec<String> = Vec::new();
    let v = View { states: &none, whole_km2: 0.0, zone_km2: None, on: D2021 };
    assert!(headline(&v, &d.facts, &en(), |_| 1.0).starts_with("No state is reached"));
}

fn locale(code: &str) -> Locale {
    let d = data();
    let en = en();
    treaty_map::model::locale::load(code, &common::read(&format!("locales/{code}.json")), &en, &d.catalogue, &d.facts).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn russian_headline_with_its_plurals_numbers_and_date() {
    let d = data();
    let ru = locale("ru");
    let states = isos("UKR BLR MDA ARM AZE GEO KAZ KGZ TJK TKM UZB");
    let area_of = |iso: &str| d.atlas.area_km2(std::iter::once(iso));
    let whole = d.atlas.area_km2(states.iter().map(String::as_str));
    let v = View { states: &states, whole_km2: whole, zone_km2: None, on: D2021 };
    // 11 → many ("государств"); CLDR ru: decimal ",", "5,0 млн км²".
    assert_eq!(
        headline(&v, &d.facts, &ru, area_of),
        "Украина, Беларусь, Молдова, Закавказье (Южный Кавказ) и Центральная Азия: 11 государств, 5,0 млн км², на 17 декабря 2021\u{202f}г."
    );
    // 21 → one, 2 → few, in the counted others and the total.
    let one = isos("GBR");
    let v = View { states: &one, whole_km2: 243_000.0, zone_km2: None, on: D1997 };
    assert_eq!(headline(&v, &d.facts, &ru, |_| 1.0), "Великобритания: 1 государство, 243\u{a0}000 км², на 27 мая 1997\u{202f}г.");
    let two = isos("NLD POL");
    let v = View { states: &two, whole_km2: 346_000.0, zone_km2: Some(1_250_000.0), on: D2021 };
    let area_of = |iso: &str| if iso == "POL" { 313_000.0 } else { 42_000.0 };
    assert_eq!(
        headline(&v, &d.facts, &ru, area_of),
        "Польша и Нидерланды: 2 государства, 346\u{a0}000 км² — государства целиком и 1,3 млн км² в зонах удаленности, на 17 декабря 2021\u{202f}г."
    );
    assert_eq!(ru.plural("head.others", 21, &[]), "ещё 21 государство");
    assert_eq!(ru.plural("head.others", 4, &[]), "ещё 4 государства");
    assert_eq!(ru.plural("head.others", 5, &[]), "ещё 5 государств");
}

#[test]
fn polish_headline_with_its_plurals() {
    let d = data();
    let pl = locale("pl");
    // us-4a on 27 May 1997: four names and "4 inne państwa" (few), 14 państw (many).
    let states = isos("ARM AZE BLR EST GEO KAZ KGZ LVA LTU MDA TJK TKM UKR UZB");
    let area_of = |iso: &str| d.atlas.area_km2(std::iter::once(iso));
    let whole = d.atlas.area_km2(states.iter().map(String::as_str));
    let v = View { states: &states, whole_km2: whole, zone_km2: None, on: D1997 };
    let h = headline(&v, &d.facts, &pl, area_of);
    assert!(h.starts_with("Ukraina, Białoruś, Kaukaz Południowy (Zakaukazie), Azja Środkowa i 4 inne państwa: 14 państw, 5,2 mln km², stan na 27 maja 1997"), "{h}");
    let one = isos("DEU");
    let v = View { states: &one, whole_km2: 5_006.0, zone_km2: None, on: D2021 };
    // Polish groups from five digits (minimumGroupingDigits 2): 5000, not 5 000.
    assert_eq!(headline(&v, &d.facts, &pl, |_| 1.0), "Niemcy: 1 państwo, 5000 km², stan na 17 grudnia 2021");
    assert_eq!(pl.plural("head.others", 1, &[]), "1 inne państwo");
    assert_eq!(pl.plural("head.others", 22, &[]), "22 inne państwa");
    assert_eq!(pl.plural("head.others", 25, &[]), "25 innych państw");
    assert_eq!(pl.plural("count.states", 21, &[]), "21 państw");
}
