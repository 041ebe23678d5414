//! Exact decimal money. Amounts arrive as JSON numbers or numeric strings; both are read from their
//! decimal spelling, so `0.1` is exactly one tenth and `3 × 0.1 == 0.3`.

use std::cell::Cell;
use std::cmp::Ordering;
use std::fmt;

/// The shortest spelling of the double nearest a decimal text, as JavaScript writes it
/// (`String(Number(text))`), or `None` when it is not finite.
pub type ShortestSpelling = fn(&str) -> Option<String>;

thread_local! {
    static SHORTEST: Cell<Option<ShortestSpelling>> = const { Cell::new(OWN_SHORTEST) };
}

/// Natively, Rust's float parser and printer give JavaScript's digits. The wasm build leaves them
/// out (with their tables they are ~27 KB gzipped) and the boundary lends JavaScript's own
/// ([`lend_shortest_spelling`]); until it does, 16- and 17-digit values are refused.
#[cfg(not(target_arch = "wasm32"))]
const OWN_SHORTEST: Option<ShortestSpelling> = Some(|text| {
    let d: f64 = text.parse().ok()?;
    d.is_finite().then(|| format!("{d:e}"))
});
#[cfg(target_arch = "wasm32")]
const OWN_SHORTEST: Option<ShortestSpelling> = None;

/// Has [`Decimal::fits_js_number`] spell doubles with `spell`.
pub fn lend_shortest_spelling(spell: ShortestSpelling) {
    SHORTEST.with(|s| s.set(Some(spell)));
}

/// Largest number of fractional digits kept. Finer values are refused rather than rounded.
pub const MAX_SCALE: u32 = 18;
/// Magnitude limit: |value| < 10^MAX_INT_DIGITS. Keeps every sum and comparison inside i128.
pub const MAX_INT_DIGITS: u32 = 19;

/// `mantissa / 10^scale`, always normalised (no trailing zero in the mantissa), so derived
/// equality and hashing are value equality.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub struct Decimal {
    mantissa: i128,
    scale: u32,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DecimalError {
    /// Not a number at all.
    Syntax,
    /// A number, but beyond the magnitude or precision kept exactly.
    OutOfRange,
}

/// 10^0 ..= 10^38. A table: in wasm every i128 multiplication is a library call, and the powers
/// are needed on every check and comparison.
const POW10: [i128; 39] = {
    let mut t = [1i128; 39];
    let mut i = 1;
    while i < t.len() {
        t[i] = t[i - 1] * 10;
        i += 1;
    }
    t
};

/// 10^n; `i128::MAX` past the table (no caller asks for more than 10^37).
fn pow10(n: u32) -> i128 {
    POW10.get(n as usize).copied().unwrap_or(i128::MAX)
}

impl Decimal {
    pub const ZERO: Decimal = Decimal {
        mantissa: 0,
        scale: 0,
    };
    pub const ONE: Decimal = Decimal {
        mantissa: 1,
        scale: 0,
    };

    fn normalised(mut mantissa: i128, mut scale: u32) -> Decimal {
        if mantissa == 0 {
            return Decimal::ZERO;
        }
        // Most amounts fit an i64, whose division is one instruction in wasm.
        if let Ok(mut small) = i64::try_from(mantissa) {
            while scale > 0 && small % 10 == 0 {
                small /= 10;
                scale -= 1;
            }
            return Decimal {
                mantissa: small.into(),
                scale,
            };
        }
        while scale > 0 && mantissa % 10 == 0 {
            mantissa /= 10;
            scale -= 1;
        }
        Decimal { mantissa, scale }
    }

    fn checked(mantissa: i128, scale: u32) -> Option<Decimal> {
        let d = Decimal::normalised(mantissa, scale);
        (d.scale <= MAX_SCALE
            && d.mantissa.unsigned_abs() < pow10(MAX_INT_DIGITS + d.scale) as u128)
            .then_some(d)
    }

    pub fn from_int(v: i64) -> Decimal {
        Decimal::normalised(v as i128, 0)
    }

    pub fn is_negative(&self) -> bool {
        self.mantissa < 0
    }

    pub fn is_zero(&self) -> bool {
        self.mantissa == 0
    }

    pub fn scale(&self) -> u32 {
        self.scale
    }

    /// Whether a JavaScript number holds this value exactly, so that it survives the trip through
    /// `JSON.parse` and `JSON.stringify` unchanged: the double nearest it, spelled the shortest
    /// way (as JavaScript spells it), is this value again. `0.30000000000000004` is such a number;
    /// `9007199254740993` is not (it reads as …992).
    pub fn fits_js_number(&self) -> bool {
        let m = self.mantissa.unsigned_abs();
        if self.scale == 0 && m <= 1 << 53 {
            return true;
        }
        // Cheap and sufficient for most amounts: with trailing zeros removed, a significand of at
        // most 2^52 is at least one unit of its last digit apart from its neighbours as a double,
        // so the double's shortest spelling is these digits.
        if let Ok(mut small) = u64::try_from(m) {
            while small != 0 && small % 10 == 0 {
                small /= 10;
            }
            if small <= 1 << 52 {
                return true;
            }
        }
        SHORTEST
            .with(Cell::get)
            .and_then(|spell| spell(&self.to_string()))
            .and_then(|text| Decimal::parse(&text).ok())
            == Some(*self)
    }

    /// Parses the JSON number grammar (and what a form field holds: surrounding spaces, a leading
    /// `+`, `.5`, `5.`). `NaN`, `Infinity`, hex and empty strings are syntax errors.
    pub fn parse(text: &str) -> Result<Decimal, DecimalError> {
        let s = text.trim().as_bytes();
        let mut i = 0;
        let negative = match s.first() {
            Some(b'-') => {
                i += 1;
                true
            }
            Some(b'+') => {
                i += 1;
                false
            }
            _ => false,
        };
        // The first 18 significant digits gather in a u64 (one instruction per digit in wasm).
        let mut small: u64 = 0;
        let mut digits: i128 = 0;
        let mut significant = 0u32;
        let mut frac_digits: i64 = 0;
        let mut seen_digit = false;
        let mut seen_point = false;
        let mut overflow = false;
        // Zeros after the last non-zero digit: gathered only when another non-zero digit follows,
        // so `5.000…0` holds as many zeros as it likes (they only move the scale).
        let mut pending: u32 = 0;
        while i < s.len() {
            match s[i] {
                b'0' => {
                    seen_digit = true;
                    if seen_point {
                        frac_digits += 1;
                    }
                    if significant > 0 {
                        pending = pending.saturating_add(1);
                    }
                }
                c @ b'1'..=b'9' => {
                    seen_digit = true;
                    if seen_point {
                        frac_digits += 1;
                    }
                    if significant.saturating_add(pending) >= 36 {
                        overflow = true;
                    } else {
                        // The zeros a non-zero digit follows, then the digit itself.
                        let mut gather = |d: u8| {
                            significant += 1;
                            if significant <= 18 {
                                small = small * 10 + u64::from(d);
                            } else {
                                if significant == 19 {
                                    digits = i128::from(small);
                                }
                                digits = digits * 10 + i128::from(d);
                            }
                        };
                        for _ in 0..pending {
                            gather(0);
                        }
                        gather(c - b'0');
                    }
                    pending = 0;
                }
                b'.' if !seen_point => seen_point = true,
                _ => break,
            }
            i += 1;
        }
        if !seen_digit {
            return Err(DecimalError::Syntax);
        }
        let mut exponent: i64 = 0;
        if i < s.len() && (s[i] == b'e' || s[i] == b'E') {
            i += 1;
            let exp_negative = match s.get(i) {
                Some(b'-') => {
                    i += 1;
                    true
                }
                Some(b'+') => {
                    i += 1;
                    false
                }
                _ => false,
            };
            let start = i;
            while i < s.len() && s[i].is_ascii_digit() {
                exponent = (exponent * 10 + (s[i] - b'0') as i64).min(100_000);
                i += 1;
            }
            if i == start {
                return Err(DecimalError::Syntax);
            }
            if exp_negative {
                exponent = -exponent;
            }
        }
        if i != s.len() {
            return Err(DecimalError::Syntax);
        }
        if overflow {
            return Err(DecimalError::OutOfRange);
        }
        if significant <= 18 {
            digits = i128::from(small);
        }
        let signed = if negative { -digits } else { digits };
        let scale = frac_digits - exponent - i64::from(pending);
        if digits == 0 {
            return Ok(Decimal::ZERO);
        }
        if scale >= 0 {
            // Trailing zeros may push the scale past the limit before normalising.
            let mut m = signed;
            let mut sc = scale;
            while sc > MAX_SCALE as i64 && m % 10 == 0 {
                m /= 10;
                sc -= 1;
            }
            if sc > MAX_SCALE as i64 {
                return Err(DecimalError::OutOfRange);
            }
            Decimal::checked(m, sc as u32).ok_or(DecimalError::OutOfRange)
        } else {
            let up = (-scale) as u32;
            if up > MAX_INT_DIGITS {
                return Err(DecimalError::OutOfRange);
            }
            signed
                .checked_mul(pow10(up))
                .and_then(|m| Decimal::checked(m, 0))
                .ok_or(DecimalError::OutOfRange)
        }
    }

    /// The exact value of a finite f64, via its shortest round-trip spelling (what JS prints).
    pub fn from_f64(v: f64) -> Result<Decimal, DecimalError> {
        if !v.is_finite() {
            return Err(DecimalError::Syntax);
        }
        Decimal::parse(&format!("{v:e}"))
    }

    fn aligned(a: Decimal, b: Decimal) -> (i128, i128, u32) {
        let scale = a.scale.max(b.scale);
        // Both scales are ≤ MAX_SCALE and magnitudes < 10^MAX_INT_DIGITS, so this cannot overflow.
        (
            a.mantissa * pow10(scale - a.scale),
            b.mantissa * pow10(scale - b.scale),
            scale,
        )
    }

    pub fn checked_add(self, other: Decimal) -> Option<Decimal> {
        let (a, b, scale) = Decimal::aligned(self, other);
        Decimal::checked(a.checked_add(b)?, scale)
    }

    pub fn checked_sub(self, other: Decimal) -> Option<Decimal> {
        let (a, b, scale) = Decimal::aligned(self, other);
        Decimal::checked(a.checked_sub(b)?, scale)
    }

    pub fn checked_mul(self, other: Decimal) -> Option<Decimal> {
        let m = self.mantissa.checked_mul(other.mantissa)?;
        Decimal::checked(m, self.scale + other.scale)
    }

    pub fn checked_mul_int(self, n: i64) -> Option<Decimal> {
        Decimal::checked(self.mantissa.checked_mul(n as i128)?, self.scale)
    }

    /// `self / n` truncated toward zero at `scale` fractional digits.
    pub fn div_int_truncated(self, n: u32, scale: u32) -> Option<Decimal> {
        if n == 0 || scale > MAX_SCALE {
            return None;
        }
        let m = if scale >= self.scale {
            self.mantissa.checked_mul(pow10(scale - self.scale))?
        } else {
            self.mantissa / pow10(self.scale - scale)
        };
        Decimal::checked(m / n as i128, scale)
    }

    /// Whether `self / n` is exact at `scale` fractional digits.
    pub fn divides_exactly(self, n: u32, scale: u32) -> bool {
        self.div_int_truncated(n, scale)
            .and_then(|q| q.checked_mul_int(n as i64))
            .map_or(false, |back| back == self)
    }

    pub fn to_f64(self) -> f64 {
        self.to_string().parse().unwrap_or(0.0)
    }
}

impl Ord for Decimal {
    fn cmp(&self, other: &Self) -> Ordering {
        let (a, b, _) = Decimal::aligned(*self, *other);
        a.cmp(&b)
    }
}

impl PartialOrd for Decimal {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Decimal {
    /// Plain notation, no exponent (`-0.05`, `1500`, `12.5`), written into `buf`.
    fn text<'b>(&self, buf: &'b mut [u8; 42]) -> &'b str {
        // Digits from the right into a buffer (sign, 38 digits, point, leading zero), so neither
        // the u128 formatter nor an allocation is needed.
        // The magnitude is below 10^37: two u64 halves of 19 digits, so the loop divides u64s.
        const E19: u128 = 10_000_000_000_000_000_000;
        let abs = self.mantissa.unsigned_abs();
        let (mut hi, mut lo) = if abs < E19 {
            (0, abs as u64)
        } else {
            ((abs / E19) as u64, (abs % E19) as u64)
        };
        let mut at = buf.len();
        let mut written = 0;
        while hi != 0 || lo != 0 || written <= self.scale {
            if written == self.scale && self.scale > 0 {
                at -= 1;
                buf[at] = b'.';
            }
            at -= 1;
            buf[at] = b'0' + (lo % 10) as u8;
            lo /= 10;
            written += 1;
            if written == 19 {
                (lo, hi) = (hi, 0);
            }
        }
        if self.mantissa < 0 {
            at -= 1;
            buf[at] = b'-';
        }
        std::str::from_utf8(&buf[at..]).unwrap_or_default()
    }
}

impl fmt::Display for Decimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.text(&mut [0; 42]))
    }
}

impl serde::Serialize for Decimal {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        // Its exact digits, as a JSON number (`1500`, `12.5`): no f64 on the way.
        crate::json::write::serialize_number(self.text(&mut [0; 42]), true, serializer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        Decimal::parse(s).unwrap()
    }

    #[test]
    fn three_tenths_are_exact() {
        assert_eq!(d("0.1").checked_mul(d("3")), Some(d("0.3")));
        assert_eq!(d("0.1").checked_add(d("0.2")), Some(d("0.3")));
        assert_eq!(Decimal::from_f64(0.1).unwrap(), d("0.1"));
    }

    #[test]
    fn spellings_of_one_value_are_equal() {
        for s in [
            "1500", " 1500 ", "1500.00", "1.5e3", "+1500", "15E2", "1500.",
        ] {
            assert_eq!(d(s), d("1500"), "{s}");
        }
        assert_eq!(d(".5"), d("0.5"));
        assert_eq!(d("-0"), Decimal::ZERO);
    }

    #[test]
    fn refuses_what_it_cannot_hold() {
        for s in [
            "", "abc", "NaN", "Infinity", "1e", "0x10", "1.2.3", "--1", "1 2",
        ] {
            assert_eq!(Decimal::parse(s), Err(DecimalError::Syntax), "{s}");
        }
        for s in [
            "1e400",
            "1e-300",
            "123456789012345678901234567890123456789",
            "1e19",
        ] {
            assert_eq!(Decimal::parse(s), Err(DecimalError::OutOfRange), "{s}");
        }
        assert!(Decimal::parse("9999999999999999999").is_ok());
    }

    /// Found by audit (session 6): trailing zeros counted as significant digits, so an exact
    /// value written with many of them was refused.
    #[test]
    fn trailing_zeros_are_not_digits_to_hold() {
        let zeros = "0".repeat(40);
        for (text, want) in [
            (format!("5.{zeros}"), "5"),
            (format!("1500.{zeros}"), "1500"),
            (format!("0.1{zeros}"), "0.1"),
            (format!("-2.5{zeros}e1"), "-25"),
            ("100".to_owned(), "100"),
            ("1000000000000000000".to_owned(), "1000000000000000000"),
            (format!("0.{}1", "0".repeat(17)), "0.000000000000000001"),
            (
                format!("123456789012345678.123456789012345678{zeros}"),
                "123456789012345678.123456789012345678",
            ),
        ] {
            let got = Decimal::parse(&text).map(|d| d.to_string());
            assert_eq!(got.as_deref(), Ok(want), "{text}");
        }
        for text in [
            format!("1{zeros}"),
            format!("1{zeros}.5"),
            format!("0.{}1", "0".repeat(18)),
        ] {
            assert_eq!(
                Decimal::parse(&text),
                Err(DecimalError::OutOfRange),
                "{text}"
            );
        }
    }

    #[test]
    fn knows_what_a_js_number_holds() {
        for ok in [
            "9007199254740992",
            "0.1",
            "1e18",
            "123456789012345.6",
            "-4503599627370496",
            "0.000000000000000001",
            // 17 significant digits, each the shortest spelling of its double (0.1 + 0.2, 100 / 3).
            "0.30000000000000004",
            "33.333333333333336",
            "-9007199254740994",
        ] {
            assert!(d(ok).fits_js_number(), "{ok}");
        }
        for bad in [
            "9007199254740993",
            "0.123456789012345678",
            "9999999999999999999",
            "4503599627370497.5",
            "0.30000000000000001",
            "33.33333333333333333",
        ] {
            assert!(!d(bad).fits_js_number(), "{bad}");
        }
        // Every double in range is one (what a page's numbers are), whatever its digits.
        let mut x = 0x9e37_79b9_7f4a_7c15u64;
        for _ in 0..20_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let v = f64::from_bits(x) % 1e18;
            if let Ok(dv) = Decimal::from_f64(v) {
                assert!(dv.fits_js_number(), "{v:e}");
            }
            let cents = (x % 1_000_000_000_000) as f64 / 100.0 / 3.0;
            assert!(
                Decimal::from_f64(cents).unwrap().fits_js_number(),
                "{cents}"
            );
        }
    }

    #[test]
    fn prints_and_orders() {
        assert_eq!(d("12.50").to_string(), "12.5");
        assert_eq!(d("-0.05").to_string(), "-0.05");
        for s in [
            "0",
            "7",
            "-7",
            "10",
            "1500",
            "0.5",
            "-0.5",
            "12.5",
            "0.000000000000000001",
            "-999999999999999999.999999999999999999",
            "9999999999999999999",
            "1234567890.123456789012",
            "-0.123456789012345678",
            "1000000000000000000.05",
            "100000000000000000.5",
        ] {
            assert_eq!(d(s).to_string(), s);
        }
        assert_eq!(d("100").to_f64(), 100.0);
        assert!(d("0.3") > d("0.29999"));
        assert_eq!(d("10").div_int_truncated(3, 2), Some(d("3.33")));
        assert!(d("12").divides_exactly(4, 0));
        assert!(!d("10").divides_exactly(3, 6));
    }

    #[test]
    fn written_as_exact_json_numbers() {
        let json = |s: &str| crate::json::to_string(&d(s)).unwrap();
        assert_eq!(json("1500.00"), "1500");
        assert_eq!(json("-0.050"), "-0.05");
        assert_eq!(json("1e-7"), "0.0000001");
        // 19 significant digits: an f64 would have written 1234567890.123457.
        assert_eq!(json("1234567890.123456789"), "1234567890.123456789");
        assert_eq!(json("9999999999999999999"), "9999999999999999999");
    }
}

/// Display against the former one (u128 `to_string`, then the point placed in the digits).
#[cfg(all(test, not(target_arch = "wasm32")))]
mod display_props {
    use super::*;
    use proptest::prelude::*;

    fn former(d: Decimal) -> String {
        let digits = d.mantissa.unsigned_abs().to_string();
        let sign = if d.mantissa < 0 { "-" } else { "" };
        let scale = d.scale as usize;
        if scale == 0 {
            format!("{sign}{digits}")
        } else if digits.len() > scale {
            let (int, frac) = digits.split_at(digits.len() - scale);
            format!("{sign}{int}.{frac}")
        } else {
            format!("{sign}0.{}{digits}", "0".repeat(scale - digits.len()))
        }
    }

    proptest! {
        #[test]
        fn prints_as_before(m in any::<i128>(), digits in 0u32..37, scale in 0u32..=MAX_SCALE) {
            let m = m % pow10(digits.max(1));
            if let Some(d) = Decimal::checked(m, scale) {
                prop_assert_eq!(d.to_string(), former(d));
                prop_assert_eq!(Decimal::parse(&d.to_string()), Ok(d));
            }
        }
    }
}
