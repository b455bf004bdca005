//! Native timings of the zone geometry: `cargo bench --bench zones`.
//! The field (once per source), a coarse step (while dragging) and an exact
//! step (on release), for the three kinds of zone.

use std::collections::BTreeSet;
use std::time::{Duration, Instant};
use treaty_map::geometry::atlas::Atlas;
use treaty_map::model::date::Date;
use treaty_map::model::facts::load;
use treaty_map::zone::plan::{plan, Kind};

fn read(name: &str) -> String {
    std::fs::read_to_string(format!("{}/geo/{name}", env!("CARGO_MANIFEST_DIR"))).expect(name)
}

fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> (Duration, Duration) {
    let mut t: Vec<Duration> = (0..runs).map(|_| {
        let s = Instant::now();
        std::hint::black_box(f());
        s.elapsed()
    }).collect();
    t.sort();
    (t[t.len() / 2], t[((t.len() as f64 * 0.95).ceil() as usize).min(t.len()) - 1])
}

fn main() {
    let facts = load(&read("facts.json")).expect("facts");
    let main = Atlas::parse(&read("states.topo.json")).expect("states").0;
    let far = Atlas::parse_file(&read("far.topo.json"), "far.topo.json").expect("far").0;
    let today = Date::new(2026, 11, 22);
    // Sorted and each once, as the scopes give them.
    let nato: Vec<String> = facts.states.iter().filter(|s| facts.is_nato_member(&s.iso, today)).map(|s| s.iso.clone()).collect::<BTreeSet<_>>().into_iter().collect();
    let set = |s: &str| s.split_whitespace().map(str::to_string).collect::<BTreeSet<String>>().into_iter().collect::<Vec<String>>();
    let cases = [
        ("reach: NATO land within range of Russia", Kind::Reach, nato.clone(), set("RUS"), vec![500.0, 1000.0, 2500.0, 5500.0]),
        ("reach: Russia's land within range of NATO", Kind::Reach, set("RUS"), nato.clone(), vec![500.0, 2500.0]),
        ("band: NATO side, Russia and Belarus", Kind::Band, nato.clone(), set("RUS BLR"), vec![10.0, 100.0, 500.0]),
        ("sea: within range of Russia", Kind::Sea, set("USA"), set("RUS"), vec![300.0, 1500.0]),
    ];
    println!("| zone | field (once per source) | distance | coarse step median / p95 | exact step median / p95 |");
    println!("|---|---:|---:|---:|---:|");
    for (label, kind, within, from, kms) in cases {
        let (field, _) = time(3, || plan(kind, &within, &from, &main, &far));
        let parts = plan(kind, &within, &from, &main, &far);
        for km in kms {
            let step = |exact: bool| time(20, || parts.iter().filter(|p| p.lo <= km && km < p.hi).map(|p| p.part.at(km, exact).rings.len()).sum::<usize>());
            let (c50, c95) = step(false);
            let (e50, e95) = step(true);
            let ms = |d: Duration| format!("{:.2} ms", d.as_secs_f64() * 1000.0);
            println!("| {label} | {} | {km} km | {} / {} | {} / {} |", ms(field), ms(c50), ms(c95), ms(e50), ms(e95));
        }
    }
}
