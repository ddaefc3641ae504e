//! The transcendental functions the map's geometry uses. In the browser they
//! are its own `Math` functions: Rust's would add their code (about 10 KiB,
//! half of it the argument reduction of sine and cosine) to the reader's
//! download for what every browser already has: the `browser` feature, which
//! the reader turns on for wasm32. Elsewhere (native tests, the command-line
//! tools) they are std's. Results agree to the last bit or
//! two, which nothing here depends on.

#[cfg(feature = "browser")]
pub use js_sys::Math::{
    acos, asin, atan, atan2, cos, cosh, exp, log as ln, log2, sin, sinh, tan, tanh,
};

/// `base` to the power `exp` (`f64::powf`).
#[cfg(feature = "browser")]
pub fn powf(base: f64, exp: f64) -> f64 {
    js_sys::Math::pow(base, exp)
}

/// 2 to the power `x` (`f64::exp2`; JavaScript has no `Math.exp2`).
pub fn exp2(x: f64) -> f64 {
    powf(2.0, x)
}

/// `v` held between `low` and `high` (`low` wins if they cross; NaN stays NaN).
///
/// Not `f64::clamp`: its check that `low <= high` prints both bounds when it
/// fails, and that float printing (about 5 KiB gzip) is then in the reader
/// for a message no reader sees. `clippy.toml` keeps `f64::clamp` out.
pub fn clamp(v: f64, low: f64, high: f64) -> f64 {
    if v > high {
        high
    } else if v < low {
        low
    } else {
        v
    }
}

#[cfg(not(feature = "browser"))]
mod native {
    macro_rules! std_fns {
        ($($name:ident => $method:ident),* $(,)?) => {
            $(
                #[doc = concat!("`f64::", stringify!($method), "`.")]
                pub fn $name(x: f64) -> f64 {
                    x.$method()
                }
            )*
        };
    }
    std_fns!(acos => acos, asin => asin, atan => atan, cos => cos, cosh => cosh, exp => exp,
        ln => ln, log2 => log2, sin => sin, sinh => sinh, tan => tan, tanh => tanh);

    /// `f64::atan2`: the angle of the point (`x`, `y`), from `y` and `x`.
    pub fn atan2(y: f64, x: f64) -> f64 {
        y.atan2(x)
    }

    /// `f64::powf`.
    pub fn powf(base: f64, exp: f64) -> f64 {
        base.powf(exp)
    }
}
#[cfg(not(feature = "browser"))]
pub use native::*;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clamp_holds_values_between_the_bounds() {
        assert_eq!(clamp(-3.0, 0.0, 1.0), 0.0);
        assert_eq!(clamp(0.25, 0.0, 1.0), 0.25);
        assert_eq!(clamp(7.0, 0.0, 1.0), 1.0);
        assert_eq!(clamp(5.0, 2.0, 1.0), 1.0);
        assert_eq!(clamp(-5.0, 2.0, 1.0), 2.0);
        assert!(clamp(f64::NAN, 0.0, 1.0).is_nan());
    }

    // The browser's functions against std's: crates/dateline/tests/browser.rs.
    #[test]
    fn exp2_by_pow_agrees_with_std() {
        for x in [-2.5, -0.3, 0.0, 0.7, 1.0, 3.1, 18.0] {
            assert!((exp2(x) - x.exp2()).abs() <= 1e-12 * x.exp2(), "{x}");
        }
    }
}
