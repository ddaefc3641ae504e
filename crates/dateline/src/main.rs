//! The Trunk entry point: log panics, then turn every `[data-dateline]` element
//! into a widget (unless the embed loader is on the page: it mounts them).

fn main() {
    #[cfg(target_arch = "wasm32")]
    {
        dateline::panic_report::install();
        dateline::embed::mount_hosts();
    }
}
