//! Reading a parsed JSON tree into the domain types by hand. Each data file
//! is parsed once into a `serde_json::Value` and read with these helpers, so
//! the WebAssembly carries one deserializer, not one per type.
//!
//! Messages name the field by its path within the entry
//! (`layer.sides[0].scope`), and say what was expected and what was found.

use serde_json::{Map, Value};

/// What a value is, for messages: "a string", "a list", "null".
pub fn found(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

/// "expected a string, found a number".
pub fn expected(what: &str, v: &Value) -> String {
    format!("expected {what}, found {}", found(v))
}

/// `path` extended by a field name.
pub fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

/// "field `path`: message", or the message alone at the top of an entry.
pub fn at(path: &str, message: &str) -> String {
    if path.is_empty() {
        message.to_string()
    } else {
        format!("field `{path}`: {message}")
    }
}

/// A string, or why not, naming the value's path.
pub fn string(v: &Value, path: &str) -> Result<String, String> {
    v.as_str().map(str::to_string).ok_or_else(|| at(path, &expected("a string", v)))
}

/// A list, or why not.
pub fn list<'a>(v: &'a Value, path: &str) -> Result<&'a [Value], String> {
    v.as_array().map(Vec::as_slice).ok_or_else(|| at(path, &expected("a list", v)))
}

/// A list of strings.
pub fn strings(v: &Value, path: &str) -> Result<Vec<String>, String> {
    list(v, path)?.iter().enumerate().map(|(i, s)| string(s, &format!("{path}[{i}]"))).collect()
}

/// An object being read, and where it is within its entry.
pub struct Obj<'a> {
    pub map: &'a Map<String, Value>,
    pub path: String,
}

impl<'a> Obj<'a> {
    /// `v` as an object at `path`, or why not.
    pub fn new(v: &'a Value, path: String) -> Result<Obj<'a>, String> {
        match v {
            Value::Object(map) => Ok(Obj { map, path }),
            _ => Err(at(&path, &expected("an object", v))),
        }
    }

    /// The path of one of the object's fields.
    pub fn path_of(&self, key: &str) -> String {
        join(&self.path, key)
    }

    /// A message about the object itself, prefixed with its path.
    pub fn error(&self, message: &str) -> String {
        at(&self.path, message)
    }

    /// A field that must be there (it may be null).
    pub fn field(&self, key: &str) -> Result<&'a Value, String> {
        self.map.get(key).ok_or_else(|| self.error(&format!("missing field `{key}`")))
    }

    /// A field that may be left out or null.
    pub fn opt(&self, key: &str) -> Option<&'a Value> {
        self.map.get(key).filter(|v| !v.is_null())
    }

    /// A field that must be an object.
    pub fn obj(&self, key: &str) -> Result<Obj<'a>, String> {
        Obj::new(self.field(key)?, self.path_of(key))
    }

    pub fn string(&self, key: &str) -> Result<String, String> {
        string(self.field(key)?, &self.path_of(key))
    }

    pub fn opt_string(&self, key: &str) -> Result<Option<String>, String> {
        self.opt(key).map(|v| string(v, &self.path_of(key))).transpose()
    }

    /// A boolean that is `default` when left out.
    pub fn bool_or(&self, key: &str, default: bool) -> Result<bool, String> {
        match self.map.get(key) {
            None => Ok(default),
            Some(v) => v.as_bool().ok_or_else(|| at(&self.path_of(key), &expected("a boolean", v))),
        }
    }

    /// A whole number from 0 to 255.
    pub fn u8(&self, key: &str) -> Result<u8, String> {
        let v = self.field(key)?;
        v.as_u64()
            .and_then(|n| u8::try_from(n).ok())
            .ok_or_else(|| at(&self.path_of(key), &expected("a whole number from 0 to 255", v)))
    }

    /// A whole number from 0 to 255, or nothing when left out or null.
    pub fn opt_u8(&self, key: &str) -> Result<Option<u8>, String> {
        match self.opt(key) {
            None => Ok(None),
            Some(_) => self.u8(key).map(Some),
        }
    }

    pub fn list(&self, key: &str) -> Result<&'a [Value], String> {
        list(self.field(key)?, &self.path_of(key))
    }

    /// A list that is empty when left out.
    pub fn list_or_empty(&self, key: &str) -> Result<&'a [Value], String> {
        match self.map.get(key) {
            None => Ok(&[]),
            Some(v) => list(v, &self.path_of(key)),
        }
    }

    pub fn strings(&self, key: &str) -> Result<Vec<String>, String> {
        strings(self.field(key)?, &self.path_of(key))
    }

    /// A list of strings that is empty when left out.
    pub fn strings_or_empty(&self, key: &str) -> Result<Vec<String>, String> {
        match self.map.get(key) {
            None => Ok(Vec::new()),
            Some(v) => strings(v, &self.path_of(key)),
        }
    }

    /// An error naming the first field not in `allowed`.
    pub fn deny_unknown(&self, allowed: &[&str]) -> Result<(), String> {
        match self.map.keys().find(|k| !allowed.contains(&k.as_str())) {
            None => Ok(()),
            Some(k) => {
                let list: Vec<String> = allowed.iter().map(|a| format!("`{a}`")).collect();
                Err(self.error(&format!("unknown field `{k}`, expected one of {}", list.join(", "))))
            }
        }
    }
}
