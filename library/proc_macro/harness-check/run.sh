#!/usr/bin/env bash
# Native compile checks of the library against rustc's proc-macro harness:
#  1. a derive (with helper), an attribute and a bang macro: the harness's `ProcMacro` consts;
#  2. unstable items with their feature gates (incl. the built-in `quote!` against our crate);
#  3. the same items without the gates must fail with E0658, as with the native library.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
lib="$here/.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

(cd "$lib" && cargo +nightly build --quiet)
deps="${CARGO_TARGET_DIR:-$lib/target}/debug"
compile() {
    rustc +nightly --edition 2021 --crate-type proc-macro \
        --extern proc_macro="$deps/libproc_macro.rlib" -L dependency="$deps/deps" \
        --out-dir "$out" "$@"
}

compile "$here/macros.rs"
echo "ok: harness accepts derive/attribute/bang declarations"
compile "$here/gated.rs"
echo "ok: gated unstable API (and built-in quote!) compiles"
if compile "$here/ungated.rs" 2>"$out/ungated.err"; then
    echo "FAIL: unstable API compiled without feature gates" >&2
    exit 1
fi
n=$(grep -c '^error\[E0658\]' "$out/ungated.err" || true)
if [ "$n" != 4 ]; then
    cat "$out/ungated.err" >&2
    echo "FAIL: expected 4 E0658 errors, got $n" >&2
    exit 1
fi
echo "ok: ungated unstable API is refused (E0658 x4)"
