# Sourced by the scripts: puts cargo's and npm's tools on PATH.
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"

# The release WebAssembly is built with a standard library compiled for size
# (`optimize_for_size`) and panics that abort without formatting a message:
# 40 KB less gzipped. Both are unstable cargo/rustc options; RUSTC_BOOTSTRAP
# lets the pinned stable 1.95.0 compiler accept them, for this build only
# (native tests and the component tests use the ordinary standard library).
# Needs the rust-src component (rust-toolchain.toml). TREATY_MAP_PLAIN_STD=1
# builds without them.
#
# The release also goes through wasm-split-cli, which needs the linker's
# relocations (--emit-relocs) and rustc's own output, so it runs where trunk
# would call wasm-bindgen: scripts/split/wasm-bindgen goes first on PATH.
# With the `split` feature (`wasm_split_release`) it cuts the distance zones'
# and the extras' code into modules of their own (`split_point!` in
# src/view/later.rs); without, it only drops the relocations.
wasm_release() {
  local flags="--cfg erase_components -Clink-args=--emit-relocs"
  local path="$PWD/scripts/split:$PATH"
  if [ "${TREATY_MAP_PLAIN_STD:-}" = 1 ]; then
    PATH="$path" CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="$flags" "$@"
    return
  fi
  PATH="$path" \
    RUSTC_BOOTSTRAP=1 \
    CARGO_UNSTABLE_BUILD_STD="std panic_abort" \
    CARGO_UNSTABLE_BUILD_STD_FEATURES="optimize_for_size" \
    CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="$flags -Zunstable-options -Cpanic=immediate-abort" \
    "$@"
}

# The split release: the distance zones' code in a module of its own,
# fetched when a distance demand is first switched on, and the downloads' and
# the presentation's in another.
wasm_split_release() {
  wasm_release "$@" --features split
}
