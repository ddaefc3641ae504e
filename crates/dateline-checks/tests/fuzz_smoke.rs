//! The fuzz targets (`fuzz/src/lib.rs`) on stable, in bounded time: each
//! replays its seeds from `tests/fixtures` (and `assets/`, built at setup),
//! then runs mutations of them for a few seconds. A panic fails the test and
//! leaves the input in `target/fuzz-smoke/<target>/` to reproduce it.
//!
//! `DATELINE_FUZZ_SECONDS` sets the time per target (default 6),
//! `DATELINE_FUZZ_SEED` the mutations' seed (default fixed, so a run repeats).
//! For hours of fuzzing with coverage, use libFuzzer: `bash fuzz/run.sh`.

#[path = "../../../fuzz/src/lib.rs"]
#[allow(dead_code)]
mod targets;

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;
use std::time::{Duration, Instant};

use targets::{repo_root, Target, TARGETS};

/// Mutated inputs are kept under this size (a long article is 20 KB).
const MAX_LEN: usize = 64 * 1024;

/// What a structured input is made of, for the mutator to put in.
const TOKENS: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    "\"",
    ",",
    ":",
    "null",
    "true",
    "-0",
    "1e309",
    "-90.0000001",
    "\"\\u0000\"",
    "\u{1f}",
    "<",
    ">",
    "</",
    "<a href=\"",
    "&#x",
    "&amp;",
    "\n",
    "\r\n",
    ";",
    "%",
    "%2",
    "=",
    "&",
    "#",
    "event=",
    ":event=",
    "{z}",
    "🌍",
    "e\u{301}",
    "\u{200f}",
    " of",
    " head of",
    "President ",
    ", ",
    ". ",
    " in ",
    "/TASS/. ",
    "February 30",
    "2019-",
    "BC",
    "type",
    "Feature",
    "FeatureCollection",
    "coordinates",
    "events",
    "slides",
    "location",
];

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        // xorshift64*: plenty for choosing mutations.
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn mutate(rng: &mut Rng, input: &[u8], seeds: &[Vec<u8>]) -> Vec<u8> {
    let mut v = input.to_vec();
    for _ in 0..=rng.below(4) {
        let at = rng.below(v.len() + 1);
        match rng.below(8) {
            0 if !v.is_empty() => {
                let i = rng.below(v.len());
                v[i] ^= 1 << rng.below(8);
            }
            1 if !v.is_empty() => {
                let i = rng.below(v.len());
                v[i] = rng.next() as u8;
            }
            2 | 3 => {
                let token = TOKENS[rng.below(TOKENS.len())].as_bytes();
                v.splice(at..at, token.iter().copied());
            }
            4 => {
                let end = (at + rng.below(64)).min(v.len());
                v.drain(at..end);
            }
            5 => {
                let end = (at + rng.below(256)).min(v.len());
                let copy = v[at..end].to_vec();
                let to = rng.below(v.len() + 1);
                v.splice(to..to, copy);
            }
            6 => v.truncate(at),
            _ => {
                let other = &seeds[rng.below(seeds.len())];
                let from = rng.below(other.len() + 1);
                v.truncate(at);
                v.extend_from_slice(&other[from..]);
            }
        }
    }
    v.truncate(MAX_LEN);
    v
}

fn seeds_of(target: &Target) -> Vec<Vec<u8>> {
    let root = repo_root();
    let mut seeds = Vec::new();
    for place in target.seeds {
        let path = root.join(place);
        let files: Vec<_> = if path.is_dir() {
            let mut files: Vec<_> = std::fs::read_dir(&path)
                .map(|d| {
                    d.flatten()
                        .map(|e| e.path())
                        .filter(|p| p.is_file())
                        .collect()
                })
                .unwrap_or_default();
            files.sort();
            files
        } else {
            vec![path]
        };
        for file in files {
            match std::fs::read(&file) {
                Ok(bytes) => seeds.push(bytes),
                Err(e) => panic!(
                    "seed {}: {e} (scripts/setup.sh builds assets/)",
                    file.display()
                ),
            }
        }
    }
    seeds.push(Vec::new());
    seeds
}

fn keep_crash(target: &str, input: &[u8]) -> String {
    keep(target, &format!("crash-{}", input.len()), input)
}

/// Keeps `input` as `target/fuzz-smoke/<target>/<file>`; returns its path.
fn keep(target: &str, file: &str, input: &[u8]) -> String {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("../fuzz-smoke")
        .join(target);
    let _ = std::fs::create_dir_all(&dir);
    let path = dir.join(file);
    let _ = std::fs::write(&path, input);
    path.display().to_string()
}

fn smoke(name: &str) {
    let target = TARGETS
        .iter()
        .find(|t| t.name == name)
        .unwrap_or_else(|| panic!("no fuzz target {name}"));
    let seconds: f64 = std::env::var("DATELINE_FUZZ_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(6.0);
    let seed: u64 = std::env::var("DATELINE_FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x5eed_da7e_11e0);
    let mut rng = Rng(seed | 1);
    let seeds = seeds_of(target);
    (target.run)(b""); // loads what the target keeps (the gazetteer) before timing
    let budget = Duration::from_secs_f64(seconds);
    let started = Instant::now();
    let (mut runs, mut slowest, mut slowest_len, mut worst_rate) = (0u64, 0.0f64, 0usize, 0.0f64);
    let mut worst_input = Vec::new();
    let mut i = 0;
    while i < seeds.len() || started.elapsed() < budget {
        let input = match seeds.get(i) {
            Some(s) => s.clone(),
            None => {
                let from = rng.below(seeds.len());
                mutate(&mut rng, &seeds[from], &seeds)
            }
        };
        i += 1;
        let t = Instant::now();
        let outcome = catch_unwind(AssertUnwindSafe(|| (target.run)(&input)));
        let ms = t.elapsed().as_secs_f64() * 1000.0;
        runs += 1;
        if outcome.is_err() {
            let kept = keep_crash(name, &input);
            panic!("fuzz target {name} panicked on input {i} (seed {seed}); kept in {kept}");
        }
        let rate = |ms: f64| ms * 102_400.0 / input.len().max(1024) as f64;
        if ms > slowest || rate(ms) > worst_rate {
            // A record is timed twice more and its fastest run kept: one
            // run can be slow only because the thread was preempted.
            let ms = (0..2).fold(ms, |best, _| {
                let t = Instant::now();
                (target.run)(&input);
                best.min(t.elapsed().as_secs_f64() * 1000.0)
            });
            if ms > slowest {
                (slowest, slowest_len) = (ms, input.len());
            }
            if input.len() >= 1024 && rate(ms) > worst_rate {
                worst_rate = rate(ms);
                worst_input = input.clone();
            }
        }
    }
    // The input slowest for its size, to look into (or to time at scale).
    let kept = keep(name, "slowest-per-kb", &worst_input);
    println!(
        "fuzz {name}: {runs} inputs ({} seeds), 0 panics, slowest {slowest:.1} ms ({:.1} KB), worst {worst_rate:.1} ms per 100 KB ({kept})",
        seeds.len(),
        slowest_len as f64 / 1024.0
    );
}

macro_rules! smoke_tests {
    ($($name:ident),* $(,)?) => {
        $(#[test] fn $name() { smoke(stringify!($name)); })*

        #[test]
        fn every_target_has_a_smoke_run() {
            let ours = [$(stringify!($name)),*];
            let all: Vec<&str> = TARGETS.iter().map(|t| t.name).collect();
            assert_eq!(all, ours);
        }
    };
}

smoke_tests!(
    story_parse,
    import_detect,
    import_csv,
    html_reader,
    studio_restore,
    studio_open,
    draft,
    deeplink,
    mount_options,
    raster_template,
    tile_decode,
    tile_index,
    gazetteer,
);

#[test]
fn the_mutator_changes_inputs_and_keeps_them_bounded() {
    let seeds = vec![
        b"{\"type\":\"FeatureCollection\"}".to_vec(),
        vec![b'x'; MAX_LEN],
    ];
    let mut rng = Rng(7);
    let changed = (0..100)
        .filter(|_| mutate(&mut rng, &seeds[0], &seeds) != seeds[0])
        .count();
    assert!(changed > 80, "{changed} of 100 changed");
    for _ in 0..100 {
        assert!(mutate(&mut rng, &seeds[1], &seeds).len() <= MAX_LEN);
    }
}
