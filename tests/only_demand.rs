//! `Choices::only_demand`: the view a demand's own link shows (its preview
//! page, `d/<id>.html`) is one demand on and everything else as a new page
//! has it.

mod common;
use treaty_map::state::Choices;

#[test]
fn one_demand_and_nothing_else() {
    let d = common::data();
    let cat = &d.catalogue;
    let mut c = Choices::new(cat);
    assert_eq!(c.only_demand(cat), None, "no demand on");
    c.toggle(cat, "nato-6");
    assert_eq!(c.only_demand(cat), Some("nato-6"));
    c.embed = true;
    assert_eq!(c.only_demand(cat), Some("nato-6"), "embed mode aside");
    c.toggle(cat, "us-4a");
    assert_eq!(c.only_demand(cat), None, "two demands");
    c.toggle(cat, "us-4a");
    c.regions = vec!["central-asia".into()];
    assert_eq!(c.only_demand(cat), None, "an outline on");
    c.regions.clear();
    c.lang = Some("ru");
    assert_eq!(c.only_demand(cat), None, "another language");
}
