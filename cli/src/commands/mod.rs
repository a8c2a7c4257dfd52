pub mod build;
pub mod expand;
pub mod inspect;
