//! Facts about states that the scopes depend on: NATO accession, the former
//! USSR, the CSTO, nuclear-sharing hosts, and named regions. Loaded from
//! `geo/facts.json`.

use super::date::{Date, Span};
use super::json::Obj;
use super::scope::StringMap;

/// One state the demands can reach.
#[derive(Clone, Debug)]
pub struct StateFacts {
    /// ISO 3166-1 alpha-3; Kosovo is `XKX`.
    pub iso: String,
    pub name: String,
    /// Date of accession to NATO, if any.
    pub nato: Option<Date>,
    pub former_ussr: bool,
    /// Spans of membership of the Collective Security Treaty (CSTO from 2002).
    pub csto: Vec<Span>,
    /// A sentence for the details panel, such as a frozen membership.
    pub note: Option<String>,
    /// False for states outside the map's frame (Canada, the United States).
    /// (Where each fact comes from is in `geo/sources.json`, `facts`, which
    /// the page does not fetch; `tests/sources.rs` checks it.)
    pub drawn: bool,
}

impl StateFacts {
    /// An entry of `states`: only `iso` and `name` are required; `drawn`
    /// is true when left out.
    pub(crate) fn read(o: &Obj) -> Result<StateFacts, String> {
        o.deny_unknown(&["iso", "name", "nato", "former_ussr", "csto", "note", "drawn"])?;
        let csto = o.list_or_empty("csto")?;
        Ok(StateFacts {
            iso: o.string("iso")?,
            name: o.string("name")?,
            nato: Date::read_opt(o, "nato")?,
            former_ussr: o.bool_or("former_ussr", false)?,
            csto: csto.iter().enumerate().map(|(i, v)| Span::read(v, &format!("csto[{i}]"))).collect::<Result<_, _>>()?,
            note: o.opt_string("note")?,
            drawn: o.bool_or("drawn", true)?,
        })
    }
}

/// A state whose territory hosts another state's nuclear weapons.
#[derive(Clone, Debug)]
pub struct NuclearHosting {
    pub host: String,
    pub owner: String,
    pub span: Span,
    /// Where the fact comes from; hosting is rarely confirmed officially.
    pub source: String,
}

impl NuclearHosting {
    pub(crate) fn read(o: &Obj) -> Result<NuclearHosting, String> {
        o.deny_unknown(&["host", "owner", "span", "source"])?;
        Ok(NuclearHosting {
            host: o.string("host")?,
            owner: o.string("owner")?,
            span: Span::read(o.field("span")?, &o.path_of("span"))?,
            source: o.string("source")?,
        })
    }
}

/// What the reader is told where the date is chosen: the map draws today's
/// borders on every date.
#[derive(Clone, Debug, Default)]
pub struct BordersNote {
    pub note: String,
}

impl BordersNote {
    pub(crate) fn read(o: &Obj) -> Result<BordersNote, String> {
        o.deny_unknown(&["note"])?;
        Ok(BordersNote { note: o.string("note")? })
    }
}

/// A named group of states: a region on the map or in a demand's text.
#[derive(Clone, Debug)]
pub struct Region {
    pub id: String,
    pub name: String,
    /// The name inside a sentence ("the South Caucasus"); the name without
    /// it.
    pub short: String,
    pub members: Vec<String>,
    /// Drawn as a dissolved outline the reader can switch on.
    pub outline: bool,
    pub source: String,
}

impl Region {
    pub(crate) fn read(o: &Obj) -> Result<Region, String> {
        o.deny_unknown(&["id", "name", "short", "members", "outline", "source"])?;
        let name = o.string("name")?;
        Ok(Region {
            id: o.string("id")?,
            short: o.opt_string("short")?.unwrap_or_else(|| name.clone()),
            name,
            members: o.strings("members")?,
            outline: o.bool_or("outline", false)?,
            source: o.string("source")?,
        })
    }
}

/// Everything `geo/facts.json` holds.
#[derive(Clone, Debug, Default)]
pub struct Facts {
    pub states: Vec<StateFacts>,
    /// Neighbours drawn in a neutral tone for orientation, never in scope.
    pub context: Vec<String>,
    /// States outside the frame (`drawn: false`) whose shapes go to
    /// `far.topo.json`, for distances and an inset: the United States, Canada.
    pub far: Vec<String>,
    /// Source features drawn as part of another state (Åland as Finland…):
    /// source code → the state's code.
    pub merged: StringMap,
    pub nuclear_hosting: Vec<NuclearHosting>,
    pub regions: Vec<Region>,
    /// The note beside the date control, if the file has one.
    pub borders: Option<BordersNote>,
}

impl Facts {
    pub fn state(&self, iso: &str) -> Option<&StateFacts> {
        self.states.iter().find(|s| s.iso == iso)
    }

    /// The state a source feature is drawn as part of, if it is merged.
    pub fn merged_into(&self, source: &str) -> Option<&str> {
        self.merged.get(source).map(String::as_str)
    }

    pub fn region(&self, id: &str) -> Option<&Region> {
        self.regions.iter().find(|r| r.id == id)
    }

    pub fn is_nato_member(&self, iso: &str, on: Date) -> bool {
        self.state(iso).and_then(|s| s.nato).is_some_and(|joined| joined <= on)
    }

    pub fn is_csto_member(&self, iso: &str, on: Date) -> bool {
        self.state(iso).is_some_and(|s| s.csto.iter().any(|span| span.contains(on)))
    }

    pub fn in_region(&self, iso: &str, region: &str) -> bool {
        self.region(region).is_some_and(|r| r.members.iter().any(|m| m == iso))
    }

    /// The hosting record if `iso` hosts `owner`'s nuclear weapons on `on`.
    pub fn nuclear_hosting(&self, iso: &str, owner: &str, on: Date) -> Option<&NuclearHosting> {
        self.nuclear_hosting.iter().find(|h| h.host == iso && h.owner == owner && h.span.contains(on))
    }

    /// Checks cross-references; each problem names the entry and field.
    pub fn validate(&self) -> Vec<String> {
        let mut errs = Vec::new();
        // A few dozen entries: a list, not a B-tree (see `scope::StringMap`).
        let mut seen: Vec<&str> = Vec::new();
        for s in &self.states {
            if s.iso.len() != 3 || !s.iso.chars().all(|c| c.is_ascii_uppercase()) {
                errs.push(format!("state \"{}\", field `iso`: not an ISO 3166-1 alpha-3 code", s.iso));
            }
            if seen.contains(&s.iso.as_str()) {
                errs.push(format!("state \"{}\", field `iso`: listed twice", s.iso));
            }
            seen.push(&s.iso);
            if s.name.trim().is_empty() {
                errs.push(format!("state \"{}\", field `name`: empty", s.iso));
            }
        }
        for h in &self.nuclear_hosting {
            for (field, iso) in [("host", &h.host), ("owner", &h.owner)] {
                if self.state(iso).is_none() {
                    errs.push(format!("nuclear_hosting \"{}\", field `{field}`: unknown state \"{iso}\"", h.host));
                }
            }
        }
        for r in &self.regions {
            for m in &r.members {
                if self.state(m).is_none() {
                    errs.push(format!("region \"{}\", field `members`: unknown state \"{m}\"", r.id));
                }
            }
        }
        let mut far_seen: Vec<&str> = Vec::new();
        for iso in &self.far {
            match self.state(iso) {
                None => errs.push(format!("far: unknown state \"{iso}\"")),
                Some(s) if s.drawn => errs.push(format!("far \"{iso}\": the state is drawn on the map; set `drawn: false`")),
                Some(_) => {}
            }
            if far_seen.contains(&iso.as_str()) {
                errs.push(format!("far \"{iso}\": listed twice"));
            }
            far_seen.push(iso);
        }
        for (from, to) in &self.merged {
            if self.state(to).is_none() {
                errs.push(format!("merged \"{from}\": unknown state \"{to}\""));
            }
        }
        errs
    }
}

/// Parses and validates `facts.json`; the error names the entry and field.
pub fn load(text: &str) -> Result<Facts, String> {
    super::load::facts(text).map_err(|e| e.message)
}

#[cfg(test)]
mod tests {
    use super::*;

    const STATES: &str = r#""states": [{"iso": "USA", "name": "United States", "drawn": false}, {"iso": "POL", "name": "Poland"}],
        "context": [], "merged": {}, "nuclear_hosting": [], "regions": []"#;

    #[test]
    fn far_states_must_be_known_and_not_drawn() {
        assert!(load(&format!("{{{STATES}, \"far\": [\"USA\"]}}")).is_ok());
        assert!(load(&format!("{{{STATES}}}")).unwrap().far.is_empty(), "far is optional");
        let e = load(&format!("{{{STATES}, \"far\": [\"POL\", \"CAN\", \"USA\", \"USA\"]}}")).unwrap_err();
        assert!(e.contains("far \"POL\"") && e.contains("drawn"), "{e}");
        assert!(e.contains("unknown state \"CAN\""), "{e}");
        assert!(e.contains("far \"USA\": listed twice"), "{e}");
    }
}
