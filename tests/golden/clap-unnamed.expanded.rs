// Golden expansion of tests/golden/clap-unnamed.input.rs by `cargo wasmacro expand --derive Parser`.
// Checked against native rustc by tests/golden.rs on every run: `-Zunpretty=expanded` of a crate
// using the native macro equals that of the same crate with this expansion pasted in, both
// normalized by syn + prettyplease. Helper attributes (#[clap], #[structopt], #[command], #[arg], #[group], #[value]) are removed on both sides.
// Known difference from native, asserted exactly: native has
// clap::Command::new({
//             let _ = "native-golden";
//             "native-golden"
//         })
// where this expansion has
// clap::Command::new("")
// Why:
// clap_derive names a Parser's command after CARGO_PKG_NAME, read with std::env::var
// while it expands; when the variable is missing it silently uses "" (no error).
// Cargo sets it for native rustc; the default sandbox grants no environment, so
// the command is named "". `--env CARGO_PKG_NAME=<package>` gives native's output.
#[automatically_derived]
#[allow(unused_qualifications, clippy::redundant_locals)]
impl clap::Parser for Greet {}
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
impl clap::CommandFactory for Greet {
    fn command<'b>() -> clap::Command {
        let __clap_app = clap::Command::new("");
        <Self as clap::Args>::augment_args(__clap_app)
    }
    fn command_for_update<'b>() -> clap::Command {
        let __clap_app = clap::Command::new("");
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
impl clap::FromArgMatches for Greet {
    fn from_arg_matches(
        __clap_arg_matches: &clap::ArgMatches,
    ) -> ::std::result::Result<Self, clap::Error> {
        Self::from_arg_matches_mut(&mut __clap_arg_matches.clone())
    }
    fn from_arg_matches_mut(
        __clap_arg_matches: &mut clap::ArgMatches,
    ) -> ::std::result::Result<Self, clap::Error> {
        #![allow(deprecated)]
        let v = Greet {
            who: __clap_arg_matches
                .remove_one::<String>("who")
                .ok_or_else(|| clap::Error::raw(
                    clap::error::ErrorKind::MissingRequiredArgument,
                    concat!("the following required argument was not provided: ", "who"),
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
        if __clap_arg_matches.contains_id("who") {
            #[allow(non_snake_case)]
            let who = &mut self.who;
            *who = __clap_arg_matches
                .remove_one::<String>("who")
                .ok_or_else(|| clap::Error::raw(
                    clap::error::ErrorKind::MissingRequiredArgument,
                    concat!("the following required argument was not provided: ", "who"),
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
impl clap::Args for Greet {
    fn group_id() -> Option<clap::Id> {
        Some(clap::Id::from("Greet"))
    }
    fn augment_args<'b>(__clap_app: clap::Command) -> clap::Command {
        let __clap_app = __clap_app;
        let __clap_app = {
            let __clap_app = __clap_app
                .group(
                    clap::ArgGroup::new("Greet")
                        .multiple(true)
                        .args({
                            let members: [clap::Id; 1usize] = [clap::Id::from("who")];
                            members
                        }),
                );
            let __clap_app = __clap_app
                .arg({
                    #[allow(deprecated)]
                    let arg = clap::Arg::new("who")
                        .value_name("WHO")
                        .required(false && clap::ArgAction::Set.takes_values())
                        .value_parser(clap::value_parser!(String))
                        .action(clap::ArgAction::Set);
                    let arg = arg
                        .help("Who to greet")
                        .long_help(None)
                        .short('w')
                        .long("who")
                        .default_value("world");
                    let arg = arg;
                    arg
                });
            __clap_app
        };
        __clap_app
            .about(
                "Greets someone; the command is named after the package, as clap does by default",
            )
            .long_about(None)
    }
    fn augment_args_for_update<'b>(__clap_app: clap::Command) -> clap::Command {
        let __clap_app = __clap_app;
        let __clap_app = {
            let __clap_app = __clap_app
                .group(
                    clap::ArgGroup::new("Greet")
                        .multiple(true)
                        .args({
                            let members: [clap::Id; 1usize] = [clap::Id::from("who")];
                            members
                        }),
                );
            let __clap_app = __clap_app
                .arg({
                    #[allow(deprecated)]
                    let arg = clap::Arg::new("who")
                        .value_name("WHO")
                        .required(false && clap::ArgAction::Set.takes_values())
                        .value_parser(clap::value_parser!(String))
                        .action(clap::ArgAction::Set);
                    let arg = arg
                        .help("Who to greet")
                        .long_help(None)
                        .short('w')
                        .long("who")
                        .default_value("world");
                    let arg = arg.required(false);
                    arg
                });
            __clap_app
        };
        __clap_app
            .about(
                "Greets someone; the command is named after the package, as clap does by default",
            )
            .long_about(None)
    }
}
