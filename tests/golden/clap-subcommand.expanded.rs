// Golden expansion of tests/golden/clap-subcommand.input.rs by `cargo wasmacro expand --derive Subcommand`.
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
impl clap::FromArgMatches for Mode {
    fn from_arg_matches(
        __clap_arg_matches: &clap::ArgMatches,
    ) -> ::std::result::Result<Self, clap::Error> {
        Self::from_arg_matches_mut(&mut __clap_arg_matches.clone())
    }
    fn from_arg_matches_mut(
        __clap_arg_matches: &mut clap::ArgMatches,
    ) -> ::std::result::Result<Self, clap::Error> {
        #![allow(deprecated)]
        if let Some((__clap_name, mut __clap_arg_sub_matches)) = __clap_arg_matches
            .remove_subcommand()
        {
            let __clap_arg_matches = &mut __clap_arg_sub_matches;
            if __clap_name == "once" && !__clap_arg_matches.contains_id("") {
                return ::std::result::Result::Ok(Self::Once);
            }
            if __clap_name == "watch" && !__clap_arg_matches.contains_id("") {
                return ::std::result::Result::Ok(Self::Watch {
                    interval: __clap_arg_matches
                        .remove_one::<u64>("interval")
                        .ok_or_else(|| clap::Error::raw(
                            clap::error::ErrorKind::MissingRequiredArgument,
                            concat!(
                                "the following required argument was not provided: ",
                                "interval"
                            ),
                        ))?,
                    format: __clap_arg_matches
                        .remove_one::<Format>("format")
                        .ok_or_else(|| clap::Error::raw(
                            clap::error::ErrorKind::MissingRequiredArgument,
                            concat!(
                                "the following required argument was not provided: ",
                                "format"
                            ),
                        ))?,
                });
            }
            ::std::result::Result::Err(
                clap::Error::raw(
                    clap::error::ErrorKind::InvalidSubcommand,
                    format!("the subcommand '{}' wasn't recognized", __clap_name),
                ),
            )
        } else {
            ::std::result::Result::Err(
                clap::Error::raw(
                    clap::error::ErrorKind::MissingSubcommand,
                    "a subcommand is required but one was not provided",
                ),
            )
        }
    }
    fn update_from_arg_matches(
        &mut self,
        __clap_arg_matches: &clap::ArgMatches,
    ) -> ::std::result::Result<(), clap::Error> {
        self.update_from_arg_matches_mut(&mut __clap_arg_matches.clone())
    }
    fn update_from_arg_matches_mut<'b>(
        &mut self,
        __clap_arg_matches: &mut clap::ArgMatches,
    ) -> ::std::result::Result<(), clap::Error> {
        #![allow(deprecated)]
        if let Some(__clap_name) = __clap_arg_matches.subcommand_name() {
            match self {
                Self::Once if "once" == __clap_name => {
                    let (_, mut __clap_arg_sub_matches) = __clap_arg_matches
                        .remove_subcommand()
                        .unwrap();
                    let __clap_arg_matches = &mut __clap_arg_sub_matches;
                    {}
                }
                Self::Watch { interval, format } if "watch" == __clap_name => {
                    let (_, mut __clap_arg_sub_matches) = __clap_arg_matches
                        .remove_subcommand()
                        .unwrap();
                    let __clap_arg_matches = &mut __clap_arg_sub_matches;
                    {
                        if __clap_arg_matches.contains_id("interval") {
                            *interval = __clap_arg_matches
                                .remove_one::<u64>("interval")
                                .ok_or_else(|| clap::Error::raw(
                                    clap::error::ErrorKind::MissingRequiredArgument,
                                    concat!(
                                        "the following required argument was not provided: ",
                                        "interval"
                                    ),
                                ))?;
                        }
                        if __clap_arg_matches.contains_id("format") {
                            *format = __clap_arg_matches
                                .remove_one::<Format>("format")
                                .ok_or_else(|| clap::Error::raw(
                                    clap::error::ErrorKind::MissingRequiredArgument,
                                    concat!(
                                        "the following required argument was not provided: ",
                                        "format"
                                    ),
                                ))?;
                        }
                    }
                }
                s => {
                    *s = <Self as clap::FromArgMatches>::from_arg_matches_mut(
                        __clap_arg_matches,
                    )?;
                }
            }
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
impl clap::Subcommand for Mode {
    fn augment_subcommands<'b>(__clap_app: clap::Command) -> clap::Command {
        let __clap_app = __clap_app;
        let __clap_app = {
            let __clap_app = __clap_app
                .subcommand({
                    let __clap_subcommand = clap::Command::new("once");
                    let __clap_subcommand = __clap_subcommand;
                    __clap_subcommand.about("Copy once and stop").long_about(None)
                });
            let __clap_app = __clap_app
                .subcommand({
                    let __clap_subcommand = clap::Command::new("watch");
                    let __clap_subcommand = {
                        let __clap_subcommand = __clap_subcommand
                            .group(
                                clap::ArgGroup::new("Watch")
                                    .multiple(true)
                                    .args({
                                        let members: [clap::Id; 2usize] = [
                                            clap::Id::from("interval"),
                                            clap::Id::from("format"),
                                        ];
                                        members
                                    }),
                            );
                        let __clap_subcommand = __clap_subcommand
                            .arg({
                                #[allow(deprecated)]
                                let arg = clap::Arg::new("interval")
                                    .value_name("INTERVAL")
                                    .required(false && clap::ArgAction::Set.takes_values())
                                    .value_parser(clap::value_parser!(u64))
                                    .action(clap::ArgAction::Set);
                                let arg = arg
                                    .help("Seconds between copies")
                                    .long_help(None)
                                    .long("interval")
                                    .default_value("5");
                                let arg = arg;
                                arg
                            });
                        let __clap_subcommand = __clap_subcommand
                            .arg({
                                #[allow(deprecated)]
                                let arg = clap::Arg::new("format")
                                    .value_name("FORMAT")
                                    .required(true && clap::ArgAction::Set.takes_values())
                                    .value_parser(clap::value_parser!(Format))
                                    .action(clap::ArgAction::Set);
                                let arg = arg;
                                let arg = arg;
                                arg
                            });
                        __clap_subcommand
                    };
                    __clap_subcommand.about("Keep copying").long_about(None)
                });
            __clap_app
        };
        __clap_app
    }
    fn augment_subcommands_for_update<'b>(__clap_app: clap::Command) -> clap::Command {
        let __clap_app = __clap_app;
        let __clap_app = {
            let __clap_app = __clap_app
                .subcommand({
                    let __clap_subcommand = clap::Command::new("once");
                    let __clap_subcommand = __clap_subcommand;
                    __clap_subcommand.about("Copy once and stop").long_about(None)
                });
            let __clap_app = __clap_app
                .subcommand({
                    let __clap_subcommand = clap::Command::new("watch");
                    let __clap_subcommand = {
                        let __clap_subcommand = __clap_subcommand
                            .group(
                                clap::ArgGroup::new("Watch")
                                    .multiple(true)
                                    .args({
                                        let members: [clap::Id; 2usize] = [
                                            clap::Id::from("interval"),
                                            clap::Id::from("format"),
                                        ];
                                        members
                                    }),
                            );
                        let __clap_subcommand = __clap_subcommand
                            .arg({
                                #[allow(deprecated)]
                                let arg = clap::Arg::new("interval")
                                    .value_name("INTERVAL")
                                    .required(false && clap::ArgAction::Set.takes_values())
                                    .value_parser(clap::value_parser!(u64))
                                    .action(clap::ArgAction::Set);
                                let arg = arg
                                    .help("Seconds between copies")
                                    .long_help(None)
                                    .long("interval")
                                    .default_value("5");
                                let arg = arg.required(false);
                                arg
                            });
                        let __clap_subcommand = __clap_subcommand
                            .arg({
                                #[allow(deprecated)]
                                let arg = clap::Arg::new("format")
                                    .value_name("FORMAT")
                                    .required(true && clap::ArgAction::Set.takes_values())
                                    .value_parser(clap::value_parser!(Format))
                                    .action(clap::ArgAction::Set);
                                let arg = arg;
                                let arg = arg.required(false);
                                arg
                            });
                        __clap_subcommand
                    };
                    __clap_subcommand.about("Keep copying").long_about(None)
                });
            __clap_app
        };
        __clap_app
    }
    fn has_subcommand(__clap_name: &str) -> bool {
        if "once" == __clap_name {
            return true;
        }
        if "watch" == __clap_name {
            return true;
        }
        false
    }
}
