//! Calls into the desktop shell (`window.__TAURI__`, exposed by `withGlobalTauri`) and
//! its event channel. Outside the shell — a plain browser — every call fails with a
//! clear error instead of throwing.

use satchel_types::{Command, ErrorCode, ErrorView, Event};
use serde::de::DeserializeOwned;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(catch, js_namespace = ["window", "__TAURI__", "core"], js_name = invoke)]
    async fn tauri_invoke(command: &str, args: JsValue) -> Result<JsValue, JsValue>;

    #[wasm_bindgen(catch, js_namespace = ["window", "__TAURI__", "core"], js_name = invoke)]
    async fn tauri_invoke_with(
        command: &str,
        body: JsValue,
        options: JsValue,
    ) -> Result<JsValue, JsValue>;

    #[wasm_bindgen(catch, js_namespace = ["window", "__TAURI__", "event"], js_name = listen)]
    async fn tauri_listen(
        event: &str,
        handler: &Closure<dyn FnMut(JsValue)>,
    ) -> Result<JsValue, JsValue>;

}

/// Calls `handler` with the payload of every `event` the shell itself emits (such as
/// `tauri://drag-drop`); returns the function that ends the subscription.
pub async fn listen_raw(
    event: &str,
    mut handler: impl FnMut(JsValue) + 'static,
) -> Option<JsValue> {
    if !in_shell() {
        return None;
    }
    let closure = Closure::<dyn FnMut(JsValue)>::new(move |message: JsValue| {
        handler(
            js_sys::Reflect::get(&message, &JsValue::from_str("payload")).unwrap_or(JsValue::NULL),
        );
    });
    let unlisten = tauri_listen(event, &closure).await.ok();
    closure.forget();
    unlisten
}

/// Ends a subscription `listen_raw` made.
pub fn unlisten(unlisten: &JsValue) {
    if let Some(function) = unlisten.dyn_ref::<js_sys::Function>() {
        let _ = function.call0(&JsValue::NULL);
    }
}

fn in_shell() -> bool {
    web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w, &JsValue::from_str("__TAURI__")).ok())
        .is_some_and(|v| !v.is_undefined())
}

fn failure(code: ErrorCode, message: impl Into<String>) -> ErrorView {
    ErrorView::new(code, message.into())
}

/// Runs `command` in the shell: its fields are the call's named arguments.
pub async fn invoke<C: Command>(command: C) -> Result<C::Reply, ErrorView> {
    if !in_shell() {
        return Err(failure(ErrorCode::Internal, "no_shell"));
    }
    let serializer = serde_wasm_bindgen::Serializer::new()
        .serialize_maps_as_objects(true)
        .serialize_missing_as_null(true);
    let args = command
        .serialize(&serializer)
        .map_err(|e| failure(ErrorCode::Internal, e.to_string()))?;
    reply(tauri_invoke(C::NAME, args).await)
}

/// A command's answer, or its `ErrorView` (anything else the shell threw is internal).
fn reply<R: DeserializeOwned>(invoked: Result<JsValue, JsValue>) -> Result<R, ErrorView> {
    match invoked {
        Ok(value) => serde_wasm_bindgen::from_value(value)
            .map_err(|e| failure(ErrorCode::Internal, e.to_string())),
        Err(error) => Err(serde_wasm_bindgen::from_value::<ErrorView>(error.clone())
            .unwrap_or_else(|_| {
                failure(
                    ErrorCode::Internal,
                    error.as_string().unwrap_or_else(|| format!("{error:?}")),
                )
            })),
    }
}

/// Invokes a shell command with raw bytes as its body (a pasted picture, as
/// `satchel_types::PASTE_IMAGE`), and a header that says what they are: no JSON array
/// of numbers for megabytes of pixels.
pub async fn call_with_bytes<R: DeserializeOwned>(
    command: &str,
    bytes: &js_sys::Uint8Array,
    media_type: &str,
) -> Result<R, ErrorView> {
    if !in_shell() {
        return Err(failure(ErrorCode::Internal, "no_shell"));
    }
    let headers = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&headers, &"x-media-type".into(), &media_type.into());
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"headers".into(), &headers);
    reply(tauri_invoke_with(command, bytes.into(), options.into()).await)
}

/// Calls `handler` with every event the core publishes, for the app's lifetime.
pub async fn listen_to_events(mut handler: impl FnMut(Event) + 'static) {
    if !in_shell() {
        return;
    }
    let closure = Closure::<dyn FnMut(JsValue)>::new(move |message: JsValue| {
        let payload =
            js_sys::Reflect::get(&message, &JsValue::from_str("payload")).unwrap_or(JsValue::NULL);
        if let Ok(event) = serde_wasm_bindgen::from_value::<Event>(payload) {
            handler(event);
        }
    });
    if tauri_listen(satchel_types::EVENT_CHANNEL, &closure)
        .await
        .is_ok()
    {
        // The subscription lives as long as the window: keep the handler alive.
        closure.forget();
    }
}
