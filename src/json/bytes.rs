//! Comparing long byte strings. In wasm, `==` on slices calls the compiler's `memcmp`, a loop over
//! single bytes; texts of whole commits and their items are compared eight bytes at a time here.

/// Whether `a` and `b` hold the same bytes.
pub fn same(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let (mut x, mut y) = (a.chunks_exact(8), b.chunks_exact(8));
    let words = x.by_ref().zip(y.by_ref()).all(|(p, q)| word(p) == word(q));
    words && x.remainder() == y.remainder()
}

/// Whether `text` starts with `prefix`.
pub fn starts_with(text: &[u8], prefix: &[u8]) -> bool {
    text.get(..prefix.len())
        .is_some_and(|head| same(head, prefix))
}

fn word(chunk: &[u8]) -> u64 {
    let mut w = [0u8; 8];
    w.copy_from_slice(chunk);
    u64::from_le_bytes(w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agrees_with_slice_equality() {
        let base: Vec<u8> = (0..100u8).collect();
        for len in 0..40 {
            for at in 0..len {
                let mut other = base[..len].to_vec();
                assert!(same(&base[..len], &other));
                other[at] ^= 1;
                assert!(!same(&base[..len], &other), "{len} {at}");
                assert!(!starts_with(&other, &base[..len]));
            }
            assert!(!same(&base[..len], &base[..len + 1]));
            assert!(starts_with(&base, &base[..len]));
            assert!(!starts_with(&base[..len], &base[..len + 1]));
        }
    }
}
