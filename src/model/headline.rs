//! The headline over the map: the current view in plain words, from the
//! data. Which states (a region by its name when every one of its members is
//! reached), how many, how much land, and the date.
//!
//! "Ukraine, Belarus, Moldova, the South Caucasus and Central Asia:
//! 11 states, 5.0 million km², as of 17 December 2021"
//!
//! In the page's locale: its state and region names, its plurals, its
//! numbers and its dates ("…: 11 государств, 5,0 млн км², на 17 декабря
//! 2021 г.").

use super::date::Date;
use super::facts::Facts;
use super::locale::Locale;

/// At most this many names before "and N others".
const NAMED: usize = 5;

/// What the headline says about the states reached.
pub struct View<'a> {
    /// Every state any active demand reaches, whole or in part (sorted ISO codes).
    pub states: &'a [String],
    /// Land of the states reached whole, in km².
    pub whole_km2: f64,
    /// Land inside distance zones, in km², when a zone is drawn.
    pub zone_km2: Option<f64>,
    /// Memberships are evaluated on this date.
    pub on: Date,
}

/// A state's name inside a sentence: "the United Kingdom". English takes
/// the article with these names; the data holds the names as on a map.
/// Other languages name states without an article in a list.
fn in_sentence(name: &str, loc: &Locale) -> String {
    const WITH_THE: [&str; 3] = ["United Kingdom", "United States", "Netherlands"];
    if loc.code == "en" && WITH_THE.contains(&name) { format!("the {name}") } else { name.to_string() }
}

/// "5.0 million km²" from a million up, else "603,000 km²" (to 1,000 km²),
/// in the locale: "5,0 млн км²", "603 000 км²".
pub fn area(km2: f64, loc: &Locale) -> String {
    if km2 >= 999_500.0 {
        let tenths = (km2 / 100_000.0).round() as u64;
        loc.text("unit.million_km2", &[("n", &loc.tenths(tenths))])
    } else {
        loc.area_km2(km2)
    }
}

/// A name in the headline: a state, or a region standing for its members.
#[derive(Clone, Debug, PartialEq)]
pub struct Name {
    pub text: String,
    /// How many of the states reached it stands for.
    pub states: usize,
    /// Their land, km².
    pub km2: f64,
    pub region: bool,
}

/// The names for a set of states (sorted ISO codes): a region by its name
/// when all its members are reached and none of them is named yet (the
/// largest region first), then each other state. Listed states first, the
/// largest by `area` first, then regions in the facts' order: a sentence
/// names the particular before the general.
pub fn names(states: &[String], facts: &Facts, loc: &Locale, area: impl Fn(&str) -> f64) -> Vec<Name> {
    let mut regions: Vec<&super::facts::Region> = facts.regions.iter().filter(|r| r.members.len() > 1).collect();
    // Largest first; equal sizes keep the facts' order (a stable sort).
    regions.sort_by_key(|r| std::cmp::Reverse(r.members.len()));
    let mut covered: Vec<&str> = Vec::new();
    let mut taken: Vec<&super::facts::Region> = Vec::new();
    for r in regions {
        let all_in = r.members.iter().all(|m| states.binary_search(m).is_ok());
        let fresh = r.members.iter().all(|m| !covered.contains(&m.as_str()));
        if all_in && fresh {
            covered.extend(r.members.iter().map(String::as_str));
            taken.push(r);
        }
    }
    taken.sort_by_key(|r| facts.regions.iter().position(|x| x.id == r.id));
    let mut out: Vec<Name> = states
        .iter()
        .filter(|s| !covered.contains(&s.as_str()))
        .map(|iso| Name {
            text: in_sentence(loc.state(iso, facts), loc),
            states: 1,
            km2: area(iso),
            region: false,
        })
        .collect();
    out.sort_by(|a, b| b.km2.total_cmp(&a.km2).then(a.text.cmp(&b.text)));
    out.extend(taken.iter().map(|r| Name {
        text: if loc.code == "en" { r.short.clone() } else { loc.region(&r.id, &r.name).to_string() },
        states: r.members.len(),
        km2: r.members.iter().map(|m| area(m)).sum(),
        region: true,
    }));
    out
}

/// The headline for the view. With more than five names, the four with the
/// most land are named and the rest counted.
pub fn headline(view: &View, facts: &Facts, loc: &Locale, area_of: impl Fn(&str) -> f64) -> String {
    let date = loc.date(view.on);
    let n = view.states.len();
    if n == 0 {
        return loc.text("head.none", &[("date", &date)]);
    }
    let mut names = names(view.states, facts, loc, area_of);
    let mut others = 0;
    if names.len() > NAMED {
        let mut by_land: Vec<usize> = (0..names.len()).collect();
        by_land.sort_by(|&a, &b| names[b].km2.total_cmp(&names[a].km2));
        let keep = &by_land[..NAMED - 1];
        let mut i = 0;
        names.retain(|_| {
            i += 1;
            keep.contains(&(i - 1))
        });
        others = n - names.iter().map(|x| x.states).sum::<usize>();
    }
    let mut items: Vec<String> = names.into_iter().map(|x| x.text).collect();
    if others > 0 {
        items.push(loc.plural("head.others", others as u64, &[]));
    }
    let land = match view.zone_km2 {
        None => area(view.whole_km2, loc),
        Some(z) if view.whole_km2 < 500.0 => loc.text("head.zones_only", &[("zones", &area(z, loc))]),
        Some(z) => loc.text("head.whole_and_zones", &[("whole", &area(view.whole_km2, loc)), ("zones", &area(z, loc))]),
    };
    let states = loc.plural("count.states", n as u64, &[]);
    capital(loc.text("head.line", &[("names", &loc.and_list(&items)), ("states", &states), ("land", &land), ("date", &date)]))
}

/// "the United Kingdom: …" → "The United Kingdom: …".
fn capital(s: String) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => s,
    }
}

/// The headline before any demand is switched on.
pub fn empty(on: Date, loc: &Locale) -> String {
    loc.text("head.empty", &[("date", &loc.date(on))])
}
