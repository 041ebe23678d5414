//! One sort routine for the whole crate. Each `sort`/`sort_by_key` on another element type puts
//! another copy of the standard library's sort into the module (5 to 25 KB of wasm each at
//! opt-level 3; they were a sixth of the module). Here only indices are sorted, always the same
//! type, by a comparison called through a pointer; the elements are then moved into that order.

use std::cmp::Ordering;

/// Sorts `v` stably by `cmp`.
pub fn sort_by<T>(v: &mut Vec<T>, cmp: impl Fn(&T, &T) -> Ordering) {
    if v.len() < 2 {
        return;
    }
    let order = stable_order(v.len(), &|a, b| cmp(&v[a], &v[b]));
    permute(v, &order);
}

/// Sorts `v` stably by `key`.
pub fn sort_by_key<T, K: Ord>(v: &mut Vec<T>, key: impl Fn(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `v` (stably, so equal elements keep their order).
pub fn sort<T: Ord>(v: &mut Vec<T>) {
    sort_by(v, T::cmp);
}

/// The indices `0..len` in the stable order `cmp` gives them.
#[inline(never)]
pub fn stable_order(len: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<u32> {
    let mut order: Vec<u32> = (0..len as u32).collect();
    order.sort_by(|&a, &b| cmp(a as usize, b as usize));
    order
}

/// Puts the elements of `v` in the order `order` (a permutation of its indices) lists them.
fn permute<T>(v: &mut Vec<T>, order: &[u32]) {
    let mut slots: Vec<Option<T>> = v.drain(..).map(Some).collect();
    v.extend(
        order
            .iter()
            .filter_map(|&i| slots.get_mut(i as usize).and_then(Option::take)),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_stably_like_the_standard_library() {
        let mut seed = 1u64;
        for len in [0usize, 1, 2, 3, 7, 20, 100, 1000] {
            let v: Vec<(u8, usize)> = (0..len)
                .map(|i| {
                    seed = seed
                        .wrapping_mul(6364136223846793005)
                        .wrapping_add(1442695040888963407);
                    ((seed >> 60) as u8, i)
                })
                .collect();
            let mut mine = v.clone();
            sort_by_key(&mut mine, |x| x.0);
            let mut theirs = v.clone();
            theirs.sort_by_key(|x| x.0);
            assert_eq!(mine, theirs, "{len}");
            let mut all = v.clone();
            sort(&mut all);
            let mut expected = v;
            expected.sort();
            assert_eq!(all, expected);
        }
    }
}
