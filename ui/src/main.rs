//! Satchel's window: a Leptos app, client-side rendered from wasm32, that talks to the
//! desktop shell only through `ipc` and only in the shapes of `satchel-types`.

mod app;
mod i18n;
mod ipc;
mod pages;
mod recorder;
mod theme;
mod widgets;

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
}
