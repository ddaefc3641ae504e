//! Grouping markers that would overlap on screen.
//!
//! Interim: one greedy pass at the current zoom. A hierarchical clusterer
//! (clusters per zoom level, computed once) can replace the body of
//! [`cluster_on_screen`] or sit beside it and return the same
//! [`ScreenCluster`]s.

use super::screen::ScreenPoint;

/// Markers drawn as one: a single place, or several that overlap.
#[derive(Debug, Clone, PartialEq)]
pub struct ScreenCluster {
    /// Indices into the input slice, ascending; never empty.
    pub members: Vec<usize>,
    /// The mean screen position of the members.
    pub at: ScreenPoint,
}

impl ScreenCluster {
    /// Whether this is more than one marker (drawn with a count).
    pub fn is_group(&self) -> bool {
        self.members.len() > 1
    }
}

/// Groups markers whose screen positions lie within `radius_px` of one
/// another, greedily and deterministically.
///
/// Each unclaimed marker, in input order, seeds a cluster and claims every
/// later unclaimed marker within `radius_px` of the seed (inclusive), so
/// input order breaks ties and every index lands in exactly one cluster.
/// Clusters come in the order of their seeds. A non-finite point stays
/// alone (its `at` is the point itself); a negative or NaN radius counts as
/// 0, which still merges markers at identical positions.
///
/// O(n²): fine for the tens to hundreds of places a story has.
pub fn cluster_on_screen(points: &[ScreenPoint], radius_px: f64) -> Vec<ScreenCluster> {
    // `max` drops NaN; squaring an infinite radius keeps it infinite.
    let radius_sq = radius_px.max(0.0).powi(2);
    let mut claimed = vec![false; points.len()];
    let mut clusters = Vec::new();
    for (seed_index, &seed) in points.iter().enumerate() {
        if claimed[seed_index] {
            continue;
        }
        claimed[seed_index] = true;
        let mut members = vec![seed_index];
        // Infinite points would be "within" an infinite radius of each other.
        let joinable = seed.is_finite();
        for (i, &p) in points.iter().enumerate().skip(seed_index + 1) {
            let (dx, dy) = (p.x - seed.x, p.y - seed.y);
            if joinable && !claimed[i] && p.is_finite() && dx * dx + dy * dy <= radius_sq {
                claimed[i] = true;
                members.push(i);
            }
        }
        let at = mean(points, &members);
        clusters.push(ScreenCluster { members, at });
    }
    clusters
}

/// Mean position of `points[members]`; `members` is never empty.
fn mean(points: &[ScreenPoint], members: &[usize]) -> ScreenPoint {
    let n = members.len() as f64;
    let (sx, sy) = members
        .iter()
        .filter_map(|&i| points.get(i))
        .fold((0.0, 0.0), |(sx, sy), p| (sx + p.x, sy + p.y));
    ScreenPoint::new(sx / n, sy / n)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geo::{project, Size, Viewport, WorldBounds, DEFAULT_FIT_MAX_ZOOM};

    fn sp(x: f64, y: f64) -> ScreenPoint {
        ScreenPoint::new(x, y)
    }

    /// Every input index in exactly one cluster, members ascending.
    fn assert_partition(clusters: &[ScreenCluster], n: usize) {
        let mut seen = vec![0; n];
        for c in clusters {
            assert!(!c.members.is_empty());
            assert!(c.members.windows(2).all(|w| w[0] < w[1]), "{:?}", c.members);
            for &i in &c.members {
                seen[i] += 1;
            }
        }
        assert!(seen.iter().all(|&k| k == 1), "{seen:?}");
    }

    #[test]
    fn empty_input_gives_no_clusters() {
        assert!(cluster_on_screen(&[], 20.0).is_empty());
    }

    #[test]
    fn close_points_merge_and_far_ones_do_not() {
        let merged = cluster_on_screen(&[sp(100.0, 100.0), sp(103.0, 104.0)], 20.0);
        assert_eq!(merged.len(), 1);
        assert_eq!(merged[0].members, vec![0, 1]);
        assert_eq!(merged[0].at, sp(101.5, 102.0));
        assert!(merged[0].is_group());

        let apart = cluster_on_screen(&[sp(100.0, 100.0), sp(200.0, 100.0)], 20.0);
        assert_eq!(apart.len(), 2);
        assert_eq!(apart[0].members, vec![0]);
        assert_eq!(apart[0].at, sp(100.0, 100.0));
        assert!(!apart[1].is_group());
    }

    #[test]
    fn radius_is_inclusive() {
        assert_eq!(
            cluster_on_screen(&[sp(0.0, 0.0), sp(20.0, 0.0)], 20.0).len(),
            1
        );
        assert_eq!(
            cluster_on_screen(&[sp(0.0, 0.0), sp(20.001, 0.0)], 20.0).len(),
            2
        );
    }

    #[test]
    fn the_earlier_seed_wins_a_tie() {
        // Point 2 is within reach of both seeds 0 and 1; seed 0 comes first.
        let points = [sp(0.0, 0.0), sp(30.0, 0.0), sp(15.0, 0.0)];
        let clusters = cluster_on_screen(&points, 20.0);
        assert_eq!(clusters.len(), 2);
        assert_eq!(clusters[0].members, vec![0, 2]);
        assert_eq!(clusters[1].members, vec![1]);
    }

    #[test]
    fn every_index_once_and_deterministic() {
        // A scatter with many near neighbours, from a tiny LCG.
        let mut state: u64 = 42;
        let mut next = || {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1);
            (state >> 33) as f64 / f64::from(u32::MAX >> 1) * 300.0
        };
        let points: Vec<_> = (0..200).map(|_| sp(next(), next())).collect();
        let first = cluster_on_screen(&points, 15.0);
        assert_partition(&first, points.len());
        assert!(first.len() < points.len() && first.len() > 1);
        assert_eq!(first, cluster_on_screen(&points, 15.0));
        // Every member is within the radius of its cluster's seed.
        for c in &first {
            let seed = points[c.members[0]];
            assert!(c.members.iter().all(|&i| points[i].distance(seed) <= 15.0));
        }
    }

    #[test]
    fn odd_input_does_not_break_the_partition() {
        let points = [
            sp(f64::NAN, 0.0),
            sp(10.0, 10.0),
            sp(10.0, 10.0),
            sp(f64::INFINITY, 5.0),
            sp(11.0, 10.0),
        ];
        for radius in [f64::NAN, -1.0, 0.0, 5.0, f64::INFINITY] {
            let clusters = cluster_on_screen(&points, radius);
            assert_partition(&clusters, points.len());
            assert!(clusters[0].at.x.is_nan(), "the NaN point stays alone");
        }
        // Zero radius still merges identical positions.
        let zero = cluster_on_screen(&points, 0.0);
        assert_eq!(zero[1].members, vec![1, 2]);
        // An infinite radius merges every finite point.
        let all = cluster_on_screen(&points, f64::INFINITY);
        assert_eq!(all[1].members, vec![1, 2, 4]);
    }

    #[test]
    fn article_moscow_and_zhukovsky_merge_at_the_fitted_view() {
        // Moscow, Vostochny, Ashgabat, Zhukovsky.
        let places = [
            (37.6175, 55.7520),
            (128.3339, 51.8844),
            (58.3261, 37.9601),
            (38.15, 55.5533),
        ];
        let world: Vec<_> = places
            .iter()
            .map(|&(lon, lat)| project(lon, lat).unwrap())
            .collect();
        let bounds = WorldBounds::from_points(world.iter().copied()).unwrap();
        let view = Viewport::fit(bounds, Size::new(1280.0, 720.0), 48.0, DEFAULT_FIT_MAX_ZOOM);
        let screen: Vec<_> = world.iter().map(|&p| view.world_to_screen(p)).collect();

        let clusters = cluster_on_screen(&screen, 20.0);
        let members: Vec<_> = clusters.iter().map(|c| c.members.clone()).collect();
        assert_eq!(members, vec![vec![0, 3], vec![1], vec![2]]);
        let mid = clusters[0].at;
        assert!(mid.distance(screen[0]) < 20.0 && mid.distance(screen[3]) < 20.0);
    }
}
