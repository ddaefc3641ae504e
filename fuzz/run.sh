#!/usr/bin/env bash
# Every fuzz target under libFuzzer (cargo-fuzz on the nightly toolchain),
# each for SECONDS (default 60), from the seeds in tests/fixtures and assets/
# (built by scripts/setup.sh). New inputs go to target/fuzz-corpus/<target>,
# never into the fixtures; a crash is left in fuzz/artifacts/<target>/.
#
#   bash fuzz/run.sh [SECONDS] [TARGET...]
#
# FUZZ_SANITIZER=address adds AddressSanitizer (slower; the code is safe Rust).
# Needs `cargo install cargo-fuzz` and `rustc +nightly`; the stable smoke run
# of the same targets is `cargo test -p dateline-checks --test fuzz_smoke`.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  mapfile -t targets < <(sed -n 's/^name = "\(.*\)"$/\1/p' fuzz/Cargo.toml | grep -v '^dateline-fuzz$')
fi
root=$PWD
binaries="$root/target/fuzz-corpus/binaries"
mkdir -p "$binaries"
cp assets/basemap.bin assets/tiles/index.bin "$binaries/"
for t in "${targets[@]}"; do
  corpus="$root/target/fuzz-corpus/$t"
  mkdir -p "$corpus"
  case $t in
    tile_decode | tile_index) seeds=("$binaries" "$root/assets/tiles/4") ;;
    *) seeds=("$root/tests/fixtures") ;;
  esac
  echo "== $t ($seconds s)"
  (cd fuzz && cargo +nightly fuzz run --sanitizer "${FUZZ_SANITIZER:-none}" "$t" "$corpus" "${seeds[@]}" -- \
    -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=4096 -report_slow_units=1 \
    -print_final_stats=1 2>&1) | grep -E 'stat::number_of_executed_units|stat::slowest_unit_time_sec|Slowest unit|SUMMARY|panicked|ERROR' || true
done
