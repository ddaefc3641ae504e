//! One stable sort for the cold paths (parsing, a story's order, the
//! timeline's layout). Each `slice::sort_by` with a closure of its own is a
//! fresh copy of the standard library's sort (3–5 KiB of wasm each); sorting
//! through here ships that code once (issue 13). It sorts indices through a
//! `dyn` comparison and then moves the items, so the cluster tree of
//! 100,000 places keeps the standard sort; the markers of one view (at most
//! a few hundred) use this one.

use std::cmp::Ordering;

/// The order that sorts `len` items stably by `cmp` on their indices: equal
/// items keep their index order.
///
/// ```
/// use dateline_story::sorting::stable_order;
///
/// let keys = [3, 1, 3, 0];
/// assert_eq!(stable_order(4, &mut |a, b| keys[a].cmp(&keys[b])), vec![3, 1, 0, 2]);
/// ```
pub fn stable_order(len: usize, cmp: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    sort_indices(&mut order, cmp);
    order
}

/// Sorts `items` stably by `cmp`, as `slice::sort_by` does.
///
/// ```
/// let mut words = vec!["pear", "fig", "apple", "kiwi"];
/// dateline_story::sorting::sort_by(&mut words, |a, b| a.len().cmp(&b.len()));
/// assert_eq!(words, ["fig", "pear", "kiwi", "apple"]);
/// ```
pub fn sort_by<T>(items: &mut Vec<T>, mut cmp: impl FnMut(&T, &T) -> Ordering) {
    // Most places have one event: nothing to sort, nothing to allocate.
    if items.len() < 2 {
        return;
    }
    let order = stable_order(items.len(), &mut |a, b| cmp(&items[a], &items[b]));
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(
        order
            .iter()
            .filter_map(|&i| slots.get_mut(i).and_then(Option::take)),
    );
}

// Not inlined, so that every caller shares this one instance of the sort.
#[inline(never)]
fn sort_indices(order: &mut [usize], cmp: &mut dyn FnMut(usize, usize) -> Ordering) {
    order.sort_by(|&a, &b| cmp(a, b));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_like_the_standard_stable_sort() {
        let items: Vec<(u8, usize)> = (0..500).map(|i| (((i * 7919) % 13) as u8, i)).collect();
        let mut ours = items.clone();
        sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
        let mut std_sorted = items;
        std_sorted.sort_by_key(|a| a.0);
        assert_eq!(ours, std_sorted);
    }

    #[test]
    fn empty_and_single_lists_stay_as_they_are() {
        let mut none: Vec<u8> = Vec::new();
        sort_by(&mut none, |a, b| a.cmp(b));
        assert!(none.is_empty());
        let mut one = vec![5];
        sort_by(&mut one, |a, b| b.cmp(a));
        assert_eq!(one, [5]);
        assert!(stable_order(0, &mut |a, b| a.cmp(&b)).is_empty());
    }
}
