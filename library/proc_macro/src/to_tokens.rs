use std::borrow::Cow;
use std::ffi::{CStr, CString};
use std::rc::Rc;

use crate::{Group, Ident, Literal, Punct, Span, TokenStream, TokenTree};

/// Values that [`quote!`](crate::quote!) can insert with `$name`.
#[unstable(feature = "proc_macro_totokens", issue = "130977")]
pub trait ToTokens {
    /// Appends the tokens for `self` to `tokens`.
    #[unstable(feature = "proc_macro_totokens", issue = "130977")]
    fn to_tokens(&self, tokens: &mut TokenStream);

    /// The tokens for `self`, in a new stream.
    #[unstable(feature = "proc_macro_totokens", issue = "130977")]
    fn to_token_stream(&self) -> TokenStream {
        let mut tokens = TokenStream::new();
        self.to_tokens(&mut tokens);
        tokens
    }

    /// The tokens for `self`, in a new stream, consuming `self`.
    #[unstable(feature = "proc_macro_totokens", issue = "130977")]
    fn into_token_stream(self) -> TokenStream
    where
        Self: Sized,
    {
        self.to_token_stream()
    }
}

#[unstable(feature = "proc_macro_totokens", issue = "130977")]
impl ToTokens for TokenTree {
    fn to_tokens(&self, tokens: &mut TokenStream) {
        tokens.extend_one(self.clone());
    }

    fn into_token_stream(self) -> TokenStream {
        TokenStream::from(self)
    }
}

#[unstable(feature = "proc_macro_totokens", issue = "130977")]
impl ToTokens for TokenStream {
    fn to_tokens(&self, tokens: &mut TokenStream) {
        tokens.extend([self.clone()]);
    }

    fn into_token_stream(self) -> TokenStream {
        self
    }
}

macro_rules! tree_to_tokens {
    ($($t:ident)*) => {$(
        #[unstable(feature = "proc_macro_totokens", issue = "130977")]
        impl ToTokens for $t {
            fn to_tokens(&self, tokens: &mut TokenStream) {
                tokens.extend_one(TokenTree::from(self.clone()));
            }
        }
    )*};
}

tree_to_tokens!(Literal Ident Punct Group);

macro_rules! deref_to_tokens {
    ($($ptr:ty),*) => {$(
        #[unstable(feature = "proc_macro_totokens", issue = "130977")]
        impl<T: ToTokens + ?Sized> ToTokens for $ptr {
            fn to_tokens(&self, tokens: &mut TokenStream) {
                (**self).to_tokens(tokens)
            }
        }
    )*};
}

deref_to_tokens!(&T, &mut T, Box<T>, Rc<T>);

#[unstable(feature = "proc_macro_totokens", issue = "130977")]
impl<T: ToTokens + ToOwned + ?Sized> ToTokens for Cow<'_, T> {
    fn to_tokens(&self, tokens: &mut TokenStream) {
        (**self).to_tokens(tokens)
    }
}

#[unstable(feature = "proc_macro_totokens", issue = "130977")]
impl<T: ToTokens> ToTokens for Option<T> {
    fn to_tokens(&self, tokens: &mut TokenStream) {
        if let Some(t) = self {
            t.to_tokens(tokens);
        }
    }
}

// Numbers become suffixed literals, so the type survives interpolation.
macro_rules! number_to_tokens {
    ($($t:ident => $ctor:ident,)*) => {$(
        #[unstable(feature = "proc_macro_totokens", issue = "130977")]
        impl ToTokens for $t {
            fn to_tokens(&self, tokens: &mut TokenStream) {
                Literal::$ctor(*self).to_tokens(tokens)
            }
        }
    )*};
}

number_to_tokens! {
    u8 => u8_suffixed, u16 => u16_suffixed, u32 => u32_suffixed, u64 => u64_suffixed,
    u128 => u128_suffixed, i8 => i8_suffixed, i16 => i16_suffixed, i32 => i32_suffixed,
    i64 => i64_suffixed, i128 => i128_suffixed, f32 => f32_suffixed, f64 => f64_suffixed,
    usize => usize_suffixed, isize => isize_suffixed,
}

#[unstable(feature = "proc_macro_totokens", issue = "130977")]
impl ToTokens for bool {
    fn to_tokens(&self, tokens: &mut TokenStream) {
        Ident::new(if *self { "true" } else { "false" }, Span::call_site()).to_tokens(tokens)
    }
}

#[unstable(feature = "proc_macro_totokens", issue = "130977")]
impl ToTokens for char {
    fn to_tokens(&self, tokens: &mut TokenStream) {
        Literal::character(*self).to_tokens(tokens)
    }
}

#[unstable(feature = "proc_macro_totokens", issue = "130977")]
impl ToTokens for str {
    fn to_tokens(&self, tokens: &mut TokenStream) {
        Literal::string(self).to_tokens(tokens)
    }
}

#[unstable(feature = "proc_macro_totokens", issue = "130977")]
impl ToTokens for String {
    fn to_tokens(&self, tokens: &mut TokenStream) {
        Literal::string(self).to_tokens(tokens)
    }
}

#[unstable(feature = "proc_macro_totokens", issue = "130977")]
impl ToTokens for CStr {
    fn to_tokens(&self, tokens: &mut TokenStream) {
        Literal::c_string(self).to_tokens(tokens)
    }
}

#[unstable(feature = "proc_macro_totokens", issue = "130977")]
impl ToTokens for CString {
    fn to_tokens(&self, tokens: &mut TokenStream) {
        Literal::c_string(self).to_tokens(tokens)
    }
}
