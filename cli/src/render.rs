//! Diagnostics rendered the way rustc renders them (annotate-snippets, rustc's own renderer
//! library): a title, `--> file:line:col`, the source line and an underline, `= help:` notes.

use std::io::IsTerminal;

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use wasmacro_host::standalone::spans::SpanTable;
use wasmacro_host::tokens::SpanId;
use wasmacro_host::{Diagnostic, Level as DiagLevel, SubDiagnostic};

pub struct Rendered {
    pub text: String,
    pub is_error: bool,
}

fn level(l: DiagLevel) -> Level<'static> {
    match l {
        DiagLevel::Error => Level::ERROR,
        DiagLevel::Warning => Level::WARNING,
        DiagLevel::Note => Level::NOTE,
        DiagLevel::Help => Level::HELP,
    }
}

/// A snippet of the span's file with the span underlined, if the span points into real text.
fn snippet<'a>(table: &'a SpanTable, spans: &[SpanId], label: Option<&'a str>) -> Option<Snippet<'a, annotate_snippets::Annotation<'a>>> {
    let first = *spans.first()?;
    let data = table.data(first);
    let file = table.file(data.file);
    let mut snippet = Snippet::source(file.text.as_str()).path(file.name.as_str()).fold(true);
    for (index, span) in spans.iter().enumerate() {
        let d = table.data(*span);
        if d.file != data.file {
            continue;
        }
        let kind = if index == 0 { AnnotationKind::Primary } else { AnnotationKind::Context };
        let mut annotation = kind.span(d.lo as usize..d.hi as usize);
        if index == 0 {
            if let Some(label) = label {
                annotation = annotation.label(label);
            }
        }
        snippet = snippet.annotation(annotation);
    }
    Some(snippet)
}

pub fn diagnostic(table: &SpanTable, diagnostic: &Diagnostic) -> Rendered {
    let mut main = Group::with_title(level(diagnostic.level).primary_title(diagnostic.message.as_str()));
    if let Some(snippet) = snippet(table, &diagnostic.spans, None) {
        main = main.element(snippet);
    }
    // Children without spans are `= help: ...` lines under the main snippet, as in rustc.
    for child in diagnostic.children.iter().filter(|c| c.spans.is_empty()) {
        main = main.element(level(child.level).message(child.message.as_str()));
    }
    let mut groups = vec![main];
    for child in diagnostic.children.iter().filter(|c| !c.spans.is_empty()) {
        groups.push(child_group(table, child));
    }
    Rendered { text: renderer().render(&groups), is_error: diagnostic.level == DiagLevel::Error }
}

fn child_group<'a>(table: &'a SpanTable, child: &'a SubDiagnostic) -> Group<'a> {
    let group = Group::with_title(level(child.level).secondary_title(child.message.as_str()));
    match snippet(table, &child.spans, None) {
        Some(snippet) => group.element(snippet),
        None => group,
    }
}

fn renderer() -> Renderer {
    if std::io::stderr().is_terminal() { Renderer::styled() } else { Renderer::plain() }
}
