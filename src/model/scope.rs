//! Scope rules: which states a demand reaches, declared over the facts and
//! evaluated on a date under the reader's readings of disputed terms.

use super::date::Date;
use super::facts::Facts;
use super::json::{self, Obj};
use serde_json::Value;

/// A rule over one state. Written in `demands.json` as, for example,
/// `{"all": ["former_ussr", {"not": "nato_member"}, {"not": {"states": ["RUS"]}}]}`:
/// a rule without an argument is its name, one with an argument a one-key
/// object (see [`Rule::read`]).
#[derive(Clone, Debug, PartialEq)]
pub enum Rule {
    /// Every state.
    Everywhere,
    All(Vec<Rule>),
    Any(Vec<Rule>),
    Not(Box<Rule>),
    /// A list, for a rule that really is a list; say where it comes from.
    States(Vec<String>),
    FormerUssr,
    /// A NATO member on the reader's date.
    NatoMember,
    /// A NATO member on a fixed date, such as 27 May 1997.
    NatoMemberOn(Date),
    /// A member of the Collective Security Treaty / CSTO on the reader's date.
    CstoMember,
    InRegion(String),
    /// Hosts the nuclear weapons of the given state on the reader's date.
    HostsNuclearWeaponsOf(String),
    /// Shares a land border with a state the inner rule holds for.
    Borders(Box<Rule>),
    /// Depends on the reading the reader chose for a disputed term: the
    /// rule for each reading, sorted by reading.
    Reading { term: String, cases: Vec<(String, Rule)> },
}

/// Every rule's name, as written.
const NAMES: [&str; 13] = [
    "everywhere",
    "all",
    "any",
    "not",
    "states",
    "former_ussr",
    "nato_member",
    "nato_member_on",
    "csto_member",
    "in_region",
    "hosts_nuclear_weapons_of",
    "borders",
    "reading",
];

/// The rule named `name` that takes no argument.
fn unit(name: &str) -> Option<Rule> {
    Some(match name {
        "everywhere" => Rule::Everywhere,
        "former_ussr" => Rule::FormerUssr,
        "nato_member" => Rule::NatoMember,
        "csto_member" => Rule::CstoMember,
        _ => return None,
    })
}

fn unknown(name: &str, path: &str) -> String {
    let list: Vec<String> = NAMES.iter().map(|n| format!("`{n}`")).collect();
    json::at(path, &format!("unknown rule `{name}`, expected one of {}", list.join(", ")))
}

/// A list of rules at `path`.
fn rules(v: &Value, path: &str) -> Result<Vec<Rule>, String> {
    json::list(v, path)?.iter().enumerate().map(|(i, r)| Rule::read(r, &format!("{path}[{i}]"))).collect()
}

/// The reader's reading of each disputed term: term id → option value.
pub type Readings = StringMap;

// The page keeps its small maps and sets as sorted `Vec`s (`litemap` for
// the maps), not in `BTreeMap`/`BTreeSet`: each B-tree instantiation costs
// 1–2.5 KB gzipped of WebAssembly, and these hold a handful to a few hundred
// entries.

/// Strings by string key, sorted by key, each key once.
pub type StringMap = litemap::LiteMap<String, String>;

/// Lists of strings by string key, sorted by key, each key once: land
/// neighbours by ISO code, demand ids by state, options by term.
pub type ListMap = litemap::LiteMap<String, Vec<String>>;

/// Where `s` is, or would go, in a sorted list of distinct strings (a set
/// of ISO codes or ids).
pub fn set_find(set: &[String], s: &str) -> Result<usize, usize> {
    set.binary_search_by(|x| x.as_str().cmp(s))
}

/// Adds `s` to a sorted list of distinct strings where it belongs; false
/// if it was there already.
pub fn set_add(set: &mut Vec<String>, s: &str) -> bool {
    match set_find(set, s) {
        Ok(_) => false,
        Err(i) => {
            set.insert(i, s.to_string());
            true
        }
    }
}

/// What a rule is evaluated against.
pub struct Context<'a> {
    pub facts: &'a Facts,
    pub on: Date,
    pub readings: &'a Readings,
    /// Land neighbours by ISO code, from the geometry.
    pub neighbours: &'a ListMap,
}

impl Rule {
    /// A rule as `demands.json` writes it, at `path` within its entry: a
    /// name (`"former_ussr"`) for a rule without an argument, a one-key
    /// object (`{"not": rule}`, `{"states": ["RUS"]}`) for one with, and
    /// `{"reading": {"term": id, "cases": {reading: rule}}}`.
    pub(crate) fn read(v: &Value, path: &str) -> Result<Rule, String> {
        let (name, arg) = match v {
            Value::String(name) => {
                return match unit(name) {
                    Some(r) => Ok(r),
                    None if NAMES.contains(&name.as_str()) => {
                        Err(json::at(path, &format!("rule `{name}` takes an argument: write {{\"{name}\": …}}")))
                    }
                    None => Err(unknown(name, path)),
                }
            }
            Value::Object(map) => match (map.iter().next(), map.len()) {
                (Some((name, arg)), 1) => (name.as_str(), arg),
                (_, n) => return Err(json::at(path, &format!("expected a rule: an object with one key, found {n} keys"))),
            },
            _ => return Err(json::at(path, &json::expected("a rule: a name, or an object with one key", v))),
        };
        let inner = json::join(path, name);
        Ok(match name {
            "all" => Rule::All(rules(arg, &inner)?),
            "any" => Rule::Any(rules(arg, &inner)?),
            "not" => Rule::Not(Box::new(Rule::read(arg, &inner)?)),
            "borders" => Rule::Borders(Box::new(Rule::read(arg, &inner)?)),
            "states" => Rule::States(json::strings(arg, &inner)?),
            "nato_member_on" => Rule::NatoMemberOn(Date::read(arg, &inner)?),
            "in_region" => Rule::InRegion(json::string(arg, &inner)?),
            "hosts_nuclear_weapons_of" => Rule::HostsNuclearWeaponsOf(json::string(arg, &inner)?),
            "reading" => {
                let o = Obj::new(arg, inner)?;
                o.deny_unknown(&["term", "cases"])?;
                let term = o.string("term")?;
                let c = o.obj("cases")?;
                let mut cases = Vec::with_capacity(c.map.len());
                for (k, r) in c.map {
                    cases.push((k.clone(), Rule::read(r, &c.path_of(k))?));
                }
                cases.sort_by(|a, b| a.0.cmp(&b.0));
                Rule::Reading { term, cases }
            }
            _ => match unit(name) {
                // `{"former_ussr": null}` is the name written as an object.
                Some(r) if arg.is_null() => r,
                Some(_) => return Err(json::at(&inner, "takes no argument")),
                None => return Err(unknown(name, path)),
            },
        })
    }

    pub fn holds(&self, iso: &str, cx: &Context) -> bool {
        match self {
            Rule::Everywhere => true,
            Rule::All(rs) => rs.iter().all(|r| r.holds(iso, cx)),
            Rule::Any(rs) => rs.iter().any(|r| r.holds(iso, cx)),
            Rule::Not(r) => !r.holds(iso, cx),
            Rule::States(list) => list.iter().any(|s| s == iso),
            Rule::FormerUssr => cx.facts.state(iso).is_some_and(|s| s.former_ussr),
            Rule::NatoMember => cx.facts.is_nato_member(iso, cx.on),
            Rule::NatoMemberOn(d) => cx.facts.is_nato_member(iso, *d),
            Rule::CstoMember => cx.facts.is_csto_member(iso, cx.on),
            Rule::InRegion(r) => cx.facts.in_region(iso, r),
            Rule::HostsNuclearWeaponsOf(owner) => cx.facts.nuclear_hosting(iso, owner, cx.on).is_some(),
            Rule::Borders(r) => cx
                .neighbours
                .get(iso)
                .is_some_and(|ns| ns.iter().any(|n| cx.facts.state(n).is_some() && r.holds(n, cx))),
            Rule::Reading { term, cases } => {
                cx.readings
                    .get(term)
                    .and_then(|v| cases.iter().find(|(c, _)| c == v))
                    .is_some_and(|(_, r)| r.holds(iso, cx))
            }
        }
    }

    /// The states of the facts the rule holds for, sorted.
    pub fn states(&self, cx: &Context) -> Vec<String> {
        let mut out = Vec::new();
        for s in cx.facts.states.iter().filter(|s| self.holds(&s.iso, cx)) {
            set_add(&mut out, &s.iso);
        }
        out
    }

    /// Every problem with the rule's references; `at` says where it is.
    pub fn check(&self, facts: &Facts, terms: &ListMap, at: &str, errs: &mut Vec<String>) {
        match self {
            Rule::All(rs) | Rule::Any(rs) => rs.iter().for_each(|r| r.check(facts, terms, at, errs)),
            Rule::Not(r) | Rule::Borders(r) => r.check(facts, terms, at, errs),
            Rule::States(list) => {
                for s in list.iter().filter(|s| facts.state(s).is_none()) {
                    errs.push(format!("{at}: unknown state \"{s}\""));
                }
            }
            Rule::InRegion(r) if facts.region(r).is_none() => errs.push(format!("{at}: unknown region \"{r}\"")),
            Rule::HostsNuclearWeaponsOf(o) if facts.state(o).is_none() => {
                errs.push(format!("{at}: unknown state \"{o}\""))
            }
            Rule::Reading { term, cases } => match terms.get(term) {
                None => errs.push(format!("{at}: unknown term \"{term}\"")),
                Some(options) => {
                    for o in options.iter().filter(|o| !cases.iter().any(|(c, _)| c == *o)) {
                        errs.push(format!("{at}: no case for reading \"{o}\" of term \"{term}\""));
                    }
                    for (v, r) in cases {
                        if !options.contains(v) {
                            errs.push(format!("{at}: term \"{term}\" has no reading \"{v}\""));
                        }
                        r.check(facts, terms, at, errs);
                    }
                }
            },
            _ => {}
        }
    }
}
