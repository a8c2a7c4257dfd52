// Golden expansion of tests/golden/clap-cargo.input.rs by `cargo wasmacro expand --derive Parser`.
// Known difference from native, asserted by tests/golden.rs on every run: `expand` fails
// with `error: cannot derive `version` from Cargo.toml` (this file is its output), where native rustc expands it.
// Why:
// clap_derive reads cargo's package variables with std::env::var while it expands:
// CARGO_PKG_VERSION for `version` (an error when missing), CARGO_PKG_DESCRIPTION for
// `about`, CARGO_PKG_AUTHORS for `author`, and CARGO_PKG_NAME for every Parser (the
// command's name; silently "" when missing). Cargo sets them for native rustc; the
// default sandbox grants no environment. Granted with the consumer package's values
// (`--env CARGO_PKG_VERSION=...`, reaching the guest's std::env), it expands like
// native: see clap-cargo-granted.expanded.rs.
#[automatically_derived]
impl clap::Parser for Tool {}
#[automatically_derived]
impl clap::CommandFactory for Tool {
    fn command<'b>() -> clap::Command {
        unimplemented!()
    }
    fn command_for_update<'b>() -> clap::Command {
        unimplemented!()
    }
}
#[automatically_derived]
impl clap::Args for Tool {
    fn augment_args(_cmd: clap::Command) -> clap::Command {
        unimplemented!()
    }
    fn augment_args_for_update(_cmd: clap::Command) -> clap::Command {
        unimplemented!()
    }
}
#[automatically_derived]
impl clap::FromArgMatches for Tool {
    fn from_arg_matches(
        _m: &clap::ArgMatches,
    ) -> ::std::result::Result<Self, clap::Error> {
        unimplemented!()
    }
    fn update_from_arg_matches(
        &mut self,
        matches: &clap::ArgMatches,
    ) -> ::std::result::Result<(), clap::Error> {
        unimplemented!()
    }
}
::core::compile_error! {
    "cannot derive `version` from Cargo.toml\n\n= note: `CARGO_PKG_VERSION` environment variable is not set\n\n= help: use `version = \"...\"` to set version manually\n\n"
}
