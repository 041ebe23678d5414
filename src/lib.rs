//! commit-editor: validate, preview and build the request bodies of Metronome's commit endpoints.
//!
//! The core (values, JSON, model, reading, rules and planners) is plain Rust; [`wasm`] is the
//! only module that knows JavaScript, and it only converts values.

pub mod api;
pub mod fast_hash;
pub mod issue;
pub mod json;
pub mod model;
pub mod origin;
pub mod plan;
pub mod read;
pub mod session;
pub mod sort;
pub mod values;

#[cfg(target_arch = "wasm32")]
mod heap;
#[cfg(target_arch = "wasm32")]
pub mod wasm;

/// The crate's version, as the npm package reports it.
pub fn version() -> &'static str {
    env!("CARGO_PKG_VERSION")
}
