//! Minifies the widget's stylesheet into OUT_DIR, where `src/ui/styles.rs`
//! includes it: the CSS travels inside the reader's WebAssembly.

#[path = "src/css_minify.rs"]
mod css_minify;

use std::{env, fs, path::PathBuf};

fn main() {
    let mut css = String::new();
    for file in ["../../assets/dateline.css", "../../assets/timeline.css"] {
        println!("cargo:rerun-if-changed={file}");
        css.push_str(&fs::read_to_string(file).unwrap_or_else(|e| panic!("{file}: {e}")));
        css.push('\n');
    }
    println!("cargo:rerun-if-changed=src/css_minify.rs");
    let out = PathBuf::from(env::var_os("OUT_DIR").unwrap_or_default()).join("dateline.min.css");
    fs::write(&out, css_minify::minify(&css)).unwrap_or_else(|e| panic!("{}: {e}", out.display()));
}
