#!/usr/bin/env bash
# Sets up what is missing, then runs every check and test: formatting and
# lints (native and wasm32, the widget and the example app), native tests,
# browser tests (wasm-bindgen-test in headless Chromium), the release build,
# the example Leptos app's build, and the end-to-end tests (Playwright).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh

step() { printf '\n== %s\n' "$*"; }

step "formatting and lints"
cargo fmt --all --check
cargo clippy --workspace --all-targets -- -D warnings
cargo clippy --workspace --target wasm32-unknown-unknown --all-targets -- -D warnings

step "native tests"
cargo test --workspace

step "fuzz smoke run (every fuzz target: its seeds, then 6 s of mutations)"
cargo test -p dateline-checks --test fuzz_smoke -- --nocapture

step "browser tests (wasm-bindgen-test, headless Chromium)"
CHROMEDRIVER=${CHROMEDRIVER:-/usr/bin/chromedriver} \
  cargo test --target wasm32-unknown-unknown -p dateline --test browser --test browser_timeline --test browser_component
CHROMEDRIVER=${CHROMEDRIVER:-/usr/bin/chromedriver} \
  cargo test --target wasm32-unknown-unknown -p dateline-studio --test browser_studio

step "release build"
trunk build --release

step "the example Leptos app (examples/leptos-app)"
(cd examples/leptos-app && trunk build)

step "end-to-end tests (Playwright, headless Chromium)"
node --test --test-concurrency=1 tests/e2e/
