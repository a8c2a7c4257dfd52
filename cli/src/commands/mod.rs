pub mod bench;
pub mod bench_check;
pub mod build;
pub mod cache;
pub mod expand;
pub mod inspect;
pub mod shim;
