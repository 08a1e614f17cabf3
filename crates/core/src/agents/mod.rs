//! Agents: from a note or source, a study pack — a summary, cards and a quiz — made
//! by a task graph of durable jobs (see [`pack`]), each card tied to the words it came
//! from and checked by the validator before the learner sees it.

mod cards;
mod material;
pub(crate) mod occlusion;
pub(crate) mod pack;
mod phrasing;
mod quiz;
mod spans;
mod summary;
mod text;
pub(crate) mod tutor;
mod validate;

pub(crate) use cards::BLANK;
pub use pack::kinds;
