#!/bin/sh
# Builds the WebAssembly bundles besides the reader's into Trunk's staging
# directory, with the same local tools Trunk uses (wasm-bindgen at
# Cargo.lock's version, wasm-opt), because Trunk 0.21 builds one bundle per
# page. Run by Trunk as a post_build hook (Trunk.toml), so `trunk build` and
# `trunk serve` make them:
# - dateline-import: the importers (StoryMapJS, spreadsheets), which the
#   reader loads only for such a story (crates/dateline-story/src/import/wire.rs);
# - studio: Dateline Studio's page (studio.html).
set -eu
out=${TRUNK_STAGING_DIR:?run by Trunk as a post_build hook}
target=${CARGO_TARGET_DIR:-target}
if [ "${TRUNK_PROFILE:-debug}" = release ]; then
  profile=--release
  dir="$target/wasm32-unknown-unknown/release"
else
  profile=
  dir="$target/wasm32-unknown-unknown/debug"
fi
# Each its own crate (crates/dateline-import, crates/dateline-studio), so
# neither links the reader's JavaScript API.
cargo build --quiet $profile --target wasm32-unknown-unknown -p dateline-import --bin dateline-import
cargo build --quiet $profile --target wasm32-unknown-unknown -p dateline-studio --bin dateline-studio
bundle() { # bin out-name
  wasm-bindgen --target web --weak-refs --no-typescript --out-dir "$out" --out-name "$2" "$dir/$1.wasm"
  if [ "${TRUNK_PROFILE:-debug}" = release ]; then
    wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
      --enable-mutable-globals --enable-multivalue -o "$out/$2_bg.wasm" "$out/$2_bg.wasm"
    node tools/fix-wasm-table-export.mjs "$out/$2_bg.wasm"
  fi
}
bundle dateline-import dateline-import
bundle dateline-studio studio
cp studio.html assets/studio.css assets/studio-boot.js "$out/"
# The place names the drafter resolves against, fetched only when a draft is asked for.
cp assets/gazetteer.tsv "$out/gazetteer.tsv"
# The detail tiles (scripts/setup.sh builds them); without them the reader
# draws the embedded world outlines only.
if [ -s assets/tiles/index.bin ]; then
  rm -rf "$out/tiles"
  cp -R assets/tiles "$out/tiles"
else
  echo "build-bundles: assets/tiles is missing (run scripts/setup.sh): the map will show no detail" >&2
fi
