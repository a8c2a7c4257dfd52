// Golden expansion of tests/golden/displaydoc.input.rs by `cargo wasmacro expand --derive Display`.
// Checked against native rustc by tests/golden.rs on every run: `-Zunpretty=expanded` of a crate
// using the native macro equals that of the same crate with this expansion pasted in, both
// normalized by syn + prettyplease.
// Known differences from native: none.
#[allow(non_upper_case_globals, unused_attributes, unused_qualifications)]
const _: () = {
    trait DisplayToDisplayDoc {
        fn __displaydoc_display(&self) -> Self;
    }
    impl<T: ::core::fmt::Display> DisplayToDisplayDoc for &T {
        fn __displaydoc_display(&self) -> Self {
            self
        }
    }
    extern crate std;
    trait PathToDisplayDoc {
        fn __displaydoc_display(&self) -> std::path::Display<'_>;
    }
    impl PathToDisplayDoc for std::path::Path {
        fn __displaydoc_display(&self) -> std::path::Display<'_> {
            self.display()
        }
    }
    impl PathToDisplayDoc for std::path::PathBuf {
        fn __displaydoc_display(&self) -> std::path::Display<'_> {
            self.display()
        }
    }
    impl ::core::fmt::Display for ConfigError {
        fn fmt(&self, formatter: &mut ::core::fmt::Formatter) -> ::core::fmt::Result {
            #[allow(unused_variables, unused_assignments)]
            match self {
                Self::Read { path, source } => {
                    write!(
                        formatter, "could not read {}: {}", path.__displaydoc_display(),
                        source.__displaydoc_display()
                    )
                }
                Self::UnknownKey(_0, _1) => {
                    write!(
                        formatter, "line {}: unknown key `{}`", _0
                        .__displaydoc_display(), _1.__displaydoc_display()
                    )
                }
                Self::Empty => write!(formatter, "the config is empty"),
            }
        }
    }
};
