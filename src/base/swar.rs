//! Bytes eight at a time ("SIMD within a register"): the index of a text skips
//! whole runs of letters with one test per eight bytes.
//!
//! Eight bytes are read as a little-endian word (byte 0 lowest), and the high bit of
//! each byte that is *not* of the kind asked is set, so that the first such byte is
//! `trailing_zeros() / 8` bytes in, and 0 means all eight are.
//!
//! Not `memchr`: it finds the first of one, two or three given bytes (or a substring),
//! and what this asks is the first byte *outside* a class of 52, which no `memchr`
//! search expresses without one pass per byte value.

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH: u64 = 0x8080_8080_8080_8080;

/// The high bit of each byte whose low seven bits are in `from..=to` (sums on seven
/// bits: none carries into the next byte).
fn in_range(seven: u64, from: u8, to: u8) -> u64 {
    let at_least_from = seven + u64::from(0x80 - from) * ONES;
    let past_to = seven + u64::from(0x7F - to) * ONES;
    at_least_from & !past_to & HIGH
}

/// The bytes of `eight` that are no ASCII letter.
pub(crate) fn not_letters(eight: [u8; 8]) -> u64 {
    let x = u64::from_le_bytes(eight);
    // Lower case, on seven bits.
    let lower = (x | (0x20 * ONES)) & (0x7F * ONES);
    let letters = in_range(lower, b'a', b'z') & !x;
    !letters & HIGH
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every byte value at every place, among letters.
    fn each_byte(f: fn([u8; 8]) -> u64, kind: fn(u8) -> bool) {
        for v in 0..=255u8 {
            for at in 0..8 {
                let mut eight = [b'q'; 8];
                eight[at] = v;
                let want = if kind(v) { 0 } else { 0x80 << (8 * at) };
                assert_eq!(f(eight), want, "{v:#04x} at {at}");
            }
        }
    }

    #[test]
    fn letters_eight_at_a_time() {
        each_byte(not_letters, |b| b.is_ascii_alphabetic());
        assert_eq!(not_letters(*b"AZaz@[`{"), 0x8080_8080_0000_0000);
    }
}
