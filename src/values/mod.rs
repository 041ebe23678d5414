//! Form-typed values: each parsed from what a form control or the API holds, compared exactly.

pub mod decimal;
pub mod id;
pub mod instant;
pub mod server_number;

pub use decimal::{Decimal, DecimalError};
pub use id::Id;
pub use instant::{Instant, InstantError};
pub use server_number::ServerNumber;
