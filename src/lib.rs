//! Interactive map of the demands in Russia's draft treaties of
//! 17 December 2021. Data flows one way: data files → `model` →
//! `geometry` → `view`.

pub mod geometry;
pub mod model;
pub mod state;
pub mod table;
pub mod zone;
#[cfg(target_arch = "wasm32")]
pub mod view;

#[cfg(not(target_arch = "wasm32"))]
pub mod build;
