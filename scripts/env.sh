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
wasm_release() {
  if [ "${TREATY_MAP_PLAIN_STD:-}" = 1 ]; then "$@"; return; fi
  RUSTC_BOOTSTRAP=1 \
    CARGO_UNSTABLE_BUILD_STD="std panic_abort" \
    CARGO_UNSTABLE_BUILD_STD_FEATURES="optimize_for_size" \
    CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="--cfg erase_components -Zunstable-options -Cpanic=immediate-abort" \
    "$@"
}
