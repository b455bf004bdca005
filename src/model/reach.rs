//! What the active demands reach under the reader's choices: per demand and
//! side, per state, and the totals the summary line gives.

use super::date::Date;
use super::demand::Catalogue;
use super::facts::Facts;
use super::scope::Context;
use crate::state::Choices;
use std::collections::{BTreeMap, BTreeSet};

#[derive(Clone, Debug, PartialEq)]
pub struct DemandReach {
    pub id: String,
    /// Each side bound, with the states restricted for it.
    pub sides: Vec<(String, BTreeSet<String>)>,
    /// The union over the sides.
    pub states: BTreeSet<String>,
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct Reach {
    /// Active demands with a map layer, in catalogue order.
    pub demands: Vec<DemandReach>,
    /// State → ids of the active demands reaching it, in catalogue order.
    pub by_state: BTreeMap<String, Vec<String>>,
}

impl Reach {
    pub fn compute(cat: &Catalogue, facts: &Facts, neighbours: &BTreeMap<String, Vec<String>>, c: &Choices, today: Date) -> Reach {
        let cx = Context { facts, on: c.as_of.date(today), readings: &c.readings, neighbours };
        let mut out = Reach::default();
        for id in &c.demands {
            let Some(d) = cat.demand(id).filter(|d| d.has_map_layer()) else { continue };
            let sides = d.reach(&cx);
            let states: BTreeSet<String> = sides.iter().flat_map(|(_, s)| s.iter().cloned()).collect();
            for s in &states {
                out.by_state.entry(s.clone()).or_default().push(id.clone());
            }
            out.demands.push(DemandReach { id: id.clone(), sides, states });
        }
        out
    }

    /// The states any active demand reaches.
    pub fn states(&self) -> BTreeSet<&str> {
        self.by_state.keys().map(String::as_str).collect()
    }

    pub fn ids_for(&self, iso: &str) -> &[String] {
        self.by_state.get(iso).map(Vec::as_slice).unwrap_or(&[])
    }
}
