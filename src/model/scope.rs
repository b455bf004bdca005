//! Scope rules: which states a demand reaches, declared over the facts and
//! evaluated on a date under the reader's readings of disputed terms.

use super::date::Date;
use super::facts::Facts;
use serde::Deserialize;
use std::collections::BTreeMap;

/// A rule over one state. Written in `demands.json` as, for example,
/// `{"all": ["former_ussr", {"not": "nato_member"}, {"not": {"states": ["RUS"]}}]}`.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
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
    /// Depends on the reading the reader chose for a disputed term.
    Reading { term: String, cases: BTreeMap<String, Rule> },
}

/// The reader's reading of each disputed term: term id → option value.
pub type Readings = StringMap;

// The page keeps its small maps and sets as sorted `Vec`s, not in
// `BTreeMap`/`BTreeSet`: each B-tree instantiation costs 1–2.5 KB gzipped
// of WebAssembly, and these hold a handful to a few hundred entries.

/// Strings by string key, as a `Vec` sorted by key, each key once.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct StringMap(Vec<(String, String)>);

impl StringMap {
    pub fn new() -> Self {
        Self::default()
    }

    fn slot(&self, key: &str) -> Result<usize, usize> {
        self.0.binary_search_by(|(k, _)| k.as_str().cmp(key))
    }

    pub fn get(&self, key: &str) -> Option<&String> {
        self.slot(key).ok().map(|i| &self.0[i].1)
    }

    /// Sets the value of `key`, replacing any it had.
    pub fn insert(&mut self, key: String, value: String) {
        match self.slot(&key) {
            Ok(i) => self.0[i].1 = value,
            Err(i) => self.0.insert(i, (key, value)),
        }
    }

    /// The entries in the order of their keys.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &String)> {
        self.0.iter().map(|(k, v)| (k, v))
    }
}

/// Later entries replace earlier ones with the same key.
impl FromIterator<(String, String)> for StringMap {
    fn from_iter<I: IntoIterator<Item = (String, String)>>(iter: I) -> Self {
        let mut m = StringMap::new();
        for (k, v) in iter {
            m.insert(k, v);
        }
        m
    }
}

/// `map["key"]`: panics if the key is missing.
impl std::ops::Index<&str> for StringMap {
    type Output = String;
    fn index(&self, key: &str) -> &String {
        self.get(key).unwrap_or_else(|| panic!("no entry \"{key}\""))
    }
}

/// Lists of strings by string key, as a `Vec` sorted by key, each key
/// once: land neighbours by ISO code, demand ids by state, options by term.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ListMap(Vec<(String, Vec<String>)>);

impl ListMap {
    fn slot(&self, key: &str) -> Result<usize, usize> {
        self.0.binary_search_by(|(k, _)| k.as_str().cmp(key))
    }

    pub fn get(&self, key: &str) -> Option<&Vec<String>> {
        self.slot(key).ok().map(|i| &self.0[i].1)
    }

    /// The list of `key`, added empty if it has none.
    pub fn list_mut(&mut self, key: &str) -> &mut Vec<String> {
        let i = match self.slot(key) {
            Ok(i) => i,
            Err(i) => {
                self.0.insert(i, (key.to_string(), Vec::new()));
                i
            }
        };
        &mut self.0[i].1
    }

    /// The keys, in order.
    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.0.iter().map(|(k, _)| k)
    }

    /// The lists, in the order of their keys.
    pub fn values(&self) -> impl Iterator<Item = &Vec<String>> {
        self.0.iter().map(|(_, v)| v)
    }
}

/// Later entries replace earlier ones with the same key.
impl FromIterator<(String, Vec<String>)> for ListMap {
    fn from_iter<I: IntoIterator<Item = (String, Vec<String>)>>(iter: I) -> Self {
        let mut m = ListMap::default();
        for (k, v) in iter {
            *m.list_mut(&k) = v;
        }
        m
    }
}

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
                cx.readings.get(term).and_then(|v| cases.get(v)).is_some_and(|r| r.holds(iso, cx))
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
                    for o in options.iter().filter(|o| !cases.contains_key(*o)) {
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
