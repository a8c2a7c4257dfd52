//! Interned identifier names.
//!
//! Macros make and clone identifiers more than any other token (`syn` clones each one it
//! parses, `quote!` makes one per name in its template). With the name in a reference-counted
//! string, each made one cost an allocation and each dropped one a free in the guest's
//! allocator; interned, an `Ident` is plain data and a name seen before costs a table lookup.
//! Names stay for the life of the instance, as rustc keeps its symbols for a whole session.

use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// An identifier's name (NFC-normalized, without `r#`) in this instance's table.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) struct Symbol(u32);

impl std::fmt::Debug for Symbol {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self.as_str(), f)
    }
}

struct Interner {
    ids: HashMap<&'static str, Symbol, BuildHasherDefault<NameHasher>>,
    names: Vec<&'static str>,
}

thread_local! {
    // Initialized at compile time, so that an access does not first check for lazy setup.
    static INTERNER: RefCell<Interner> = const {
        RefCell::new(Interner { ids: HashMap::with_hasher(BuildHasherDefault::new()), names: Vec::new() })
    };
}

impl Symbol {
    pub(crate) fn intern(name: &str) -> Symbol {
        INTERNER.with_borrow_mut(|table| {
            if let Some(&symbol) = table.ids.get(name) {
                return symbol;
            }
            let symbol = Symbol(u32::try_from(table.names.len()).expect("more than 2^32 distinct identifiers"));
            let name: &'static str = Box::leak(Box::from(name));
            table.names.push(name);
            table.ids.insert(name, symbol);
            symbol
        })
    }

    pub(crate) fn as_str(self) -> &'static str {
        INTERNER.with_borrow(|table| table.names[self.0 as usize])
    }
}

/// A multiply-rotate hash over 8-byte words: identifiers are short, and the table is private
/// to the instance, so the flooding resistance of the default hasher buys nothing here.
#[derive(Default)]
struct NameHasher(u64);

impl NameHasher {
    const SEED: u64 = 0x9e37_79b9_7f4a_7c15;

    fn mix(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(Self::SEED);
    }
}

impl Hasher for NameHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            self.mix(u64::from_le_bytes(chunk.try_into().unwrap()));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.mix(u64::from_le_bytes(word));
        }
    }

    fn write_u8(&mut self, byte: u8) {
        self.mix(u64::from(byte));
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::Symbol;

    #[test]
    fn same_name_same_symbol() {
        let a = Symbol::intern("serde");
        let b = Symbol::intern(&String::from("serde"));
        let c = Symbol::intern("serde_json");
        assert!(a == b && a != c);
        assert_eq!((a.as_str(), c.as_str()), ("serde", "serde_json"));
        // Names that differ only past the first word, or by length, are told apart.
        let long = Symbol::intern("a_rather_long_identifier_1");
        assert!(long != Symbol::intern("a_rather_long_identifier_2"));
        assert!(Symbol::intern("ab") != Symbol::intern("ab\0"));
    }
}
