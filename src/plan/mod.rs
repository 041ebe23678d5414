//! Planners: one per endpoint, each turning form input into issues, a payload and a preview.

pub mod apply;
pub mod edit;
pub mod output;
