//! Hashing and serde helpers shared by the cache and the cross-file summaries:
//! fixed-seed 128-bit hashes, and exact text forms of `f64` and `u128`.

use std::hash::{BuildHasher, Hasher};

use foldhash::quality::FixedState;

/// Two 64-bit hashes of the same input with different fixed seeds (the same in every
/// run and on every machine).
pub(crate) fn hash128(feed: impl Fn(&mut <FixedState as BuildHasher>::Hasher)) -> u128 {
    let half = |seed: u64| {
        let mut h = FixedState::with_seed(seed).build_hasher();
        feed(&mut h);
        h.finish()
    };
    (u128::from(half(0x6361_6368_655f_6b31)) << 64) | u128::from(half(0x6361_6368_655f_6b32))
}

/// Serde for an `f64` as the shortest text that reads back as the same value (Rust's
/// `Display` and `parse`: exact both ways, unlike a JSON number read by serde_json's
/// default parser; `inf`, `-inf` and `NaN` included, which JSON numbers cannot be).
pub(crate) mod f64_text {
    use serde::{Deserialize, Deserializer, Serializer, de::Error};

    /// Writes the text.
    pub fn serialize<S: Serializer>(x: &f64, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(x)
    }

    /// Reads the text.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        text.parse().map_err(D::Error::custom)
    }
}

/// Serde for a `u128` as 32 hex digits (shorter than its decimal digits).
pub(crate) mod u128_hex {
    use serde::{Deserialize, Deserializer, Serializer, de::Error};

    /// Writes the digits.
    pub fn serialize<S: Serializer>(x: &u128, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&format_args!("{x:032x}"))
    }

    /// Reads the digits.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<u128, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        u128::from_str_radix(&text, 16).map_err(D::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use serde::{Deserialize, Serialize};

    use super::{f64_text, u128_hex};

    #[test]
    fn f64_text_keeps_every_value() {
        #[derive(Serialize, Deserialize)]
        struct X(#[serde(with = "f64_text")] f64);
        let mut values = vec![
            0.0,
            -0.0,
            0.1,
            1e300,
            5e-324,
            f64::MAX,
            f64::INFINITY,
            f64::NEG_INFINITY,
            2.75e9,
            f64::NAN,
        ];
        // Bit patterns from a fixed generator: every kind of float, not only short ones.
        let mut bits: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..10_000 {
            bits ^= bits << 13;
            bits ^= bits >> 7;
            bits ^= bits << 17;
            values.push(f64::from_bits(bits));
        }
        for x in values {
            let json = serde_json::to_string(&X(x)).expect("serializable");
            let back: X = serde_json::from_str(&json).expect("readable");
            assert!(
                back.0.to_bits() == x.to_bits() || (x.is_nan() && back.0.is_nan()),
                "{x:e} came back as {:e}",
                back.0
            );
        }
        assert_eq!(
            serde_json::to_string(&X(100_000.0)).expect("json"),
            "\"100000\""
        );
    }

    #[test]
    fn u128_hex_keeps_every_value() {
        #[derive(Serialize, Deserialize)]
        struct K(#[serde(with = "u128_hex")] u128);
        for k in [0, 1, u128::MAX, 0x0123_4567_89ab_cdef_0123_4567_89ab_cdef] {
            let json = serde_json::to_string(&K(k)).expect("serializable");
            assert_eq!(json.len(), 34, "{json}");
            let back: K = serde_json::from_str(&json).expect("readable");
            assert_eq!(back.0, k);
        }
    }
}
