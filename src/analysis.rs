//! What a comparison means, beyond its changes: who wrote what how.
//!
//! - [`stats`]: the N×N similarity matrix, per version the share of its story
//!   that is verbatim from the reference, reworded, or its own, what it
//!   dropped, and a signal of machine paraphrase;
//! - [`entities`]: every name with its spellings and which versions use each;
//! - [`quotes`]: every quotation with its counterparts' wordings, and the ones
//!   that lost their quotation marks.
//!
//! All of it is computed from a [`crate::compare::Comparison`], never from the
//! terminal; the JSON writer and the UI read the same results.

pub mod entities;
pub mod quotes;
pub mod stats;
