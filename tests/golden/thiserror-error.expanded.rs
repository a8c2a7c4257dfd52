// Golden expansion of tests/golden/thiserror.input.rs by `cargo wasmacro expand --derive Error`.
// Checked against native rustc by tests/golden.rs on every run: `-Zunpretty=expanded` of a crate
// using the native macro equals that of the same crate with this expansion pasted in, both
// normalized by syn + prettyplease. Helper attributes (#[error], #[from], #[source], #[backtrace]) are removed on both sides.
// Known differences from native: none.
#[allow(unused_qualifications)]
#[automatically_derived]
impl ::thiserror::__private21::Error for FetchError {
    fn source(
        &self,
    ) -> ::core::option::Option<&(dyn ::thiserror::__private21::Error + 'static)> {
        use ::thiserror::__private21::AsDynError as _;
        #[allow(deprecated)]
        match self {
            FetchError::Status { .. } => ::core::option::Option::None,
            FetchError::Io { 0: source, .. } => {
                ::core::option::Option::Some(source.as_dyn_error())
            }
            FetchError::Payload { cause: source, .. } => {
                ::core::option::Option::Some(source.as_dyn_error())
            }
        }
    }
}
#[allow(unused_qualifications)]
#[automatically_derived]
impl ::core::fmt::Display for FetchError {
    fn fmt(&self, __formatter: &mut ::core::fmt::Formatter) -> ::core::fmt::Result {
        use ::thiserror::__private21::AsDisplay as _;
        #[allow(unused_variables, deprecated, clippy::used_underscore_binding)]
        match self {
            FetchError::Status { url, status } => {
                match (url.as_display(), status.as_display()) {
                    (__display_url, __display_status) => {
                        ::core::write!(
                            __formatter,
                            "request to {__display_url} failed with status {__display_status}"
                        )
                    }
                }
            }
            FetchError::Io(_0) => __formatter.write_str("I/O error while fetching"),
            FetchError::Payload { reason, cause } => {
                match (reason.as_display(),) {
                    (__display_reason,) => {
                        ::core::write!(
                            __formatter, "invalid payload: {__display_reason}"
                        )
                    }
                }
            }
        }
    }
}
#[allow(deprecated, unused_qualifications)]
#[automatically_derived]
impl ::core::convert::From<std::io::Error> for FetchError {
    #[allow(clippy::redundant_field_names)]
    fn from(source: std::io::Error) -> Self {
        FetchError::Io { 0: source }
    }
}
