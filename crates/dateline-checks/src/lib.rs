//! Checks across Dateline's pure crates. Its one test, `fuzz_smoke`, runs
//! every fuzz target of `fuzz/src/lib.rs` on stable for a few seconds each
//! (`cargo test --release -p dateline-checks --test fuzz_smoke`); the
//! targets live beside the libFuzzer crate, which shares them by path.
