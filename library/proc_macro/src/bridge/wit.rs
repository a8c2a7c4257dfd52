//! The component side of the bridge (wasm only): WIT bindings, the `macros` export, and the
//! panic reporting around each expansion.

use std::panic::{self, AssertUnwindSafe};
use std::sync::Once;

use super::client::{decls, ProcMacro};
use super::context::{self, ExpnSpans};
use super::flat;
use crate::{Span, TokenStream};

wit_bindgen::generate!({
    path: "../../wit",
    world: "proc-macro",
});

use exports::wasmacro::bridge::macros::{
    ExpandError, ExpandRequest, Guest, MacroDecl, MacroKind, TokenStream as FlatStream,
};

struct Component;

export!(Component);

impl Guest for Component {
    fn list_macros() -> Vec<MacroDecl> {
        decls()
            .iter()
            .map(|m| match m {
                ProcMacro::CustomDerive { trait_name, attributes, .. } => MacroDecl {
                    kind: MacroKind::Derive,
                    name: trait_name.to_string(),
                    helpers: attributes.iter().map(|a| a.to_string()).collect(),
                },
                ProcMacro::Attr { name, .. } => {
                    MacroDecl { kind: MacroKind::Attribute, name: name.to_string(), helpers: vec![] }
                }
                ProcMacro::Bang { name, .. } => {
                    MacroDecl { kind: MacroKind::Function, name: name.to_string(), helpers: vec![] }
                }
            })
            .collect()
    }

    fn expand(request: ExpandRequest) -> Result<FlatStream, ExpandError> {
        let index = request.index;
        let Some(&mac) = decls().get(index as usize) else {
            return Err(ExpandError::NoSuchMacro(index));
        };
        let call: Box<dyn FnOnce() -> TokenStream> = match (mac, request.attribute_input) {
            (ProcMacro::Attr { expand, .. }, Some(args)) => {
                let (args, item) = (flat::from_flat(args), flat::from_flat(request.input));
                Box::new(move || expand(args, item))
            }
            (ProcMacro::Attr { name, .. }, None) => {
                return Err(ExpandError::WrongArguments(format!(
                    "attribute macro `{name}` needs the attribute's arguments"
                )));
            }
            (ProcMacro::CustomDerive { expand, .. } | ProcMacro::Bang { expand, .. }, None) => {
                let input = flat::from_flat(request.input);
                Box::new(move || expand(input))
            }
            (other, Some(_)) => {
                return Err(ExpandError::WrongArguments(format!(
                    "`{}` is not an attribute macro and takes no attribute arguments",
                    other.name()
                )));
            }
        };

        install_panic_hook();
        let spans = ExpnSpans {
            call_site: Span(request.spans.call_site),
            def_site: Span(request.spans.def_site),
            mixed_site: Span(request.spans.mixed_site),
        };
        // Converting the output back needs no host, but stays inside the context (and the
        // unwind guard) so that a bad token from the macro is reported like any panic.
        context::enter(spans, || {
            panic::catch_unwind(AssertUnwindSafe(|| flat::to_flat(&call()))).map_err(|payload| {
                let message = payload_message(&*payload);
                drop_payload(payload);
                ExpandError::Panicked(message)
            })
        })
    }
}

/// Drops a caught panic's payload. Its `Drop` is the macro's code and may panic in turn; that
/// panic must not unwind out of `expand` (an export cannot unwind), so it is caught, and its own
/// payload leaked rather than risk the same again.
fn drop_payload(payload: Box<dyn std::any::Any + Send>) {
    if let Err(again) = panic::catch_unwind(AssertUnwindSafe(move || drop(payload))) {
        std::mem::forget(again);
    }
}

/// The message of a panic payload, when it is a string (as for `panic!("...")`).
fn payload_message(payload: &(dyn std::any::Any + Send)) -> Option<String> {
    if let Some(s) = payload.downcast_ref::<&'static str>() {
        Some(s.to_string())
    } else {
        payload.downcast_ref::<String>().cloned()
    }
}

/// During an expansion a panic is not printed, as with native rustc's bridge: either the macro
/// catches it itself (crates that report errors by panicking, like getset or those built on
/// proc-macro-error) or `expand` does and returns its message. A panic that cannot unwind (one
/// in a `Drop` during unwinding, one leaving an `extern "C"` function, any panic if the guest was
/// built with `panic=abort`) traps the instance right after the hook, so for those the hook is
/// the only chance to tell the host the message. Unwinding panics are not reported from here:
/// one the macro catches is no error.
fn install_panic_hook() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if context::is_available() {
                if cfg!(panic = "abort") || !info.can_unwind() {
                    let message = payload_message(info.payload());
                    wasmacro::bridge::panics::record_panic(message.as_deref());
                }
            } else {
                previous(info);
            }
        }));
    });
}
