//! Hierarchical marker clustering: built once per story, queried per frame.
//!
//! The algorithm is mapbox's supercluster. The input points form the level
//! above `max_zoom`, where only identical positions are grouped. Then, for
//! each zoom from `max_zoom` down to `min_zoom`, the previous level's items
//! are indexed in a k-d tree and merged greedily: each item not yet taken,
//! in level order, takes every untaken item within `radius_px` (at that
//! zoom) of it, and the group becomes one cluster at the group's mean
//! position. A query then only looks up one precomputed level.
//!
//! The map does not repeat the world horizontally, so nothing wraps around
//! the antimeridian.

use std::f64::consts::TAU;

use super::bounds::WorldBounds;
use super::kdtree::KdTree;
use super::mercator::WorldPoint;
use super::zoom::TILE_SIZE;
use crate::math;

/// The highest [`ClusterOptions::max_zoom`] honoured; larger values are
/// lowered to it. At zoom 30 the merge radius is already far below a metre.
pub const MAX_CLUSTER_ZOOM: u8 = 30;

/// How [`ClusterTree::build`] groups points.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ClusterOptions {
    /// Items closer than this on screen, in CSS pixels, merge. Default `40`.
    /// NaN or negative counts as `0` (only identical positions group).
    pub radius_px: f64,
    /// The lowest zoom with its own level; queries below it get this one.
    /// Default `0`. Above `max_zoom` it is lowered to `max_zoom`.
    pub min_zoom: u8,
    /// The highest zoom at which items merge. Default `16`. Above it every
    /// distinct position stands alone; identical positions stay one
    /// cluster. Values above [`MAX_CLUSTER_ZOOM`] are lowered to it.
    pub max_zoom: u8,
    /// Points per k-d tree leaf; affects speed only. Default `64`; `0`
    /// counts as `1`.
    pub node_size: usize,
}

impl Default for ClusterOptions {
    fn default() -> Self {
        Self {
            radius_px: 40.0,
            min_zoom: 0,
            max_zoom: 16,
            node_size: 64,
        }
    }
}

/// Names one cluster of one [`ClusterTree`]. Ids of another tree, or of a
/// rebuilt one, name nothing or something else.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ClusterId {
    /// The zoom at which the cluster forms.
    zoom: u8,
    /// Its position among the clusters that form at that zoom.
    index: usize,
}

impl ClusterId {
    /// The zoom at which the cluster forms. It is shown at this zoom and
    /// below, until it merges into a bigger one, and splits one zoom above.
    pub fn zoom(self) -> u8 {
        self.zoom
    }

    /// Its position among the clusters that form at its zoom: with
    /// [`zoom`](Self::zoom), a stable name for it (e.g. a DOM key).
    pub fn index(self) -> usize {
        self.index
    }
}

/// One marker to draw: a single input item, or a cluster of several.
#[derive(Debug, Clone, PartialEq)]
pub enum ClusterItem {
    /// An item shown alone.
    Point {
        /// Its index in the input.
        item: usize,
        /// Its position.
        at: WorldPoint,
    },
    /// Several items shown as one.
    Cluster {
        /// Names the cluster for [`ClusterTree::leaves`] and friends.
        id: ClusterId,
        /// The mean position of its items; each item counts once, whatever
        /// its weight, so a busy place does not drag the marker off the
        /// others.
        at: WorldPoint,
        /// How many input items it holds (at least 2).
        count: usize,
        /// The sum of their weights (for a story, events).
        weight: u64,
        /// A representative item, to name the cluster by without listing
        /// its leaves: the lead of its heaviest part (first on ties).
        lead: usize,
    },
}

impl ClusterItem {
    /// Where to draw it.
    pub fn at(&self) -> WorldPoint {
        match *self {
            ClusterItem::Point { at, .. } | ClusterItem::Cluster { at, .. } => at,
        }
    }

    /// How many input items it stands for: 1 for a point.
    pub fn count(&self) -> usize {
        match *self {
            ClusterItem::Point { .. } => 1,
            ClusterItem::Cluster { count, .. } => count,
        }
    }
}

/// Clusters of points for every zoom, precomputed so that a query per frame
/// only reads one level.
///
/// Zoom levels run from `min_zoom` to `max_zoom + 1`; the last one holds
/// every distinct position alone, and is what any deeper zoom shows.
#[derive(Debug, Clone)]
pub struct ClusterTree {
    /// The input positions by item, finite or not (for [`Self::bounds_of`]).
    points: Vec<WorldPoint>,
    /// How many items were clustered: the finite ones.
    len: usize,
    /// The effective options.
    min_zoom: u8,
    max_zoom: u8,
    /// Distinct levels. A zoom where nothing merges shares the level above.
    levels: Vec<Level>,
    /// By `zoom - min_zoom`: the index in `levels` of that zoom's level.
    level_at: Vec<usize>,
    /// By `zoom - min_zoom`: the clusters that form at that zoom.
    formed: Vec<Formed>,
}

/// What one zoom level shows.
#[derive(Debug, Clone)]
struct Level {
    /// In a deterministic order: a new cluster or a carried item takes the
    /// place of its first member.
    nodes: Vec<Node>,
    /// Indexes `nodes` by position.
    tree: KdTree,
}

/// One item of a level.
#[derive(Debug, Clone, Copy)]
struct Node {
    at: WorldPoint,
    count: usize,
    weight: u64,
    lead: usize,
    origin: Origin,
}

/// What a [`Node`] stands for.
#[derive(Debug, Clone, Copy)]
enum Origin {
    Item(usize),
    Cluster(ClusterId),
}

/// The clusters that form at one zoom.
#[derive(Debug, Clone, Default)]
struct Formed {
    /// By cluster index: its range in `children`.
    spans: Vec<(usize, usize)>,
    /// Each cluster's children, ascending: indices into the next level's
    /// nodes, or input items at the deepest level.
    children: Vec<usize>,
}

impl Formed {
    /// Records a cluster of `children` and returns its index.
    fn push(&mut self, children: &[usize]) -> usize {
        let start = self.children.len();
        self.children.extend_from_slice(children);
        self.spans.push((start, self.children.len()));
        self.spans.len() - 1
    }

    fn children(&self, index: usize) -> Option<&[usize]> {
        let &(start, end) = self.spans.get(index)?;
        self.children.get(start..end)
    }
}

impl Node {
    fn item(&self) -> ClusterItem {
        match self.origin {
            Origin::Item(item) => ClusterItem::Point { item, at: self.at },
            Origin::Cluster(id) => ClusterItem::Cluster {
                id,
                at: self.at,
                count: self.count,
                weight: self.weight,
                lead: self.lead,
            },
        }
    }
}

impl Level {
    fn new(nodes: Vec<Node>, node_size: usize) -> Level {
        let tree = KdTree::new(nodes.iter().map(|n| n.at), node_size);
        Level { nodes, tree }
    }
}

impl ClusterTree {
    /// Clusters `points`, one per input item (an item's id is its index).
    /// `weights[i]` is item `i`'s weight (for a story, its event count);
    /// missing weights count as 1, extra ones are ignored. Non-finite points
    /// are left out of every level; the other items keep their indices.
    ///
    /// O(n log n) per zoom level; 100 000 points take well under a second.
    ///
    /// # Examples
    ///
    /// ```
    /// use dateline_core::geo::{project, ClusterItem, ClusterOptions, ClusterTree, WorldBounds};
    ///
    /// // Moscow and Zhukovsky, 40 km apart, and Vostochny.
    /// let points = [
    ///     project(37.6175, 55.7520).unwrap(),
    ///     project(38.15, 55.5533).unwrap(),
    ///     project(128.3339, 51.8844).unwrap(),
    /// ];
    /// let tree = ClusterTree::build(&points, &[3, 1, 1], ClusterOptions::default());
    ///
    /// let world = tree.clusters(WorldBounds::WORLD, 3.0);
    /// let ClusterItem::Cluster { id, count, weight, .. } = world[0] else {
    ///     panic!("Moscow and Zhukovsky overlap at the world view");
    /// };
    /// assert_eq!((count, weight), (2, 4));
    /// assert_eq!(tree.leaves(id), vec![0, 1]);
    /// assert!(matches!(world[1], ClusterItem::Point { item: 2, .. }));
    ///
    /// // Zooming in far enough separates them.
    /// let zoom = tree.expansion_zoom(id).unwrap();
    /// assert_eq!(tree.clusters(WorldBounds::WORLD, zoom).len(), 3);
    /// ```
    pub fn build(points: &[WorldPoint], weights: &[u32], options: ClusterOptions) -> ClusterTree {
        let max_zoom = options.max_zoom.min(MAX_CLUSTER_ZOOM);
        let min_zoom = options.min_zoom.min(max_zoom);
        // `>=` is false for NaN.
        let radius_px = if options.radius_px >= 0.0 {
            options.radius_px
        } else {
            0.0
        };
        let node_size = options.node_size.max(1);

        let (leaf_nodes, leaf_formed) = stack_identical(points, weights, max_zoom + 1);
        let len = leaf_nodes.iter().map(|n| n.count).sum();
        let mut levels = vec![Level::new(leaf_nodes, node_size)];
        // Built from the deepest zoom up, reversed at the end.
        let mut level_at = vec![0];
        let mut formed = vec![leaf_formed];
        for zoom in (min_zoom..=max_zoom).rev() {
            let Some(above) = levels.last() else { break };
            let radius = radius_px / (TILE_SIZE * math::exp2(f64::from(zoom)));
            let (nodes, merged) = merge_level(above, radius, zoom);
            // Nothing merged: the level is the one above, in the same order.
            if !merged.spans.is_empty() {
                levels.push(Level::new(nodes, node_size));
            }
            level_at.push(levels.len() - 1);
            formed.push(merged);
        }
        level_at.reverse();
        formed.reverse();
        ClusterTree {
            points: points.to_vec(),
            len,
            min_zoom,
            max_zoom,
            levels,
            level_at,
            formed,
        }
    }

    /// The clusters and single items whose position is inside `bounds`
    /// (edges included) at `zoom`, ordered by the level's deterministic order.
    ///
    /// A fractional zoom is floored, as supercluster does: clusters change
    /// at integer zooms only, so markers do not regroup mid-pinch. Zooms
    /// below `min_zoom` (and NaN) read the `min_zoom` level, zooms above
    /// `max_zoom` the deepest level, where every distinct position is alone.
    pub fn clusters(&self, bounds: WorldBounds, zoom: f64) -> Vec<ClusterItem> {
        let Some(level) = self.level(self.query_zoom(zoom)) else {
            return Vec::new();
        };
        let mut hits = Vec::new();
        level.tree.range(bounds.min, bounds.max, &mut hits);
        // Tree order depends on the layout; level order is the contract.
        hits.sort_unstable();
        hits.iter()
            .filter_map(|&i| level.nodes.get(i))
            .map(Node::item)
            .collect()
    }

    /// The input items under `cluster`, ascending. Empty for an id that is
    /// not this tree's.
    pub fn leaves(&self, cluster: ClusterId) -> Vec<usize> {
        let mut leaves = Vec::new();
        let mut pending = vec![cluster];
        while let Some(id) = pending.pop() {
            let Some(children) = self.children_of(id) else {
                continue;
            };
            if id.zoom > self.max_zoom {
                leaves.extend_from_slice(children);
                continue;
            }
            let Some(level) = self.level(id.zoom + 1) else {
                continue;
            };
            for node in children.iter().filter_map(|&i| level.nodes.get(i)) {
                match node.origin {
                    Origin::Item(item) => leaves.push(item),
                    // Children form at deeper zooms, so this ends.
                    Origin::Cluster(child) => pending.push(child),
                }
            }
        }
        leaves.sort_unstable();
        leaves
    }

    /// What `cluster` splits into one zoom deeper than [`ClusterId::zoom`],
    /// in level order. A cluster of identical positions (which never
    /// splits) gives its items, for spiderfying. Empty for an id that is
    /// not this tree's.
    pub fn children(&self, cluster: ClusterId) -> Vec<ClusterItem> {
        let Some(children) = self.children_of(cluster) else {
            return Vec::new();
        };
        if cluster.zoom > self.max_zoom {
            return children
                .iter()
                .filter_map(|&item| {
                    let at = *self.points.get(item)?;
                    Some(ClusterItem::Point { item, at })
                })
                .collect();
        }
        let Some(level) = self.level(cluster.zoom + 1) else {
            return Vec::new();
        };
        children
            .iter()
            .filter_map(|&i| level.nodes.get(i))
            .map(Node::item)
            .collect()
    }

    /// The smallest zoom at which `cluster` shows as more than one item:
    /// zoom there to open it.
    ///
    /// `None` if its members do not separate at any zoom up to `max_zoom`:
    /// they share a position or nearly so, and the UI should spiderfy them
    /// (see [`spiderfy_offsets`]). Also `None` for an id that is not this
    /// tree's.
    pub fn expansion_zoom(&self, cluster: ClusterId) -> Option<f64> {
        let mut id = cluster;
        loop {
            let children = self.children_of(id)?;
            if id.zoom >= self.max_zoom {
                return None;
            }
            if children.len() > 1 {
                return Some(f64::from(id.zoom + 1));
            }
            // A lone child: the cluster looks the same one zoom deeper.
            // (Every cluster built here has two or more children.)
            match self.children(id).first() {
                Some(&ClusterItem::Cluster { id: child, .. }) => id = child,
                _ => return None,
            }
        }
    }

    /// The smallest bounds holding every item of `cluster`, to zoom to fit
    /// it. `None` for an id that is not this tree's.
    pub fn bounds_of(&self, cluster: ClusterId) -> Option<WorldBounds> {
        WorldBounds::from_points(
            self.leaves(cluster)
                .into_iter()
                .filter_map(|i| self.points.get(i).copied()),
        )
    }

    /// How many items were clustered: the input items with a finite point.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether no item was clustered.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The level a query at `zoom` reads.
    fn query_zoom(&self, zoom: f64) -> u8 {
        if zoom.is_nan() {
            return self.min_zoom;
        }
        let deepest = f64::from(self.max_zoom + 1);
        // Clamped into 0..=31 first, so the cast is exact.
        crate::math::clamp(zoom.floor(), f64::from(self.min_zoom), deepest) as u8
    }

    fn level(&self, zoom: u8) -> Option<&Level> {
        let index = usize::from(zoom.checked_sub(self.min_zoom)?);
        self.levels.get(*self.level_at.get(index)?)
    }

    fn children_of(&self, id: ClusterId) -> Option<&[usize]> {
        let index = usize::from(id.zoom.checked_sub(self.min_zoom)?);
        self.formed.get(index)?.children(id.index)
    }
}

/// The deepest level: the finite points, identical positions grouped into
/// one cluster formed at `zoom`. Ordered by each group's lowest item.
fn stack_identical(points: &[WorldPoint], weights: &[u32], zoom: u8) -> (Vec<Node>, Formed) {
    let weight = |i: usize| u64::from(weights.get(i).copied().unwrap_or(1));
    // `+ 0.0` turns -0.0 into 0.0, so that equal positions sort together.
    let key = |i: usize| points.get(i).map(|p| (p.x + 0.0, p.y + 0.0));
    let mut finite: Vec<usize> = (0..points.len())
        .filter(|&i| points.get(i).is_some_and(|p| p.is_finite()))
        .collect();
    finite.sort_unstable_by(|&a, &b| {
        let (ka, kb) = (key(a).unwrap_or_default(), key(b).unwrap_or_default());
        ka.0.total_cmp(&kb.0)
            .then(ka.1.total_cmp(&kb.1))
            .then(a.cmp(&b))
    });
    let mut groups: Vec<&[usize]> = finite.chunk_by(|&a, &b| key(a) == key(b)).collect();
    groups.sort_unstable_by_key(|g| g.first().copied());

    let mut formed = Formed::default();
    let mut nodes = Vec::with_capacity(groups.len());
    for group in groups {
        let (Some(&first), Some(&at)) = (group.first(), group.first().and_then(|&i| points.get(i)))
        else {
            continue;
        };
        let origin = if group.len() == 1 {
            Origin::Item(first)
        } else {
            Origin::Cluster(ClusterId {
                zoom,
                index: formed.push(group),
            })
        };
        // The heaviest item leads; `max_by_key` keeps the last of equals, so scan reversed.
        let lead = group
            .iter()
            .rev()
            .max_by_key(|&&i| weight(i))
            .copied()
            .unwrap_or(first);
        nodes.push(Node {
            at,
            count: group.len(),
            weight: group
                .iter()
                .map(|&i| weight(i))
                .fold(0, u64::saturating_add),
            lead,
            origin,
        });
    }
    (nodes, formed)
}

/// One greedy pass: the level at `zoom` from the level above it. Items
/// within `radius` world units of an untaken seed join the seed's cluster.
fn merge_level(above: &Level, radius: f64, zoom: u8) -> (Vec<Node>, Formed) {
    let mut taken = vec![false; above.nodes.len()];
    let mut nodes = Vec::with_capacity(above.nodes.len());
    let mut formed = Formed::default();
    let mut group = Vec::new();
    for (seed, node) in above.nodes.iter().enumerate() {
        if taken.get(seed).copied().unwrap_or(true) {
            continue;
        }
        group.clear();
        above.tree.within(node.at, radius, &mut group);
        group.retain(|&i| !taken.get(i).copied().unwrap_or(true));
        if group.len() <= 1 {
            // Only the seed itself: it carries over unchanged.
            if let Some(t) = taken.get_mut(seed) {
                *t = true;
            }
            nodes.push(*node);
            continue;
        }
        // Ascending, so sums and children come out in the same order for
        // any tree layout.
        group.sort_unstable();
        let (mut sx, mut sy, mut count, mut weight) = (0.0, 0.0, 0, 0u64);
        let (mut lead, mut lead_weight) = (node.lead, None);
        for &i in &group {
            if let (Some(t), Some(member)) = (taken.get_mut(i), above.nodes.get(i)) {
                *t = true;
                if lead_weight.is_none_or(|w| member.weight > w) {
                    (lead, lead_weight) = (member.lead, Some(member.weight));
                }
                let n = member.count as f64;
                sx += member.at.x * n;
                sy += member.at.y * n;
                count += member.count;
                weight = weight.saturating_add(member.weight);
            }
        }
        let index = formed.push(&group);
        nodes.push(Node {
            at: WorldPoint::new(sx / count as f64, sy / count as f64),
            count,
            weight,
            lead,
            origin: Origin::Cluster(ClusterId { zoom, index }),
        });
    }
    (nodes, formed)
}

/// Screen offsets, in pixels, that fan `n` markers sharing one position out
/// around it, so that no two are closer than `marker_size_px`, nor any to
/// the centre (where the cluster's own marker sits).
///
/// Up to 8 markers go on a circle starting east (y grows down); more go on
/// an Archimedean spiral outward from the centre, as Leaflet.markercluster's
/// `_generatePointsCircle` and `_generatePointsSpiral` do. One marker stays
/// put, at `(0, 0)`. A NaN, infinite, zero or negative size gives `n`
/// zero offsets. Pure and deterministic.
///
/// # Examples
///
/// ```
/// use dateline_core::geo::spiderfy_offsets;
///
/// let fan = spiderfy_offsets(5, 24.0);
/// assert_eq!(fan.len(), 5);
/// let (dx, dy) = (fan[0].0 - fan[1].0, fan[0].1 - fan[1].1);
/// assert!(dx.hypot(dy) >= 24.0);
/// ```
pub fn spiderfy_offsets(n: usize, marker_size_px: f64) -> Vec<(f64, f64)> {
    /// Centre-to-centre spacing of neighbours, in marker sizes.
    const SPACING: f64 = 1.25;
    /// The spiral is used above this many markers.
    const CIRCLE_MAX: usize = 8;
    /// The spiral's first marker, from the centre, in marker sizes.
    const SPIRAL_START: f64 = 1.5;

    let size = marker_size_px;
    if n <= 1 || !size.is_finite() || size <= 0.0 {
        return vec![(0.0, 0.0); n];
    }
    if n <= CIRCLE_MAX {
        // Leaflet's circumference of (2 + n) feet keeps small fans roomy;
        // the chord between neighbours is then at least 1.5 sizes.
        let radius = (SPACING * size * (2 + n) as f64 / TAU).max(SPACING * size);
        let step = TAU / n as f64;
        return (0..n)
            .map(|i| {
                let angle = step * i as f64;
                (radius * math::cos(angle), radius * math::sin(angle))
            })
            .collect();
    }
    // r = b·θ, turns SPACING sizes apart; markers SPACING sizes apart along
    // the curve (arc length ds = sqrt(r² + b²)·dθ).
    let b = SPACING * size / TAU;
    let mut theta = SPIRAL_START * size / b;
    let mut offsets = Vec::with_capacity(n);
    for _ in 0..n {
        let r = b * theta;
        offsets.push((r * math::cos(theta), r * math::sin(theta)));
        theta += SPACING * size / r.hypot(b);
    }
    offsets
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geo::project;

    const N_RANDOM: usize = 2_000;

    /// A seeded LCG, uniform in [0, 1).
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

    /// Clumps at several scales, so that merges happen at every zoom, plus
    /// exact duplicates.
    fn random_points(n: usize, seed: u64) -> (Vec<WorldPoint>, Vec<u32>) {
        let mut rng = Lcg(seed);
        let centres: Vec<_> = (0..25)
            .map(|_| WorldPoint::new(0.1 + 0.8 * rng.next(), 0.2 + 0.6 * rng.next()))
            .collect();
        let mut points = Vec::with_capacity(n);
        for i in 0..n {
            let p = if i % 17 == 5 && i > 0 {
                points[i / 3]
            } else {
                let c = centres[i % centres.len()];
                // Spread from 1e-6 to 1e-1 world units.
                let spread = 10f64.powf(-6.0 + 5.0 * rng.next());
                WorldPoint::new(
                    c.x + spread * (rng.next() - 0.5),
                    c.y + spread * (rng.next() - 0.5),
                )
            };
            points.push(p);
        }
        let weights = (0..n).map(|i| (i % 5) as u32).collect();
        (points, weights)
    }

    fn article() -> (Vec<WorldPoint>, Vec<u32>) {
        let places = [
            (37.6175, 55.7520),  // Moscow
            (128.3339, 51.8844), // Vostochny
            (58.3261, 37.9601),  // Ashgabat
            (38.15, 55.5533),    // Zhukovsky
        ];
        let points = places
            .iter()
            .map(|&(lon, lat)| project(lon, lat).unwrap())
            .collect();
        (points, vec![3, 1, 2, 1])
    }

    fn weight_of(weights: &[u32], i: usize) -> u64 {
        u64::from(weights.get(i).copied().unwrap_or(1))
    }

    /// The leaves of each returned item, as sets.
    fn memberships(tree: &ClusterTree, items: &[ClusterItem]) -> Vec<Vec<usize>> {
        items
            .iter()
            .map(|item| match *item {
                ClusterItem::Point { item, .. } => vec![item],
                ClusterItem::Cluster { id, .. } => tree.leaves(id),
            })
            .collect()
    }

    /// Every finite item in exactly one returned item; counts and weights
    /// add up.
    fn assert_partition(
        tree: &ClusterTree,
        points: &[WorldPoint],
        weights: &[u32],
        items: &[ClusterItem],
    ) {
        let mut seen = vec![0; points.len()];
        let (mut count, mut weight) = (0, 0);
        for item in items {
            match *item {
                ClusterItem::Point { item, at } => {
                    assert_eq!(at, points[item]);
                    seen[item] += 1;
                    count += 1;
                    weight += weight_of(weights, item);
                }
                ClusterItem::Cluster {
                    id,
                    count: c,
                    weight: w,
                    ..
                } => {
                    let leaves = tree.leaves(id);
                    assert!(c >= 2, "{item:?}");
                    assert_eq!(leaves.len(), c, "{item:?}");
                    let leaf_weight: u64 = leaves.iter().map(|&i| weight_of(weights, i)).sum();
                    assert_eq!(leaf_weight, w, "{item:?}");
                    for &i in &leaves {
                        seen[i] += 1;
                    }
                    count += c;
                    weight += w;
                }
            }
        }
        for (i, p) in points.iter().enumerate() {
            let want = usize::from(p.is_finite());
            assert_eq!(seen[i], want, "item {i} at {p:?}");
        }
        let finite: Vec<_> = (0..points.len())
            .filter(|&i| points[i].is_finite())
            .collect();
        assert_eq!(count, finite.len());
        assert_eq!(count, tree.len());
        let total: u64 = finite.iter().map(|&i| weight_of(weights, i)).sum();
        assert_eq!(weight, total);
    }

    fn world_radius(options: &ClusterOptions, zoom: u8) -> f64 {
        options.radius_px / (TILE_SIZE * math::exp2(f64::from(zoom)))
    }

    fn distance(a: WorldPoint, b: WorldPoint) -> f64 {
        (a.x - b.x).hypot(a.y - b.y)
    }

    /// Every cluster reachable from `items`, children included.
    fn all_clusters(tree: &ClusterTree, items: &[ClusterItem]) -> Vec<ClusterId> {
        let mut ids: Vec<_> = items
            .iter()
            .filter_map(|i| match *i {
                ClusterItem::Cluster { id, .. } => Some(id),
                ClusterItem::Point { .. } => None,
            })
            .collect();
        let mut k = 0;
        while k < ids.len() {
            for child in tree.children(ids[k]) {
                if let ClusterItem::Cluster { id, .. } = child {
                    ids.push(id);
                }
            }
            k += 1;
        }
        ids.sort_unstable();
        ids.dedup();
        ids
    }

    #[test]
    fn defaults_are_the_documented_ones() {
        let o = ClusterOptions::default();
        assert_eq!(
            (o.radius_px, o.min_zoom, o.max_zoom, o.node_size),
            (40.0, 0, 16, 64)
        );
    }

    #[test]
    fn every_item_once_at_every_zoom() {
        let options = ClusterOptions::default();
        for (points, weights) in [article(), random_points(N_RANDOM, 1)] {
            let tree = ClusterTree::build(&points, &weights, options);
            let mut previous = usize::MAX;
            for zoom in options.min_zoom..=options.max_zoom + 1 {
                let items = tree.clusters(WorldBounds::WORLD, f64::from(zoom));
                assert_partition(&tree, &points, &weights, &items);
                // Zooming in never shows fewer markers.
                assert!(previous == usize::MAX || items.len() >= previous);
                previous = items.len();
            }
        }
    }

    #[test]
    fn hierarchy_nests_from_zoom_to_zoom() {
        let (points, weights) = random_points(N_RANDOM, 2);
        let tree = ClusterTree::build(&points, &weights, ClusterOptions::default());
        // For each zoom, item -> index of the marker holding it.
        let owner = |zoom: u8| {
            let items = tree.clusters(WorldBounds::WORLD, f64::from(zoom));
            let mut owner = vec![usize::MAX; points.len()];
            for (k, leaves) in memberships(&tree, &items).iter().enumerate() {
                for &i in leaves {
                    owner[i] = k;
                }
            }
            owner
        };
        for zoom in 0..=16 {
            let (coarse, fine) = (owner(zoom), owner(zoom + 1));
            // Items together at zoom + 1 are together at zoom.
            for i in 0..points.len() {
                for j in [i / 2, i / 3, (i * 7) % points.len()] {
                    if fine[i] == fine[j] {
                        assert_eq!(coarse[i], coarse[j], "zoom {zoom}: {i} and {j}");
                    }
                }
            }
        }
    }

    #[test]
    fn members_stay_near_and_survivors_stay_apart() {
        let options = ClusterOptions::default();
        let (points, weights) = random_points(N_RANDOM, 3);
        let tree = ClusterTree::build(&points, &weights, options);
        for zoom in 0..=options.max_zoom {
            let r = world_radius(&options, zoom);
            let items = tree.clusters(WorldBounds::WORLD, f64::from(zoom));
            for (item, leaves) in items.iter().zip(memberships(&tree, &items)) {
                // Children lie within r of the seed, grandchildren within
                // r/2 of theirs...: at most 4r from the mean.
                for &i in &leaves {
                    assert!(distance(points[i], item.at()) <= 4.0 * r + 1e-12);
                }
            }
            // Markers that did not form at this zoom found no neighbour in
            // reach when they were seeds: they are more than r apart.
            let carried: Vec<_> = items
                .iter()
                .filter(|i| match i {
                    ClusterItem::Point { .. } => true,
                    ClusterItem::Cluster { id, .. } => id.zoom() > zoom,
                })
                .collect();
            for (a, x) in carried.iter().enumerate() {
                for y in &carried[a + 1..] {
                    assert!(distance(x.at(), y.at()) > r, "zoom {zoom}: {x:?} {y:?}");
                }
            }
        }
    }

    /// Supercluster's algorithm without a spatial index: O(n²) per level.
    /// Returns, per zoom from min to max + 1, each marker's leaves and
    /// position in level order.
    fn naive(
        points: &[WorldPoint],
        weights: &[u32],
        options: ClusterOptions,
    ) -> Vec<Vec<(Vec<usize>, WorldPoint, u64)>> {
        // (leaves, position, count, weight)
        let mut level: Vec<(Vec<usize>, WorldPoint, usize, u64)> = Vec::new();
        for (i, &p) in points.iter().enumerate() {
            if !p.is_finite() {
                continue;
            }
            match level.iter_mut().find(|n| n.1 == p) {
                Some(n) => {
                    n.0.push(i);
                    n.2 += 1;
                    n.3 += weight_of(weights, i);
                }
                None => level.push((vec![i], p, 1, weight_of(weights, i))),
            }
        }
        let snapshot = |level: &[(Vec<usize>, WorldPoint, usize, u64)]| {
            level
                .iter()
                .map(|n| (n.0.clone(), n.1, n.3))
                .collect::<Vec<_>>()
        };
        let mut out = vec![snapshot(&level)];
        for zoom in (options.min_zoom..=options.max_zoom).rev() {
            let r = world_radius(&options, zoom);
            let mut taken = vec![false; level.len()];
            let mut next = Vec::new();
            for seed in 0..level.len() {
                if taken[seed] {
                    continue;
                }
                taken[seed] = true;
                let p = level[seed].1;
                let mut group = vec![seed];
                for j in 0..level.len() {
                    let (dx, dy) = (level[j].1.x - p.x, level[j].1.y - p.y);
                    if !taken[j] && dx * dx + dy * dy <= r * r {
                        taken[j] = true;
                        group.push(j);
                    }
                }
                group.sort_unstable();
                let (mut sx, mut sy, mut count, mut weight) = (0.0, 0.0, 0, 0);
                let mut leaves = Vec::new();
                for &j in &group {
                    let n = &level[j];
                    sx += n.1.x * n.2 as f64;
                    sy += n.1.y * n.2 as f64;
                    count += n.2;
                    weight += n.3;
                    leaves.extend_from_slice(&n.0);
                }
                leaves.sort_unstable();
                let at = if group.len() == 1 {
                    p
                } else {
                    WorldPoint::new(sx / count as f64, sy / count as f64)
                };
                next.push((leaves, at, count, weight));
            }
            level = next;
            out.push(snapshot(&level));
        }
        out.reverse();
        out
    }

    #[test]
    fn randomized_matches_a_brute_force_clusterer() {
        let options = ClusterOptions::default();
        let (mut points, weights) = random_points(N_RANDOM, 4);
        points[10] = WorldPoint::new(f64::NAN, 0.5);
        let tree = ClusterTree::build(&points, &weights, options);
        let reference = naive(&points, &weights, options);
        for zoom in options.min_zoom..=options.max_zoom + 1 {
            let items = tree.clusters(WorldBounds::WORLD, f64::from(zoom));
            let want = &reference[usize::from(zoom - options.min_zoom)];
            assert_eq!(items.len(), want.len(), "zoom {zoom}");
            for ((item, leaves), (want_leaves, want_at, want_weight)) in
                items.iter().zip(memberships(&tree, &items)).zip(want)
            {
                assert_eq!(&leaves, want_leaves, "zoom {zoom}");
                assert!(distance(item.at(), *want_at) < 1e-12, "zoom {zoom}");
                if let ClusterItem::Cluster { weight, .. } = *item {
                    assert_eq!(weight, *want_weight);
                }
            }
        }
    }

    #[test]
    fn builds_are_deterministic_even_with_duplicates() {
        let (mut points, weights) = random_points(N_RANDOM, 5);
        // Another run of duplicates, interleaved with the others.
        for i in (0..points.len()).step_by(11) {
            points[i] = WorldPoint::new(0.3, 0.4);
        }
        let a = ClusterTree::build(&points, &weights, ClusterOptions::default());
        let b = ClusterTree::build(&points, &weights, ClusterOptions::default());
        // A different leaf size changes the k-d trees, never the result.
        let c = ClusterTree::build(
            &points,
            &weights,
            ClusterOptions {
                node_size: 3,
                ..ClusterOptions::default()
            },
        );
        for zoom in 0..=18 {
            let z = f64::from(zoom);
            let items = a.clusters(WorldBounds::WORLD, z);
            assert_eq!(items, b.clusters(WorldBounds::WORLD, z));
            assert_eq!(items, c.clusters(WorldBounds::WORLD, z));
            for id in all_clusters(&a, &items) {
                assert_eq!(a.leaves(id), b.leaves(id));
                assert_eq!(a.leaves(id), c.leaves(id));
                assert_eq!(a.children(id), c.children(id));
                assert_eq!(a.expansion_zoom(id), c.expansion_zoom(id));
                assert_eq!(a.bounds_of(id), c.bounds_of(id));
            }
        }
    }

    #[test]
    fn beyond_max_zoom_only_identical_points_share_a_marker() {
        let options = ClusterOptions::default();
        let (mut points, weights) = random_points(N_RANDOM, 6);
        // -0.0 sorts before 0.0: the point between must not split 7 and 8.
        points[7] = WorldPoint::new(-0.0, 0.5);
        points[8] = WorldPoint::new(0.0, 0.5);
        points[9] = WorldPoint::new(0.0, 0.25);
        let tree = ClusterTree::build(&points, &weights, options);
        for zoom in [17.0, 17.5, 20.0, f64::INFINITY] {
            let items = tree.clusters(WorldBounds::WORLD, zoom);
            assert_partition(&tree, &points, &weights, &items);
            for (item, leaves) in items.iter().zip(memberships(&tree, &items)) {
                // All leaves of a marker share its position exactly...
                assert!(leaves.iter().all(|&i| points[i] == item.at()));
                if let ClusterItem::Cluster { id, .. } = *item {
                    // ...never split, and list their items as children.
                    assert_eq!(tree.expansion_zoom(id), None);
                    let children = tree.children(id);
                    assert_eq!(memberships(&tree, &children).concat(), leaves);
                }
            }
            // ...and distinct positions are alone.
            let mut positions: Vec<_> = items.iter().map(|i| (i.at().x, i.at().y)).collect();
            positions.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)));
            positions.dedup();
            assert_eq!(positions.len(), items.len());
        }
        // -0.0 and 0.0 are the same position.
        let signed_zero = tree
            .clusters(WorldBounds::point(WorldPoint::new(0.0, 0.5)), 17.0)
            .into_iter()
            .find_map(|i| match i {
                ClusterItem::Cluster { id, .. } => Some(tree.leaves(id)),
                ClusterItem::Point { .. } => None,
            });
        assert_eq!(signed_zero, Some(vec![7, 8]));
    }

    #[test]
    fn identical_points_never_expand_and_bound_to_a_point() {
        let p = WorldPoint::new(0.4, 0.6);
        let points = [p, WorldPoint::new(0.9, 0.9), p, p];
        let tree = ClusterTree::build(&points, &[1, 1, 5, 1], ClusterOptions::default());
        for zoom in 0..=20 {
            let items = tree.clusters(WorldBounds::WORLD, f64::from(zoom));
            let stack = items
                .iter()
                .find_map(|i| match *i {
                    ClusterItem::Cluster {
                        id, count, weight, ..
                    } if i.at() == p => Some((id, count, weight)),
                    _ => None,
                })
                .unwrap();
            assert_eq!((stack.1, stack.2), (3, 7), "zoom {zoom}");
            assert_eq!(tree.leaves(stack.0), vec![0, 2, 3]);
            assert_eq!(tree.expansion_zoom(stack.0), None);
            assert_eq!(tree.bounds_of(stack.0), Some(WorldBounds::point(p)));
        }
    }

    #[test]
    fn nearly_identical_points_never_expand() {
        // 1e-7 world units is 4 m: together up to zoom 16, apart beyond.
        let points = [WorldPoint::new(0.3, 0.3), WorldPoint::new(0.3 + 1e-7, 0.3)];
        let tree = ClusterTree::build(&points, &[], ClusterOptions::default());
        let items = tree.clusters(WorldBounds::WORLD, 16.0);
        let [ClusterItem::Cluster {
            id,
            count: 2,
            weight: 2,
            ..
        }] = items[..]
        else {
            panic!("{items:?}");
        };
        assert_eq!(id.zoom(), 16);
        assert_eq!(tree.expansion_zoom(id), None);
        assert_eq!(tree.children(id).len(), 2);
        assert_eq!(tree.clusters(WorldBounds::WORLD, 17.0).len(), 2);
        // 40 px is 4 m from zoom 21 on: a deeper max_zoom lets them split.
        let options = ClusterOptions {
            max_zoom: 22,
            ..ClusterOptions::default()
        };
        let tree = ClusterTree::build(&points, &[], options);
        let items = tree.clusters(WorldBounds::WORLD, 0.0);
        let [ClusterItem::Cluster { id, .. }] = items[..] else {
            panic!("{items:?}");
        };
        assert_eq!(tree.expansion_zoom(id), Some(21.0));
    }

    #[test]
    fn expansion_zoom_is_where_children_first_split() {
        let options = ClusterOptions::default();
        let (points, weights) = random_points(N_RANDOM, 7);
        let tree = ClusterTree::build(&points, &weights, options);
        let by_zoom: Vec<_> = (0..=options.max_zoom + 1)
            .map(|z| tree.clusters(WorldBounds::WORLD, f64::from(z)))
            .collect();
        let mut ids: Vec<_> = by_zoom
            .iter()
            .flat_map(|items| all_clusters(&tree, items))
            .collect();
        ids.sort_unstable();
        ids.dedup();
        let mut checked = 0;
        for id in ids {
            let leaves = tree.leaves(id);
            let children = tree.children(id);
            // Children partition the parent.
            let mut union = memberships(&tree, &children).concat();
            union.sort_unstable();
            assert_eq!(union, leaves, "{id:?}");
            assert!(children.len() >= 2);

            // Shown whole at its own zoom.
            let here = &by_zoom[usize::from(id.zoom())];
            assert!(here.iter().any(|i| matches!(i,
                ClusterItem::Cluster { id: shown, .. } if *shown == id)));
            match tree.expansion_zoom(id) {
                Some(z) => {
                    // Split one zoom deeper, into exactly its children.
                    assert_eq!(z, f64::from(id.zoom() + 1));
                    assert!(z <= f64::from(options.max_zoom));
                    let deeper = &by_zoom[usize::from(id.zoom() + 1)];
                    let mut split: Vec<_> = memberships(&tree, deeper)
                        .into_iter()
                        .filter(|m| m.iter().all(|i| leaves.binary_search(i).is_ok()))
                        .collect();
                    split.sort();
                    let mut want = memberships(&tree, &children);
                    want.sort();
                    assert_eq!(split, want);
                    assert!(split.len() > 1);
                    checked += 1;
                }
                None => {
                    // Only clusters of the last merging zoom, or stacks.
                    assert!(id.zoom() >= options.max_zoom, "{id:?}");
                    let spread = tree.bounds_of(id).unwrap();
                    let r = world_radius(&options, options.max_zoom);
                    assert!(spread.width().hypot(spread.height()) <= 4.0 * r);
                }
            }
            // Bounds hold every leaf and touch the extremes.
            let b = tree.bounds_of(id).unwrap();
            assert_eq!(
                Some(b),
                WorldBounds::from_points(leaves.iter().map(|&i| points[i]))
            );
        }
        assert!(checked > 100, "{checked}");
    }

    #[test]
    fn article_moscow_and_zhukovsky_share_a_marker_until_zoom_7() {
        let (points, weights) = article();
        let tree = ClusterTree::build(&points, &weights, ClusterOptions::default());
        for zoom in [2.0, 2.5, 3.0, 3.99] {
            let items = tree.clusters(WorldBounds::WORLD, zoom);
            assert_eq!(items.len(), 3, "zoom {zoom}: {items:?}");
            let ClusterItem::Cluster {
                id,
                at,
                count,
                weight,
                lead,
            } = items[0]
            else {
                panic!("zoom {zoom}: {items:?}");
            };
            assert_eq!((count, weight), (2, 4));
            // Moscow (3 events) names the cluster, not Zhukovsky (1).
            assert_eq!(lead, 0);
            assert_eq!(tree.leaves(id), vec![0, 3]);
            // The mean position: halfway between the two.
            let mid = WorldPoint::new(
                (points[0].x + points[3].x) / 2.0,
                (points[0].y + points[3].y) / 2.0,
            );
            assert!(distance(at, mid) < 1e-12);
            assert!(matches!(items[1], ClusterItem::Point { item: 1, .. }));
            assert!(matches!(items[2], ClusterItem::Point { item: 2, .. }));
            assert_eq!(tree.expansion_zoom(id), Some(7.0));
            let b = tree.bounds_of(id).unwrap();
            assert!(b.contains(points[0]) && b.contains(points[3]));
            assert!(!b.contains(points[2]));
        }
        // 40 km is ~29 px at zoom 6 and ~58 px at zoom 7.
        assert_eq!(tree.clusters(WorldBounds::WORLD, 6.0).len(), 3);
        for zoom in 7..=20 {
            let items = tree.clusters(WorldBounds::WORLD, f64::from(zoom));
            let singles: Vec<_> = items
                .iter()
                .filter_map(|i| match *i {
                    ClusterItem::Point { item, .. } => Some(item),
                    ClusterItem::Cluster { .. } => None,
                })
                .collect();
            assert_eq!(singles, vec![0, 1, 2, 3], "zoom {zoom}");
        }
    }

    #[test]
    fn fractional_and_out_of_range_zooms_read_a_whole_level() {
        let (points, weights) = random_points(500, 8);
        let options = ClusterOptions {
            min_zoom: 3,
            max_zoom: 10,
            ..ClusterOptions::default()
        };
        let tree = ClusterTree::build(&points, &weights, options);
        let at = |z: f64| tree.clusters(WorldBounds::WORLD, z);
        assert_eq!(at(5.0), at(5.999));
        assert_ne!(at(5.0).len(), at(6.0).len());
        assert_eq!(at(0.0), at(3.0));
        assert_eq!(at(-1e300), at(3.0));
        assert_eq!(at(f64::NAN), at(3.0));
        assert_eq!(at(11.0), at(99.0));
        assert_eq!(at(f64::INFINITY), at(11.0));
        assert_partition(&tree, &points, &weights, &at(11.0));
    }

    #[test]
    fn bounded_queries_return_what_is_inside() {
        let (points, weights) = random_points(N_RANDOM, 9);
        let tree = ClusterTree::build(&points, &weights, ClusterOptions::default());
        let sorted = |mut v: Vec<ClusterItem>| {
            v.sort_by(|a, b| format!("{a:?}").cmp(&format!("{b:?}")));
            v
        };
        for zoom in [0.0, 2.0, 5.0, 9.0, 17.0] {
            let world = tree.clusters(WorldBounds::WORLD, zoom);
            let left = WorldBounds {
                min: WorldPoint::new(0.0, 0.0),
                max: WorldPoint::new(0.5, 1.0),
            };
            let right = WorldBounds {
                min: WorldPoint::new(0.5, 0.0),
                max: WorldPoint::new(1.0, 1.0),
            };
            let mut halves = tree.clusters(left, zoom);
            halves.extend(tree.clusters(right, zoom));
            halves.dedup();
            assert_eq!(sorted(halves), sorted(world.clone()), "zoom {zoom}");

            let small = WorldBounds {
                min: WorldPoint::new(0.3, 0.3),
                max: WorldPoint::new(0.55, 0.6),
            };
            let inside = tree.clusters(small, zoom);
            assert!(inside.iter().all(|i| small.contains(i.at())));
            let want: Vec<_> = world
                .iter()
                .filter(|i| small.contains(i.at()))
                .cloned()
                .collect();
            assert_eq!(inside, want, "zoom {zoom}");
        }
        // Empty, flipped and NaN bounds find nothing.
        let flipped = WorldBounds {
            min: WorldPoint::new(0.6, 0.6),
            max: WorldPoint::new(0.4, 0.4),
        };
        assert!(tree.clusters(flipped, 3.0).is_empty());
        let nan = WorldBounds::point(WorldPoint::new(f64::NAN, 0.5));
        assert!(tree.clusters(nan, 3.0).is_empty());
        let off_map = WorldBounds::point(WorldPoint::new(2.0, 2.0));
        assert!(tree.clusters(off_map, 3.0).is_empty());
    }

    #[test]
    fn non_finite_points_are_skipped_and_indices_kept() {
        let (mut points, weights) = article();
        points.insert(1, WorldPoint::new(f64::NAN, 0.3));
        points.push(WorldPoint::new(0.5, f64::INFINITY));
        points.push(WorldPoint::new(f64::NEG_INFINITY, f64::NAN));
        let tree = ClusterTree::build(&points, &weights, ClusterOptions::default());
        assert_eq!(tree.len(), 4);
        assert!(!tree.is_empty());
        for zoom in 0..=17 {
            let items = tree.clusters(WorldBounds::WORLD, f64::from(zoom));
            assert_partition(&tree, &points, &weights, &items);
        }
        let world = tree.clusters(WorldBounds::WORLD, 3.0);
        let ClusterItem::Cluster { id, weight, .. } = world[0] else {
            panic!("{world:?}");
        };
        // Moscow is still 0, Zhukovsky now 4 (weights shifted; 4 has none).
        assert_eq!(tree.leaves(id), vec![0, 4]);
        assert_eq!(weight, 3 + 1);

        let none = ClusterTree::build(&points[1..2], &[], ClusterOptions::default());
        assert!(none.is_empty());
        assert_eq!(none.len(), 0);
        assert!(none.clusters(WorldBounds::WORLD, 3.0).is_empty());
        let empty = ClusterTree::build(&[], &[], ClusterOptions::default());
        assert!(empty.clusters(WorldBounds::WORLD, 0.0).is_empty());
        // Another tree's id names nothing here.
        assert!(empty.leaves(id).is_empty());
        assert!(empty.children(id).is_empty());
        assert_eq!(empty.expansion_zoom(id), None);
        assert_eq!(empty.bounds_of(id), None);
    }

    #[test]
    fn odd_options_still_partition() {
        let (points, weights) = random_points(300, 10);
        for options in [
            ClusterOptions {
                radius_px: f64::NAN,
                ..ClusterOptions::default()
            },
            ClusterOptions {
                radius_px: -5.0,
                node_size: 0,
                ..ClusterOptions::default()
            },
            ClusterOptions {
                radius_px: f64::INFINITY,
                ..ClusterOptions::default()
            },
            ClusterOptions {
                min_zoom: 9,
                max_zoom: 4,
                ..ClusterOptions::default()
            },
            ClusterOptions {
                min_zoom: 250,
                max_zoom: 255,
                ..ClusterOptions::default()
            },
        ] {
            let tree = ClusterTree::build(&points, &weights, options);
            for zoom in [0.0, 4.0, 9.0, 30.0, 31.0, 300.0] {
                let items = tree.clusters(WorldBounds::WORLD, zoom);
                assert_partition(&tree, &points, &weights, &items);
                for id in all_clusters(&tree, &items) {
                    let _ = (tree.expansion_zoom(id), tree.bounds_of(id));
                }
            }
        }
        // An infinite radius merges everything into one marker at zoom 0.
        let all = ClusterTree::build(
            &points,
            &weights,
            ClusterOptions {
                radius_px: f64::INFINITY,
                ..ClusterOptions::default()
            },
        );
        assert_eq!(all.clusters(WorldBounds::WORLD, 16.0).len(), 1);
        // A zero radius merges nothing but identical positions.
        let none = ClusterTree::build(
            &points,
            &weights,
            ClusterOptions {
                radius_px: 0.0,
                ..ClusterOptions::default()
            },
        );
        assert_eq!(
            none.clusters(WorldBounds::WORLD, 0.0),
            none.clusters(WorldBounds::WORLD, 17.0)
        );
    }

    #[test]
    fn cluster_item_accessors() {
        let p = WorldPoint::new(0.1, 0.2);
        let point = ClusterItem::Point { item: 3, at: p };
        assert_eq!((point.at(), point.count()), (p, 1));
        let cluster = ClusterItem::Cluster {
            id: ClusterId { zoom: 2, index: 0 },
            at: p,
            count: 5,
            weight: 9,
            lead: 4,
        };
        assert_eq!((cluster.at(), cluster.count()), (p, 5));
    }

    fn min_pairwise(offsets: &[(f64, f64)]) -> f64 {
        let mut min = f64::INFINITY;
        for (i, a) in offsets.iter().enumerate() {
            for b in &offsets[i + 1..] {
                min = min.min((a.0 - b.0).hypot(a.1 - b.1));
            }
        }
        min
    }

    #[test]
    fn spiderfy_fans_without_overlap() {
        for size in [1.0, 24.0, 40.5] {
            for n in 0..=400 {
                let fan = spiderfy_offsets(n, size);
                assert_eq!(fan.len(), n);
                assert_eq!(fan, spiderfy_offsets(n, size));
                if n >= 2 {
                    let min = min_pairwise(&fan);
                    assert!(min >= size, "n = {n}, size = {size}: {min}");
                    // Clear of the cluster's own marker, and compact.
                    for &(x, y) in &fan {
                        let r = x.hypot(y);
                        assert!(r >= size, "n = {n}: {r}");
                        assert!(r <= size * (2.0 + (n as f64).sqrt() * 1.0), "n = {n}: {r}");
                    }
                }
            }
        }
        assert!(spiderfy_offsets(0, 24.0).is_empty());
        assert_eq!(spiderfy_offsets(1, 24.0), vec![(0.0, 0.0)]);
        // Small fans are circles: every marker equally far out.
        let ring = spiderfy_offsets(8, 24.0);
        let r0 = ring[0].0.hypot(ring[0].1);
        assert!(ring.iter().all(|p| (p.0.hypot(p.1) - r0).abs() < 1e-9));
        assert_eq!(ring[0].1, 0.0, "starts east");
        // Larger ones spiral outward.
        let spiral = spiderfy_offsets(30, 24.0);
        let radii: Vec<_> = spiral.iter().map(|p| p.0.hypot(p.1)).collect();
        assert!(radii.windows(2).all(|w| w[0] < w[1]));
        for size in [0.0, -3.0, f64::NAN, f64::INFINITY] {
            assert_eq!(spiderfy_offsets(3, size), vec![(0.0, 0.0); 3]);
        }
    }
}
