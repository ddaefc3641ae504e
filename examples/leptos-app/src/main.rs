//! A Leptos 0.8 CSR app with a Dateline story map in it: the app keeps its
//! own state of what the reader opened (`on_select`), and its own buttons
//! drive the map (`StoryMapControl`).

#[cfg(target_arch = "wasm32")]
mod app;

fn main() {
    #[cfg(target_arch = "wasm32")]
    {
        console_error_panic_hook::set_once();
        leptos::mount::mount_to_body(app::App);
    }
}
