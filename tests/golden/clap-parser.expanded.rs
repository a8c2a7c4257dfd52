// Golden expansion of tests/golden/clap.input.rs by `cargo wasmacro expand --derive Parser`.
// Checked against native rustc by tests/golden.rs on every run: `-Zunpretty=expanded` of a crate
// using the native macro equals that of the same crate with this expansion pasted in, both
// normalized by syn + prettyplease. Helper attributes (#[clap], #[structopt], #[command], #[arg], #[group], #[value]) are removed on both sides.
// Known differences from native: none.
#[automatically_derived]
#[allow(unused_qualifications, clippy::redundant_locals)]
impl clap::Parser for Cli {}
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
impl clap::CommandFactory for Cli {
    fn command<'b>() -> clap::Command {
        let __clap_app = clap::Command::new("copier");
        <Self as clap::Args>::augment_args(__clap_app)
    }
    fn command_for_update<'b>() -> clap::Command {
        let __clap_app = clap::Command::new("copier");
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
impl clap::FromArgMatches for Cli {
    fn from_arg_matches(
        __clap_arg_matches: &clap::ArgMatches,
    ) -> ::std::result::Result<Self, clap::Error> {
        Self::from_arg_matches_mut(&mut __clap_arg_matches.clone())
    }
    fn from_arg_matches_mut(
        __clap_arg_matches: &mut clap::ArgMatches,
    ) -> ::std::result::Result<Self, clap::Error> {
        #![allow(deprecated)]
        let v = Cli {
            source: __clap_arg_matches
                .remove_one::<String>("source")
                .ok_or_else(|| clap::Error::raw(
                    clap::error::ErrorKind::MissingRequiredArgument,
                    concat!(
                        "the following required argument was not provided: ", "source"
                    ),
                ))?,
            count: __clap_arg_matches
                .remove_one::<u32>("count")
                .ok_or_else(|| clap::Error::raw(
                    clap::error::ErrorKind::MissingRequiredArgument,
                    concat!(
                        "the following required argument was not provided: ", "count"
                    ),
                ))?,
            verbose: __clap_arg_matches
                .remove_one::<bool>("verbose")
                .ok_or_else(|| clap::Error::raw(
                    clap::error::ErrorKind::MissingRequiredArgument,
                    concat!(
                        "the following required argument was not provided: ", "verbose"
                    ),
                ))?,
            dest: __clap_arg_matches.remove_one::<std::path::PathBuf>("dest"),
            mode: {
                if __clap_arg_matches
                    .subcommand_name()
                    .map(<Mode as clap::Subcommand>::has_subcommand)
                    .unwrap_or(false)
                {
                    Some(
                        <Mode as clap::FromArgMatches>::from_arg_matches_mut(
                            __clap_arg_matches,
                        )?,
                    )
                } else {
                    None
                }
            },
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
        if __clap_arg_matches.contains_id("source") {
            #[allow(non_snake_case)]
            let source = &mut self.source;
            *source = __clap_arg_matches
                .remove_one::<String>("source")
                .ok_or_else(|| clap::Error::raw(
                    clap::error::ErrorKind::MissingRequiredArgument,
                    concat!(
                        "the following required argument was not provided: ", "source"
                    ),
                ))?;
        }
        if __clap_arg_matches.contains_id("count") {
            #[allow(non_snake_case)]
            let count = &mut self.count;
            *count = __clap_arg_matches
                .remove_one::<u32>("count")
                .ok_or_else(|| clap::Error::raw(
                    clap::error::ErrorKind::MissingRequiredArgument,
                    concat!(
                        "the following required argument was not provided: ", "count"
                    ),
                ))?;
        }
        if __clap_arg_matches.contains_id("verbose") {
            #[allow(non_snake_case)]
            let verbose = &mut self.verbose;
            *verbose = __clap_arg_matches
                .remove_one::<bool>("verbose")
                .ok_or_else(|| clap::Error::raw(
                    clap::error::ErrorKind::MissingRequiredArgument,
                    concat!(
                        "the following required argument was not provided: ", "verbose"
                    ),
                ))?;
        }
        if __clap_arg_matches.contains_id("dest") {
            #[allow(non_snake_case)]
            let dest = &mut self.dest;
            *dest = __clap_arg_matches.remove_one::<std::path::PathBuf>("dest");
        }
        {
            #[allow(non_snake_case)]
            let mode = &mut self.mode;
            if let Some(mode) = mode.as_mut() {
                <Mode as clap::FromArgMatches>::update_from_arg_matches_mut(
                    mode,
                    __clap_arg_matches,
                )?;
            } else {
                *mode = Some(
                    <Mode as clap::FromArgMatches>::from_arg_matches_mut(
                        __clap_arg_matches,
                    )?,
                );
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
impl clap::Args for Cli {
    fn group_id() -> Option<clap::Id> {
        Some(clap::Id::from("Cli"))
    }
    fn augment_args<'b>(__clap_app: clap::Command) -> clap::Command {
        let __clap_app = __clap_app;
        let __clap_app = {
            let __clap_app = __clap_app
                .group(
                    clap::ArgGroup::new("Cli")
                        .multiple(true)
                        .args({
                            let members: [clap::Id; 4usize] = [
                                clap::Id::from("source"),
                                clap::Id::from("count"),
                                clap::Id::from("verbose"),
                                clap::Id::from("dest"),
                            ];
                            members
                        }),
                );
            let __clap_app = __clap_app
                .arg({
                    #[allow(deprecated)]
                    let arg = clap::Arg::new("source")
                        .value_name("SOURCE")
                        .required(true && clap::ArgAction::Set.takes_values())
                        .value_parser(clap::value_parser!(String))
                        .action(clap::ArgAction::Set);
                    let arg = arg.help("Source file").long_help(None);
                    let arg = arg;
                    arg
                });
            let __clap_app = __clap_app
                .arg({
                    #[allow(deprecated)]
                    let arg = clap::Arg::new("count")
                        .value_name("COUNT")
                        .required(false && clap::ArgAction::Set.takes_values())
                        .value_parser(clap::value_parser!(u32))
                        .action(clap::ArgAction::Set);
                    let arg = arg
                        .help("How many copies to make")
                        .long_help(None)
                        .short('n')
                        .long("count")
                        .default_value({
                            static DEFAULT_VALUE: ::std::sync::OnceLock<String> = ::std::sync::OnceLock::new();
                            let s = DEFAULT_VALUE
                                .get_or_init(|| {
                                    let val: u32 = 1;
                                    ::std::string::ToString::to_string(&val)
                                });
                            let s: &'static str = &*s;
                            s
                        });
                    let arg = arg;
                    arg
                });
            let __clap_app = __clap_app
                .arg({
                    #[allow(deprecated)]
                    let arg = clap::Arg::new("verbose")
                        .value_name("VERBOSE")
                        .required(true && clap::ArgAction::SetTrue.takes_values())
                        .value_parser(clap::value_parser!(bool))
                        .action(clap::ArgAction::SetTrue);
                    let arg = arg
                        .help("Print each copy")
                        .long_help(None)
                        .short('v')
                        .long("verbose");
                    let arg = arg;
                    arg
                });
            let __clap_app = __clap_app
                .arg({
                    #[allow(deprecated)]
                    let arg = clap::Arg::new("dest")
                        .value_name("DEST")
                        .value_parser(clap::value_parser!(std::path::PathBuf))
                        .action(clap::ArgAction::Set);
                    let arg = arg
                        .help("Where the copies go")
                        .long_help(None)
                        .long("dest")
                        .value_name("DIR")
                        .env("COPIER_DEST");
                    let arg = arg;
                    arg
                });
            let __clap_app = <Mode as clap::Subcommand>::augment_subcommands(__clap_app);
            let __clap_app = __clap_app;
            __clap_app
        };
        __clap_app
            .about("Copies files, maybe many times")
            .long_about(None)
            .version("1.4.0")
            .long_about(None)
    }
    fn augment_args_for_update<'b>(__clap_app: clap::Command) -> clap::Command {
        let __clap_app = __clap_app;
        let __clap_app = {
            let __clap_app = __clap_app
                .group(
                    clap::ArgGroup::new("Cli")
                        .multiple(true)
                        .args({
                            let members: [clap::Id; 4usize] = [
                                clap::Id::from("source"),
                                clap::Id::from("count"),
                                clap::Id::from("verbose"),
                                clap::Id::from("dest"),
                            ];
                            members
                        }),
                );
            let __clap_app = __clap_app
                .arg({
                    #[allow(deprecated)]
                    let arg = clap::Arg::new("source")
                        .value_name("SOURCE")
                        .required(true && clap::ArgAction::Set.takes_values())
                        .value_parser(clap::value_parser!(String))
                        .action(clap::ArgAction::Set);
                    let arg = arg.help("Source file").long_help(None);
                    let arg = arg.required(false);
                    arg
                });
            let __clap_app = __clap_app
                .arg({
                    #[allow(deprecated)]
                    let arg = clap::Arg::new("count")
                        .value_name("COUNT")
                        .required(false && clap::ArgAction::Set.takes_values())
                        .value_parser(clap::value_parser!(u32))
                        .action(clap::ArgAction::Set);
                    let arg = arg
                        .help("How many copies to make")
                        .long_help(None)
                        .short('n')
                        .long("count")
                        .default_value({
                            static DEFAULT_VALUE: ::std::sync::OnceLock<String> = ::std::sync::OnceLock::new();
                            let s = DEFAULT_VALUE
                                .get_or_init(|| {
                                    let val: u32 = 1;
                                    ::std::string::ToString::to_string(&val)
                                });
                            let s: &'static str = &*s;
                            s
                        });
                    let arg = arg.required(false);
                    arg
                });
            let __clap_app = __clap_app
                .arg({
                    #[allow(deprecated)]
                    let arg = clap::Arg::new("verbose")
                        .value_name("VERBOSE")
                        .required(true && clap::ArgAction::SetTrue.takes_values())
                        .value_parser(clap::value_parser!(bool))
                        .action(clap::ArgAction::SetTrue);
                    let arg = arg
                        .help("Print each copy")
                        .long_help(None)
                        .short('v')
                        .long("verbose");
                    let arg = arg.required(false);
                    arg
                });
            let __clap_app = __clap_app
                .arg({
                    #[allow(deprecated)]
                    let arg = clap::Arg::new("dest")
                        .value_name("DEST")
                        .value_parser(clap::value_parser!(std::path::PathBuf))
                        .action(clap::ArgAction::Set);
                    let arg = arg
                        .help("Where the copies go")
                        .long_help(None)
                        .long("dest")
                        .value_name("DIR")
                        .env("COPIER_DEST");
                    let arg = arg.required(false);
                    arg
                });
            let __clap_app = <Mode as clap::Subcommand>::augment_subcommands(__clap_app);
            let __clap_app = __clap_app
                .subcommand_required(false)
                .arg_required_else_help(false);
            __clap_app
        };
        __clap_app
            .about("Copies files, maybe many times")
            .long_about(None)
            .version("1.4.0")
            .long_about(None)
    }
}
