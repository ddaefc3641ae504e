//! Dateline Studio's entry point (`studio.html`): log panics, then mount the
//! Studio in `#studio`.

fn main() {
    #[cfg(target_arch = "wasm32")]
    {
        dateline::panic_report::install();
        dateline_studio::ui::mount("studio");
    }
}
