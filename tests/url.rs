//! The URL is the state: parsing, writing back, and ignoring garbage.

mod common;
use common::data;
use treaty_map::state::{AsOf, Choices};

const OUTLINES: [&str; 4] = ["eastern-europe", "south-caucasus", "central-asia", "nato-1997"];

#[test]
fn a_full_query_round_trips() {
    let d = data();
    let q = "demands=us-4a,nato-6,nato-7b&date=1997-05-27&ee=broad&europe=broad&ally=csto&regions=central-asia,nato-1997&embed=1&theme=dark";
    let (c, ignored) = Choices::from_query(q, &d.catalogue, &OUTLINES);
    assert!(ignored.is_empty(), "{ignored:?}");
    assert_eq!(c.demands, ["us-4a", "nato-6", "nato-7b"]);
    assert_eq!(c.as_of, AsOf::Founding1997);
    assert_eq!(c.readings.get("ee").map(String::as_str), Some("broad"));
    assert_eq!(c.readings.get("ally").map(String::as_str), Some("csto"));
    assert!(c.embed);
    assert_eq!(c.theme, Some(treaty_map::state::Theme::Dark));
    assert_eq!(c.to_query(&d.catalogue), q);
    let (again, _) = Choices::from_query(&c.to_query(&d.catalogue), &d.catalogue, &OUTLINES);
    assert_eq!(again, c);
}

#[test]
fn demands_come_back_in_the_catalogue_order() {
    let d = data();
    let (c, _) = Choices::from_query("?demands=nato-7a,us-4b,us-4b", &d.catalogue, &OUTLINES);
    assert_eq!(c.demands, ["us-4b", "nato-7a"]);
}

#[test]
fn defaults_give_an_empty_query() {
    let d = data();
    let (c, ignored) = Choices::from_query("", &d.catalogue, &OUTLINES);
    assert!(ignored.is_empty());
    assert_eq!(c.as_of, AsOf::Drafts2021);
    assert_eq!(c.readings.get("ee").map(String::as_str), Some("narrow"));
    assert_eq!(c.readings.get("europe").map(String::as_str), Some("narrow"));
    assert_eq!(c.readings.get("ally").map(String::as_str), Some("belarus"));
    assert_eq!(c.to_query(&d.catalogue), "");
}

#[test]
fn garbage_is_ignored_and_named_while_the_rest_applies() {
    let d = data();
    let q = "demands=us-4a,bogus,%3Cscript%3E&date=yesterday&ee=wide&zoom=9&ally=csto&%%%&=x&regions=atlantis&theme=pink";
    let (c, ignored) = Choices::from_query(q, &d.catalogue, &OUTLINES);
    assert_eq!(c.demands, ["us-4a"]);
    assert_eq!(c.as_of, AsOf::Drafts2021);
    assert_eq!(c.readings.get("ee").map(String::as_str), Some("narrow"));
    assert_eq!(c.readings.get("ally").map(String::as_str), Some("csto"));
    let all = ignored.join(" | ");
    for needle in ["\"bogus\"", "<script>", "yesterday", "ee=\"wide\"", "\"zoom\"", "\"atlantis\"", "pink"] {
        assert!(all.contains(needle), "{needle} not in {all}");
    }
}

#[test]
fn toggling_keeps_order_and_switches_off() {
    let d = data();
    let mut c = Choices::new(&d.catalogue);
    c.toggle(&d.catalogue, "nato-6");
    c.toggle(&d.catalogue, "us-4a");
    assert_eq!(c.demands, ["us-4a", "nato-6"]);
    c.toggle(&d.catalogue, "nato-6");
    assert_eq!(c.demands, ["us-4a"]);
}

#[test]
fn steps_round_trip_and_apply() {
    let d = data();
    let q = "steps=us-4a,us-4b;nato-7a/today/ee.broad&present=1&step=2";
    let (mut c, ignored) = Choices::from_query(q, &d.catalogue, &OUTLINES);
    assert!(ignored.is_empty(), "{ignored:?}");
    assert!(c.present);
    assert_eq!(c.steps.len(), 2);
    assert_eq!(c.steps[1].as_of, AsOf::Today);
    assert_eq!(c.steps[1].readings.get("ee").map(String::as_str), Some("broad"));
    assert_eq!(c.step, 1);
    assert_eq!(c.to_query(&d.catalogue), q);
    c.go_to(1, &d.catalogue);
    assert_eq!(c.demands, ["nato-7a"]);
    assert_eq!(c.readings.get("ee").map(String::as_str), Some("broad"));
    assert_eq!(c.readings.get("ally").map(String::as_str), Some("belarus"));
    // Past the end stays on the last step.
    c.go_to(9, &d.catalogue);
    assert_eq!(c.step, 1);
    c.go_to(0, &d.catalogue);
    assert_eq!(c.demands, ["us-4a", "us-4b"]);
    assert_eq!(c.as_of, AsOf::Drafts2021);
    assert_eq!(c.readings.get("ee").map(String::as_str), Some("narrow"));
}

#[test]
fn without_steps_the_tour_walks_every_demand_with_a_layer() {
    let d = data();
    let (c, _) = Choices::from_query("present=1", &d.catalogue, &OUTLINES);
    let tour = c.tour(&d.catalogue);
    let ids: Vec<&str> = tour.iter().map(|s| s.demands[0].as_str()).collect();
    assert_eq!(ids, ["us-4a", "us-4b", "us-5a", "us-5b", "us-6", "us-7", "nato-4", "nato-5", "nato-6", "nato-7a", "nato-7b"]);
}

#[test]
fn bad_steps_are_named() {
    let d = data();
    let (c, ignored) = Choices::from_query("steps=us-4a,zzz/tomorrow/ee.sideways&step=0", &d.catalogue, &OUTLINES);
    assert_eq!(c.steps[0].demands, ["us-4a"]);
    let all = ignored.join(" | ");
    for needle in ["zzz", "tomorrow", "ee.sideways", "step=\"0\""] {
        assert!(all.contains(needle), "{needle} not in {all}");
    }
}

#[test]
fn distances_round_trip_and_bad_ones_are_named() {
    let d = data();
    let (c, ignored) = Choices::from_query("demands=nato-5,nato-7b,us-5b&range=1000&band=250&sea=2500", &d.catalogue, &OUTLINES);
    assert!(ignored.is_empty(), "{ignored:?}");
    assert_eq!((c.dials.range, c.dials.band, c.dials.sea), (1000, 250, 2500));
    let q = c.to_query(&d.catalogue);
    assert!(q.contains("range=1000") && q.contains("band=250") && q.contains("sea=2500"), "{q}");
    let (again, _) = Choices::from_query(&q, &d.catalogue, &OUTLINES);
    assert_eq!(again, c);
    // Defaults stay out of the link.
    let (c, _) = Choices::from_query("demands=nato-5", &d.catalogue, &OUTLINES);
    assert!(!c.to_query(&d.catalogue).contains("range="));
    // Beyond the sliders' ends, or not a number: named, and the default kept.
    let (c, ignored) = Choices::from_query("range=9000&band=0&sea=far", &d.catalogue, &OUTLINES);
    assert_eq!(c.dials, treaty_map::state::Dials::default());
    let all = ignored.join(" | ");
    for needle in ["range=\"9000\" (use 500 to 5,500 km)", "band=\"0\" (use 10 to 500 km)", "sea=\"far\""] {
        assert!(all.contains(needle), "{needle} not in {all}");
    }
}

#[test]
fn a_step_carries_its_distances() {
    let d = data();
    let (mut c, ignored) = Choices::from_query("present=1&steps=nato-5/today/range.2500;nato-7b/band.300", &d.catalogue, &OUTLINES);
    assert!(ignored.is_empty(), "{ignored:?}");
    c.go_to(0, &d.catalogue);
    assert_eq!((c.dials.range, c.as_of), (2500, AsOf::Today));
    c.go_to(1, &d.catalogue);
    assert_eq!((c.dials.band, c.dials.range), (300, 500));
    assert!(c.to_query(&d.catalogue).contains("steps=nato-5/today/range.2500;nato-7b/band.300"));
}

#[test]
fn view_table_opens_the_table_and_round_trips() {
    let d = data();
    let (c, ignored) = Choices::from_query("demands=us-4a&view=table", &d.catalogue, &OUTLINES);
    assert!(ignored.is_empty(), "{ignored:?}");
    assert!(c.table);
    assert_eq!(c.to_query(&d.catalogue), "demands=us-4a&view=table");
    let (c, ignored) = Choices::from_query("view=map", &d.catalogue, &OUTLINES);
    assert!(!c.table && ignored.is_empty());
    let (c, ignored) = Choices::from_query("view=chart", &d.catalogue, &OUTLINES);
    assert!(!c.table);
    assert!(ignored.join(" ").contains("view=\"chart\""), "{ignored:?}");
}

#[test]
fn read_names_an_article_or_a_demand() {
    let d = data();
    for ok in ["us-4", "us-4a", "nato-7b", "nato-9", "us-5"] {
        let (c, ignored) = Choices::from_query(&format!("read={ok}"), &d.catalogue, &OUTLINES);
        assert!(ignored.is_empty(), "{ok}: {ignored:?}");
        assert_eq!(c.read.as_deref(), Some(ok));
        assert_eq!(c.to_query(&d.catalogue), format!("read={ok}"));
    }
    // The US treaty has 8 articles; the NATO agreement has no "7c".
    for bad in ["us-9", "nato-7c", "read"] {
        let (c, ignored) = Choices::from_query(&format!("read={bad}"), &d.catalogue, &OUTLINES);
        assert!(c.read.is_none(), "{bad}");
        assert!(ignored.join(" ").contains(&format!("read=\"{bad}\"")), "{bad}: {ignored:?}");
    }
}

#[test]
fn the_language_is_kept_and_a_bad_one_named() {
    let d = data();
    let (c, ignored) = Choices::from_query("demands=nato-6&lang=uk&theme=dark", &d.catalogue, &OUTLINES);
    assert!(ignored.is_empty(), "{ignored:?}");
    assert_eq!(c.lang, Some("uk"));
    assert_eq!(c.to_query(&d.catalogue), "demands=nato-6&theme=dark&lang=uk");
    // In the links to share, to embed and to present: the same query.
    let mut embed = c.clone();
    embed.embed = true;
    assert!(embed.to_query(&d.catalogue).contains("lang=uk"));
    let mut present = c.clone();
    present.present = true;
    present.steps = vec![treaty_map::state::Step::of(&c, &d.catalogue)];
    assert!(present.to_query(&d.catalogue).contains("lang=uk"));
    let (c, _) = Choices::from_query("lang=PL", &d.catalogue, &OUTLINES);
    assert_eq!(c.lang, Some("pl"));
    let (c, ignored) = Choices::from_query("lang=xx&demands=us-4a", &d.catalogue, &OUTLINES);
    assert_eq!((c.lang, c.demands.len()), (None, 1));
    assert_eq!(ignored, ["lang=\"xx\" (use en, ru, uk, de, fr, pl)"]);
    let (c, _) = Choices::from_query("", &d.catalogue, &OUTLINES);
    assert_eq!(c.lang, None);
    assert_eq!(c.to_query(&d.catalogue), "");
}

#[test]
fn theme_auto_follows_the_system_and_static_round_trips() {
    let d = data();
    let (c, ignored) = Choices::from_query("theme=auto&static=1&demands=nato-6", &d.catalogue, &OUTLINES);
    assert!(ignored.is_empty(), "{ignored:?}");
    assert_eq!(c.theme, None);
    assert!(c.still);
    // auto is the default, so it is left out; static=1 is kept.
    assert_eq!(c.to_query(&d.catalogue), "demands=nato-6&static=1");
    let (c, ignored) = Choices::from_query("theme=sepia&static=yes", &d.catalogue, &OUTLINES);
    assert!(!c.still);
    assert_eq!(ignored, ["theme=\"sepia\" (use dark, light or auto)", "static=\"yes\" (use 1 or 0)"]);
}
