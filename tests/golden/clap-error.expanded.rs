// Golden expansion of tests/golden/clap-error.input.rs by `cargo wasmacro expand --derive Parser`.
// The macro rejects this input. Checked against native rustc by tests/golden.rs on every run:
// `expand` fails with the errors native rustc reports (message, line:column, snippet), and
// `-Zunpretty=expanded` of a crate using the native macro equals that of the same crate with
// this output pasted in (both fail), normalized by syn + prettyplease. Helper attributes (#[clap], #[structopt], #[command], #[arg], #[group], #[value]) are removed on both sides.
// Known differences from native: none.
#[automatically_derived]
impl clap::Parser for Args {}
#[automatically_derived]
impl clap::CommandFactory for Args {
    fn command<'b>() -> clap::Command {
        unimplemented!()
    }
    fn command_for_update<'b>() -> clap::Command {
        unimplemented!()
    }
}
#[automatically_derived]
impl clap::Args for Args {
    fn augment_args(_cmd: clap::Command) -> clap::Command {
        unimplemented!()
    }
    fn augment_args_for_update(_cmd: clap::Command) -> clap::Command {
        unimplemented!()
    }
}
#[automatically_derived]
impl clap::FromArgMatches for Args {
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
    "attribute `shrot` requires a value"
}
