//! Loads the committed data files the way the app does.

use std::collections::BTreeSet;
use treaty_map::geometry::atlas::Atlas;
use treaty_map::model::date::Date;
use treaty_map::model::demand::Catalogue;
use treaty_map::model::facts::Facts;
use treaty_map::model::load;
use treaty_map::model::scope::{Context, ListMap, Readings};

pub fn read(name: &str) -> String {
    std::fs::read_to_string(format!("{}/geo/{name}", env!("CARGO_MANIFEST_DIR"))).expect(name)
}

pub struct Data {
    pub facts: Facts,
    pub catalogue: Catalogue,
    pub atlas: Atlas,
    pub neighbours: ListMap,
}

pub fn data() -> Data {
    let facts = load::facts(&read("facts.json")).expect("facts.json loads");
    let catalogue = load::catalogue(&read("demands.json"), &facts).expect("demands.json loads");
    let (atlas, warnings) = Atlas::parse(&read("states.topo.json")).expect("states.topo.json loads");
    assert!(warnings.is_empty(), "{warnings:?}");
    let neighbours = atlas.neighbours();
    Data { facts, catalogue, atlas, neighbours }
}

pub fn set(isos: &str) -> BTreeSet<String> {
    isos.split_whitespace().map(str::to_string).collect()
}

impl Data {
    /// The zone of `demand` for the side named `party`: its kind, the bound
    /// party's states and the other party's, on `on` under `readings`.
    #[allow(dead_code)]
    pub fn zone(&self, demand: &str, party: &str, on: Date, readings: &[(&str, &str)]) -> (treaty_map::zone::plan::Kind, Vec<String>, Vec<String>) {
        let mut r: Readings = self.catalogue.default_readings();
        for (k, v) in readings {
            r.insert(k.to_string(), v.to_string());
        }
        let cx = Context { facts: &self.facts, on, readings: &r, neighbours: &self.neighbours };
        let d = self.catalogue.demand(demand).unwrap_or_else(|| panic!("no demand {demand}"));
        let (_, kind, within, from) = d.zone_sets(&cx).into_iter().find(|z| z.0 == party).unwrap_or_else(|| panic!("{demand} has no zone for {party}"));
        (kind, within, from)
    }

    /// The states `demand` reaches for the side named `party`, on `on`,
    /// under `readings` given as `term=value` pairs over the defaults.
    pub fn reach(&self, demand: &str, party: &str, on: Date, readings: &[(&str, &str)]) -> BTreeSet<String> {
        let mut r: Readings = self.catalogue.default_readings();
        for (k, v) in readings {
            r.insert(k.to_string(), v.to_string());
        }
        let cx = Context { facts: &self.facts, on, readings: &r, neighbours: &self.neighbours };
        let d = self.catalogue.demand(demand).unwrap_or_else(|| panic!("no demand {demand}"));
        let states = d
            .reach(&cx)
            .into_iter()
            .find(|(p, _)| p == party)
            .unwrap_or_else(|| panic!("{demand} has no side {party}"))
            .1;
        assert!(states.windows(2).all(|w| w[0] < w[1]), "{demand} {party}: not sorted, or twice: {states:?}");
        states.into_iter().collect()
    }
}
