#!/bin/sh
# Builds Dateline Studio (studio.html) into Trunk's staging directory: a
# second WebAssembly bundle, from the `dateline-studio` binary, with the same
# local tools Trunk uses (wasm-bindgen at Cargo.lock's version, wasm-opt),
# because Trunk 0.21 builds one bundle per page. Run by Trunk as a
# post_build hook (Trunk.toml), so `trunk build` and `trunk serve` make it.
set -eu
out=${TRUNK_STAGING_DIR:?run by Trunk as a post_build hook}
target=${CARGO_TARGET_DIR:-target}
if [ "${TRUNK_PROFILE:-debug}" = release ]; then
  cargo build --quiet --release --target wasm32-unknown-unknown --bin dateline-studio
  wasm="$target/wasm32-unknown-unknown/release/dateline-studio.wasm"
else
  cargo build --quiet --target wasm32-unknown-unknown --bin dateline-studio
  wasm="$target/wasm32-unknown-unknown/debug/dateline-studio.wasm"
fi
wasm-bindgen --target web --weak-refs --no-typescript --out-dir "$out" --out-name studio "$wasm"
if [ "${TRUNK_PROFILE:-debug}" = release ]; then
  wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals --enable-multivalue -o "$out/studio_bg.wasm" "$out/studio_bg.wasm"
  node tools/fix-wasm-table-export.mjs "$out/studio_bg.wasm"
fi
cp studio.html assets/studio.css assets/studio-boot.js "$out/"
# The place names the drafter resolves against, fetched only when a draft is asked for.
cp assets/gazetteer.tsv "$out/gazetteer.tsv"
