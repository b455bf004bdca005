//! The exact states each demand with a country scope reaches, on each date
//! and under each reading. Every expected set is written out by hand from
//! the digest's facts (shared/sources/draft-treaties.md), with the reasoning
//! beside it; none is computed by the code under test.

mod common;
use common::{data, set};
use treaty_map::model::date::Date;

const D1997: Date = Date::new(1997, 5, 27);
const D2021: Date = Date::new(2021, 12, 17);
/// A date after Sweden's accession (7 March 2024), standing for "today".
const TODAY: Date = Date::new(2026, 11, 22);

/// Every state in the facts, written out: Europe (47), the South Caucasus
/// (3), Central Asia (5), and the two North American NATO members.
const ALL: &str = "ALB AND AUT BLR BEL BIH BGR HRV CYP CZE DNK EST FIN FRA DEU GRC HUN ISL IRL ITA XKX LVA LIE LTU \
                   LUX MLT MDA MCO MNE NLD MKD NOR POL PRT ROU RUS SMR SRB SVK SVN ESP SWE CHE TUR UKR GBR VAT \
                   ARM AZE GEO KAZ KGZ TJK TKM UZB USA CAN";

#[test]
fn the_facts_hold_exactly_the_states_written_out_here() {
    let d = data();
    let facts: std::collections::BTreeSet<String> = d.facts.states.iter().map(|s| s.iso.clone()).collect();
    assert_eq!(facts, set(ALL));
}

#[test]
fn us_4_former_ussr_outside_nato() {
    let d = data();
    // 15 republics less Russia; on 27 May 1997 none of the other 14 was in NATO.
    let y1997 = set("ARM AZE BLR EST GEO KAZ KGZ LVA LTU MDA TJK TKM UKR UZB");
    // Estonia, Latvia and Lithuania joined on 29 March 2004.
    let y2021 = set("ARM AZE BLR GEO KAZ KGZ MDA TJK TKM UKR UZB");
    for id in ["us-4a", "us-4b"] {
        assert_eq!(d.reach(id, "United States", D1997, &[]), y1997, "{id} 1997");
        assert_eq!(d.reach(id, "United States", D2021, &[]), y2021, "{id} 2021");
        // No former-USSR state has joined since.
        assert_eq!(d.reach(id, "United States", TODAY, &[]), y2021, "{id} today");
    }
}

#[test]
fn us_5a_and_us_6_everywhere_outside_the_parties() {
    let d = data();
    // Outside both Parties' national territory: every state but Russia and
    // the United States, Canada included (off the map, but in the count).
    let mut expected = set(ALL);
    expected.remove("RUS");
    expected.remove("USA");
    assert_eq!(expected.len(), 55);
    for id in ["us-5a", "us-6"] {
        for party in ["United States", "Russia"] {
            for on in [D1997, D2021, TODAY] {
                assert_eq!(d.reach(id, party, on, &[]), expected, "{id} {party} {on}");
            }
        }
    }
}

#[test]
fn us_7_nuclear_weapons_hosts() {
    let d = data();
    // December 2021: the five reported nuclear-sharing hosts.
    let five = set("BEL DEU ITA NLD TUR");
    assert_eq!(d.reach("us-7", "United States", D2021, &[]), five);
    // Today also the United Kingdom: US bombs reported flown to RAF
    // Lakenheath on 17 July 2025 (never officially confirmed, like the rest;
    // geo/sources.json, nukewatch-2025-08-17).
    assert_eq!(d.reach("us-7", "United States", TODAY, &[]), set("BEL DEU ITA NLD TUR GBR"));
    assert_eq!(d.reach("us-7", "United States", Date::new(2025, 7, 16), &[]), five);
    // 1997: also Greece (reported withdrawn in spring 2001) and the United
    // Kingdom (reported withdrawn by June 2008).
    assert_eq!(d.reach("us-7", "United States", D1997, &[]), set("BEL DEU ITA NLD TUR GRC GBR"));
    // Russia's weapons in Belarus count from 2023.
    assert!(d.reach("us-7", "Russia", D1997, &[]).is_empty());
    assert!(d.reach("us-7", "Russia", D2021, &[]).is_empty());
    assert_eq!(d.reach("us-7", "Russia", TODAY, &[]), set("BLR"));
}

#[test]
fn nato_4_europe_beyond_russia_and_the_1997_members() {
    let d = data();
    // The 47 European states less Russia and the 14 European members of
    // 27 May 1997 (BEL DNK FRA ISL ITA LUX NLD NOR PRT GBR GRC TUR DEU ESP):
    // the 16 who joined later, and 16 who never joined.
    let narrow = set(
        "ALB AND AUT BLR BIH BGR HRV CYP CZE EST FIN HUN IRL XKX LVA LIE LTU MLT MDA MCO MNE MKD POL ROU \
         SMR SRB SVK SVN SWE CHE UKR VAT",
    );
    assert_eq!(narrow.len(), 32);
    // The scope is fixed to 27 May 1997, so the chosen date changes nothing.
    for on in [D1997, D2021, TODAY] {
        for party in ["NATO members of 27 May 1997", "Russia"] {
            assert_eq!(d.reach("nato-4", party, on, &[]), narrow, "{party} {on}");
        }
    }
    // Read with the South Caucasus as part of Europe.
    let mut broad = narrow.clone();
    broad.extend(set("ARM AZE GEO"));
    assert_eq!(d.reach("nato-4", "Russia", D2021, &[("europe", "broad")]), broad);
    // Bulgaria and Romania are in, as Russia's ministry said on 21 January 2022.
    assert!(narrow.contains("BGR") && narrow.contains("ROU"));
}

#[test]
fn nato_6_every_state_outside_nato() {
    let d = data();
    // 2021: 30 members; the other 26 states but Russia.
    let y2021 = set(
        "AND ARM AUT AZE BLR BIH CYP FIN GEO IRL KAZ KGZ XKX LIE MLT MDA MCO SMR SRB SWE CHE TJK TKM UKR UZB VAT",
    );
    assert_eq!(d.reach("nato-6", "NATO members", D2021, &[]), y2021);
    // Today Finland and Sweden are members.
    let mut today = y2021.clone();
    today.remove("FIN");
    today.remove("SWE");
    assert_eq!(d.reach("nato-6", "NATO members", TODAY, &[]), today);
    assert!(d.reach("nato-6", "NATO members", TODAY, &[]).contains("UKR"));
    // 1997: 16 members; the remaining 40 but Russia.
    assert_eq!(d.reach("nato-6", "NATO members", D1997, &[]).len(), 57 - 16 - 1);
    assert!(d.reach("nato-6", "NATO members", D1997, &[]).contains("POL"));
}

#[test]
fn nato_7a_ukraine_eastern_europe_caucasus_central_asia() {
    let d = data();
    let caucasus_and_central_asia = "ARM AZE GEO KAZ KGZ TJK TKM UZB";
    // Narrow: the non-NATO states of Eastern Europe: Ukraine, Belarus, Moldova.
    let narrow = set(&format!("UKR BLR MDA {caucasus_and_central_asia}"));
    assert_eq!(d.reach("nato-7a", "NATO members", D2021, &[]), narrow);
    assert_eq!(d.reach("nato-7a", "NATO members", TODAY, &[]), narrow);
    // Broad: the UN region without Russia, NATO members included.
    let broad = set(&format!("BLR BGR CZE HUN MDA POL ROU SVK UKR {caucasus_and_central_asia}"));
    assert_eq!(d.reach("nato-7a", "NATO members", D2021, &[("ee", "broad")]), broad);
    // In 1997 none of the region's states was yet in NATO: both readings agree.
    assert_eq!(d.reach("nato-7a", "NATO members", D1997, &[("ee", "narrow")]), broad);
}

#[test]
fn every_article_of_both_drafts_is_listed_in_order() {
    let d = data();
    let ids: Vec<&str> = d.catalogue.demands.iter().map(|x| x.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "us-1", "us-2", "us-3", "us-4a", "us-4b", "us-5a", "us-5b", "us-5c", "us-6", "us-7", "us-8", "nato-1", "nato-2",
            "nato-3", "nato-4", "nato-5", "nato-6", "nato-7a", "nato-7b", "nato-8", "nato-9"
        ]
    );
    // The digest's no-layer articles have no map layer; the others do. US
    // Art. 5 ¶3 (us-5c, dangerous military activities at sea; its text not
    // found) names no ground, so it has none either.
    for id in ["us-1", "us-2", "us-3", "us-5c", "us-8", "nato-1", "nato-2", "nato-3", "nato-8", "nato-9"] {
        assert!(!d.catalogue.demand(id).unwrap().has_map_layer(), "{id}");
    }
}
