//! What crossed the bridge during one expansion: host calls per `wasmacro:bridge` function, and
//! the tokens and text that travelled in each direction. Counting is a handful of integer
//! additions per call, so it is always on.

use std::fmt;

/// A function of `wasmacro:bridge` that a macro component imports (a call from the guest into
/// the host). WASI calls (clocks, random, stdio) are not bridge calls and are not counted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BridgeCall {
    Parse,
    ParseLiteral,
    Print,
    ExpandExpr,
    ValidateIdent,
    SpanDebug,
    SpanSourceText,
    SpanLine,
    SpanColumn,
    SpanFile,
    SpanLocalFile,
    SpanByteRange,
    SpanJoin,
    SpanSubspan,
    SpanResolvedAt,
    SpanParent,
    SpanSource,
    SpanStart,
    SpanEnd,
    SpanEq,
    SaveSpan,
    RecoverProcMacroSpan,
    Emit,
    EnvVar,
    TrackPath,
    RecordPanic,
}

impl BridgeCall {
    /// Every bridge import, in the order of `wit/bridge.wit`.
    pub const ALL: [BridgeCall; 26] = [
        BridgeCall::Parse,
        BridgeCall::ParseLiteral,
        BridgeCall::Print,
        BridgeCall::ExpandExpr,
        BridgeCall::ValidateIdent,
        BridgeCall::SpanDebug,
        BridgeCall::SpanSourceText,
        BridgeCall::SpanLine,
        BridgeCall::SpanColumn,
        BridgeCall::SpanFile,
        BridgeCall::SpanLocalFile,
        BridgeCall::SpanByteRange,
        BridgeCall::SpanJoin,
        BridgeCall::SpanSubspan,
        BridgeCall::SpanResolvedAt,
        BridgeCall::SpanParent,
        BridgeCall::SpanSource,
        BridgeCall::SpanStart,
        BridgeCall::SpanEnd,
        BridgeCall::SpanEq,
        BridgeCall::SaveSpan,
        BridgeCall::RecoverProcMacroSpan,
        BridgeCall::Emit,
        BridgeCall::EnvVar,
        BridgeCall::TrackPath,
        BridgeCall::RecordPanic,
    ];

    /// `interface.function` as the WIT names it, e.g. `tokens.print`, `spans.join`.
    pub fn name(self) -> &'static str {
        match self {
            BridgeCall::Parse => "tokens.parse",
            BridgeCall::ParseLiteral => "tokens.parse-literal",
            BridgeCall::Print => "tokens.print",
            BridgeCall::ExpandExpr => "tokens.expand-expr",
            BridgeCall::ValidateIdent => "tokens.validate-ident",
            BridgeCall::SpanDebug => "spans.debug",
            BridgeCall::SpanSourceText => "spans.source-text",
            BridgeCall::SpanLine => "spans.line",
            BridgeCall::SpanColumn => "spans.column",
            BridgeCall::SpanFile => "spans.file",
            BridgeCall::SpanLocalFile => "spans.local-file",
            BridgeCall::SpanByteRange => "spans.byte-range",
            BridgeCall::SpanJoin => "spans.join",
            BridgeCall::SpanSubspan => "spans.subspan",
            BridgeCall::SpanResolvedAt => "spans.resolved-at",
            BridgeCall::SpanParent => "spans.parent",
            BridgeCall::SpanSource => "spans.source",
            BridgeCall::SpanStart => "spans.start",
            BridgeCall::SpanEnd => "spans.end",
            BridgeCall::SpanEq => "spans.eq",
            BridgeCall::SaveSpan => "spans.save-span",
            BridgeCall::RecoverProcMacroSpan => "spans.recover-proc-macro-span",
            BridgeCall::Emit => "diagnostics.emit",
            BridgeCall::EnvVar => "tracked.env-var",
            BridgeCall::TrackPath => "tracked.path",
            BridgeCall::RecordPanic => "panics.record-panic",
        }
    }
}

/// What crossed the bridge during one expansion ([`MacroInstance::last_expansion_stats`]).
///
/// Tokens are entries of the flat token lists (a group counts once, its body separately); text
/// is the bytes of identifier names, literal symbols and suffixes in those lists, plus strings
/// passed to or returned by `tokens` functions (`parse`'s source, `print`'s result). The
/// expansion's own input and output count too.
///
/// [`MacroInstance::last_expansion_stats`]: crate::MacroInstance::last_expansion_stats
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ExpansionStats {
    calls: [u32; BridgeCall::ALL.len()],
    /// Tokens the host handed to the guest (the input, `parse` and `expand-expr` results).
    pub tokens_to_guest: u64,
    /// Tokens the guest handed to the host (the output, streams passed to `print` and
    /// `expand-expr`).
    pub tokens_from_guest: u64,
    /// Bytes of text handed to the guest.
    pub text_to_guest: u64,
    /// Bytes of text handed to the host.
    pub text_from_guest: u64,
}

impl ExpansionStats {
    /// How many times the guest called `call`.
    pub fn calls(&self, call: BridgeCall) -> u32 {
        self.calls[call as usize]
    }

    /// Host calls of every bridge function together.
    pub fn total_calls(&self) -> u64 {
        self.calls.iter().map(|&n| u64::from(n)).sum()
    }

    /// The functions called at least once, with their counts, in WIT order.
    pub fn by_call(&self) -> impl Iterator<Item = (BridgeCall, u32)> + '_ {
        BridgeCall::ALL.into_iter().map(|call| (call, self.calls(call))).filter(|&(_, n)| n > 0)
    }

    pub(crate) fn count(&mut self, call: BridgeCall) {
        let slot = &mut self.calls[call as usize];
        *slot = slot.saturating_add(1);
    }

    pub(crate) fn to_guest(&mut self, tokens: usize, text: usize) {
        self.tokens_to_guest += tokens as u64;
        self.text_to_guest += text as u64;
    }

    pub(crate) fn from_guest(&mut self, tokens: usize, text: usize) {
        self.tokens_from_guest += tokens as u64;
        self.text_from_guest += text as u64;
    }
}

/// `3 bridge calls (tokens.parse 1, tokens.print 2); to the guest 120 tokens, 800 bytes of
/// text; from the guest 300 tokens, 2000 bytes of text`.
impl fmt::Display for ExpansionStats {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let total = self.total_calls();
        write!(f, "{total} bridge call{}", if total == 1 { "" } else { "s" })?;
        let mut calls = self.by_call().peekable();
        if calls.peek().is_some() {
            f.write_str(" (")?;
            for (i, (call, n)) in calls.enumerate() {
                write!(f, "{}{} {n}", if i > 0 { ", " } else { "" }, call.name())?;
            }
            f.write_str(")")?;
        }
        write!(
            f,
            "; to the guest {} tokens, {} bytes of text; from the guest {} tokens, {} bytes of text",
            self.tokens_to_guest, self.text_to_guest, self.tokens_from_guest, self.text_from_guest
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_call_has_its_own_slot_and_wit_name() {
        for (index, call) in BridgeCall::ALL.into_iter().enumerate() {
            assert_eq!(call as usize, index, "{call:?}");
            let (interface, function) = call.name().split_once('.').unwrap();
            assert!(["tokens", "spans", "diagnostics", "tracked", "panics"].contains(&interface), "{call:?}");
            assert!(!function.is_empty() && !function.contains('_'));
        }
        let wit = include_str!("../../wit/bridge.wit");
        for call in BridgeCall::ALL {
            let function = call.name().split_once('.').unwrap().1;
            assert!(wit.contains(&format!("    {function}: func(")), "{function} is not in bridge.wit");
        }
    }

    #[test]
    fn counts_and_display() {
        let mut stats = ExpansionStats::default();
        assert_eq!(stats.total_calls(), 0);
        assert_eq!(
            stats.to_string(),
            "0 bridge calls; to the guest 0 tokens, 0 bytes of text; from the guest 0 tokens, 0 bytes of text"
        );
        stats.count(BridgeCall::Print);
        stats.count(BridgeCall::Parse);
        stats.count(BridgeCall::Print);
        stats.to_guest(10, 30);
        stats.from_guest(4, 5);
        assert_eq!(stats.calls(BridgeCall::Print), 2);
        assert_eq!(stats.total_calls(), 3);
        assert_eq!(stats.by_call().collect::<Vec<_>>(), [(BridgeCall::Parse, 1), (BridgeCall::Print, 2)]);
        assert_eq!(
            stats.to_string(),
            "3 bridge calls (tokens.parse 1, tokens.print 2); to the guest 10 tokens, 30 bytes of text; \
             from the guest 4 tokens, 5 bytes of text"
        );
    }
}
