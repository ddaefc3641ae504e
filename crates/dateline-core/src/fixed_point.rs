//! Numbers written for CSS and SVG with a fixed count of decimals, by integer
//! arithmetic. Formatting an `f64` with `{}` or `{:.2}` pulls core's float
//! printing (Grisu with a Dragon fallback, about 15 KiB of wasm) into the
//! reader; these do not (issue 13).

use std::fmt::Write;

/// `value` with `decimals` digits after the point (at most 9), rounded half
/// away from zero; not a finite number is written as 0.
///
/// ```
/// use dateline_core::fixed_point::fixed;
///
/// assert_eq!(fixed(12.345, 1), "12.3");
/// assert_eq!(fixed(-0.004, 2), "0.00");
/// assert_eq!(fixed(-1.5, 0), "-2");
/// assert_eq!(fixed(0.25, 9), "0.250000000");
/// ```
pub fn fixed(value: f64, decimals: u32) -> String {
    let mut out = String::new();
    push_fixed(&mut out, value, decimals);
    out
}

/// A CSS length: `value` px with one decimal.
///
/// ```
/// assert_eq!(dateline_core::fixed_point::px(320.0), "320.0px");
/// ```
pub fn px(value: f64) -> String {
    let mut out = fixed(value, 1);
    out.push_str("px");
    out
}

/// Appends `fixed(value, decimals)` to `out`.
pub fn push_fixed(out: &mut String, value: f64, decimals: u32) {
    let decimals = decimals.min(9);
    let unit = 10u64.pow(decimals);
    // `as` saturates: a value past u64's range is written as its largest.
    let scaled = if value.is_finite() {
        (value.abs() * unit as f64).round() as u64
    } else {
        0
    };
    if value < 0.0 && scaled != 0 {
        out.push('-');
    }
    let _ = write!(out, "{}", scaled / unit);
    if decimals > 0 {
        let _ = write!(out, ".{:0width$}", scaled % unit, width = decimals as usize);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agrees_with_rusts_own_formatting_away_from_ties() {
        for &v in &[
            0.0,
            1.0,
            -1.0,
            3.25159,
            1234.5678,
            -27.3,
            99.96,
            0.123456789,
            4096.0,
        ] {
            for d in [0, 1, 2, 4, 9] {
                assert_eq!(fixed(v, d), format!("{:.*}", d as usize, v), "{v} to {d}");
            }
        }
    }

    #[test]
    fn a_negative_that_rounds_to_zero_has_no_sign() {
        assert_eq!(fixed(-0.0001, 2), "0.00");
        assert_eq!(fixed(-0.0, 0), "0");
    }

    #[test]
    fn not_a_number_is_zero_and_huge_values_do_not_wrap() {
        assert_eq!(fixed(f64::NAN, 2), "0.00");
        assert_eq!(fixed(f64::INFINITY, 0), "0");
        assert!(fixed(1e30, 0).starts_with("18446744073709551615"));
    }
}
