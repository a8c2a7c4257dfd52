//! What the compiler's proc-macro harness links against: the `ProcMacro` declarations
//! (`static DECLS: &[ProcMacro] = &[ProcMacro::bang("name", ::f), ...]`), and the table
//! through which the component's exports find them.

use crate::TokenStream;

/// A procedural macro of the crate being compiled, as the harness declares it.
///
/// The macro function itself is a zero-sized fn item; only a plain `fn` pointer to a
/// trampoline that conjures it is kept, so the declaration stays a constant.
#[derive(Copy, Clone)]
pub enum ProcMacro {
    /// `#[proc_macro_derive(Trait, attributes(...))]`
    CustomDerive {
        /// The derived trait's name.
        trait_name: &'static str,
        /// Helper attributes the derive accepts.
        attributes: &'static [&'static str],
        /// Calls the derive function.
        expand: fn(TokenStream) -> TokenStream,
    },
    /// `#[proc_macro_attribute]`
    Attr {
        /// The attribute's name.
        name: &'static str,
        /// Calls the attribute function with (arguments, item).
        expand: fn(TokenStream, TokenStream) -> TokenStream,
    },
    /// `#[proc_macro]`
    Bang {
        /// The macro's name.
        name: &'static str,
        /// Calls the macro function.
        expand: fn(TokenStream) -> TokenStream,
    },
}

/// Calls `F` without a value of it: `F` is a fn item, which is zero-sized and so exists
/// out of nothing.
fn call1<F: Fn(TokenStream) -> TokenStream + Copy>(input: TokenStream) -> TokenStream {
    const { assert!(size_of::<F>() == 0, "a proc macro must be a plain function") };
    // SAFETY: `F` is zero-sized (checked above) and `Copy`, so it has no invariants or drop,
    // and the harness only passes fn items.
    let f = unsafe { std::mem::conjure_zst::<F>() };
    f(input)
}

fn call2<F: Fn(TokenStream, TokenStream) -> TokenStream + Copy>(
    args: TokenStream,
    item: TokenStream,
) -> TokenStream {
    const { assert!(size_of::<F>() == 0, "a proc macro must be a plain function") };
    // SAFETY: as in `call1`.
    let f = unsafe { std::mem::conjure_zst::<F>() };
    f(args, item)
}

impl ProcMacro {
    /// The derived trait's or the macro's name.
    pub fn name(&self) -> &'static str {
        match self {
            ProcMacro::CustomDerive { trait_name, .. } => trait_name,
            ProcMacro::Attr { name, .. } | ProcMacro::Bang { name, .. } => name,
        }
    }

    /// Declares a derive macro.
    pub const fn custom_derive(
        trait_name: &'static str,
        attributes: &'static [&'static str],
        expand: impl Fn(TokenStream) -> TokenStream + Copy,
    ) -> Self {
        ProcMacro::CustomDerive { trait_name, attributes, expand: erase1(expand) }
    }

    /// Declares an attribute macro.
    pub const fn attr(
        name: &'static str,
        expand: impl Fn(TokenStream, TokenStream) -> TokenStream + Copy,
    ) -> Self {
        ProcMacro::Attr { name, expand: erase2(expand) }
    }

    /// Declares a function-like macro.
    pub const fn bang(name: &'static str, expand: impl Fn(TokenStream) -> TokenStream + Copy) -> Self {
        ProcMacro::Bang { name, expand: erase1(expand) }
    }
}

const fn erase1<F: Fn(TokenStream) -> TokenStream + Copy>(_: F) -> fn(TokenStream) -> TokenStream {
    call1::<F>
}

const fn erase2<F: Fn(TokenStream, TokenStream) -> TokenStream + Copy>(
    _: F,
) -> fn(TokenStream, TokenStream) -> TokenStream {
    call2::<F>
}

/// Linking contract with the build tool: after linking it stores here the address of the
/// harness's `DECLS` static (a `&'static [ProcMacro]`). Zero means "no macros".
#[allow(non_upper_case_globals)]
#[unsafe(no_mangle)]
pub(crate) static mut wasmacro_proc_macro_decls: usize = 0;

/// The macros of this component, in the harness's order.
#[cfg_attr(not(target_family = "wasm"), allow(dead_code))]
pub(crate) fn decls() -> &'static [ProcMacro] {
    // Volatile: the value is patched into the binary after compilation, so the optimizer
    // must not assume the initializer.
    let slot = unsafe { std::ptr::read_volatile(&raw const wasmacro_proc_macro_decls) };
    if slot == 0 {
        &[]
    } else {
        // SAFETY: the build tool wrote the address of the harness's `&'static [ProcMacro]`.
        unsafe { *(slot as *const &'static [ProcMacro]) }
    }
}
