//! Loading the data files: parse, then validate, and on failure say which
//! file, which entry and which field, so a broken file never panics. Each
//! file is parsed once into a JSON tree and read by hand (`super::json`), so
//! the WebAssembly carries one deserializer, not one per type.

use super::demand::{Catalogue, Demand, Term, Treaty};
use super::facts::{BordersNote, Facts, NuclearHosting, Region, StateFacts};
use super::json::{self, Obj};
use serde_json::Value;
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

/// A file's JSON tree.
pub(crate) fn parse(file: &str, text: &str) -> Result<Value, DataError> {
    serde_json::from_str(text).map_err(|e| DataError::new(file, format!("not valid JSON: {e}")))
}

/// The object at the top of a file.
fn top<'a>(file: &str, v: &'a Value) -> Result<Obj<'a>, DataError> {
    Obj::new(v, String::new()).map_err(|_| DataError::new(file, format!("expected a JSON object at the top, found {}", json::found(v))))
}

/// Entry `i` (a `what`), named by its `id` or `iso` when it has one.
fn entry_name(what: &str, i: usize, v: &Value) -> String {
    match v.get("id").or_else(|| v.get("iso")).and_then(Value::as_str) {
        Some(n) => format!("{what} \"{n}\""),
        None => format!("{what} {}", i + 1),
    }
}

/// Reads a top-level list entry by entry, so an error names the entry.
fn entries<T>(file: &str, root: &Obj, key: &str, what: &str, read: fn(&Obj) -> Result<T, String>) -> Result<Vec<T>, DataError> {
    let list = root.list(key).map_err(|m| DataError::new(file, m))?;
    let mut out = Vec::with_capacity(list.len());
    for (i, v) in list.iter().enumerate() {
        let entry = Obj::new(v, String::new()).and_then(|o| read(&o));
        out.push(entry.map_err(|m| DataError::new(file, format!("{}: {m}", entry_name(what, i, v))))?);
    }
    Ok(out)
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
    let tree = parse(FILE, text)?;
    let v = top(FILE, &tree)?;
    let whole = |m: String| DataError::new(FILE, m);
    v.deny_unknown(&["states", "context", "far", "merged", "nuclear_hosting", "regions", "borders"]).map_err(whole)?;
    let states = entries(FILE, &v, "states", "state", StateFacts::read)?;
    let regions = entries(FILE, &v, "regions", "region", Region::read)?;
    let nuclear_hosting = entries(FILE, &v, "nuclear_hosting", "nuclear_hosting", NuclearHosting::read)?;
    let context = v.strings("context").map_err(whole)?;
    let far = v.strings_or_empty("far").map_err(whole)?;
    let m = v.obj("merged").map_err(whole)?;
    let merged = m.map.iter().map(|(from, to)| Ok((from.clone(), json::string(to, &m.path_of(from))?))).collect::<Result<_, String>>().map_err(whole)?;
    let borders = match v.opt("borders") {
        Some(b) => Some(Obj::new(b, "borders".into()).and_then(|o| BordersNote::read(&o)).map_err(whole)?),
        None => None,
    };
    let facts = Facts { states, context, far, merged, nuclear_hosting, regions, borders };
    check(FILE, facts.validate())?;
    Ok(facts)
}

/// `demands.json`, checked against the facts.
pub fn catalogue(text: &str, facts: &Facts) -> Result<Catalogue, DataError> {
    const FILE: &str = "demands.json";
    let tree = parse(FILE, text)?;
    let v = top(FILE, &tree)?;
    v.deny_unknown(&["treaties", "terms", "demands"]).map_err(|m| DataError::new(FILE, m))?;
    let treaties = entries(FILE, &v, "treaties", "treaty", Treaty::read)?;
    let terms = entries(FILE, &v, "terms", "term", Term::read)?;
    let demands = entries(FILE, &v, "demands", "demand", Demand::read)?;
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

    /// A demand with one states layer whose scope is `scope`.
    fn scoped(scope: &str) -> String {
        format!(
            r#"{{"treaties": [{{"id": "us", "title": "T", "short": "US treaty"}}], "terms": [{{"id": "reach", "label": "l",
              "phrase": "p", "demand": "x-1", "default": "a", "options": [{{"value": "a", "label": "A", "effect": "e"}},
              {{"value": "b", "label": "B", "effect": "e"}}]}}], "demands": [{{"id": "x-1", "treaty": "us", "article": 1,
              "title": "t", "summary": "s", "bound": "b", "restricts": "r",
              "layer": {{"kind": "states", "sides": [{{"party": "p", "scope": {scope}}}]}}}}]}}"#
        )
    }

    #[test]
    fn every_rule_form_is_read() {
        use super::super::date::Date;
        use super::super::scope::Rule;
        let f = facts(FACTS).unwrap();
        let scope = r#"{"any": ["everywhere", "former_ussr", "nato_member", "csto_member", {"csto_member": null},
            {"all": [{"not": {"states": ["RUS"]}}, {"borders": {"in_region": "x"}}]},
            {"nato_member_on": "1997-05-27"}, {"hosts_nuclear_weapons_of": "RUS"},
            {"reading": {"term": "reach", "cases": {"b": "everywhere", "a": {"states": []}}}}]}"#;
        // The region is unknown to these facts: reading succeeds, validation names it.
        let e = catalogue(&scoped(scope), &f).unwrap_err();
        assert!(e.message.contains("unknown region \"x\"") && !e.message.contains(';'), "{e}");
        let cat = catalogue(&scoped(&scope.replace(r#"{"in_region": "x"}"#, r#""nato_member""#)), &f).unwrap();
        let super::super::demand::Layer::States { sides, .. } = &cat.demands[0].layer else { panic!() };
        let Rule::Any(rs) = &sides[0].scope else { panic!("{:?}", sides[0].scope) };
        assert_eq!(rs[..5], [Rule::Everywhere, Rule::FormerUssr, Rule::NatoMember, Rule::CstoMember, Rule::CstoMember]);
        assert_eq!(
            rs[5],
            Rule::All(vec![Rule::Not(Box::new(Rule::States(vec!["RUS".into()]))), Rule::Borders(Box::new(Rule::NatoMember))])
        );
        assert_eq!(rs[6], Rule::NatoMemberOn(Date::new(1997, 5, 27)));
        assert_eq!(rs[7], Rule::HostsNuclearWeaponsOf("RUS".into()));
        assert_eq!(
            rs[8],
            Rule::Reading { term: "reach".into(), cases: vec![("a".into(), Rule::States(vec![])), ("b".into(), Rule::Everywhere)] }
        );
    }

    #[test]
    fn a_bad_rule_is_named_with_its_place() {
        let f = facts(FACTS).unwrap();
        let err = |scope: &str| catalogue(&scoped(scope), &f).unwrap_err().message;
        let e = err(r#"{"all": ["former_ussr", {"not": "frobnicate"}]}"#);
        assert!(e.starts_with("demand \"x-1\": field `layer.sides[0].scope.all[1].not`: unknown rule `frobnicate`"), "{e}");
        assert!(err(r#""states""#).contains("rule `states` takes an argument"));
        assert!(err(r#"{"not": "everywhere", "all": []}"#).contains("an object with one key, found 2 keys"));
        assert!(err(r#"{"everywhere": true}"#).contains("field `layer.sides[0].scope.everywhere`: takes no argument"));
        assert!(err(r#"{"states": "RUS"}"#).contains("field `layer.sides[0].scope.states`: expected a list, found a string"));
        assert!(err(r#"{"nato_member_on": "1997-02-30"}"#).contains("not a date"));
        let e = err(r#"{"reading": {"term": "reach", "cases": {}, "default": "a"}}"#);
        assert!(e.contains("field `layer.sides[0].scope.reading`: unknown field `default`"), "{e}");
        let e = err(r#"{"reading": {"term": "reach", "cases": {"a": 3}}}"#);
        assert!(e.contains("field `layer.sides[0].scope.reading.cases.a`: expected a rule"), "{e}");
        assert!(err("7").contains("found a number"));
    }

    #[test]
    fn fields_are_checked_like_before() {
        let f = facts(FACTS).unwrap();
        let e = catalogue(&scoped(r#""everywhere""#).replace(r#""article": 1"#, r#""article": 300"#), &f).unwrap_err();
        assert!(e.message.contains("demand \"x-1\": field `article`: expected a whole number from 0 to 255"), "{e}");
        let e = catalogue(&scoped(r#""everywhere""#).replace(r#""restricts": "r","#, r#""restricts": "r", "quote": 1,"#), &f).unwrap_err();
        assert!(e.message.contains("field `quote`: expected an object, found a number"), "{e}");
        let e = catalogue(&scoped(r#""everywhere""#).replace(r#""party": "p""#, r#""party": "p", "side": 2"#), &f).unwrap_err();
        assert!(e.message.contains("field `layer.sides[0]`: unknown field `side`"), "{e}");
        let e = catalogue(&scoped(r#""everywhere""#).replace(r#""label": "B""#, r#""label": false"#), &f).unwrap_err();
        assert!(e.message.contains("term \"reach\": field `options[1].label`: expected a string, found a boolean"), "{e}");
        let e = catalogue(&format!(r#"{{"extra": 1, {}"#, &scoped(r#""everywhere""#)[1..]), &f).unwrap_err();
        assert!(e.message.contains("unknown field `extra`"), "{e}");
        assert!(catalogue(r#"{"treaties": [], "terms": []}"#, &f).unwrap_err().message.contains("missing field `demands`"));

        let e = facts(&FACTS.replace(r#""merged": {}"#, r#""merged": {"ALA": 3}"#)).unwrap_err();
        assert!(e.message.contains("field `merged.ALA`: expected a string"), "{e}");
        let f = facts(&FACTS.replace(r#""merged": {}"#, r#""merged": {"ALA": "RUS"}"#)).unwrap();
        assert_eq!(f.merged_into("ALA"), Some("RUS"));
        assert!(facts(&FACTS.replace(r#""merged": {}"#, r#""merged": {"ALA": "FIN"}"#)).unwrap_err().message.contains("unknown state \"FIN\""));
        let e = facts(&FACTS.replace(r#""former_ussr": true"#, r#""csto": [{"from": "2002-10-07", "until": 5}]"#)).unwrap_err();
        assert!(e.message.contains("state \"RUS\": field `csto[0].until`: expected a string"), "{e}");
        let e = facts(&FACTS.replace(r#""regions": []"#, r#""regions": [], "region": []"#)).unwrap_err();
        assert!(e.message.contains("unknown field `region`"), "{e}");
        let e = facts(&FACTS.replace(r#""nuclear_hosting": []"#, r#""nuclear_hosting": [{"host": "RUS"}]"#)).unwrap_err();
        assert!(e.message.contains("nuclear_hosting 1: missing field `owner`"), "{e}");
        let f = facts(&FACTS.replace(r#""former_ussr": true"#, r#""nato": "2004-03-29", "drawn": false"#)).unwrap();
        let s = f.state("RUS").unwrap();
        assert!(!s.drawn && !s.former_ussr && s.nato.is_some());
    }
}
