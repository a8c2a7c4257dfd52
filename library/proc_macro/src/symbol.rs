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
    /// Symbols interned lately, by the address of the caller's string: `quote!` passes the same
    /// string literals again and again. A hit is compared with the name, so that another string
    /// at a reused address only misses.
    recent: [Option<Symbol>; RECENT],
}

const RECENT: usize = 512;

thread_local! {
    // Initialized at compile time, so that an access does not first check for lazy setup.
    static INTERNER: RefCell<Interner> = const {
        RefCell::new(Interner { ids: HashMap::with_hasher(BuildHasherDefault::new()), names: Vec::new(), recent: [None; RECENT] })
    };
}

fn recent_slot(name: &str) -> usize {
    (name.as_ptr() as usize >> 2 ^ name.len()) % RECENT
}

impl Symbol {
    /// Only names that are identifiers get interned (checked by `Ident::new`, or lexed by the
    /// compiler), so a symbol found here also says that `name` is one.
    pub(crate) fn intern(name: &str) -> Symbol {
        INTERNER.with_borrow_mut(|table| {
            let symbol = match table.ids.get(name) {
                Some(&symbol) => symbol,
                None => {
                    let symbol = Symbol(u32::try_from(table.names.len()).expect("more than 2^32 distinct identifiers"));
                    let name: &'static str = Box::leak(Box::from(name));
                    table.names.push(name);
                    table.ids.insert(name, symbol);
                    symbol
                }
            };
            table.recent[recent_slot(name)] = Some(symbol);
            symbol
        })
    }

    /// The symbol of `name` if it was interned lately from a string at the same address: no
    /// hashing, and (see [`Symbol::intern`]) no need to check the name again.
    pub(crate) fn recent(name: &str) -> Option<Symbol> {
        INTERNER.with_borrow(|table| {
            let symbol = table.recent[recent_slot(name)]?;
            same_text(table.names[symbol.0 as usize].as_bytes(), name.as_bytes()).then_some(symbol)
        })
    }

    pub(crate) fn as_str(self) -> &'static str {
        INTERNER.with_borrow(|table| table.names[self.0 as usize])
    }

    /// The symbol's index in the table, from 0 in the order names were first interned.
    pub(crate) fn index(self) -> usize {
        self.0 as usize
    }

    /// Runs `f` with every name interned so far, indexed by [`Symbol::index`]: one look at the
    /// table for a whole stream rather than one per identifier. `f` must not intern.
    pub(crate) fn with_names<R>(f: impl FnOnce(&[&'static str]) -> R) -> R {
        INTERNER.with_borrow(|table| f(&table.names))
    }
}

/// `a == b`, in a few word loads for an identifier's length. The slice comparison calls
/// `memcmp`, which in wasi-libc takes a byte per turn of its loop, and each turn pays the
/// deadline's epoch check: 180 instructions for a typical name, on every `quote!` identifier
/// (see BENCHMARKS.md).
#[inline]
fn same_text(a: &[u8], b: &[u8]) -> bool {
    let n = a.len();
    if n != b.len() {
        return false;
    }
    let word = |s: &[u8], at: usize| u64::from_le_bytes(s[at..at + 8].try_into().unwrap());
    let half = |s: &[u8], at: usize| u32::from_le_bytes(s[at..at + 4].try_into().unwrap());
    match n {
        // Bytes 0, n / 2 and n - 1 cover every byte of a name this short.
        0..4 => n == 0 || (a[0] == b[0] && a[n / 2] == b[n / 2] && a[n - 1] == b[n - 1]),
        // Two overlapping halves.
        4..8 => half(a, 0) == half(b, 0) && half(a, n - 4) == half(b, n - 4),
        _ => {
            let mut at = 0;
            while at + 8 < n {
                if word(a, at) != word(b, at) {
                    return false;
                }
                at += 8;
            }
            // The last word, overlapping the one before.
            word(a, n - 8) == word(b, n - 8)
        }
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

    #[test]
    fn same_text_agrees_with_slice_equality() {
        // Every length up to three words, and a difference at every position of each.
        let base: Vec<u8> = (0..24u8).map(|i| b'a' + i).collect();
        for n in 0..=base.len() {
            let a = &base[..n];
            assert!(super::same_text(a, &a.to_vec()), "length {n}");
            for at in 0..n {
                let mut b = a.to_vec();
                b[at] = b'_';
                assert!(!super::same_text(a, &b), "length {n}, differing at {at}");
            }
            if n > 0 {
                assert!(!super::same_text(a, &base[..n - 1]), "length {n} against {}", n - 1);
            }
        }
    }

    #[test]
    fn a_recent_symbol_is_found_only_under_its_own_name() {
        let mut name = String::from("recently_made");
        assert_eq!(Symbol::recent(&name), None, "never interned");
        let symbol = Symbol::intern(&name);
        assert_eq!(Symbol::recent(&name), Some(symbol));
        // Another name at the same address (a reused buffer) is not taken for the first.
        name.replace_range(.., "recently_mine");
        assert_eq!(Symbol::recent(&name), None);
        assert_eq!(Symbol::recent(&String::from("recently_made")).unwrap_or(symbol), symbol);
    }
}
