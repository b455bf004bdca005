//! Writes `geo/shell.html`, the page's shell prerendered into `index.html`
//! (`src/build/shell.rs`), from `geo/states.topo.json` and `geo/facts.json`.

fn main() {
    #[cfg(not(target_arch = "wasm32"))]
    {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("geo");
        let read = |p: &str| std::fs::read_to_string(root.join(p)).unwrap_or_else(|e| panic!("{p}: {e}"));
        let facts = treaty_map::model::facts::load(&read("facts.json")).unwrap_or_else(|e| panic!("facts.json: {e}"));
        let (atlas, warnings) = treaty_map::geometry::atlas::Atlas::parse(&read("states.topo.json")).unwrap_or_else(|e| panic!("{e}"));
        assert!(warnings.is_empty(), "{warnings:?}");
        let html = treaty_map::build::shell::shell(&atlas, &facts);
        std::fs::write(root.join("shell.html"), &html).unwrap_or_else(|e| panic!("write shell.html: {e}"));
        println!("wrote geo/shell.html ({} bytes)", html.len());
    }
}
