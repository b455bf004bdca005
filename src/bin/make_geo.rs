//! Regenerates `geo/states.topo.json` and `geo/far.topo.json` from the
//! Natural Earth source kept in `geo/source/` and the facts in `geo/facts.json`.

fn main() {
    #[cfg(not(target_arch = "wasm32"))]
    {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("geo");
        let read = |p: &str| std::fs::read_to_string(root.join(p)).unwrap_or_else(|e| panic!("{p}: {e}"));
        let facts = treaty_map::model::facts::load(&read("facts.json")).unwrap_or_else(|e| panic!("facts.json: {e}"));
        let files = treaty_map::build::build(&read("source/world-50m.json"), &facts).unwrap_or_else(|e| panic!("{e}"));
        for (name, text) in [("states.topo.json", files.states), ("far.topo.json", files.far)] {
            std::fs::write(root.join(name), text).unwrap_or_else(|e| panic!("write {name}: {e}"));
            println!("wrote geo/{name}");
        }
    }
}
