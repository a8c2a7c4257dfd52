//! `cargo wasmacro expand`: run one macro of a component on a Rust file and print the result,
//! pretty-printed; diagnostics and errors render like rustc's.

use std::io::Read;
use std::path::PathBuf;

use anyhow::{bail, Context, Result};
use wasmacro_host::standalone::StandaloneBackend;
use wasmacro_host::tokens::{FlatStream, Token};
use wasmacro_host::{Backend, Diagnostic, ExpandError, Kind, Level, Limits, MacroComponent, Sandbox, SubDiagnostic};

use crate::commands::build::{crate_manifest, BuildArgs};
use crate::render;

#[derive(clap::Args, Debug)]
#[command(
    group(clap::ArgGroup::new("source").required(true).args(["component", "krate"])),
    group(clap::ArgGroup::new("which").required(true).args(["derive", "attr", "bang"])),
    after_help = "\
INPUT is the macro's input: for --derive the item (its #[derive(...)] attributes are removed, as rustc does), \
for --attr the item the attribute is on (write the attribute on it, as in #[NAME(ARGS)], or pass --args), \
for --bang what goes between the macro's delimiters.

Examples:
  cargo wasmacro expand --crate examples/derive-syn --derive Builder examples/inputs/builder.rs
  echo '\"de ad\"' | cargo wasmacro expand --component hex.wasm --bang hex -"
)]
pub struct ExpandArgs {
    /// A component built by `cargo wasmacro build`
    #[arg(long, value_name = "FILE")]
    pub component: Option<PathBuf>,
    /// A proc-macro crate (folder or Cargo.toml): built (cached) first
    #[arg(long = "crate", value_name = "PATH")]
    pub krate: Option<PathBuf>,
    /// Expand the derive macro NAME (the trait name)
    #[arg(long, value_name = "NAME")]
    pub derive: Option<String>,
    /// Expand the attribute macro NAME
    #[arg(long, value_name = "NAME")]
    pub attr: Option<String>,
    /// The attribute's arguments, as in #[NAME(ARGS)] [default: those of #[NAME(...)] on the item in
    /// INPUT, with their spans in the file]
    #[arg(long, value_name = "TOKENS", requires = "attr")]
    pub args: Option<String>,
    /// Expand the function-like macro NAME
    #[arg(long, value_name = "NAME")]
    pub bang: Option<String>,
    /// The macro's input: a file, or - for standard input
    #[arg(value_name = "INPUT", default_value = "-")]
    pub input: String,
    /// Print the output as rustc's `TokenStream::to_string()` instead of pretty-printing it
    #[arg(long)]
    pub raw: bool,
    /// Grant the macro an environment variable with this value (std::env::var, tracked_env::var)
    /// [repeatable]
    #[arg(long = "env", value_name = "NAME=VALUE", help_heading = "Sandbox (default: nothing granted)")]
    pub env: Vec<String>,
    /// Grant the macro an environment variable with its value in this process, if set [repeatable]
    #[arg(long = "allow-env", value_name = "NAME", help_heading = "Sandbox (default: nothing granted)")]
    pub allow_env: Vec<String>,
    /// Let the macro read files below DIR, at the same path [repeatable]
    #[arg(long = "allow-read", value_name = "DIR", help_heading = "Sandbox (default: nothing granted)")]
    pub allow_read: Vec<PathBuf>,
    /// Give the macro the real clocks [default: stopped at 1970-01-01]
    #[arg(long, help_heading = "Sandbox (default: nothing granted)")]
    pub real_clock: bool,
    /// Give the macro fresh randomness [default: a fixed seed, for reproducible output]
    #[arg(long, help_heading = "Sandbox (default: nothing granted)")]
    pub real_random: bool,
    /// Limit the expansion to this much fuel (about one unit per wasm instruction): a
    /// deterministic bound, but the wasm runs slower [default: no fuel limit]
    #[arg(long, value_name = "UNITS")]
    pub fuel: Option<u64>,
    /// Wall-clock limit for the expansion, in seconds [default: 60]
    #[arg(long, value_name = "SECS")]
    pub deadline_secs: Option<f64>,
    /// Let the macro's prints to stdout/stderr through
    #[arg(long)]
    pub show_output: bool,
    /// Print to standard error what crossed the bridge during the expansion: host calls per
    /// bridge function, and tokens and bytes of text in each direction
    #[arg(long)]
    pub stats: bool,
    /// With --crate: build with the release profile
    #[arg(long)]
    pub release: bool,
    /// With --crate: directory for generated artifacts
    #[arg(long, value_name = "DIR")]
    pub target_dir: Option<PathBuf>,
}

impl ExpandArgs {
    pub fn exec(self) -> Result<()> {
        let component_path = match (&self.component, &self.krate) {
            (Some(path), _) => path.clone(),
            (None, Some(krate)) => {
                let build = BuildArgs { manifest_path: Some(crate_manifest(krate)), release: self.release, target_dir: self.target_dir.clone(), ..Default::default() };
                build.build()?.component
            }
            (None, None) => unreachable!("clap requires one"),
        };
        let (file_name, local_path, source) = self.read_input()?;
        let load = if self.fuel.is_some() { MacroComponent::from_file_metered } else { MacroComponent::from_file };
        let component = load(&component_path).with_context(|| format!("loading {}", component_path.display()))?;

        let mut backend = StandaloneBackend::new(&file_name, &source);
        if let Some(path) = &local_path {
            backend = backend.with_local_path(path);
        }
        let mut sandbox = Sandbox {
            inherit_stdio: self.show_output,
            real_clocks: self.real_clock,
            real_randomness: self.real_random,
            ..Sandbox::default()
        };
        for (name, value) in self.granted_env()? {
            backend = backend.with_env(&name, &value);
            sandbox.grant_env(&name, &value);
        }
        for dir in &self.allow_read {
            sandbox.grant_read_dir(dir).with_context(|| format!("--allow-read {}", dir.display()))?;
        }
        let input = backend.lex_file();
        let spans = backend.expansion_spans();
        let (kind, name) = match (&self.derive, &self.attr, &self.bang) {
            (Some(n), _, _) => (Kind::Derive, n.clone()),
            (_, Some(n), _) => (Kind::Attribute, n.clone()),
            (_, _, Some(n)) => (Kind::Function, n.clone()),
            _ => unreachable!("clap requires one"),
        };
        let input = match input {
            Ok(tokens) if kind == Kind::Derive => strip_derive_attributes(tokens),
            Ok(tokens) => tokens,
            Err(_) => return report(&mut backend, None, Some("could not read the macro input")),
        };
        let (input, attribute_input) = match &self.args {
            Some(args) => (input, Some(backend.parse(args).map_err(|e| anyhow::anyhow!("--args {args:?}: {e}"))?)),
            // The attribute written on the item in the file: its arguments keep their spans.
            None if kind == Kind::Attribute => match take_attribute(&input, &name) {
                Some((item, args)) => (item, Some(args)),
                None => (input, Some(Vec::new())),
            },
            None => (input, None),
        };
        let first_token_span = first_span(&input).unwrap_or(spans.call_site);

        let mut limits = Limits::default();
        limits.fuel = self.fuel;
        if let Some(secs) = self.deadline_secs {
            limits.deadline = Some(std::time::Duration::try_from_secs_f64(secs).context("--deadline-secs")?);
        }
        let max_text_bytes = limits.max_text_bytes;
        let mut instance = component.instantiate(Box::new(backend), &sandbox, limits)?;
        let result = instance.expand(kind, &name, input, attribute_input, spans);
        if self.stats {
            eprintln!("stats: {}", instance.last_expansion_stats());
        }
        let backend = instance.backend::<StandaloneBackend>().expect("we gave it a StandaloneBackend");
        match result {
            Ok(output) => {
                let printed = backend.print_bounded(&output, max_text_bytes).context("the macro's output is too large to print")?;
                for diagnostic in compile_errors(backend, &output) {
                    backend.emit_diagnostic(diagnostic);
                }
                if self.raw {
                    println!("{printed}");
                } else if !printed.is_empty() && nesting_depth(&output) > 64 {
                    // syn recurses on nesting: leave absurdly deep output as printed.
                    println!("{printed}");
                } else if !printed.is_empty() {
                    println!("{}", pretty(&printed));
                }
                report(backend, None, None)
            }
            Err(ExpandError::Panicked(message)) => {
                let children = message
                    .map(|m| vec![SubDiagnostic { level: Level::Help, message: format!("message: {m}"), spans: vec![] }])
                    .unwrap_or_default();
                let diagnostic = Diagnostic { level: Level::Error, message: "proc macro panicked".into(), spans: vec![first_token_span], children };
                report(backend, Some(diagnostic), None)
            }
            Err(other) => Err(other.into()),
        }
    }

    /// `--env NAME=VALUE` and `--allow-env NAME` (the latter only when set here).
    fn granted_env(&self) -> Result<Vec<(String, String)>> {
        let mut granted = Vec::new();
        for grant in &self.env {
            let (name, value) = grant.split_once('=').with_context(|| format!("--env {grant}: expected NAME=VALUE"))?;
            granted.push((name.to_string(), value.to_string()));
        }
        for name in &self.allow_env {
            if let Ok(value) = std::env::var(name) {
                granted.push((name.clone(), value));
            }
        }
        Ok(granted)
    }

    fn read_input(&self) -> Result<(String, Option<String>, String)> {
        if self.input == "-" {
            let mut text = String::new();
            std::io::stdin().read_to_string(&mut text).context("reading the macro input from standard input")?;
            return Ok(("<stdin>".into(), None, text));
        }
        let text = std::fs::read_to_string(&self.input).with_context(|| format!("reading {}", self.input))?;
        let local = std::path::absolute(&self.input)?.display().to_string();
        Ok((self.input.clone(), Some(local), text))
    }
}

/// Renders collected diagnostics (and `extra`) on stderr; fails if any is an error.
fn report(backend: &mut StandaloneBackend, extra: Option<Diagnostic>, failure: Option<&str>) -> Result<()> {
    let mut errors = 0;
    let diagnostics: Vec<Diagnostic> = backend.diagnostics().iter().cloned().chain(extra).collect();
    for diagnostic in &diagnostics {
        let rendered = render::diagnostic(backend.span_table(), diagnostic);
        eprintln!("{}\n", rendered.text);
        errors += rendered.is_error as usize;
    }
    // What the sandbox denied, where the host can see it (tracked_env::var goes through the bridge;
    // std::env and std::fs are answered inside the guest's WASI and only fail there).
    let mut denied: Vec<&str> = backend.tracked_env().iter().filter(|(_, v)| v.is_none()).map(|(n, _)| n.as_str()).collect();
    denied.dedup();
    for name in &denied {
        eprintln!("note: the macro asked for the environment variable `{name}`, which was not granted; grant it with `--env {name}=VALUE` or `--allow-env {name}`\n");
    }
    if failure.is_some() || errors > 0 {
        eprintln!(
            "note: macros run without files, environment variables, clock or randomness unless granted \
             (--env, --allow-env, --allow-read, --real-clock, --real-random)\n"
        );
    }
    if let Some(failure) = failure {
        bail!("{failure}");
    }
    if errors > 0 {
        bail!("the expansion failed with {errors} error{}", if errors == 1 { "" } else { "s" });
    }
    Ok(())
}

/// `#[derive(...)]` attributes of the item are not part of a derive's input.
fn strip_derive_attributes(tokens: FlatStream) -> FlatStream {
    let mut out = Vec::with_capacity(tokens.len());
    let mut index = 0;
    while index < tokens.len() {
        if let (Token::Punct(p), Some(Token::Group(g)), Some(Token::Ident(i))) = (&tokens[index], tokens.get(index + 1), tokens.get(index + 2)) {
            if p.ch == '#' && g.delimiter == wasmacro_host::tokens::Delimiter::Bracket && i.name == "derive" && !i.is_raw {
                index += 2 + g.len as usize;
                continue;
            }
        }
        // Keep groups whole: only top-level attributes belong to the item.
        let len = match &tokens[index] {
            Token::Group(g) => 1 + g.len as usize,
            _ => 1,
        };
        out.extend_from_slice(&tokens[index..index + len]);
        index += len;
    }
    out
}

/// Finds the outer attribute `#[name(args)]` (or `#[path::to::name(args)]`, or `#[name]`) among
/// the item's leading attributes and returns the item without it, and the arguments.
fn take_attribute(tokens: &[Token], name: &str) -> Option<(FlatStream, FlatStream)> {
    let mut index = 0;
    while let (Some(Token::Punct(hash)), Some(Token::Group(group))) = (tokens.get(index), tokens.get(index + 1)) {
        if hash.ch != '#' || group.delimiter != wasmacro_host::tokens::Delimiter::Bracket {
            break;
        }
        let body = &tokens[index + 2..index + 2 + group.len as usize];
        // The path: idents joined by `::`.
        let mut path = String::new();
        let mut at = 0;
        while let Some(token) = body.get(at) {
            match token {
                Token::Ident(ident) => path.push_str(&ident.name),
                Token::Punct(p) if p.ch == ':' => path.push(':'),
                _ => break,
            }
            at += 1;
        }
        let matches = path == name || path.rsplit("::").next() == Some(name);
        let args = match body.get(at) {
            None => Some(Vec::new()),
            Some(Token::Group(args)) if args.delimiter == wasmacro_host::tokens::Delimiter::Parenthesis && at + 1 + args.len as usize == body.len() => {
                Some(body[at + 1..].to_vec())
            }
            _ => None,
        };
        if let (true, Some(args)) = (matches, args) {
            let mut item = tokens[..index].to_vec();
            item.extend_from_slice(&tokens[index + 2 + group.len as usize..]);
            return Some((item, args));
        }
        index += 2 + group.len as usize;
    }
    None
}

fn first_span(tokens: &[Token]) -> Option<u32> {
    tokens.first().map(|t| match t {
        Token::Group(g) => g.entire,
        Token::Ident(i) => i.span,
        Token::Punct(p) => p.span,
        Token::Literal(l) => l.span,
    })
}

/// rustc reports a `compile_error!("...")` in a macro's output at the invocation's span.
fn compile_errors(backend: &mut StandaloneBackend, output: &[Token]) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    for (index, token) in output.iter().enumerate() {
        let (Token::Ident(ident), Some(Token::Punct(bang)), Some(Token::Group(group))) = (token, output.get(index + 1), output.get(index + 2)) else {
            continue;
        };
        if ident.name != "compile_error" || bang.ch != '!' {
            continue;
        }
        let Some(Token::Literal(lit)) = output.get(index + 3) else { continue };
        let message = syn::parse_str::<syn::LitStr>(&format!("\"{}\"", lit.symbol)).map(|l| l.value()).unwrap_or_else(|_| lit.symbol.clone());
        let span = backend.span_join(ident.span, group.close).unwrap_or(ident.span);
        found.push(Diagnostic { level: Level::Error, message, spans: vec![span], children: vec![] });
    }
    found
}

/// Pretty-prints items with prettyplease; other output (an expression, say) stays as printed.
fn pretty(printed: &str) -> String {
    match syn::parse_file(printed) {
        Ok(file) => prettyplease::unparse(&file).trim_end().to_string(),
        Err(_) => printed.to_string(),
    }
}

/// The deepest group nesting of a stream.
fn nesting_depth(tokens: &[Token]) -> usize {
    let mut ends: Vec<usize> = Vec::new();
    let mut deepest = 0;
    for (index, token) in tokens.iter().enumerate() {
        while ends.last() == Some(&index) {
            ends.pop();
        }
        if let Token::Group(g) = token {
            ends.push(index + 1 + g.len as usize);
            deepest = deepest.max(ends.len());
        }
    }
    deepest
}
