//! Form-typed values: each parsed from what a form control or the API holds, compared exactly.

pub mod decimal;
pub mod id;
pub mod instant;

pub use decimal::{Decimal, DecimalError};
pub use id::Id;
pub use instant::{Instant, InstantError};
