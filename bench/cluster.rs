//! Speed of `ClusterTree`: build, and a query per frame.
//!
//! `cargo bench --bench cluster`. Prints a table; asserts nothing about
//! time, since the machine is shared. Points come from a seeded LCG: most in
//! clumps of every size around a few hundred "cities", the rest scattered
//! over the inhabited latitudes, so every zoom has something to merge.

use std::hint::black_box;
use std::time::{Duration, Instant};

use dateline_core::geo::{ClusterOptions, ClusterTree, WorldBounds, WorldPoint, TILE_SIZE};

/// Builds timed per size; the median is reported.
const BUILD_RUNS: usize = 5;
/// Queries timed per view; the median is reported.
const QUERY_RUNS: usize = 100;

/// A seeded LCG (Knuth's MMIX constants), uniform in [0, 1).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> f64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// `n` points and weights: 80 % in clumps around 300 centres, with spreads
/// from metres to hundreds of kilometres, and 20 % scattered.
fn points(n: usize) -> (Vec<WorldPoint>, Vec<u32>) {
    let mut rng = Lcg(0x5EED);
    let centres: Vec<_> = (0..300)
        .map(|_| WorldPoint::new(rng.next(), 0.25 + 0.45 * rng.next()))
        .collect();
    let mut points = Vec::with_capacity(n);
    let mut weights = Vec::with_capacity(n);
    for i in 0..n {
        let p = if i % 5 == 4 {
            WorldPoint::new(rng.next(), 0.2 + 0.6 * rng.next())
        } else {
            let c = centres[i % centres.len()];
            let spread = 10f64.powf(-7.0 + 5.0 * rng.next());
            WorldPoint::new(
                dateline_core::math::clamp(c.x + spread * (rng.next() - 0.5), 0.0, 1.0),
                dateline_core::math::clamp(c.y + spread * (rng.next() - 0.5), 0.0, 1.0),
            )
        };
        points.push(p);
        weights.push(1 + (rng.next() * 4.0) as u32);
    }
    (points, weights)
}

/// The world rectangle a `width` × `height` px view centred on `center`
/// shows at integer `zoom`.
fn view(center: WorldPoint, width: f64, height: f64, zoom: u8) -> WorldBounds {
    let scale = TILE_SIZE * f64::from(zoom).exp2();
    let (hw, hh) = (width / 2.0 / scale, height / 2.0 / scale);
    WorldBounds {
        min: WorldPoint::new(center.x - hw, center.y - hh),
        max: WorldPoint::new(center.x + hw, center.y + hh),
    }
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort_unstable();
    times.get(times.len() / 2).copied().unwrap_or_default()
}

/// Median time of `runs` calls of `f`, and its last result.
fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> (Duration, Option<T>) {
    let mut last = None;
    let times = (0..runs)
        .map(|_| {
            let start = Instant::now();
            let out = black_box(f());
            let elapsed = start.elapsed();
            last = Some(out);
            elapsed
        })
        .collect();
    (median(times), last)
}

fn main() {
    println!(
        "{:>8} | {:>10} | {:>10} {:>7} | {:>12} {:>7}",
        "points", "build ms", "world z2 µs", "items", "1280x720 z6 µs", "items"
    );
    println!("{}", "-".repeat(72));
    for n in [1_000, 10_000, 100_000] {
        let (points, weights) = points(n);
        let options = ClusterOptions::default();
        let (build, tree) = time(BUILD_RUNS, || {
            ClusterTree::build(black_box(&points), black_box(&weights), options)
        });
        let Some(tree) = tree else { continue };

        let (world, world_items) = time(QUERY_RUNS, || {
            tree.clusters(black_box(WorldBounds::WORLD), black_box(2.0))
        });
        // Centred on the first clump: a city-level view.
        let city = view(points[0], 1280.0, 720.0, 6);
        let (local, local_items) = time(QUERY_RUNS, || {
            tree.clusters(black_box(city), black_box(6.0))
        });

        println!(
            "{:>8} | {:>10.1} | {:>11.1} {:>7} | {:>14.1} {:>7}",
            n,
            build.as_secs_f64() * 1e3,
            world.as_secs_f64() * 1e6,
            world_items.map_or(0, |v| v.len()),
            local.as_secs_f64() * 1e6,
            local_items.map_or(0, |v| v.len()),
        );
    }
}
