//! The page: mount the app. Everything else lives in the library.

fn main() {
    #[cfg(target_arch = "wasm32")]
    treaty_map::view::mount();
}
