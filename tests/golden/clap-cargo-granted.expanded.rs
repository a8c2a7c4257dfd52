// Golden expansion of tests/golden/clap-cargo.input.rs by `cargo wasmacro expand --derive Parser --env 'CARGO_PKG_NAME=native-golden' --env 'CARGO_PKG_VERSION=0.0.0' --env 'CARGO_PKG_DESCRIPTION=The native side of the golden expansions'`.
// Checked against native rustc by tests/golden.rs on every run: `-Zunpretty=expanded` of a crate
// using the native macro equals that of the same crate with this expansion pasted in, both
// normalized by syn + prettyplease. Helper attributes (#[clap], #[structopt], #[command], #[arg], #[group], #[value]) are removed on both sides.
// Known differences from native: none.
#[automatically_derived]
#[allow(unused_qualifications, clippy::redundant_locals)]
impl clap::Parser for Tool {}
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
impl clap::CommandFactory for Tool {
    fn command<'b>() -> clap::Command {
        let __clap_app = clap::Command::new({
            let _ = ::core::env!("CARGO_PKG_NAME");
            "native-golden"
        });
        <Self as clap::Args>::augment_args(__clap_app)
    }
    fn command_for_update<'b>() -> clap::Command {
        let __clap_app = clap::Command::new({
            let _ = ::core::env!("CARGO_PKG_NAME");
            "native-golden"
        });
        <Self as clap::Args>::augment_args_for_update(__clap_app)
    }
}
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
impl clap::FromArgMatches for Tool {
    fn from_arg_matches(
        __clap_arg_matches: &clap::ArgMatches,
    ) -> ::std::result::Result<Self, clap::Error> {
        Self::from_arg_matches_mut(&mut __clap_arg_matches.clone())
    }
    fn from_arg_matches_mut(
        __clap_arg_matches: &mut clap::ArgMatches,
    ) -> ::std::result::Result<Self, clap::Error> {
        #![allow(deprecated)]
        let v = Tool {
            input: __clap_arg_matches
                .remove_one::<String>("input")
                .ok_or_else(|| clap::Error::raw(
                    clap::error::ErrorKind::MissingRequiredArgument,
                    concat!(
                        "the following required argument was not provided: ", "input"
                    ),
                ))?,
        };
        ::std::result::Result::Ok(v)
    }
    fn update_from_arg_matches(
        &mut self,
        __clap_arg_matches: &clap::ArgMatches,
    ) -> ::std::result::Result<(), clap::Error> {
        self.update_from_arg_matches_mut(&mut __clap_arg_matches.clone())
    }
    fn update_from_arg_matches_mut(
        &mut self,
        __clap_arg_matches: &mut clap::ArgMatches,
    ) -> ::std::result::Result<(), clap::Error> {
        #![allow(deprecated)]
        if __clap_arg_matches.contains_id("input") {
            #[allow(non_snake_case)]
            let input = &mut self.input;
            *input = __clap_arg_matches
                .remove_one::<String>("input")
                .ok_or_else(|| clap::Error::raw(
                    clap::error::ErrorKind::MissingRequiredArgument,
                    concat!(
                        "the following required argument was not provided: ", "input"
                    ),
                ))?;
        }
        ::std::result::Result::Ok(())
    }
}
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
impl clap::Args for Tool {
    fn group_id() -> Option<clap::Id> {
        Some(clap::Id::from("Tool"))
    }
    fn augment_args<'b>(__clap_app: clap::Command) -> clap::Command {
        let __clap_app = __clap_app;
        let __clap_app = {
            let __clap_app = __clap_app
                .group(
                    clap::ArgGroup::new("Tool")
                        .multiple(true)
                        .args({
                            let members: [clap::Id; 1usize] = [clap::Id::from("input")];
                            members
                        }),
                );
            let __clap_app = __clap_app
                .arg({
                    #[allow(deprecated)]
                    let arg = clap::Arg::new("input")
                        .value_name("INPUT")
                        .required(true && clap::ArgAction::Set.takes_values())
                        .value_parser(clap::value_parser!(String))
                        .action(clap::ArgAction::Set);
                    let arg = arg.help("Input file").long_help(None);
                    let arg = arg;
                    arg
                });
            __clap_app
        };
        __clap_app
            .about(
                "Version and description come from Cargo.toml, as most clap programs do it",
            )
            .long_about(None)
            .version({
                let _ = ::core::env!("CARGO_PKG_VERSION");
                "0.0.0"
            })
            .about({
                let _ = ::core::env!("CARGO_PKG_DESCRIPTION");
                "The native side of the golden expansions"
            })
    }
    fn augment_args_for_update<'b>(__clap_app: clap::Command) -> clap::Command {
        let __clap_app = __clap_app;
        let __clap_app = {
            let __clap_app = __clap_app
                .group(
                    clap::ArgGroup::new("Tool")
                        .multiple(true)
                        .args({
                            let members: [clap::Id; 1usize] = [clap::Id::from("input")];
                            members
                        }),
                );
            let __clap_app = __clap_app
                .arg({
                    #[allow(deprecated)]
                    let arg = clap::Arg::new("input")
                        .value_name("INPUT")
                        .required(true && clap::ArgAction::Set.takes_values())
                        .value_parser(clap::value_parser!(String))
                        .action(clap::ArgAction::Set);
                    let arg = arg.help("Input file").long_help(None);
                    let arg = arg.required(false);
                    arg
                });
            __clap_app
        };
        __clap_app
            .about(
                "Version and description come from Cargo.toml, as most clap programs do it",
            )
            .long_about(None)
            .version({
                let _ = ::core::env!("CARGO_PKG_VERSION");
                "0.0.0"
            })
            .about({
                let _ = ::core::env!("CARGO_PKG_DESCRIPTION");
                "The native side of the golden expansions"
            })
    }
}
