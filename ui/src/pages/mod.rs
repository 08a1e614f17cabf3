pub mod editor;
pub mod library;
pub mod pack;
pub mod recovery;
pub mod search;
pub mod settings;
pub mod source;
pub mod welcome;
