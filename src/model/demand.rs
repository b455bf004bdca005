//! The demands of both drafts, the disputed terms and their readings, as
//! loaded from `geo/demands.json`.

use super::facts::Facts;
use super::scope::{Context, Rule};
use serde::Deserialize;

/// One of the two drafts.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Treaty {
    pub id: String,
    pub title: String,
    /// "US treaty", "NATO agreement".
    pub short: String,
}

/// Words of the draft, quoted, and where the quotation was read.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Quote {
    pub text: String,
    pub source: String,
}

/// One side a demand binds, and the ground it restricts for that side.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Side {
    /// Who is bound, in the reader's words: "NATO members", "Russia".
    pub party: String,
    pub scope: Rule,
}

/// A distance zone of a demand: the bound party's ground within the chosen
/// distance of the other party (see `crate::zone`).
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ZoneSide {
    /// Who is bound in this zone, in the reader's words.
    pub party: String,
    pub kind: crate::zone::plan::Kind,
    /// The bound party: its land holds the zone (for a sea zone, its
    /// warships and bombers are the ones kept out).
    pub within: Rule,
    /// The other party, whose territory (or border) distances run from.
    pub from: Rule,
}

/// What the map can draw for a demand. In `demands.json` an object with
/// `kind` and the fields of that kind (read through [`RawLayer`], which
/// spares the WebAssembly serde's buffering of internally tagged enums).
#[derive(Clone, Debug, Deserialize)]
#[serde(try_from = "RawLayer")]
pub enum Layer {
    /// No geographic scope: listed, not drawn.
    None,
    /// A set of states for each side bound.
    States {
        sides: Vec<Side>,
        /// Part of the scope that is a distance, not a set of states.
        zone_note: Option<String>,
        zones: Vec<ZoneSide>,
    },
    /// Only distance zones (missile reach, a border band, strike range).
    Distance {
        /// How the zones are read, in one or two sentences.
        note: String,
        zones: Vec<ZoneSide>,
    },
}

#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum LayerKind {
    None,
    States,
    Distance,
}

/// A layer as written: `kind` and every field any kind may have.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLayer {
    kind: LayerKind,
    sides: Option<Vec<Side>>,
    zone_note: Option<String>,
    zones: Option<Vec<ZoneSide>>,
    note: Option<String>,
}

impl TryFrom<RawLayer> for Layer {
    type Error = String;

    fn try_from(r: RawLayer) -> Result<Layer, String> {
        let (kind, allowed): (&str, &[&str]) = match r.kind {
            LayerKind::None => ("none", &[]),
            LayerKind::States => ("states", &["sides", "zone_note", "zones"]),
            LayerKind::Distance => ("distance", &["note", "zones"]),
        };
        let present = [("sides", r.sides.is_some()), ("zone_note", r.zone_note.is_some()), ("zones", r.zones.is_some()), ("note", r.note.is_some())];
        if let Some((field, _)) = present.iter().find(|(f, on)| *on && !allowed.contains(f)) {
            return Err(format!("field `{field}` does not belong to a layer of kind \"{kind}\""));
        }
        let missing = |field: &str| format!("layer of kind \"{kind}\": missing field `{field}`");
        Ok(match r.kind {
            LayerKind::None => Layer::None,
            LayerKind::States => Layer::States {
                sides: r.sides.ok_or_else(|| missing("sides"))?,
                zone_note: r.zone_note,
                zones: r.zones.unwrap_or_default(),
            },
            LayerKind::Distance => Layer::Distance {
                note: r.note.ok_or_else(|| missing("note"))?,
                zones: r.zones.ok_or_else(|| missing("zones"))?,
            },
        })
    }
}

/// One demand: an article or paragraph of a draft.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Demand {
    /// Stable id used in URLs and page markup: `us-4a`, `nato-7b`.
    pub id: String,
    pub treaty: String,
    pub article: u8,
    #[serde(default)]
    pub paragraph: Option<u8>,
    pub title: String,
    pub summary: String,
    #[serde(default)]
    pub quote: Option<Quote>,
    /// Who is bound.
    pub bound: String,
    /// What is restricted.
    pub restricts: String,
    pub layer: Layer,
}

impl Demand {
    /// "Art. 4 ¶1" or "Art. 6".
    pub fn reference(&self) -> String {
        match self.paragraph {
            Some(p) => format!("Art. {} ¶{}", self.article, p),
            None => format!("Art. {}", self.article),
        }
    }

    pub fn has_map_layer(&self) -> bool {
        matches!(self.layer, Layer::States { .. }) || !self.zones().is_empty()
    }

    /// The demand's distance zones, if any.
    pub fn zones(&self) -> &[ZoneSide] {
        match &self.layer {
            Layer::States { zones, .. } | Layer::Distance { zones, .. } => zones,
            Layer::None => &[],
        }
    }

    /// Each zone's party, kind, and the states of the bound party and of
    /// the other on the context's date, under its readings.
    pub fn zone_sets(&self, cx: &Context) -> Vec<(String, crate::zone::plan::Kind, Vec<String>, Vec<String>)> {
        self.zones().iter().map(|z| (z.party.clone(), z.kind, z.within.states(cx), z.from.states(cx))).collect()
    }

    /// The states reached for each side (sorted), in the order the sides
    /// are listed.
    pub fn reach(&self, cx: &Context) -> Vec<(String, Vec<String>)> {
        match &self.layer {
            Layer::States { sides, .. } => sides.iter().map(|s| (s.party.clone(), s.scope.states(cx))).collect(),
            _ => Vec::new(),
        }
    }
}

/// One reading of a disputed term.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TermOption {
    pub value: String,
    pub label: String,
    /// One sentence: what changes on the map under this reading.
    pub effect: String,
}

/// A disputed term: its URL parameter is its id.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Term {
    pub id: String,
    pub label: String,
    /// The term as the draft words it.
    pub phrase: String,
    pub demand: String,
    pub options: Vec<TermOption>,
    pub default: String,
}

/// Everything `demands.json` holds.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Catalogue {
    pub treaties: Vec<Treaty>,
    pub terms: Vec<Term>,
    pub demands: Vec<Demand>,
}

impl Catalogue {
    pub fn demand(&self, id: &str) -> Option<&Demand> {
        self.demands.iter().find(|d| d.id == id)
    }

    pub fn term(&self, id: &str) -> Option<&Term> {
        self.terms.iter().find(|t| t.id == id)
    }

    pub fn treaty(&self, id: &str) -> Option<&Treaty> {
        self.treaties.iter().find(|t| t.id == id)
    }

    /// The default reading of every term.
    pub fn default_readings(&self) -> super::scope::Readings {
        self.terms.iter().map(|t| (t.id.clone(), t.default.clone())).collect()
    }

    /// Every problem, each naming the entry and the field.
    pub fn validate(&self, facts: &Facts) -> Vec<String> {
        let mut errs = Vec::new();
        let options: super::scope::ListMap =
            self.terms.iter().map(|t| (t.id.clone(), t.options.iter().map(|o| o.value.clone()).collect())).collect();
        let mut seen: Vec<String> = Vec::new();
        // Ids go into URLs, page markup and SVG pattern ids.
        let plain = |id: &str| !id.is_empty() && id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        for d in &self.demands {
            let at = |field: &str| format!("demand \"{}\", field `{field}`", d.id);
            if !super::scope::set_add(&mut seen, &d.id) {
                errs.push(format!("{}: listed twice", at("id")));
            }
            if !plain(&d.id) {
                errs.push(format!("{}: use lower-case letters, digits and hyphens", at("id")));
            }
            if self.treaty(&d.treaty).is_none() {
                errs.push(format!("{}: unknown treaty \"{}\"", at("treaty"), d.treaty));
            }
            for (field, text) in [("title", &d.title), ("summary", &d.summary), ("bound", &d.bound), ("restricts", &d.restricts)] {
                if text.trim().is_empty() {
                    errs.push(format!("{}: empty", at(field)));
                }
            }
            if let Layer::States { sides, .. } = &d.layer {
                if sides.is_empty() {
                    errs.push(format!("{}: a states layer needs at least one side", at("layer")));
                }
                for s in sides {
                    s.scope.check(facts, &options, &at("layer.sides.scope"), &mut errs);
                }
            }
            if let Layer::Distance { zones, .. } = &d.layer {
                if zones.is_empty() {
                    errs.push(format!("{}: a distance layer needs at least one zone", at("layer")));
                }
            }
            for z in d.zones() {
                z.within.check(facts, &options, &at("layer.zones.within"), &mut errs);
                z.from.check(facts, &options, &at("layer.zones.from"), &mut errs);
            }
        }
        for t in &self.terms {
            let at = |field: &str| format!("term \"{}\", field `{field}`", t.id);
            // A term's id is its URL parameter: it must not take another's name.
            if crate::state::PARAMETERS.contains(&t.id.as_str()) || !plain(&t.id) {
                errs.push(format!("{}: \"{}\" cannot be a URL parameter", at("id"), t.id));
            }
            if self.demand(&t.demand).is_none() {
                errs.push(format!("{}: unknown demand \"{}\"", at("demand"), t.demand));
            }
            if !t.options.iter().any(|o| o.value == t.default) {
                errs.push(format!("{}: \"{}\" is not one of its readings", at("default"), t.default));
            }
        }
        errs
    }
}
