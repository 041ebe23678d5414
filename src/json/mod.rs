//! JSON text in and out: the boundary hands the core JSON text, and the core reads it with limits.

pub mod bytes;
pub mod parse;
pub mod pointer;
pub mod value;
pub mod write;

pub use parse::{
    parse, parse_own, parse_watching, ItemWatch, ParseError, MAX_DEPTH, MAX_INPUT_BYTES,
};
pub use pointer::{parse_pointer, pointer, set_at, Path};
pub use value::{JsOnly, Json, Value};
pub use write::to_string;
