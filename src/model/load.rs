//! Loading the data files: parse, then validate, and on failure say which
//! file, which entry and which field, so a broken file never panics.

use super::demand::{Catalogue, Demand, Term, Treaty};
use super::facts::Facts;
use serde::de::DeserializeOwned;
use serde::Deserialize;
use serde_json::value::RawValue;
use std::collections::BTreeMap;
use thiserror::Error;

/// A data file that could not be used.
#[derive(Clone, Debug, Error, PartialEq)]
#[error("{file}: {message}")]
pub struct DataError {
    pub file: String,
    pub message: String,
}

impl DataError {
    pub fn new(file: &str, message: impl Into<String>) -> Self {
        DataError { file: file.to_string(), message: message.into() }
    }
}

/// A file's top-level fields, each kept as raw text until it is read.
type Root<'a> = BTreeMap<String, &'a RawValue>;

/// An entry's name, read apart from the entry so a broken one is named.
#[derive(Deserialize)]
struct Named {
    id: Option<String>,
    iso: Option<String>,
}

/// serde_json's message without its position, which would count from the
/// start of the entry (or feature) read on its own, not of the file.
pub(crate) fn message(e: &serde_json::Error) -> String {
    let m = e.to_string();
    match m.rfind(" at line ") {
        Some(i) => m[..i].to_string(),
        None => m,
    }
}

/// A top-level list's entries as raw text.
fn list<'a>(file: &str, root: &Root<'a>, key: &str) -> Result<Vec<&'a RawValue>, DataError> {
    root.get(key)
        .and_then(|v| serde_json::from_str(v.get()).ok())
        .ok_or_else(|| DataError::new(file, format!("field `{key}`: missing or not a list")))
}

/// Why entry `i` (a `what`) could not be read, naming it by its `id` or
/// `iso` when it has one. Not generic, so each entry type shares it.
fn entry_error(file: &str, what: &str, i: usize, raw: &RawValue, e: &serde_json::Error) -> DataError {
    let name = serde_json::from_str::<Named>(raw.get()).ok().and_then(|n| n.id.or(n.iso));
    let entry = match name {
        Some(n) => format!("{what} \"{n}\""),
        None => format!("{what} {}", i + 1),
    };
    DataError::new(file, format!("{entry}: {}", message(e)))
}

/// Parses a top-level list entry by entry, so an error names the entry.
fn entries<T: DeserializeOwned>(file: &str, root: &Root, key: &str, what: &str) -> Result<Vec<T>, DataError> {
    let raw = list(file, root, key)?;
    let mut out = Vec::with_capacity(raw.len());
    for (i, v) in raw.into_iter().enumerate() {
        out.push(serde_json::from_str(v.get()).map_err(|e| entry_error(file, what, i, v, &e))?);
    }
    Ok(out)
}

fn root<'a>(file: &str, text: &'a str) -> Result<Root<'a>, DataError> {
    let v: &RawValue = serde_json::from_str(text).map_err(|e| DataError::new(file, format!("not valid JSON: {e}")))?;
    serde_json::from_str(v.get()).map_err(|_| DataError::new(file, "expected a JSON object at the top"))
}

fn check(file: &str, errs: Vec<String>) -> Result<(), DataError> {
    if errs.is_empty() {
        Ok(())
    } else {
        Err(DataError::new(file, errs.join("; ")))
    }
}

/// `facts.json`.
pub fn facts(text: &str) -> Result<Facts, DataError> {
    const FILE: &str = "facts.json";
    let v = root(FILE, text)?;
    // Entries first, so a bad state is named; then the whole.
    entries::<super::facts::StateFacts>(FILE, &v, "states", "state")?;
    entries::<super::facts::Region>(FILE, &v, "regions", "region")?;
    let facts: Facts = serde_json::from_str(text).map_err(|e| DataError::new(FILE, e.to_string()))?;
    check(FILE, facts.validate())?;
    Ok(facts)
}

/// `demands.json`, checked against the facts.
pub fn catalogue(text: &str, facts: &Facts) -> Result<Catalogue, DataError> {
    const FILE: &str = "demands.json";
    let v = root(FILE, text)?;
    let treaties: Vec<Treaty> = entries(FILE, &v, "treaties", "treaty")?;
    let terms: Vec<Term> = entries(FILE, &v, "terms", "term")?;
    let demands: Vec<Demand> = entries(FILE, &v, "demands", "demand")?;
    let cat = Catalogue { treaties, terms, demands };
    check(FILE, cat.validate(facts))?;
    Ok(cat)
}

#[cfg(test)]
mod tests {
    use super::*;

    const FACTS: &str = r#"{"states": [{"iso": "RUS", "name": "Russia", "former_ussr": true}],
        "context": [], "merged": {}, "nuclear_hosting": [], "regions": []}"#;

    #[test]
    fn good_facts_load() {
        let f = facts(FACTS).unwrap();
        assert!(f.state("RUS").unwrap().former_ussr);
    }

    #[test]
    fn garbage_is_named() {
        let e = facts("{not json").unwrap_err();
        assert_eq!(e.file, "facts.json");
        assert!(e.message.contains("not valid JSON"), "{e}");
        assert!(facts("[1,2]").unwrap_err().message.contains("object"));
    }

    #[test]
    fn bad_entry_names_entry_and_field() {
        let text = FACTS.replace(r#""former_ussr": true"#, r#""former_ussr": "yes""#);
        let e = facts(&text).unwrap_err();
        assert!(e.message.contains("state \"RUS\""), "{e}");
        assert!(e.message.contains("boolean"), "{e}");
        let text = FACTS.replace(r#""name": "Russia", "#, "");
        let e = facts(&text).unwrap_err();
        assert!(e.message.contains("state \"RUS\"") && e.message.contains("`name`"), "{e}");
    }

    #[test]
    fn unknown_reference_in_a_demand_is_named() {
        let f = facts(FACTS).unwrap();
        let text = r#"{"treaties": [{"id": "us", "title": "T", "short": "US treaty"}], "terms": [],
          "demands": [{"id": "us-4a", "treaty": "us", "article": 4, "paragraph": 1, "title": "t", "summary": "s",
            "bound": "b", "restricts": "r",
            "layer": {"kind": "states", "sides": [{"party": "United States", "scope": {"states": ["XXX"]}}]}}]}"#;
        let e = catalogue(text, &f).unwrap_err();
        assert_eq!(e.file, "demands.json");
        assert!(e.message.contains("demand \"us-4a\"") && e.message.contains("scope") && e.message.contains("XXX"), "{e}");
    }

    #[test]
    fn a_term_cannot_take_a_page_parameter_s_name() {
        let f = facts(FACTS).unwrap();
        let text = r#"{"treaties": [], "demands": [], "terms": [{"id": "date", "label": "l", "phrase": "p",
          "demand": "x", "default": "a", "options": [{"value": "a", "label": "A", "effect": "e"}]}]}"#;
        let e = catalogue(text, &f).unwrap_err();
        assert!(e.message.contains("term \"date\"") && e.message.contains("URL parameter"), "{e}");
    }

    #[test]
    fn a_layer_must_have_its_kind_s_fields_and_no_other() {
        let f = facts(FACTS).unwrap();
        let with = |layer: &str| {
            format!(
                r#"{{"treaties": [{{"id": "us", "title": "T", "short": "US treaty"}}], "terms": [], "demands": [{{"id": "x-1",
                  "treaty": "us", "article": 1, "title": "t", "summary": "s", "bound": "b", "restricts": "r", "layer": {layer}}}]}}"#
            )
        };
        let e = catalogue(&with(r#"{"kind": "states"}"#), &f).unwrap_err();
        assert!(e.message.contains("demand \"x-1\"") && e.message.contains("kind \"states\"") && e.message.contains("`sides`"), "{e}");
        let e = catalogue(&with(r#"{"kind": "distance", "zones": []}"#), &f).unwrap_err();
        assert!(e.message.contains("missing field `note`"), "{e}");
        let e = catalogue(&with(r#"{"kind": "none", "note": "n"}"#), &f).unwrap_err();
        assert!(e.message.contains("`note` does not belong") && e.message.contains("\"none\""), "{e}");
        let e = catalogue(&with(r#"{"kind": "circle"}"#), &f).unwrap_err();
        assert!(e.message.contains("circle"), "{e}");
        let e = catalogue(&with(r#"{"kind": "none", "colour": "red"}"#), &f).unwrap_err();
        assert!(e.message.contains("colour"), "{e}");
        assert!(matches!(catalogue(&with(r#"{"kind": "none"}"#), &f).unwrap().demands[0].layer, super::super::demand::Layer::None));
    }

    #[test]
    fn unknown_rule_is_named() {
        let f = facts(FACTS).unwrap();
        let text = r#"{"treaties": [], "terms": [], "demands": [{"id": "x-1", "treaty": "us", "article": 1,
          "title": "t", "summary": "s", "bound": "b", "restricts": "r",
          "layer": {"kind": "states", "sides": [{"party": "p", "scope": "frobnicate"}]}}]}"#;
        let e = catalogue(text, &f).unwrap_err();
        assert!(e.message.contains("demand \"x-1\"") && e.message.contains("frobnicate"), "{e}");
    }
}
