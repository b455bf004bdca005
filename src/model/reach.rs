//! What the active demands reach under the reader's choices: per demand and
//! side, per state, and the totals the summary line gives.

use super::date::Date;
use super::demand::Catalogue;
use super::facts::Facts;
use super::scope::{set_add, Context, ListMap};
use crate::state::Choices;

#[derive(Clone, Debug, PartialEq)]
pub struct DemandReach {
    pub id: String,
    /// Each side bound, with the states restricted for it (sorted).
    pub sides: Vec<(String, Vec<String>)>,
    /// The union over the sides, sorted.
    pub states: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct Reach {
    /// Active demands with a map layer, in catalogue order.
    pub demands: Vec<DemandReach>,
    /// State → ids of the active demands reaching it, in catalogue order.
    pub by_state: ListMap,
}

impl Reach {
    pub fn compute(cat: &Catalogue, facts: &Facts, neighbours: &ListMap, c: &Choices, today: Date) -> Reach {
        let cx = Context { facts, on: c.as_of.date(today), readings: &c.readings, neighbours };
        let mut out = Reach::default();
        for id in &c.demands {
            let Some(d) = cat.demand(id).filter(|d| d.has_map_layer()) else { continue };
            let sides = d.reach(&cx);
            let mut states = Vec::new();
            for s in sides.iter().flat_map(|(_, s)| s) {
                set_add(&mut states, s);
            }
            for s in &states {
                out.by_state.entry(s.clone()).or_default().push(id.clone());
            }
            out.demands.push(DemandReach { id: id.clone(), sides, states });
        }
        out
    }

    /// The states any active demand reaches, sorted.
    pub fn states(&self) -> Vec<String> {
        self.by_state.keys().cloned().collect()
    }

    pub fn ids_for(&self, iso: &str) -> &[String] {
        self.by_state.get(iso).map(Vec::as_slice).unwrap_or(&[])
    }
}
