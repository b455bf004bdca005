//! The demands of both drafts, the disputed terms and their readings, as
//! loaded from `geo/demands.json`.

use super::facts::Facts;
use super::json::{self, Obj};
use super::scope::{Context, Rule};
use crate::zone::plan::Kind;
use serde_json::Value;

/// One of the two drafts.
#[derive(Clone, Debug)]
pub struct Treaty {
    pub id: String,
    pub title: String,
    /// "US treaty", "NATO agreement".
    pub short: String,
}

/// Words of the draft, quoted, and where the quotation was read.
#[derive(Clone, Debug)]
pub struct Quote {
    pub text: String,
    pub source: String,
}

/// One side a demand binds, and the ground it restricts for that side.
#[derive(Clone, Debug)]
pub struct Side {
    /// Who is bound, in the reader's words: "NATO members", "Russia".
    pub party: String,
    pub scope: Rule,
}

/// A distance zone of a demand: the bound party's ground within the chosen
/// distance of the other party (see `crate::zone`).
#[derive(Clone, Debug)]
pub struct ZoneSide {
    /// Who is bound in this zone, in the reader's words.
    pub party: String,
    pub kind: Kind,
    /// The bound party: its land holds the zone (for a sea zone, its
    /// warships and bombers are the ones kept out).
    pub within: Rule,
    /// The other party, whose territory (or border) distances run from.
    pub from: Rule,
}

/// What the map can draw for a demand. In `demands.json` an object with
/// `kind` and the fields of that kind (see [`Layer::read`]).
#[derive(Clone, Debug)]
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

impl Treaty {
    pub(crate) fn read(o: &Obj) -> Result<Treaty, String> {
        o.deny_unknown(&["id", "title", "short"])?;
        Ok(Treaty { id: o.string("id")?, title: o.string("title")?, short: o.string("short")? })
    }
}

impl Quote {
    fn read(o: &Obj) -> Result<Quote, String> {
        o.deny_unknown(&["text", "source"])?;
        Ok(Quote { text: o.string("text")?, source: o.string("source")? })
    }
}

impl Side {
    fn read(o: &Obj) -> Result<Side, String> {
        o.deny_unknown(&["party", "scope"])?;
        Ok(Side { party: o.string("party")?, scope: Rule::read(o.field("scope")?, &o.path_of("scope"))? })
    }
}

impl ZoneSide {
    fn read(o: &Obj) -> Result<ZoneSide, String> {
        o.deny_unknown(&["party", "kind", "within", "from"])?;
        let kind = o.string("kind")?;
        let kind = Kind::from_name(&kind).ok_or_else(|| {
            json::at(&o.path_of("kind"), &format!("unknown kind \"{kind}\", expected one of \"reach\", \"band\", \"sea\""))
        })?;
        Ok(ZoneSide {
            party: o.string("party")?,
            kind,
            within: Rule::read(o.field("within")?, &o.path_of("within"))?,
            from: Rule::read(o.field("from")?, &o.path_of("from"))?,
        })
    }
}

/// Each object of the list `key` of `o`, read by `read` at its place.
fn objects<T>(o: &Obj, key: &str, list: &[Value], read: fn(&Obj) -> Result<T, String>) -> Result<Vec<T>, String> {
    let mut out = Vec::with_capacity(list.len());
    for (i, v) in list.iter().enumerate() {
        out.push(read(&Obj::new(v, format!("{}[{i}]", o.path_of(key)))?)?);
    }
    Ok(out)
}

impl Layer {
    /// `{"kind": "none" | "states" | "distance", …}` with the fields of that
    /// kind and no other: `states` needs `sides` and may have `zone_note`
    /// and `zones`; `distance` needs `note` and `zones`.
    fn read(o: &Obj) -> Result<Layer, String> {
        const FIELDS: [&str; 5] = ["kind", "sides", "zone_note", "zones", "note"];
        o.deny_unknown(&FIELDS)?;
        let kind = o.string("kind")?;
        let allowed: &[&str] = match kind.as_str() {
            "none" => &[],
            "states" => &["sides", "zone_note", "zones"],
            "distance" => &["note", "zones"],
            _ => {
                return Err(json::at(
                    &o.path_of("kind"),
                    &format!("unknown kind \"{kind}\", expected one of \"none\", \"states\", \"distance\""),
                ))
            }
        };
        if let Some(field) = FIELDS[1..].iter().find(|f| o.opt(f).is_some() && !allowed.contains(f)) {
            return Err(o.error(&format!("field `{field}` does not belong to a layer of kind \"{kind}\"")));
        }
        let missing = |field: &str| o.error(&format!("missing field `{field}` for a layer of kind \"{kind}\""));
        let zones = match o.opt("zones") {
            Some(v) => Some(objects(o, "zones", json::list(v, &o.path_of("zones"))?, ZoneSide::read)?),
            None => None,
        };
        Ok(match kind.as_str() {
            "states" => {
                let sides = o.opt("sides").ok_or_else(|| missing("sides"))?;
                Layer::States {
                    sides: objects(o, "sides", json::list(sides, &o.path_of("sides"))?, Side::read)?,
                    zone_note: o.opt_string("zone_note")?,
                    zones: zones.unwrap_or_default(),
                }
            }
            "distance" => Layer::Distance {
                note: o.opt_string("note")?.ok_or_else(|| missing("note"))?,
                zones: zones.ok_or_else(|| missing("zones"))?,
            },
            _ => Layer::None,
        })
    }
}

/// One demand: an article or paragraph of a draft.
#[derive(Clone, Debug)]
pub struct Demand {
    /// Stable id used in URLs and page markup: `us-4a`, `nato-7b`.
    pub id: String,
    pub treaty: String,
    pub article: u8,
    pub paragraph: Option<u8>,
    pub title: String,
    pub summary: String,
    pub quote: Option<Quote>,
    /// Who is bound.
    pub bound: String,
    /// What is restricted.
    pub restricts: String,
    pub layer: Layer,
}

impl Demand {
    pub(crate) fn read(o: &Obj) -> Result<Demand, String> {
        o.deny_unknown(&["id", "treaty", "article", "paragraph", "title", "summary", "quote", "bound", "restricts", "layer"])?;
        Ok(Demand {
            id: o.string("id")?,
            treaty: o.string("treaty")?,
            article: o.u8("article")?,
            paragraph: o.opt_u8("paragraph")?,
            title: o.string("title")?,
            summary: o.string("summary")?,
            quote: o.opt("quote").map(|v| Quote::read(&Obj::new(v, o.path_of("quote"))?)).transpose()?,
            bound: o.string("bound")?,
            restricts: o.string("restricts")?,
            layer: Layer::read(&o.obj("layer")?)?,
        })
    }

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
#[derive(Clone, Debug)]
pub struct TermOption {
    pub value: String,
    pub label: String,
    /// One sentence: what changes on the map under this reading.
    pub effect: String,
}

/// A disputed term: its URL parameter is its id.
#[derive(Clone, Debug)]
pub struct Term {
    pub id: String,
    pub label: String,
    /// The term as the draft words it.
    pub phrase: String,
    pub demand: String,
    pub options: Vec<TermOption>,
    pub default: String,
}

impl Term {
    pub(crate) fn read(o: &Obj) -> Result<Term, String> {
        o.deny_unknown(&["id", "label", "phrase", "demand", "options", "default"])?;
        Ok(Term {
            id: o.string("id")?,
            label: o.string("label")?,
            phrase: o.string("phrase")?,
            demand: o.string("demand")?,
            options: objects(o, "options", o.list("options")?, TermOption::read)?,
            default: o.string("default")?,
        })
    }
}

impl TermOption {
    fn read(o: &Obj) -> Result<TermOption, String> {
        o.deny_unknown(&["value", "label", "effect"])?;
        Ok(TermOption { value: o.string("value")?, label: o.string("label")?, effect: o.string("effect")? })
    }
}

/// Everything `demands.json` holds.
#[derive(Clone, Debug, Default)]
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
