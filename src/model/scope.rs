//! Scope rules: which states a demand reaches, declared over the facts and
//! evaluated on a date under the reader's readings of disputed terms.

use super::date::Date;
use super::facts::Facts;
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};

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
pub type Readings = BTreeMap<String, String>;

/// What a rule is evaluated against.
pub struct Context<'a> {
    pub facts: &'a Facts,
    pub on: Date,
    pub readings: &'a Readings,
    /// Land neighbours by ISO code, from the geometry.
    pub neighbours: &'a BTreeMap<String, Vec<String>>,
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

    /// The states of the facts the rule holds for.
    pub fn states(&self, cx: &Context) -> BTreeSet<String> {
        cx.facts.states.iter().filter(|s| self.holds(&s.iso, cx)).map(|s| s.iso.clone()).collect()
    }

    /// Every problem with the rule's references; `at` says where it is.
    pub fn check(&self, facts: &Facts, terms: &BTreeMap<String, Vec<String>>, at: &str, errs: &mut Vec<String>) {
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
