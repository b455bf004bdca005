//! Numbers the page states, counted from the facts rather than written into
//! the text: a demand's text may hold `{nato_members:1997-05-27}` (the NATO
//! members on that date) or `{nato_joined:1997-05-27..2021-12-17}` (the
//! states that joined after the first date, up to and including the second);
//! `today` stands for the reader's date in either place.

use super::date::Date;
use super::demand::Catalogue;
use super::facts::Facts;

/// A date written in a count, `today` included.
fn date(s: &str, today: Date) -> Result<Date, String> {
    if s == "today" {
        Ok(today)
    } else {
        s.parse()
    }
}

/// The number one `{…}` stands for.
fn count(inner: &str, facts: &Facts, today: Date) -> Result<usize, String> {
    let (name, arg) = inner.split_once(':').ok_or_else(|| format!("`{{{inner}}}`: expected `{{name:argument}}`"))?;
    match name {
        "nato_members" => {
            let on = date(arg, today)?;
            Ok(facts.states.iter().filter(|s| s.nato.is_some_and(|j| j <= on)).count())
        }
        "nato_joined" => {
            let (a, b) = arg.split_once("..").ok_or_else(|| format!("`{{{inner}}}`: expected two dates joined by `..`"))?;
            let (after, by) = (date(a, today)?, date(b, today)?);
            Ok(facts.states.iter().filter(|s| s.nato.is_some_and(|j| after < j && j <= by)).count())
        }
        _ => Err(format!("`{{{inner}}}`: unknown count `{name}`, expected `nato_members` or `nato_joined`")),
    }
}

/// `text` with every `{…}` replaced by its count, or what is wrong with
/// the first that cannot be.
pub fn fill(text: &str, facts: &Facts, today: Date) -> Result<String, String> {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let close = rest[open..].find('}').ok_or_else(|| "a `{` without its `}`".to_string())? + open;
        out.push_str(&count(&rest[open + 1..close], facts, today)?.to_string());
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

impl Catalogue {
    /// Fills the counts in every demand's title, summary, bound and
    /// restricts (see the module); a text whose count cannot be made is left
    /// as written and named in the returned problems.
    pub fn fill_counts(&mut self, facts: &Facts, today: Date) -> Vec<String> {
        let mut problems = Vec::new();
        for d in &mut self.demands {
            let id = d.id.clone();
            for (field, text) in [("title", &mut d.title), ("summary", &mut d.summary), ("bound", &mut d.bound), ("restricts", &mut d.restricts)] {
                if !text.contains('{') {
                    continue;
                }
                match fill(text, facts, today) {
                    Ok(t) => *text = t,
                    Err(e) => problems.push(format!("demands.json: demand \"{id}\", field `{field}`: {e}")),
                }
            }
        }
        problems
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts() -> Facts {
        let text = r#"{"states": [{"iso": "BEL", "name": "Belgium", "nato": "1949-08-24"},
            {"iso": "POL", "name": "Poland", "nato": "1999-03-12"}, {"iso": "FIN", "name": "Finland", "nato": "2023-04-04"},
            {"iso": "AUT", "name": "Austria"}], "context": [], "merged": {}, "nuclear_hosting": [], "regions": []}"#;
        super::super::facts::load(text).unwrap()
    }

    #[test]
    fn counts_members_and_accessions_from_the_facts() {
        let f = facts();
        let today = Date::new(2026, 1, 1);
        // Belgium only in 1997; Poland joined in 1999, Finland in 2023.
        assert_eq!(fill("{nato_members:1997-05-27} then", &f, today).unwrap(), "1 then");
        assert_eq!(fill("{nato_joined:1997-05-27..2021-12-17}, {nato_joined:1997-05-27..today}", &f, today).unwrap(), "1, 2");
        // The day of accession counts; the day after the first date does not start early.
        assert_eq!(fill("{nato_members:2023-04-04}", &f, today).unwrap(), "3");
        assert_eq!(fill("{nato_joined:1999-03-12..today}", &f, today).unwrap(), "1");
        assert_eq!(fill("no braces", &f, today).unwrap(), "no braces");
    }

    #[test]
    fn a_bad_count_is_named() {
        let f = facts();
        let today = Date::new(2026, 1, 1);
        assert!(fill("{members:1997-05-27}", &f, today).unwrap_err().contains("unknown count `members`"));
        assert!(fill("{nato_joined:1997-05-27}", &f, today).unwrap_err().contains("`..`"));
        assert!(fill("{nato_members:1997-02-30}", &f, today).unwrap_err().contains("not a date"));
        assert!(fill("open {nato_members:today", &f, today).unwrap_err().contains("without its"));
    }
}
