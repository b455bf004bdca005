//! Geometry: the projection, dissolving shapes into regions, placing the
//! states' names, and the stage that turns shapes into SVG paths.

pub mod atlas;
pub mod dissolve;
pub mod labels;
pub mod path;
pub mod projection;
pub mod scene;
