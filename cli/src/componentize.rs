//! Turning the linked core module into a component of the `wasmacro:bridge` world.

use anyhow::Result;
use wit_component::{ComponentEncoder, StringEncoding};
use wit_parser::Resolve;

use crate::embedded::BRIDGE_WIT;

/// The core exports the component needs, named as the canonical ABI names them for the
/// `macros` interface of our world, plus `cabi_realloc`.
pub fn core_exports() -> Vec<String> {
    let (resolve, world) = bridge_world().expect("the embedded WIT parses (checked by tests)");
    let mut names = vec!["cabi_realloc".to_string()];
    for (key, item) in &resolve.worlds[world].exports {
        if let wit_parser::WorldItem::Interface { id, .. } = item {
            let iface = resolve.name_world_key(key);
            for func in resolve.interfaces[*id].functions.keys() {
                names.push(format!("{iface}#{func}"));
                names.push(format!("cabi_post_{iface}#{func}"));
            }
        }
    }
    names
}

pub fn bridge_world() -> Result<(Resolve, wit_parser::WorldId)> {
    let mut resolve = Resolve::default();
    let package = resolve.push_str("bridge.wit", BRIDGE_WIT)?;
    let world = resolve.select_world(&[package], Some("proc-macro"))?;
    Ok((resolve, world))
}

/// Embeds our world's type information (so the result does not depend on which sections the
/// linker kept) and encodes the component.
pub fn componentize(mut module: Vec<u8>) -> Result<Vec<u8>> {
    let (resolve, world) = bridge_world()?;
    wit_component::embed_component_metadata(&mut module, &resolve, world, StringEncoding::UTF8)?;
    ComponentEncoder::default().validate(true).module(&module)?.encode()
}

#[cfg(test)]
mod tests {
    #[test]
    fn exports_follow_the_canonical_abi_names() {
        let names = super::core_exports();
        assert!(names.contains(&"wasmacro:bridge/macros@0.2.0#expand".to_string()), "{names:?}");
        assert!(names.contains(&"cabi_post_wasmacro:bridge/macros@0.2.0#list-macros".to_string()), "{names:?}");
    }
}
