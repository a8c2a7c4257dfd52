//! Post-link step: store the address of the harness's `DECLS` static into the library's slot.
//!
//! wasm-ld exports both data symbols as immutable globals holding their addresses. We append one
//! active data segment that writes the `DECLS` address into the slot when the instance starts
//! (segments apply in order, so it lands after the slot's own initial value), and drop the two
//! exports again: they are not part of the component's interface.

use anyhow::{bail, Context, Result};
use wasm_encoder::{ExportKind, ExportSection, Module, RawSection};
use wasmparser::{ExternalKind, Operator, Parser, Payload, TypeRef};

use crate::link::{DECLS_PREFIX, DECLS_SLOT};

pub fn patch(module: &[u8]) -> Result<Vec<u8>> {
    let mut imported_globals = 0u32;
    let mut global_values: Vec<Option<i32>> = Vec::new();
    let mut exports = Vec::new();
    for payload in Parser::new(0).parse_all(module) {
        match payload? {
            Payload::ImportSection(reader) => {
                for import in reader {
                    if matches!(import?.ty, TypeRef::Global(_)) {
                        imported_globals += 1;
                    }
                }
            }
            Payload::GlobalSection(reader) => {
                for global in reader {
                    let mut ops = global?.init_expr.get_operators_reader();
                    global_values.push(match ops.read()? {
                        Operator::I32Const { value } => Some(value),
                        _ => None,
                    });
                }
            }
            Payload::ExportSection(reader) => {
                for export in reader {
                    let export = export?;
                    exports.push((export.name.to_string(), export.kind, export.index));
                }
            }
            _ => {}
        }
    }
    let address_of = |wanted: &dyn Fn(&str) -> bool, what: &str| -> Result<u32> {
        let (_, _, index) = exports
            .iter()
            .find(|(name, kind, _)| *kind == ExternalKind::Global && wanted(name))
            .with_context(|| format!("the linked module does not export {what}"))?;
        let local = index.checked_sub(imported_globals).context("address global is imported")?;
        let value = global_values.get(local as usize).copied().flatten();
        value.map(|v| v as u32).with_context(|| format!("{what} is not a constant address"))
    };
    let decls = address_of(&|n| n.starts_with(DECLS_PREFIX), "the proc-macro declarations (DECLS)")?;
    let slot = address_of(&|n| n == DECLS_SLOT, &format!("`{DECLS_SLOT}` (is the guest proc_macro library linked?)"))?;

    let mut out = Module::new();
    let mut saw_data = false;
    for payload in Parser::new(0).parse_all(module) {
        let payload = payload?;
        let Some((id, range)) = payload.as_section() else { continue };
        let body = &module[range];
        match payload {
            Payload::ExportSection(_) => {
                let mut section = ExportSection::new();
                for (name, kind, index) in &exports {
                    if name == DECLS_SLOT || name.starts_with(DECLS_PREFIX) {
                        continue;
                    }
                    section.export(name, ExportKind::from(*kind), *index);
                }
                out.section(&section);
            }
            Payload::DataCountSection { count, .. } => {
                let mut data = Vec::new();
                leb_u32(&mut data, count + 1);
                out.section(&RawSection { id, data: &data });
            }
            Payload::DataSection(reader) => {
                saw_data = true;
                let mut data = Vec::new();
                leb_u32(&mut data, reader.count() + 1);
                data.extend_from_slice(&body[leb_len(body)?..]);
                push_slot_segment(&mut data, slot, decls);
                out.section(&RawSection { id, data: &data });
            }
            _ => {
                out.section(&RawSection { id, data: body });
            }
        }
    }
    if !saw_data {
        bail!("the linked module has no data section to patch");
    }
    Ok(out.finish())
}

/// An active segment for memory 0 at `i32.const slot` holding `value` (little endian).
fn push_slot_segment(data: &mut Vec<u8>, slot: u32, value: u32) {
    data.push(0x00);
    data.push(0x41); // i32.const
    leb_i32(data, slot as i32);
    data.push(0x0b); // end
    leb_u32(data, 4);
    data.extend_from_slice(&value.to_le_bytes());
}

fn leb_u32(out: &mut Vec<u8>, mut value: u32) {
    loop {
        let byte = (value & 0x7f) as u8;
        value >>= 7;
        if value == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

fn leb_i32(out: &mut Vec<u8>, mut value: i32) {
    loop {
        let byte = (value & 0x7f) as u8;
        value >>= 7;
        let done = (value == 0 && byte & 0x40 == 0) || (value == -1 && byte & 0x40 != 0);
        if done {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

fn leb_len(bytes: &[u8]) -> Result<usize> {
    bytes.iter().position(|b| b & 0x80 == 0).map(|p| p + 1).context("truncated LEB128")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signed_leb_matches_the_spec_examples() {
        let enc = |v| {
            let mut out = Vec::new();
            leb_i32(&mut out, v);
            out
        };
        assert_eq!(enc(0), [0x00]);
        assert_eq!(enc(63), [0x3f]);
        assert_eq!(enc(64), [0xc0, 0x00]);
        assert_eq!(enc(-1), [0x7f]);
        assert_eq!(enc(1048576), [0x80, 0x80, 0xc0, 0x00]);
    }
}
