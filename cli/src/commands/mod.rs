pub mod bench;
pub mod build;
pub mod expand;
pub mod inspect;
pub mod shim;
