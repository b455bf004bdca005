//! The view as a table: one row per state the active demands reach, a
//! column per active demand (reached or not, and for which side), the
//! state's area and its memberships on the date. The page's "Show as
//! table", the CSV download and the GeoJSON download (`geojson`) are all
//! made from it, so the three say the same thing.

pub mod geojson;

use crate::geometry::atlas::Atlas;
use crate::model::date::Date;
use crate::model::demand::Catalogue;
use crate::model::facts::Facts;
use crate::model::reach::Reach;
use crate::model::scope::set_add;

/// An active demand's column.
#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    pub demand: String,
    pub title: String,
}

/// A zone of an active demand at the distance drawn, and the states whose
/// ground it reaches.
#[derive(Clone, Debug, PartialEq)]
pub struct ZoneReach {
    pub demand: String,
    pub party: String,
    pub km: u32,
    pub states: Vec<String>,
}

/// How a demand reaches a state: the sides for which the whole state is in
/// scope, and the zones that reach part of its ground.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Cell {
    pub whole: Vec<String>,
    /// (side, distance in km).
    pub part: Vec<(String, u32)>,
}

impl Cell {
    pub fn reached(&self) -> bool {
        !self.whole.is_empty() || !self.part.is_empty()
    }

    /// The sides, for the table and the CSV: "Russia; United States",
    /// "NATO members (part, within 500 km)", or "" when not reached.
    pub fn text(&self) -> String {
        let mut out: Vec<String> = self.whole.clone();
        out.extend(self.part.iter().map(|(p, km)| format!("{p} (part, within {} km)", crate::state::group(*km))));
        out.join("; ")
    }
}

/// One state the view reaches.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub iso: String,
    pub name: String,
    /// One per column.
    pub cells: Vec<Cell>,
    /// The whole state's geodesic area; `None` when its shape is not loaded
    /// (Canada and the United States until a distance demand is on).
    pub area_km2: Option<f64>,
    /// Memberships on the date: "NATO", "CSTO".
    pub memberships: Vec<&'static str>,
    /// False for states outside the map's frame.
    pub drawn: bool,
}

/// What the rows are sorted by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SortKey {
    Name,
    Area,
    /// The column's place: reached states first, then by side.
    Demand(usize),
    Memberships,
}

/// The table of the current view.
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    pub date: Date,
    pub columns: Vec<Column>,
    pub rows: Vec<Row>,
}

impl Table {
    /// The table of what `reach` and `zones` reach on `on`, rows by name.
    /// `far` holds the states beyond the frame, once loaded.
    pub fn build(cat: &Catalogue, facts: &Facts, atlas: &Atlas, far: Option<&Atlas>, reach: &Reach, zones: &[ZoneReach], on: Date) -> Table {
        // Columns: the active demands with a map layer, in catalogue order.
        let mut ids: Vec<&str> = reach.demands.iter().map(|d| d.id.as_str()).collect();
        for z in zones {
            if !ids.contains(&z.demand.as_str()) {
                ids.push(&z.demand);
            }
        }
        let columns: Vec<Column> = cat
            .demands
            .iter()
            .filter(|d| ids.contains(&d.id.as_str()))
            .map(|d| Column { demand: d.id.clone(), title: d.title.clone() })
            .collect();
        let mut states = reach.states();
        for z in zones {
            for s in &z.states {
                set_add(&mut states, s);
            }
        }
        let mut rows: Vec<Row> = states
            .iter()
            .map(|iso| {
                let cells = columns
                    .iter()
                    .map(|c| {
                        let whole = reach
                            .demands
                            .iter()
                            .filter(|d| d.id == c.demand)
                            .flat_map(|d| d.sides.iter())
                            .filter(|(_, s)| s.binary_search(iso).is_ok())
                            .map(|(p, _)| p.clone())
                            .collect();
                        let part = zones.iter().filter(|z| z.demand == c.demand && z.states.contains(iso)).map(|z| (z.party.clone(), z.km)).collect();
                        Cell { whole, part }
                    })
                    .collect();
                let f = facts.state(iso);
                let shape = atlas.get(iso).or_else(|| far.and_then(|a| a.get(iso)));
                let mut memberships = Vec::new();
                if facts.is_nato_member(iso, on) {
                    memberships.push("NATO");
                }
                if facts.is_csto_member(iso, on) {
                    memberships.push("CSTO");
                }
                Row {
                    iso: iso.clone(),
                    name: f.map(|s| s.name.clone()).or_else(|| shape.map(|s| s.name.clone())).unwrap_or_else(|| iso.clone()),
                    cells,
                    area_km2: shape.map(|s| s.area_km2),
                    memberships,
                    drawn: f.is_none_or(|s| s.drawn),
                }
            })
            .collect();
        rows.sort_by(|a, b| a.name.cmp(&b.name));
        Table { date: on, columns, rows }
    }

    /// Sorts the rows by `key`, ties by name.
    pub fn sort(&mut self, key: SortKey, ascending: bool) {
        self.rows.sort_by(|a, b| {
            let o = match key {
                SortKey::Name => a.name.cmp(&b.name),
                SortKey::Area => a.area_km2.unwrap_or(-1.0).total_cmp(&b.area_km2.unwrap_or(-1.0)),
                SortKey::Demand(i) => {
                    let k = |r: &Row| r.cells.get(i).map(|c| (!c.reached(), c.text())).unwrap_or((true, String::new()));
                    k(a).cmp(&k(b))
                }
                SortKey::Memberships => a.memberships.join(" ").cmp(&b.memberships.join(" ")),
            };
            let o = if ascending { o } else { o.reverse() };
            o.then_with(|| a.name.cmp(&b.name))
        });
    }

    /// The header's cells, as the CSV writes them.
    pub fn header(&self) -> Vec<String> {
        let mut h = vec!["iso".to_string(), "name".to_string()];
        h.extend(self.columns.iter().map(|c| c.demand.clone()));
        h.extend(["area_km2".to_string(), "memberships".to_string(), "date".to_string()]);
        h
    }

    /// A row's cells, as the CSV writes them (the area in whole km², empty
    /// when unknown).
    pub fn record(&self, r: &Row) -> Vec<String> {
        let mut v = vec![r.iso.clone(), r.name.clone()];
        v.extend(r.cells.iter().map(Cell::text));
        v.push(r.area_km2.map(|a| format!("{}", a.round() as u64)).unwrap_or_default());
        v.push(r.memberships.join("; "));
        v.push(self.date.to_string());
        v
    }

    /// The table as CSV (RFC 4180): a header row, then a row per state;
    /// fields with a comma, a quote or a line break in double quotes, a
    /// quote doubled; lines end with CRLF. UTF-8.
    pub fn csv(&self) -> String {
        let mut out = String::new();
        let mut line = |cells: Vec<String>| {
            let fields: Vec<String> = cells.iter().map(|c| csv_field(c)).collect();
            out.push_str(&fields.join(","));
            out.push_str("\r\n");
        };
        line(self.header());
        for r in &self.rows {
            line(self.record(r));
        }
        out
    }
}

/// One CSV field, quoted when it must be.
fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_only_when_they_must_be() {
        assert_eq!(csv_field("Poland"), "Poland");
        assert_eq!(csv_field("Russia; United States"), "Russia; United States");
        assert_eq!(csv_field("a, b"), "\"a, b\"");
        assert_eq!(csv_field("say \"no\""), "\"say \"\"no\"\"\"");
        assert_eq!(csv_field("two\nlines"), "\"two\nlines\"");
    }

    #[test]
    fn a_cell_names_whole_and_partial_reach() {
        let c = Cell { whole: vec!["Russia".into()], part: vec![("NATO members".into(), 1500)] };
        assert_eq!(c.text(), "Russia; NATO members (part, within 1,500 km)");
        assert!(c.reached() && !Cell::default().reached());
    }
}
