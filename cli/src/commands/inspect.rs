//! `cargo wasmacro inspect`: the macros a component declares and the bridge version it speaks.

use std::path::PathBuf;

use anyhow::{Context, Result};
use wasmacro_host::standalone::StandaloneBackend;
use wasmacro_host::{Kind, Limits, MacroComponent, Sandbox};

#[derive(clap::Args, Debug)]
pub struct InspectArgs {
    /// The component file (as written by `cargo wasmacro build`)
    #[arg(value_name = "COMPONENT")]
    pub component: PathBuf,
    /// Print JSON instead of text
    #[arg(long)]
    pub json: bool,
}

impl InspectArgs {
    pub fn exec(self) -> Result<()> {
        let component = MacroComponent::from_file(&self.component)
            .with_context(|| format!("loading {}", self.component.display()))?;
        // Listing runs no macro, so the backend only has to exist.
        let backend = Box::new(StandaloneBackend::new("<inspect>", ""));
        let instance = component
            .instantiate(backend, &Sandbox::default(), Limits::default())
            .context("asking the component for its macros")?;
        if self.json {
            let macros: Vec<_> = instance
                .macros()
                .iter()
                .map(|m| serde_json::json!({ "kind": kind_name(m.kind), "name": m.name, "helpers": m.helpers }))
                .collect();
            let doc = serde_json::json!({ "interface": format!("wasmacro:bridge@{}", component.bridge_version), "macros": macros });
            println!("{}", serde_json::to_string_pretty(&doc)?);
            return Ok(());
        }
        println!("interface: wasmacro:bridge@{}", component.bridge_version);
        println!("macros:");
        for m in instance.macros() {
            let helpers = if m.helpers.is_empty() { String::new() } else { format!(" (helper attributes: {})", m.helpers.join(", ")) };
            println!("  {:<9} {}{}", kind_name(m.kind), m.name, helpers);
        }
        Ok(())
    }
}

pub fn kind_name(kind: Kind) -> &'static str {
    match kind {
        Kind::Derive => "derive",
        Kind::Attribute => "attribute",
        Kind::Function => "function",
    }
}
