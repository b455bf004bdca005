//! The domain: what the drafts demand, the facts about states, and how a
//! demand's scope is evaluated on a date under a set of readings.

pub mod counts;
pub mod date;
pub mod demand;
pub mod drafts;
pub mod facts;
pub mod headline;
pub mod json;
pub mod load;
pub mod locale;
pub mod reach;
pub mod scope;
