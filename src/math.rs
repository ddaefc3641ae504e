//! The transcendental functions the map's geometry uses. In the browser they
//! are its own `Math` functions: Rust's would add their code (about 10 KiB,
//! half of it the argument reduction of sine and cosine) to the reader's
//! download for what every browser already has. Elsewhere (native tests,
//! the command-line tools) they are std's. Results agree to the last bit or
//! two, which nothing here depends on.

#[cfg(target_arch = "wasm32")]
pub use js_sys::Math::{
    acos, asin, atan, atan2, cos, cosh, exp, log as ln, log2, sin, sinh, tan, tanh,
};

/// `base` to the power `exp` (`f64::powf`).
#[cfg(target_arch = "wasm32")]
pub fn powf(base: f64, exp: f64) -> f64 {
    js_sys::Math::pow(base, exp)
}

/// 2 to the power `x` (`f64::exp2`; JavaScript has no `Math.exp2`).
pub fn exp2(x: f64) -> f64 {
    powf(2.0, x)
}

#[cfg(not(target_arch = "wasm32"))]
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
#[cfg(not(target_arch = "wasm32"))]
pub use native::*;

#[cfg(test)]
mod tests {
    use super::*;

    // The browser's functions against std's: tests/browser.rs.
    #[test]
    fn exp2_by_pow_agrees_with_std() {
        for x in [-2.5, -0.3, 0.0, 0.7, 1.0, 3.1, 18.0] {
            assert!((exp2(x) - x.exp2()).abs() <= 1e-12 * x.exp2(), "{x}");
        }
    }
}
