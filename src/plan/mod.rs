//! Planners: one per endpoint, each turning form input into issues, a payload and a preview.

pub mod apply;
pub mod create;
pub mod edit;
pub mod end_date;
pub mod generate;
pub mod output;
pub mod trueup;
