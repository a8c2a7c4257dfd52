// Golden expansion of tests/golden/clap-value-enum.input.rs by `cargo wasmacro expand --derive ValueEnum`.
// Checked against native rustc by tests/golden.rs on every run: `-Zunpretty=expanded` of a crate
// using the native macro equals that of the same crate with this expansion pasted in, both
// normalized by syn + prettyplease. Helper attributes (#[clap], #[structopt], #[command], #[arg], #[group], #[value]) are removed on both sides.
// Known differences from native: none.
#[allow(
    dead_code,
    unreachable_code,
    unused_variables,
    unused_braces,
    unused_qualifications,
)]
#[allow(
    clippy::style,
    clippy::complexity,
    clippy::pedantic,
    clippy::restriction,
    clippy::perf,
    clippy::deprecated,
    clippy::nursery,
    clippy::cargo,
    clippy::suspicious_else_formatting,
    clippy::almost_swapped,
    clippy::redundant_locals,
)]
#[automatically_derived]
impl clap::ValueEnum for Format {
    fn value_variants<'a>() -> &'a [Self] {
        &[Self::Plain, Self::Json]
    }
    fn to_possible_value<'a>(
        &self,
    ) -> ::std::option::Option<clap::builder::PossibleValue> {
        match self {
            Self::Plain => Some({ clap::builder::PossibleValue::new("plain") }),
            Self::Json => Some({ clap::builder::PossibleValue::new("json").alias("js") }),
            _ => None,
        }
    }
}
