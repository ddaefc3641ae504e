#!/usr/bin/env bash
# Installs what Dateline's build and tests need and skips what is present:
# Debian's chromium, chromium-driver, binaryen (wasm-opt 108), gmt and
# gmt-gshhg-high (for the detail tiles); the wasm32
# target; wasm-bindgen-cli at the exact version in Cargo.lock; Trunk 0.21;
# the npm packages in package-lock.json. Nothing comes from outside crates.io,
# npm and Debian: Trunk runs offline with these tools (see Trunk.toml).
set -euo pipefail
cd "$(dirname "$0")/.."

apt_missing=()
command -v chromium >/dev/null || apt_missing+=(chromium)
command -v chromedriver >/dev/null || apt_missing+=(chromium-driver)
command -v wasm-opt >/dev/null || apt_missing+=(binaryen)
# GSHHG shores, lakes, rivers and borders, which the detail tiles are cut from.
command -v gmt >/dev/null || apt_missing+=(gmt)
[ -d /usr/share/gmt-gshhg ] || apt_missing+=(gmt-gshhg-high)
if ((${#apt_missing[@]})); then
  echo "setup: installing ${apt_missing[*]} from Debian"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo=sudo
  $sudo apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${apt_missing[@]}"
fi

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  rustup target add wasm32-unknown-unknown
fi

wanted_bindgen=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print }' Cargo.lock)
if ! grep -q "^wasm_bindgen = \"$wanted_bindgen\"" Trunk.toml; then
  echo "setup: Trunk.toml [tools] wasm_bindgen must equal Cargo.lock's wasm-bindgen ($wanted_bindgen)" >&2
  exit 1
fi
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{ print $2 }')" != "$wanted_bindgen" ]; then
  echo "setup: installing wasm-bindgen-cli $wanted_bindgen"
  # --locked does not build for this crate; the version is pinned exactly instead.
  cargo install wasm-bindgen-cli --version "$wanted_bindgen"
fi
if ! trunk --version 2>/dev/null | grep -q '^trunk 0\.21\.'; then
  echo "setup: installing trunk 0.21 (0.22 needs a newer rustc)"
  cargo install trunk --version '~0.21' --locked
fi

if ! npm ls --silent >/dev/null 2>&1; then
  npm ci --no-audit --no-fund
fi
# The drafter's place index, built from the npm packages (about a minute).
if [ ! -s assets/gazetteer.tsv ] || [ tools/gazetteer/build.mjs -nt assets/gazetteer.tsv ] || [ tools/gazetteer/names.mjs -nt assets/gazetteer.tsv ] || [ tools/gazetteer/aliases.tsv -nt assets/gazetteer.tsv ]; then
  node tools/gazetteer/build.mjs
fi
# The detail basemap's tiles (crates/dateline-core/src/tiles/): GSHHG through gmt, GeoNames and
# Natural Earth from the npm packages; about 20 s once the builder is compiled.
tiles_sources="tools/tiles/sources.mjs crates/dateline-core/src/tiles crates/dateline-core/src/bin/dateline-tiles.rs crates/dateline-core/src/basemap/format.rs"
if [ ! -s assets/tiles/index.bin ] || [ -n "$(find $tiles_sources -newer assets/tiles/index.bin | head -1)" ]; then
  echo "setup: building the detail tiles"
  node tools/tiles/sources.mjs target/tiles-src
  cargo run --quiet --release --bin dateline-tiles -- target/tiles-src assets/tiles
fi
