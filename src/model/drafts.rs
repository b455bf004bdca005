//! The drafts' verified passages, article by article, as `geo/drafts.json`
//! holds them for the reading view: each passage a verbatim line of the
//! collated texts in `geo/texts/` (checked by `tests/sources.rs`), with the
//! copies it was read in. Fetched when the reading view first opens.

use super::demand::Demand;
use super::json::Obj;
use super::load::{parse, DataError};

/// One verbatim passage.
#[derive(Clone, Debug, PartialEq)]
pub struct Passage {
    /// The paragraph, where the copies number or order them.
    pub paragraph: Option<u8>,
    pub text: String,
    /// The copy read ends here, inside the passage.
    pub cut: bool,
}

/// An article (0 for the header and preamble) and what was found of it.
#[derive(Clone, Debug, PartialEq)]
pub struct Section {
    pub article: u8,
    /// The copies it was read in: id in `geo/sources.json` (`us:S3`) and
    /// address.
    pub copies: Vec<(String, String)>,
    pub passages: Vec<Passage>,
}

/// One draft's sections.
#[derive(Clone, Debug, PartialEq)]
pub struct DraftText {
    pub treaty: String,
    /// The collated text in `geo/texts/` the passages come from.
    pub file: String,
    pub sections: Vec<Section>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Drafts {
    pub treaties: Vec<DraftText>,
}

impl Drafts {
    pub fn section(&self, treaty: &str, article: u8) -> Option<&Section> {
        self.treaties.iter().find(|t| t.treaty == treaty)?.sections.iter().find(|s| s.article == article)
    }

    /// The passages of a demand's article, or of its paragraph when the
    /// demand is one and the copies number the paragraphs.
    pub fn passages_for(&self, d: &Demand) -> Vec<&Passage> {
        let Some(s) = self.section(&d.treaty, d.article) else { return Vec::new() };
        match d.paragraph {
            Some(p) if s.passages.iter().any(|x| x.paragraph.is_some()) => s.passages.iter().filter(|x| x.paragraph == Some(p)).collect(),
            _ => s.passages.iter().collect(),
        }
    }
}

fn passage(o: &Obj) -> Result<Passage, String> {
    o.deny_unknown(&["paragraph", "text", "cut"])?;
    Ok(Passage { paragraph: o.opt_u8("paragraph")?, text: o.string("text")?, cut: o.bool_or("cut", false)? })
}

fn section(o: &Obj) -> Result<Section, String> {
    o.deny_unknown(&["article", "section", "copies", "passages"])?;
    let mut passages = Vec::new();
    for (i, v) in o.list("passages")?.iter().enumerate() {
        passages.push(passage(&Obj::new(v, format!("{}[{i}]", o.path_of("passages")))?)?);
    }
    let mut copies = Vec::new();
    for (i, v) in o.list_or_empty("copies")?.iter().enumerate() {
        let c = Obj::new(v, format!("{}[{i}]", o.path_of("copies")))?;
        c.deny_unknown(&["id", "url"])?;
        copies.push((c.string("id")?, c.string("url")?));
    }
    Ok(Section { article: o.u8("article")?, copies, passages })
}

/// Parses `drafts.json`; an error names the draft, the section and field.
pub fn load(text: &str) -> Result<Drafts, DataError> {
    const FILE: &str = "drafts.json";
    let tree = parse(FILE, text)?;
    let err = |m: String| DataError::new(FILE, m);
    let top = Obj::new(&tree, String::new()).map_err(err)?;
    top.deny_unknown(&["about", "treaties"]).map_err(err)?;
    let mut treaties = Vec::new();
    for (i, v) in top.list("treaties").map_err(err)?.iter().enumerate() {
        let o = Obj::new(v, format!("treaties[{i}]")).map_err(err)?;
        o.deny_unknown(&["id", "file", "sections"]).map_err(err)?;
        let mut sections = Vec::new();
        for (j, s) in o.list("sections").map_err(err)?.iter().enumerate() {
            sections.push(section(&Obj::new(s, format!("{}[{j}]", o.path_of("sections"))).map_err(err)?).map_err(err)?);
        }
        treaties.push(DraftText { treaty: o.string("id").map_err(err)?, file: o.string("file").map_err(err)?, sections });
    }
    Ok(Drafts { treaties })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_broken_file_is_named_and_a_good_one_reads() {
        assert!(load("[").unwrap_err().to_string().starts_with("drafts.json"));
        let e = load(r#"{"treaties": [{"id": "us", "file": "f", "sections": [{"article": 1, "passages": [{"txt": "x"}]}]}]}"#).unwrap_err();
        assert!(e.message.contains("treaties[0].sections[0].passages[0]") && e.message.contains("`txt`"), "{e}");
        let d = load(r#"{"treaties": [{"id": "us", "file": "f", "sections": [{"article": 4, "copies": [{"id": "us:S3", "url": "u"}],
            "passages": [{"paragraph": 1, "text": "a"}, {"paragraph": 2, "text": "b", "cut": true}]}]}]}"#)
        .unwrap();
        assert_eq!(d.section("us", 4).unwrap().passages[1], Passage { paragraph: Some(2), text: "b".into(), cut: true });
        assert!(d.section("nato", 4).is_none());
    }
}
