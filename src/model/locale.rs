//! The page's words in the reader's language: one file per locale
//! (`geo/locales/xx.json`), read and validated like the other data files,
//! with messages and their placeholders, CLDR plural categories, numbers
//! and dates by the locale's own CLDR data.
//!
//! English is the reference: `en.json` holds every message key of the page;
//! every other locale must have the same keys, the same placeholders, a
//! text for each demand, term, treaty, region and party in `demands.json`
//! and `facts.json`, and a name for every state in `facts.json` (from CLDR,
//! written into the files by `scripts/locale-names.mjs`). The demands'
//! English texts stay in `demands.json`; `en.json` carries no copy.
//!
//! Quotations are never translated in place: a locale may carry a
//! translation made for the map (`translation`, shown beside the official
//! text and labelled as the map's), and the Russian locale carries the
//! original only where a verified copy exists (`original`, with its source).

use super::demand::{Catalogue, Layer};
use super::facts::Facts;
use super::json::{self, Obj};
use super::load::{parse, DataError};
use serde_json::Value;

/// The locales the page has, English first (the default).
pub const LOCALES: [&str; 6] = ["en", "ru", "uk", "de", "fr", "pl"];

/// Each locale's name in its own language, for the language switcher (each
/// file's `name`, which tests/locales.rs compares): known before a file is
/// fetched.
pub const NAMES: [(&str, &str); 6] = [("en", "English"), ("ru", "Русский"), ("uk", "Українська"), ("de", "Deutsch"), ("fr", "Français"), ("pl", "Polski")];

/// The language of the drafts' original text.
pub const ORIGINAL: &str = "ru";

/// The file a locale's texts are fetched from, beside `demands.json`.
pub fn file_name(code: &str) -> String {
    format!("locales/{code}.json")
}

/// Which locale to show: `lang=` from the URL when the page has it, else
/// the first of the browser's languages (`navigator.languages`, such as
/// `de-AT` or `uk`) whose language the page has, else English.
pub fn pick(url_lang: Option<&str>, browser: &[String]) -> &'static str {
    let known = |tag: &str| {
        let primary = tag.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
        LOCALES.into_iter().find(|l| *l == primary)
    };
    url_lang.and_then(known).or_else(|| browser.iter().find_map(|b| known(b))).unwrap_or(LOCALES[0])
}

/// A CLDR plural category.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Category {
    Zero,
    One,
    Two,
    Few,
    Many,
    Other,
}

impl Category {
    pub const ALL: [Category; 6] = [Category::Zero, Category::One, Category::Two, Category::Few, Category::Many, Category::Other];

    pub fn name(self) -> &'static str {
        match self {
            Category::Zero => "zero",
            Category::One => "one",
            Category::Two => "two",
            Category::Few => "few",
            Category::Many => "many",
            Category::Other => "other",
        }
    }

    fn from_name(s: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.name() == s)
    }
}

/// The CLDR cardinal plural rules of a language: natively from
/// `intl_pluralrules` (the CLDR rules compiled into Rust), in the browser
/// from its own `Intl.PluralRules` (the same CLDR rules, through ICU), which
/// costs the page's WebAssembly nothing where the crate's tables of every
/// language would.
#[cfg(not(target_arch = "wasm32"))]
pub struct PluralRules(intl_pluralrules::PluralRules);
#[cfg(target_arch = "wasm32")]
pub struct PluralRules(js_sys::Intl::PluralRules);

impl PluralRules {
    #[cfg(not(target_arch = "wasm32"))]
    pub fn new(code: &str) -> Option<PluralRules> {
        let lang: unic_langid::LanguageIdentifier = code.parse().ok()?;
        intl_pluralrules::PluralRules::create(lang, intl_pluralrules::PluralRuleType::CARDINAL).ok().map(PluralRules)
    }

    #[cfg(target_arch = "wasm32")]
    pub fn new(code: &str) -> Option<PluralRules> {
        if code.is_empty() || !code.bytes().all(|b| b.is_ascii_lowercase()) {
            return None;
        }
        let locales = js_sys::Array::of1(&code.into());
        Some(PluralRules(js_sys::Intl::PluralRules::new(&locales, &js_sys::Object::new())))
    }

    /// The category of a whole number.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn select(&self, n: u64) -> Category {
        use intl_pluralrules::PluralCategory as P;
        match self.0.select(n) {
            Ok(P::ZERO) => Category::Zero,
            Ok(P::ONE) => Category::One,
            Ok(P::TWO) => Category::Two,
            Ok(P::FEW) => Category::Few,
            Ok(P::MANY) => Category::Many,
            _ => Category::Other,
        }
    }

    /// The category of a whole number.
    #[cfg(target_arch = "wasm32")]
    pub fn select(&self, n: u64) -> Category {
        let name: String = self.0.select(n as f64).into();
        Category::from_name(&name).unwrap_or(Category::Other)
    }

    /// The categories whole numbers fall into (the page counts states,
    /// demands and steps, never fractions): those a plural message needs.
    pub fn integer_categories(&self) -> Vec<Category> {
        let mut out: Vec<Category> = Vec::new();
        for n in (0..=200).chain([1_000, 10_000, 100_000, 1_000_000, 2_000_000]) {
            let c = self.select(n);
            if !out.contains(&c) {
                out.push(c);
            }
        }
        out.sort();
        out
    }
}

/// A message: a text, or one text per plural category chosen by the
/// placeholder `{count}`.
#[derive(Clone, Debug, PartialEq)]
pub enum Message {
    Text(String),
    Plural(Vec<(Category, String)>),
}

impl Message {
    fn variants(&self) -> Vec<&str> {
        match self {
            Message::Text(t) => vec![t.as_str()],
            Message::Plural(v) => v.iter().map(|(_, t)| t.as_str()).collect(),
        }
    }

    /// Every placeholder any of its texts uses, sorted, each once.
    pub fn placeholders(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for t in self.variants() {
            for p in placeholders(t).unwrap_or_default() {
                super::scope::set_add(&mut out, &p);
            }
        }
        out
    }
}

/// The placeholders of a text (`{name}`: lower-case letters, digits and
/// `_`), in order, or why the text is malformed.
pub fn placeholders(text: &str) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(i) = rest.find(['{', '}']) {
        if rest[i..].starts_with('}') {
            return Err(format!("a `}}` without its `{{` in \"{}\"", clip(text)));
        }
        let after = &rest[i + 1..];
        let Some(j) = after.find('}') else { return Err(format!("a `{{` without its `}}` in \"{}\"", clip(text))) };
        let name = &after[..j];
        if name.is_empty() || !name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_') {
            return Err(format!("`{{{name}}}` is not a placeholder (lower-case letters, digits and `_`) in \"{}\"", clip(text)));
        }
        out.push(name.to_string());
        rest = &after[j + 1..];
    }
    Ok(out)
}

fn clip(s: &str) -> String {
    let mut out: String = s.chars().take(50).collect();
    if s.chars().count() > 50 {
        out.push('…');
    }
    out
}

/// Fills `{name}` placeholders from `args`; a placeholder without an
/// argument is left as written, so a slip shows instead of vanishing.
pub fn fill(text: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find('{') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        match after.find('}') {
            Some(j) => {
                let name = &after[..j];
                match args.iter().find(|(k, _)| *k == name) {
                    Some((_, v)) => out.push_str(v),
                    None => out.push_str(&rest[i..i + j + 2]),
                }
                rest = &after[j + 1..];
            }
            None => {
                out.push_str(&rest[i..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// How the locale writes numbers (CLDR `numbers.json`, latn system).
#[derive(Clone, Debug, PartialEq)]
pub struct Numbers {
    /// The grouping separator: "," (en), "." (de), U+00A0 (ru, uk, pl),
    /// U+202F (fr).
    pub group: String,
    pub decimal: String,
    /// CLDR `minimumGroupingDigits`: 2 in Polish, so 5006 has no separator
    /// and 50 006 has one.
    pub min_grouping: u8,
}

impl Numbers {
    /// A whole number with the locale's grouping (groups of three, as the
    /// pattern `#,##0.###` of every locale here says).
    pub fn whole(&self, n: u64) -> String {
        let s = n.to_string();
        if s.len() < 3 + self.min_grouping as usize {
            return s;
        }
        let mut out = String::new();
        for (i, c) in s.chars().enumerate() {
            if i > 0 && (s.len() - i).is_multiple_of(3) {
                out.push_str(&self.group);
            }
            out.push(c);
        }
        out
    }
}

/// A piece of a CLDR date pattern.
#[derive(Clone, Debug, PartialEq)]
enum Piece {
    Day,
    Month,
    Year,
    Literal(String),
}

/// The CLDR long date format (`d MMMM y 'г'.`) and the month names in the
/// form it takes (the genitive in Russian, Ukrainian and Polish).
#[derive(Clone, Debug, PartialEq)]
pub struct DateFormat {
    pieces: Vec<Piece>,
    months: Vec<String>,
}

impl DateFormat {
    /// Reads a pattern of `d`, `MMMM`, `y`, quoted literals and other
    /// literal characters; anything else is refused.
    pub fn new(pattern: &str, months: Vec<String>) -> Result<DateFormat, String> {
        if months.len() != 12 {
            return Err(format!("expected 12 month names, found {}", months.len()));
        }
        let mut pieces = Vec::new();
        let mut lit = String::new();
        let chars: Vec<char> = pattern.chars().collect();
        let mut i = 0;
        let flush = |lit: &mut String, pieces: &mut Vec<Piece>| {
            if !lit.is_empty() {
                pieces.push(Piece::Literal(std::mem::take(lit)));
            }
        };
        while i < chars.len() {
            let c = chars[i];
            let run = chars[i..].iter().take_while(|&&x| x == c).count();
            match c {
                '\'' => {
                    let Some(end) = chars[i + 1..].iter().position(|&x| x == '\'') else { return Err(format!("an unclosed quote in the date pattern \"{pattern}\"")) };
                    if end == 0 {
                        lit.push('\'');
                    } else {
                        lit.extend(&chars[i + 1..i + 1 + end]);
                    }
                    i += end + 2;
                    continue;
                }
                'd' if run == 1 => {
                    flush(&mut lit, &mut pieces);
                    pieces.push(Piece::Day);
                }
                'M' if run == 4 => {
                    flush(&mut lit, &mut pieces);
                    pieces.push(Piece::Month);
                }
                'y' if run == 1 => {
                    flush(&mut lit, &mut pieces);
                    pieces.push(Piece::Year);
                }
                c if c.is_ascii_alphabetic() => return Err(format!("the date pattern \"{pattern}\" has `{}`; only d, MMMM and y are read", c.to_string().repeat(run))),
                _ => lit.extend(&chars[i..i + run]),
            }
            i += run;
        }
        flush(&mut lit, &mut pieces);
        for (p, what) in [(Piece::Day, "d"), (Piece::Month, "MMMM"), (Piece::Year, "y")] {
            if !pieces.contains(&p) {
                return Err(format!("the date pattern \"{pattern}\" lacks `{what}`"));
            }
        }
        Ok(DateFormat { pieces, months })
    }

    pub fn format(&self, d: super::date::Date) -> String {
        let mut out = String::new();
        for p in &self.pieces {
            match p {
                Piece::Day => out.push_str(&d.day.to_string()),
                Piece::Month => out.push_str(self.months.get(usize::from(d.month.max(1)) - 1).map(String::as_str).unwrap_or("")),
                Piece::Year => out.push_str(&d.year.to_string()),
                Piece::Literal(s) => out.push_str(s),
            }
        }
        out
    }
}

/// A demand's texts in a locale.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DemandText {
    pub title: String,
    /// A shorter title for the picker, the legend and captions.
    pub short: String,
    pub summary: String,
    pub bound: String,
    pub restricts: String,
    /// The map layer's note (`layer.note` or `layer.zone_note`).
    pub note: Option<String>,
    /// The map's own translation of the quoted clause: never shown as the
    /// treaty's text, always labelled.
    pub translation: Option<String>,
    /// The Russian original of the quoted clause, where a verified copy
    /// exists (only in the `ru` locale).
    pub original: Option<Original>,
}

/// A verified passage of the Russian original and where it was copied from.
#[derive(Clone, Debug, PartialEq)]
pub struct Original {
    pub text: String,
    pub source: String,
}

/// A disputed term in a locale.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TermText {
    pub label: String,
    /// The map's translation of the English wording (`demands.json`'s
    /// `phrase`, which is shown as the official text): labelled, never in
    /// quotation marks. Not in English, nor needed in Russian.
    pub translation: Option<String>,
    /// The wording of the Russian original, where verified (every locale
    /// may show it: "Закавказье" where the English says "South Caucasus").
    pub original: Option<Original>,
    /// Option value → (label, effect).
    pub options: Vec<(String, String, String)>,
}

/// What a quotation shows in a locale.
#[derive(Clone, Debug, PartialEq)]
pub struct Quotation {
    /// The official text quoted: the Russian original or the ministry's
    /// English translation.
    pub text: String,
    /// Its language: "ru" or "en".
    pub lang: &'static str,
    pub source: String,
    /// The map's translation into the page's language, if the page is not
    /// in the quoted text's language; labelled with `label`.
    pub translation: Option<String>,
    /// "Russian original not verified", when the Russian locale shows the
    /// English text for want of a verified original.
    pub flag: Option<String>,
}

/// One locale's texts, validated.
#[derive(Clone, Debug)]
pub struct Locale {
    pub code: String,
    /// The language's own name, for the switcher: "Українська".
    pub name: String,
    pub numbers: Numbers,
    pub dates: DateFormat,
    pub messages: litemap::LiteMap<String, Message>,
    /// Terms used the same way everywhere: `nato` → "НАТО".
    pub glossary: super::scope::StringMap,
    /// Treaty id → (title, short).
    pub treaties: litemap::LiteMap<String, (String, String)>,
    pub terms: litemap::LiteMap<String, TermText>,
    pub demands: litemap::LiteMap<String, DemandText>,
    /// Region id → name.
    pub regions: super::scope::StringMap,
    /// A party as `demands.json` names it ("NATO members") → in the locale.
    pub parties: super::scope::StringMap,
    /// ISO alpha-3 → the state's name (CLDR).
    pub states: super::scope::StringMap,
    /// ISO alpha-3 → the facts' note on the state, in the locale.
    pub state_notes: super::scope::StringMap,
    /// A nuclear-hosting source as `facts.json` writes it → in the locale.
    pub hosting: super::scope::StringMap,
    rules: std::sync::Arc<PluralRules>,
}

impl std::fmt::Debug for PluralRules {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PluralRules")
    }
}

fn text_map(o: &Obj, key: &str) -> Result<super::scope::StringMap, String> {
    let m = o.obj(key)?;
    m.map.iter().map(|(k, v)| Ok((k.clone(), json::string(v, &m.path_of(k))?))).collect()
}

fn opt_text_map(o: &Obj, key: &str) -> Result<super::scope::StringMap, String> {
    match o.opt(key) {
        None => Ok(Default::default()),
        Some(_) => text_map(o, key),
    }
}

fn original(o: &Obj, key: &str) -> Result<Option<Original>, String> {
    match o.opt(key) {
        None => Ok(None),
        Some(_) => {
            let q = o.obj(key)?;
            q.deny_unknown(&["text", "source"])?;
            Ok(Some(Original { text: q.string("text")?, source: q.string("source")? }))
        }
    }
}

impl Locale {
    /// Reads a locale file's text. `code` is the locale the file must be
    /// for. Checks the file on its own: its messages' placeholders, its
    /// plural messages' categories against CLDR, its date pattern; see
    /// `check` for the checks against English and the data.
    pub fn read(code: &str, text: &str) -> Result<Locale, DataError> {
        let file = file_name(code);
        let tree = parse(&file, text)?;
        let err = |m: String| DataError::new(&file, m);
        let o = Obj::new(&tree, String::new()).map_err(|_| err(format!("expected a JSON object at the top, found {}", json::found(&tree))))?;
        o.deny_unknown(&["locale", "name", "cldr", "glossary", "messages", "treaties", "terms", "demands", "regions", "parties", "states", "state_notes", "hosting"])
            .map_err(err)?;
        let declared = o.string("locale").map_err(err)?;
        if declared != code {
            return Err(err(format!("field `locale`: the file is for \"{declared}\", expected \"{code}\"")));
        }
        let rules = PluralRules::new(code).ok_or_else(|| err(format!("no CLDR plural rules for \"{code}\"")))?;
        let needed = rules.integer_categories();

        let c = o.obj("cldr").map_err(err)?;
        c.deny_unknown(&["version", "group", "decimal", "min_grouping", "date_long", "months"]).map_err(err)?;
        let numbers = Numbers { group: c.string("group").map_err(err)?, decimal: c.string("decimal").map_err(err)?, min_grouping: c.u8("min_grouping").map_err(err)? };
        let dates = DateFormat::new(&c.string("date_long").map_err(err)?, c.strings("months").map_err(err)?).map_err(|m| err(format!("field `cldr`: {m}")))?;

        let m = o.obj("messages").map_err(err)?;
        let mut messages = litemap::LiteMap::new();
        for (k, v) in m.map.iter() {
            let path = m.path_of(k);
            let message = match v {
                Value::String(s) => Message::Text(s.clone()),
                Value::Object(_) => {
                    let p = Obj::new(v, path.clone()).map_err(err)?;
                    let mut forms = Vec::new();
                    for (cat, t) in p.map.iter() {
                        let Some(c) = Category::from_name(cat) else {
                            return Err(err(format!("message \"{k}\": `{cat}` is not a CLDR plural category")));
                        };
                        forms.push((c, json::string(t, &p.path_of(cat)).map_err(|e| err(format!("message \"{k}\": {e}")))?));
                    }
                    forms.sort_by_key(|f| f.0);
                    for c in &needed {
                        if !forms.iter().any(|f| f.0 == *c) {
                            return Err(err(format!("message \"{k}\": missing the plural form `{}` that {code} needs", c.name())));
                        }
                    }
                    if !forms.iter().any(|f| f.0 == Category::Other) {
                        return Err(err(format!("message \"{k}\": missing the plural form `other`")));
                    }
                    Message::Plural(forms)
                }
                _ => return Err(err(format!("message \"{k}\": {}", json::expected("a text or an object of plural forms", v)))),
            };
            for t in message.variants() {
                placeholders(t).map_err(|e| err(format!("message \"{k}\": {e}")))?;
            }
            messages.insert(k.clone(), message);
        }

        let glossary = text_map(&o, "glossary").map_err(err)?;
        let regions = opt_text_map(&o, "regions").map_err(err)?;
        let parties = opt_text_map(&o, "parties").map_err(err)?;
        let states = opt_text_map(&o, "states").map_err(err)?;
        let state_notes = opt_text_map(&o, "state_notes").map_err(err)?;
        let hosting = opt_text_map(&o, "hosting").map_err(err)?;

        let mut treaties = litemap::LiteMap::new();
        if o.opt("treaties").is_some() {
            let t = o.obj("treaties").map_err(err)?;
            for (id, _) in t.map.iter() {
                let e = t.obj(id).map_err(err)?;
                let named = |m: String| err(format!("treaty \"{id}\": {m}"));
                e.deny_unknown(&["title", "short"]).map_err(named)?;
                treaties.insert(id.clone(), (e.string("title").map_err(named)?, e.string("short").map_err(named)?));
            }
        }
        let mut terms = litemap::LiteMap::new();
        if o.opt("terms").is_some() {
            let t = o.obj("terms").map_err(err)?;
            for (id, _) in t.map.iter() {
                let named = |m: String| err(format!("term \"{id}\": {m}"));
                let e = Obj::new(&t.map[id], String::new()).map_err(named)?;
                e.deny_unknown(&["label", "translation", "original", "options"]).map_err(named)?;
                let opts = e.obj("options").map_err(named)?;
                let mut options = Vec::new();
                for (value, _) in opts.map.iter() {
                    let x = opts.obj(value).map_err(named)?;
                    x.deny_unknown(&["label", "effect"]).map_err(named)?;
                    options.push((value.clone(), x.string("label").map_err(named)?, x.string("effect").map_err(named)?));
                }
                let term = TermText { label: e.string("label").map_err(named)?, translation: e.opt_string("translation").map_err(named)?, original: original(&e, "original").map_err(named)?, options };
                terms.insert(id.clone(), term);
            }
        }
        let mut demands = litemap::LiteMap::new();
        if o.opt("demands").is_some() {
            let t = o.obj("demands").map_err(err)?;
            for (id, v) in t.map.iter() {
                let named = |m: String| err(format!("demand \"{id}\": {m}"));
                let e = Obj::new(v, String::new()).map_err(named)?;
                e.deny_unknown(&["title", "short", "summary", "bound", "restricts", "note", "translation", "original"]).map_err(named)?;
                let text = DemandText {
                    title: e.string("title").map_err(named)?,
                    short: e.string("short").map_err(named)?,
                    summary: e.string("summary").map_err(named)?,
                    bound: e.string("bound").map_err(named)?,
                    restricts: e.string("restricts").map_err(named)?,
                    note: e.opt_string("note").map_err(named)?,
                    translation: e.opt_string("translation").map_err(named)?,
                    original: original(&e, "original").map_err(named)?,
                };
                if text.original.is_some() && code != ORIGINAL {
                    return Err(named(format!("field `original`: the Russian original belongs in the {ORIGINAL} locale")));
                }
                if text.translation.is_some() && code == "en" {
                    return Err(named("field `translation`: the English text is the ministry's, not the map's".into()));
                }
                demands.insert(id.clone(), text);
            }
        }
        Ok(Locale {
            code: code.to_string(),
            name: o.string("name").map_err(err)?,
            numbers,
            dates,
            messages,
            glossary,
            treaties,
            terms,
            demands,
            regions,
            parties,
            states,
            state_notes,
            hosting,
            rules: std::sync::Arc::new(rules),
        })
    }

    /// Checks a locale against English and the data: the same message keys
    /// and placeholders as English, the same glossary entries, a text for
    /// every treaty, term (and option), demand (with a note where the
    /// demand's layer has one, and, outside English, a translation of
    /// every quoted clause), region and party, and a name for every state
    /// in the facts. Every problem is listed, each naming its entry.
    pub fn check(&self, en: &Locale, cat: &Catalogue, facts: &Facts) -> Result<(), DataError> {
        let mut errs: Vec<String> = Vec::new();
        for (k, m) in en.messages.iter() {
            match self.messages.get(k) {
                None => errs.push(format!("message \"{k}\" is missing")),
                Some(mine) => {
                    let (a, b) = (m.placeholders(), mine.placeholders());
                    if a != b {
                        errs.push(format!("message \"{k}\": placeholders {{{}}} where English has {{{}}}", b.join("}, {"), a.join("}, {")));
                    }
                    if matches!(m, Message::Plural(_)) != matches!(mine, Message::Plural(_)) {
                        errs.push(format!("message \"{k}\": plural in one locale and not in the other"));
                    }
                }
            }
        }
        for k in self.messages.keys().filter(|k| en.messages.get(*k).is_none()) {
            errs.push(format!("message \"{k}\" is not in English"));
        }
        for k in en.glossary.keys().filter(|k| self.glossary.get(*k).is_none()) {
            errs.push(format!("glossary entry \"{k}\" is missing"));
        }
        for k in self.glossary.keys().filter(|k| en.glossary.get(*k).is_none()) {
            errs.push(format!("glossary entry \"{k}\" is not in English"));
        }
        if self.code != "en" {
            for t in &cat.treaties {
                if self.treaties.get(&t.id).is_none() {
                    errs.push(format!("treaty \"{}\" is missing", t.id));
                }
            }
            for t in &cat.terms {
                match self.terms.get(&t.id) {
                    None => errs.push(format!("term \"{}\" is missing", t.id)),
                    Some(x) => {
                        if x.translation.is_none() && self.code != ORIGINAL {
                            errs.push(format!("term \"{}\": field `translation` is missing", t.id));
                        }
                        for o in &t.options {
                            if !x.options.iter().any(|(v, _, _)| *v == o.value) {
                                errs.push(format!("term \"{}\": option \"{}\" is missing", t.id, o.value));
                            }
                        }
                    }
                }
            }
            for d in &cat.demands {
                let Some(x) = self.demands.get(&d.id) else {
                    errs.push(format!("demand \"{}\" is missing", d.id));
                    continue;
                };
                let has_note = match &d.layer {
                    Layer::States { zone_note, .. } => zone_note.is_some(),
                    Layer::Distance { .. } => true,
                    Layer::None => false,
                };
                if has_note != x.note.is_some() {
                    errs.push(format!("demand \"{}\": field `note` {}", d.id, if has_note { "is missing" } else { "has no English note to translate" }));
                }
                // Russian: the original where verified, else the English
                // text, flagged; no translation from the translation.
                let wanted = d.quote.is_some() && self.code != ORIGINAL;
                if x.translation.is_some() != wanted && (d.quote.is_none() || self.code != ORIGINAL) {
                    errs.push(format!("demand \"{}\": field `translation` {}", d.id, if d.quote.is_some() { "is missing" } else { "has no quotation to translate" }));
                }
                if x.original.is_some() && d.quote.is_none() {
                    errs.push(format!("demand \"{}\": field `original` has no quotation it stands for", d.id));
                }
                for side in parties_of(d) {
                    if self.parties.get(side).is_none() {
                        errs.push(format!("demand \"{}\": party \"{side}\" is missing from `parties`", d.id));
                    }
                }
            }
            for id in self.demands.keys().filter(|id| cat.demand(id).is_none()) {
                errs.push(format!("demand \"{id}\" is not in demands.json"));
            }
            for r in &facts.regions {
                if self.regions.get(&r.id).is_none() {
                    errs.push(format!("region \"{}\" is missing", r.id));
                }
            }
            for s in &facts.states {
                if self.states.get(&s.iso).is_none() {
                    errs.push(format!("state \"{}\" ({}) has no name", s.iso, s.name));
                }
                if s.note.is_some() && self.state_notes.get(&s.iso).is_none() {
                    errs.push(format!("state \"{}\": its note is missing from `state_notes`", s.iso));
                }
            }
            for h in &facts.nuclear_hosting {
                if self.hosting.get(&h.source).is_none() {
                    errs.push(format!("nuclear hosting source \"{}\" is missing from `hosting`", clip(&h.source)));
                }
            }
        }
        if errs.is_empty() {
            Ok(())
        } else {
            Err(DataError::new(&file_name(&self.code), errs.join("; ")))
        }
    }

    /// A message with its placeholders filled. An unknown key gives the
    /// key itself, so a slip shows and nothing breaks.
    pub fn text(&self, key: &str, args: &[(&str, &str)]) -> String {
        match self.messages.get(key) {
            Some(Message::Text(t)) => fill(t, args),
            Some(m @ Message::Plural(_)) => self.pick_form(m, 0, args),
            None => key.to_string(),
        }
    }

    /// A plural message for `count` (written into `{count}` with the
    /// locale's grouping), its other placeholders filled from `args`.
    pub fn plural(&self, key: &str, count: u64, args: &[(&str, &str)]) -> String {
        match self.messages.get(key) {
            Some(m) => self.pick_form(m, count, args),
            None => key.to_string(),
        }
    }

    fn pick_form(&self, m: &Message, count: u64, args: &[(&str, &str)]) -> String {
        let n = self.number(count);
        let mut all: Vec<(&str, &str)> = vec![("count", n.as_str())];
        all.extend_from_slice(args);
        match m {
            Message::Text(t) => fill(t, &all),
            Message::Plural(forms) => {
                let c = self.rules.select(count);
                let t = forms.iter().find(|f| f.0 == c).or_else(|| forms.iter().find(|f| f.0 == Category::Other)).map(|f| f.1.as_str()).unwrap_or("");
                fill(t, &all)
            }
        }
    }

    pub fn category(&self, n: u64) -> Category {
        self.rules.select(n)
    }

    /// A whole number: "5 006 000" (ru), "5.006.000" (de), "5006" (pl).
    pub fn number(&self, n: u64) -> String {
        self.numbers.whole(n)
    }

    /// An area in km², rounded to the nearest thousand: "5 006 000 км²".
    pub fn area_km2(&self, v: f64) -> String {
        let n = ((v.max(0.0) / 1000.0).round() * 1000.0) as u64;
        self.text("unit.km2", &[("n", &self.number(n))])
    }

    /// A distance in km: "1 000 км".
    pub fn km(&self, n: u64) -> String {
        self.text("unit.km", &[("n", &self.number(n))])
    }

    /// A date in the locale's long form: "17 декабря 2021 г.".
    pub fn date(&self, d: super::date::Date) -> String {
        self.dates.format(d)
    }

    /// A state's name in the locale, else the facts' English name, else the
    /// code.
    pub fn state<'a>(&'a self, iso: &'a str, facts: &'a Facts) -> &'a str {
        self.states.get(iso).map(String::as_str).or_else(|| facts.state(iso).map(|s| s.name.as_str())).unwrap_or(iso)
    }

    /// What a demand's quotation shows in this locale, from the English
    /// quotation in `demands.json`. Russian: the verified original with its
    /// source, else the English text flagged as not verified in Russian.
    /// Other locales: the English text and the map's translation beside it.
    pub fn quotation(&self, id: &str, cat: &Catalogue) -> Option<Quotation> {
        let d = cat.demand(id)?;
        let q = d.quote.as_ref()?;
        let mine = self.demands.get(id);
        if let Some(o) = mine.and_then(|m| m.original.as_ref()) {
            return Some(Quotation { text: o.text.clone(), lang: "ru", source: o.source.clone(), translation: None, flag: None });
        }
        let flag = (self.code == ORIGINAL).then(|| self.text("quote.not_verified", &[]));
        let translation = if self.code == "en" { None } else { mine.and_then(|m| m.translation.clone()) };
        Some(Quotation { text: q.text.clone(), lang: "en", source: q.source.clone(), translation, flag })
    }
}

impl Locale {
    /// Reads a locale file that was checked at build time (English,
    /// compiled into the page; `tests/locales.rs` checks the same file with
    /// `read`): its numbers, dates, messages and glossary, without the
    /// checks and their messages, which come with the other locales' code.
    /// `None` if the text is not such a file.
    pub fn read_trusted(code: &str, text: &str) -> Option<Locale> {
        let v: Value = serde_json::from_str(text).ok()?;
        let st = |x: &Value, k: &str| x.get(k).and_then(Value::as_str).map(str::to_string);
        let c = v.get("cldr")?;
        let numbers = Numbers { group: st(c, "group")?, decimal: st(c, "decimal")?, min_grouping: c.get("min_grouping")?.as_u64()? as u8 };
        let months = c.get("months")?.as_array()?.iter().filter_map(|m| m.as_str().map(str::to_string)).collect();
        let dates = DateFormat::new(&st(c, "date_long")?, months).ok()?;
        let mut messages = litemap::LiteMap::new();
        for (k, m) in v.get("messages")?.as_object()? {
            let message = match m {
                Value::Object(forms) => {
                    Message::Plural(forms.iter().filter_map(|(c, t)| Some((Category::from_name(c)?, t.as_str()?.to_string()))).collect())
                }
                t => Message::Text(t.as_str()?.to_string()),
            };
            messages.insert(k.clone(), message);
        }
        let glossary = v.get("glossary")?.as_object()?.iter().filter_map(|(k, t)| Some((k.clone(), t.as_str()?.to_string()))).collect();
        Some(Locale {
            code: code.to_string(),
            name: st(&v, "name")?,
            numbers,
            dates,
            messages,
            glossary,
            treaties: Default::default(),
            terms: Default::default(),
            demands: Default::default(),
            regions: Default::default(),
            parties: Default::default(),
            states: Default::default(),
            state_notes: Default::default(),
            hosting: Default::default(),
            rules: std::sync::Arc::new(PluralRules::new(code)?),
        })
    }
}

/// The data's texts in the locale, each falling back to the data's English
/// (`demands.json`, `facts.json`) where the locale has none (English has
/// none of its own: `en.json` carries no copy of the data).
impl Locale {
    /// A demand's title, summary, parties and restrictions.
    pub fn demand(&self, d: &super::demand::Demand) -> DemandText {
        if let Some(t) = self.demands.get(&d.id) {
            return t.clone();
        }
        let note = match &d.layer {
            Layer::Distance { note, .. } => Some(note.clone()),
            Layer::States { zone_note, .. } => zone_note.clone(),
            Layer::None => None,
        };
        DemandText { title: d.title.clone(), short: d.title.clone(), summary: d.summary.clone(), bound: d.bound.clone(), restricts: d.restricts.clone(), note, translation: None, original: None }
    }

    /// A treaty's short title ("Договор с США").
    pub fn treaty_short(&self, t: &super::demand::Treaty) -> String {
        self.treaties.get(&t.id).map(|x| x.1.clone()).unwrap_or_else(|| t.short.clone())
    }

    /// A treaty's full title.
    pub fn treaty_title(&self, t: &super::demand::Treaty) -> String {
        self.treaties.get(&t.id).map(|x| x.0.clone()).unwrap_or_else(|| t.title.clone())
    }

    /// A disputed term's label.
    pub fn term_label(&self, t: &super::demand::Term) -> String {
        self.terms.get(&t.id).map(|x| x.label.clone()).unwrap_or_else(|| t.label.clone())
    }

    /// A term's option: (label, effect).
    pub fn term_option(&self, t: &super::demand::Term, o: &super::demand::TermOption) -> (String, String) {
        self.terms
            .get(&t.id)
            .and_then(|x| x.options.iter().find(|(v, _, _)| *v == o.value))
            .map(|(_, l, e)| (l.clone(), e.clone()))
            .unwrap_or_else(|| (o.label.clone(), o.effect.clone()))
    }

    /// A region's name.
    pub fn region<'a>(&'a self, id: &str, english: &'a str) -> &'a str {
        self.regions.get(id).map(String::as_str).unwrap_or(english)
    }

    /// A party as `demands.json` names it ("NATO members").
    pub fn party<'a>(&'a self, english: &'a str) -> &'a str {
        self.parties.get(english).map(String::as_str).unwrap_or(english)
    }

    /// A state's note from the facts.
    pub fn state_note<'a>(&'a self, iso: &str, english: &'a str) -> &'a str {
        self.state_notes.get(iso).map(String::as_str).unwrap_or(english)
    }

    /// A nuclear-hosting source.
    pub fn hosting_source<'a>(&'a self, english: &'a str) -> &'a str {
        self.hosting.get(english).map(String::as_str).unwrap_or(english)
    }

    /// A demand's place in its treaty: "Art. 4 ¶2", "Ст. 4, п. 2".
    pub fn reference(&self, d: &super::demand::Demand) -> String {
        let article = d.article.to_string();
        match d.paragraph {
            Some(p) => self.text("ref.paragraph", &[("article", &article), ("paragraph", &p.to_string())]),
            None => self.text("ref.article", &[("article", &article)]),
        }
    }

    /// "A", "A and B", "A, B and C" in the locale (`list.and`).
    pub fn and_list(&self, items: &[String]) -> String {
        match items {
            [] => String::new(),
            [one] => one.clone(),
            [rest @ .., last] => self.text("list.and", &[("a", &rest.join(", ")), ("b", last)]),
        }
    }

    /// A decimal with one digit after the separator: "5,0" (ru), "5.0" (en).
    pub fn tenths(&self, tenths: u64) -> String {
        format!("{}{}{}", self.number(tenths / 10), self.numbers.decimal, tenths % 10)
    }
}

/// The parties a demand names on its sides and zones, each once.
pub fn parties_of(d: &super::demand::Demand) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    if let Layer::States { sides, .. } = &d.layer {
        for s in sides {
            if !out.contains(&s.party.as_str()) {
                out.push(&s.party);
            }
        }
    }
    for z in d.zones() {
        if !out.contains(&z.party.as_str()) {
            out.push(&z.party);
        }
    }
    out
}

/// Reads a locale and checks it. A broken file gives a named error; the
/// page then keeps English (`Err` carries what to tell the reader).
pub fn load(code: &str, text: &str, en: &Locale, cat: &Catalogue, facts: &Facts) -> Result<Locale, DataError> {
    let l = Locale::read(code, text)?;
    l.check(en, cat, facts)?;
    Ok(l)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_read_and_malformed_ones_named() {
        assert_eq!(placeholders("{count} states in {name}").unwrap(), ["count", "name"]);
        assert!(placeholders("a {b").unwrap_err().contains("without its `}`"));
        assert!(placeholders("a } b").unwrap_err().contains("without its `{`"));
        assert!(placeholders("{Name}").unwrap_err().contains("not a placeholder"));
        assert_eq!(fill("{a} and {b} and {c}", &[("a", "1"), ("b", "2")]), "1 and 2 and {c}");
    }

    #[test]
    fn pick_prefers_the_url_then_the_browser() {
        let b = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(pick(None, &b(&["pt-BR", "de-AT", "en"])), "de");
        assert_eq!(pick(Some("pl"), &b(&["de-AT"])), "pl");
        assert_eq!(pick(Some("xx"), &b(&["uk-UA"])), "uk");
        assert_eq!(pick(Some("FR"), &[]), "fr");
        assert_eq!(pick(None, &b(&["ja", "zh-Hans"])), "en");
        assert_eq!(pick(None, &[]), "en");
    }

    #[test]
    fn date_patterns_are_read_strictly() {
        let months: Vec<String> = (1..=12).map(|m| format!("m{m}")).collect();
        let f = DateFormat::new("d MMMM y 'г'.", months.clone()).unwrap();
        assert_eq!(f.format(super::super::date::Date::new(2021, 12, 17)), "17 m12 2021 г.");
        let f = DateFormat::new("d. MMMM y", months.clone()).unwrap();
        assert_eq!(f.format(super::super::date::Date::new(1997, 5, 27)), "27. m5 1997");
        assert!(DateFormat::new("MMMM d, y G", months.clone()).unwrap_err().contains("`G`"));
        assert!(DateFormat::new("d MMMM", months.clone()).unwrap_err().contains("lacks `y`"));
        assert!(DateFormat::new("d MMMM y 'г", months.clone()).unwrap_err().contains("unclosed"));
        assert!(DateFormat::new("d MMMM y", months[..11].to_vec()).unwrap_err().contains("12 month names"));
    }

    #[test]
    fn grouping_follows_minimum_grouping_digits() {
        let pl = Numbers { group: "\u{a0}".into(), decimal: ",".into(), min_grouping: 2 };
        assert_eq!(pl.whole(5006), "5006");
        assert_eq!(pl.whole(50_006), "50\u{a0}006");
        assert_eq!(pl.whole(5_006_000), "5\u{a0}006\u{a0}000");
        let de = Numbers { group: ".".into(), decimal: ",".into(), min_grouping: 1 };
        assert_eq!(de.whole(5006), "5.006");
        assert_eq!(de.whole(999), "999");
        assert_eq!(de.whole(0), "0");
    }
}
