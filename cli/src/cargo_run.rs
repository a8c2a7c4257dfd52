//! Runs cargo as a child process with `--message-format json-render-diagnostics`: cargo renders
//! errors and progress on stderr exactly as it would for the user, and we read the artifacts
//! from its JSON stream on stdout.

use std::io::BufReader;
use std::process::{Command, Stdio};

use anyhow::{bail, Context, Result};
use cargo_metadata::{Artifact, Message};

/// Runs `cmd` (a cargo command without `--message-format`) and returns its compiler artifacts.
pub fn run(mut cmd: Command, what: &str) -> Result<Vec<Artifact>> {
    cmd.arg("--message-format").arg("json-render-diagnostics");
    cmd.stdout(Stdio::piped()).stderr(Stdio::inherit());
    let mut child = cmd.spawn().with_context(|| format!("starting {cmd:?}"))?;
    let stdout = child.stdout.take().unwrap();
    let mut artifacts = Vec::new();
    for message in Message::parse_stream(BufReader::new(stdout)) {
        match message? {
            Message::CompilerArtifact(artifact) => artifacts.push(artifact),
            // Build-script output and rendered text are already on the user's terminal.
            Message::TextLine(line) if !line.trim().is_empty() => println!("{line}"),
            _ => {}
        }
    }
    let status = child.wait()?;
    if !status.success() {
        bail!("{what} failed (cargo's messages are above)");
    }
    Ok(artifacts)
}
