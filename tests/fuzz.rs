//! Property tests (proptest, stable Rust) of what reads the outside world:
//! the URL reader (`Choices::from_query`) and the data readers
//! (`load::facts`, `load::catalogue`, `Atlas::parse`). Random and mutated
//! queries and data files: no panic, every error named, the rest kept.
#![cfg(not(target_arch = "wasm32"))]

mod common;
use common::{data, read};
use proptest::prelude::*;
use serde_json::Value;
use treaty_map::geometry::atlas::Atlas;
use treaty_map::model::load;
use treaty_map::state::{AsOf, Choices};

const OUTLINES: [&str; 4] = ["eastern-europe", "south-caucasus", "central-asia", "nato-1997"];
/// Every parameter the reader knows (README's table), and the readings' terms.
const KNOWN: [&str; 17] =
    ["demands", "date", "ee", "europe", "ally", "regions", "embed", "theme", "static", "present", "steps", "step", "range", "band", "sea", "", " "];

/// Keys the reader does not know, some near misses.
fn unknown_key() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("Demands".to_string()),
        Just("zoom".to_string()),
        Just("demand".to_string()),
        Just("utm_source".to_string()),
        "[a-z_]{1,12}".prop_filter("not a known key", |k| !KNOWN.contains(&k.as_str())),
    ]
}

/// Values, known and garbage, of the characters a query carries unescaped.
fn value() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("1".to_string()),
        Just("today".to_string()),
        Just("nato-6,us-4a".to_string()),
        Just("broad".to_string()),
        Just("99999".to_string()),
        Just("nato-5/range.1000;us-6".to_string()),
        "[a-z0-9,;./\\-]{0,30}",
        "\\PC{0,20}",
    ]
}

/// A query of known keys with any value.
fn any_pairs() -> impl Strategy<Value = Vec<(String, String)>> {
    prop::collection::vec((prop::sample::select(KNOWN.to_vec()).prop_map(str::to_string), value()), 0..8)
}

/// `k=v` pairs, percent-encoded as a browser would.
fn encode(pairs: &[(String, String)]) -> String {
    form_urlencoded::Serializer::new(String::new()).extend_pairs(pairs).finish()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    /// Any text at all: no panic, and every ignored entry is short and
    /// non-empty (a notice, not a dump of the reader's garbage).
    #[test]
    fn any_text_is_read_without_panic(q in "\\PC{0,200}") {
        let d = data();
        let (c, ignored) = Choices::from_query(&q, &d.catalogue, &OUTLINES);
        for e in &ignored {
            prop_assert!(!e.is_empty() && e.chars().count() < 200, "{e:?}");
        }
        // What it kept writes a query that reads back to the same query.
        let q2 = c.to_query(&d.catalogue);
        let (c2, again) = Choices::from_query(&q2, &d.catalogue, &OUTLINES);
        prop_assert!(again.is_empty(), "{q2} → {again:?}");
        prop_assert_eq!(c2.to_query(&d.catalogue), q2);
    }

    /// Known keys with random values, and unknown keys: every unknown key is
    /// named, and the valid part of the query still applies.
    #[test]
    fn garbage_is_named_and_the_rest_kept(known in any_pairs(), garbage in prop::collection::vec((unknown_key(), value()), 1..6)) {
        let d = data();
        // The valid part goes last, so it wins over a known key's bad value.
        let mut pairs: Vec<(String, String)> = Vec::new();
        pairs.extend(known.iter().filter(|(k, _)| !["demands", "date"].contains(&k.as_str())).cloned());
        pairs.extend(garbage.iter().cloned());
        pairs.push(("demands".into(), "nato-6".into()));
        pairs.push(("date".into(), "today".into()));
        let q = encode(&pairs);
        let (c, ignored) = Choices::from_query(&q, &d.catalogue, &OUTLINES);
        prop_assert_eq!(&c.demands, &vec!["nato-6".to_string()], "{}", q);
        prop_assert_eq!(c.as_of, AsOf::Today);
        for (k, _) in &garbage {
            prop_assert!(ignored.iter().any(|e| e.contains(&format!("unknown parameter \"{}", k.trim()))), "{k} not named in {ignored:?}");
        }
        prop_assert!(ignored.len() >= garbage.len());
    }
}

/// Every place in a JSON tree, as a path of keys and indices.
fn places(v: &Value, here: Vec<String>, out: &mut Vec<Vec<String>>) {
    out.push(here.clone());
    match v {
        Value::Object(m) => m.iter().for_each(|(k, c)| places(c, [here.clone(), vec![k.clone()]].concat(), out)),
        Value::Array(a) => a.iter().enumerate().for_each(|(i, c)| places(c, [here.clone(), vec![i.to_string()]].concat(), out)),
        _ => {}
    }
}

fn at<'a>(v: &'a mut Value, path: &[String]) -> Option<&'a mut Value> {
    path.iter().try_fold(v, |v, k| match v {
        Value::Object(m) => m.get_mut(k),
        Value::Array(a) => k.parse::<usize>().ok().and_then(|i| a.get_mut(i)),
        _ => None,
    })
}

/// One change to a data file: in its tree (a value replaced or removed) or
/// in its text (cut short, a character replaced).
#[derive(Clone, Debug)]
enum Mutation {
    Replace { place: usize, with: u8 },
    Remove { place: usize },
    Cut { at: usize },
    Char { at: usize, with: char },
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), 0u8..9).prop_map(|(place, with)| Mutation::Replace { place, with }),
        any::<usize>().prop_map(|place| Mutation::Remove { place }),
        any::<usize>().prop_map(|at| Mutation::Cut { at }),
        (any::<usize>(), prop::char::range(' ', '~')).prop_map(|(at, with)| Mutation::Char { at, with }),
    ]
}

fn mutate(text: &str, m: &Mutation) -> String {
    let mut tree: Value = serde_json::from_str(text).expect("the committed file parses");
    let mut all = Vec::new();
    places(&tree, Vec::new(), &mut all);
    match *m {
        Mutation::Replace { place, with } => {
            let path = &all[place % all.len()];
            let new = [
                Value::Null,
                Value::Bool(true),
                serde_json::json!(-1),
                serde_json::json!(1e308),
                serde_json::json!(""),
                serde_json::json!("x"),
                serde_json::json!([]),
                serde_json::json!({}),
                serde_json::json!([[1, 2], [3]]),
            ][with as usize % 9]
                .clone();
            if let Some(v) = at(&mut tree, path) {
                *v = new;
            }
            tree.to_string()
        }
        Mutation::Remove { place } => {
            let path = &all[place % all.len()];
            if let Some((last, parent)) = path.split_last() {
                match at(&mut tree, parent) {
                    Some(Value::Object(o)) => {
                        o.remove(last);
                    }
                    Some(Value::Array(a)) => {
                        if let Ok(i) = last.parse::<usize>() {
                            if i < a.len() {
                                a.remove(i);
                            }
                        }
                    }
                    _ => {}
                }
            }
            tree.to_string()
        }
        Mutation::Cut { at } => {
            let mut i = at % (text.len() + 1);
            while !text.is_char_boundary(i) {
                i -= 1;
            }
            text[..i].to_string()
        }
        Mutation::Char { at, with } => {
            let n = text.chars().count().max(1);
            text.chars().enumerate().map(|(i, c)| if i == at % n { with } else { c }).collect()
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    /// A mutated facts.json: loads, or is refused with an error naming
    /// facts.json; never a panic.
    #[test]
    fn a_mutated_facts_file_is_named(m in mutation()) {
        let text = mutate(&read("facts.json"), &m);
        if let Err(e) = load::facts(&text) {
            prop_assert_eq!(e.file.as_str(), "facts.json");
            prop_assert!(!e.message.is_empty());
        }
    }

    /// A mutated demands.json: loads or is refused naming demands.json; the
    /// facts it is checked against are untouched.
    #[test]
    fn a_mutated_demands_file_is_named(m in mutation()) {
        let facts = load::facts(&read("facts.json")).expect("facts.json loads");
        let text = mutate(&read("demands.json"), &m);
        match load::catalogue(&text, &facts) {
            Ok(cat) => prop_assert!(!cat.demands.is_empty() || text.contains("\"demands\":[]")),
            Err(e) => {
                prop_assert_eq!(e.file.as_str(), "demands.json");
                prop_assert!(!e.message.is_empty());
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// A mutated states.topo.json: refused naming the file, or read with
    /// each broken feature named in a warning and every other state kept.
    #[test]
    fn a_mutated_atlas_keeps_the_other_states(m in mutation()) {
        let original = read("states.topo.json");
        let (whole, _) = Atlas::parse(&original).expect("states.topo.json loads");
        let text = mutate(&original, &m);
        match Atlas::parse(&text) {
            Ok((atlas, warnings)) => {
                for w in &warnings {
                    prop_assert!(w.starts_with("states.topo.json: feature "), "{w}");
                }
                // Every state left out is named by a warning; every other
                // state is kept.
                let missing = whole.shapes.iter().filter(|s| atlas.get(&s.iso).is_none()).count();
                prop_assert!(missing <= warnings.len(), "{missing} states left out, {} warnings: {warnings:?}", warnings.len());
            }
            Err(e) => {
                prop_assert_eq!(e.file.as_str(), "states.topo.json");
                prop_assert!(!e.message.is_empty());
            }
        }
    }
}
