#!/bin/sh
# Bridge host calls per expansion for the corpus: the examples and the real crates of
# tests/golden.rs on their golden inputs. Prints one line per case: the `expand --stats` line.
#
#   scripts/bridge-stats.sh            (after `cargo build -p cargo-wasmacro`)
#
# Components go to target/fixtures/out/corpus-*.wasm; the guest sysroot and dependencies are
# shared with the tests (target/fixtures).
set -eu
cd "$(dirname "$0")/.."
wasmacro="${WASMACRO:-target/debug/cargo-wasmacro} wasmacro"
fixtures=target/fixtures
export WASMACRO_CACHE_DIR="$fixtures/compiled"
cargo fetch -q --manifest-path tests/fixtures/real-crates/Cargo.toml
registry=$(dirname "$(ls -d "${CARGO_HOME:-$HOME/.cargo}"/registry/src/*/serde_derive-1.0.229 | head -n 1)")

# build NAME MANIFEST [FEATURES]
build() {
    set -- "$1" "$2" "${3:-}"
    if [ -n "$3" ]; then features="--features $3"; else features=""; fi
    # shellcheck disable=SC2086
    if ! $wasmacro build --manifest-path "$2" --target-dir "$fixtures" $features -o "$fixtures/out/corpus-$1.wasm" >"$fixtures/corpus-build.log" 2>&1; then
        cat "$fixtures/corpus-build.log" >&2
        exit 1
    fi
}

# case LABEL NAME --derive|--attr|--bang MACRO INPUT [ARGS]
case_() {
    label=$1 name=$2 flag=$3 macro=$4 input=$5
    shift 5
    stats=$($wasmacro expand --stats --component "$fixtures/out/corpus-$name.wasm" "$flag" "$macro" "$@" "$input" 2>&1 >/dev/null | sed -n 's/^stats: //p')
    printf '%-34s %s\n' "$label" "$stats"
}

g=tests/golden
build derive-plain examples/derive-plain/Cargo.toml
build derive-syn examples/derive-syn/Cargo.toml
build attr-macro examples/attr-macro/Cargo.toml
build bang-macro examples/bang-macro/Cargo.toml
build serde "$registry/serde_derive-1.0.229/Cargo.toml"
build thiserror "$registry/thiserror-impl-2.0.21/Cargo.toml"
build async-trait "$registry/async-trait-0.1.92/Cargo.toml"
build pin-project "$registry/pin-project-internal-1.1.13/Cargo.toml"
build derive-more "$registry/derive_more-impl-2.1.1/Cargo.toml" display,from,into,constructor
build strum "$registry/strum_macros-0.28.0/Cargo.toml"
build clap "$registry/clap_derive-4.6.7/Cargo.toml"
build tokio "$registry/tokio-macros-2.7.2/Cargo.toml"
build tracing "$registry/tracing-attributes-0.1.31/Cargo.toml"
build displaydoc "$registry/displaydoc-0.2.7/Cargo.toml"
build getset "$registry/getset-0.1.7/Cargo.toml"

case_ "derive-plain Describe" derive-plain --derive Describe $g/describe.input.rs
case_ "derive-syn Builder" derive-syn --derive Builder $g/builder.input.rs
case_ "attr-macro #[tag]" attr-macro --attr tag $g/tag.input.rs --args '"network", priority = 3'
case_ "bang-macro hex!" bang-macro --bang hex $g/hex.input.rs
case_ "serde Serialize" serde --derive Serialize $g/serde.input.rs
case_ "serde Deserialize" serde --derive Deserialize $g/serde.input.rs
case_ "thiserror Error" thiserror --derive Error $g/thiserror.input.rs
case_ "async-trait (trait)" async-trait --attr async_trait $g/async-trait-trait.input.rs --args ''
case_ "async-trait (impl)" async-trait --attr async_trait $g/async-trait-impl.input.rs --args ''
case_ "pin-project #[pin_project]" pin-project --attr pin_project $g/pin-project.input.rs --args ''
case_ "pin-project #[pinned_drop]" pin-project --attr pinned_drop $g/pin-project-drop.input.rs --args ''
case_ "derive_more Display" derive-more --derive Display $g/derive-more.input.rs
case_ "derive_more From" derive-more --derive From $g/derive-more.input.rs
for d in EnumString Display EnumIter AsRefStr IntoStaticStr EnumCount; do
    case_ "strum $d" strum --derive $d $g/strum.input.rs
done
case_ "clap Parser" clap --derive Parser $g/clap.input.rs
case_ "clap Subcommand" clap --derive Subcommand $g/clap-subcommand.input.rs
case_ "clap ValueEnum" clap --derive ValueEnum $g/clap-value-enum.input.rs
case_ "tokio #[tokio::main]" tokio --attr main $g/tokio-main.input.rs --args ''
case_ "tracing #[instrument(..)]" tracing --attr instrument $g/tracing.input.rs \
    --args 'skip(password), fields(user.id = id), err, ret, level = "debug"'
case_ "tracing #[instrument] async" tracing --attr instrument $g/tracing-async.input.rs --args ''
case_ "displaydoc Display" displaydoc --derive Display $g/displaydoc.input.rs
for d in Getters CopyGetters MutGetters Setters; do
    case_ "getset $d" getset --derive $d $g/getset.input.rs
done
