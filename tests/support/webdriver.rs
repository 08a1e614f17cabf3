//! Just enough of the W3C WebDriver protocol to drive Satchel's real window through
//! tauri-driver and WebKitWebDriver.

use std::time::{Duration, Instant};

use serde_json::{Value, json};

/// The key W3C WebDriver returns element references under.
const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

pub struct Session {
    base: String,
    id: String,
}

#[derive(Debug)]
pub struct Element(String);

impl Session {
    /// Launches `application` in a new window.
    pub fn start(driver: &str, application: &std::path::Path) -> Result<Self, String> {
        let capabilities = json!({ "capabilities": { "alwaysMatch": {
            "tauri:options": { "application": application.display().to_string() }
        }}});
        let reply = post(&format!("{driver}/session"), &capabilities)?;
        let id = reply["value"]["sessionId"]
            .as_str()
            .ok_or_else(|| format!("no session id in {reply}"))?
            .to_owned();
        Ok(Self {
            base: format!("{driver}/session/{id}"),
            id,
        })
    }

    pub fn id(&self) -> &str {
        &self.id
    }

    /// The first element matching `css`, waiting up to `timeout` for it to appear.
    pub fn wait_for(&self, css: &str, timeout: Duration) -> Result<Element, String> {
        let started = Instant::now();
        loop {
            let reply = post(
                &format!("{}/element", self.base),
                &json!({ "using": "css selector", "value": css }),
            );
            if let Ok(reply) = reply
                && let Some(id) = reply["value"][ELEMENT].as_str()
            {
                return Ok(Element(id.to_owned()));
            }
            if started.elapsed() > timeout {
                return Err(format!("no element {css:?} after {timeout:?}"));
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// Waits until the element matching `css` shows `text` somewhere in its text.
    pub fn wait_for_text(&self, css: &str, text: &str, timeout: Duration) -> Result<(), String> {
        let started = Instant::now();
        loop {
            if let Ok(element) = self.wait_for(css, Duration::from_millis(200))
                && self.text(&element).is_ok_and(|t| t.contains(text))
            {
                return Ok(());
            }
            if started.elapsed() > timeout {
                let seen = self
                    .wait_for(css, Duration::ZERO)
                    .and_then(|e| self.text(&e))
                    .unwrap_or_default();
                return Err(format!(
                    "{css:?} never showed {text:?} (last seen {seen:?})"
                ));
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    pub fn click(&self, element: &Element) -> Result<(), String> {
        post(
            &format!("{}/element/{}/click", self.base, element.0),
            &json!({}),
        )
        .map(drop)
    }

    pub fn type_text(&self, element: &Element, text: &str) -> Result<(), String> {
        post(
            &format!("{}/element/{}/value", self.base, element.0),
            &json!({ "text": text }),
        )
        .map(drop)
    }

    /// Presses `keys` one after another on the keyboard, as a learner would, into
    /// whatever has focus.
    pub fn press_keys(&self, keys: &str) -> Result<(), String> {
        let actions: Vec<Value> = keys
            .chars()
            .flat_map(|key| {
                let key = key.to_string();
                [
                    json!({ "type": "keyDown", "value": key }),
                    json!({ "type": "keyUp", "value": key }),
                ]
            })
            .collect();
        post(
            &format!("{}/actions", self.base),
            &json!({ "actions": [{ "type": "key", "id": "keyboard", "actions": actions }] }),
        )
        .map(drop)
    }

    pub fn text(&self, element: &Element) -> Result<String, String> {
        let reply = get(&format!("{}/element/{}/text", self.base, element.0))?;
        Ok(reply["value"].as_str().unwrap_or_default().to_owned())
    }

    /// A DOM property, such as an input's current `value`.
    pub fn property(&self, element: &Element, name: &str) -> Result<String, String> {
        let reply = get(&format!(
            "{}/element/{}/property/{name}",
            self.base, element.0
        ))?;
        Ok(reply["value"].as_str().unwrap_or_default().to_owned())
    }

    /// Waits until the input matching `css` holds `value`.
    pub fn wait_for_value(&self, css: &str, value: &str, timeout: Duration) -> Result<(), String> {
        let started = Instant::now();
        loop {
            let element = self.wait_for(css, timeout)?;
            let current = self.property(&element, "value")?;
            if current == value {
                return Ok(());
            }
            if started.elapsed() > timeout {
                return Err(format!("{css:?} holds {current:?}, not {value:?}"));
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// Runs `script` in the page (its `arguments` are `args`) and returns what it
    /// returns; a returned Promise is awaited.
    pub fn execute(&self, script: &str, args: Value) -> Result<Value, String> {
        let body = serde_json::json!({ "script": script, "args": args });
        let mut reply = post(&format!("{}/execute/sync", self.base), &body)?;
        Ok(reply["value"].take())
    }

    /// A PNG of the window.
    pub fn screenshot(&self) -> Result<Vec<u8>, String> {
        use base64::Engine;
        let reply = get(&format!("{}/screenshot", self.base))?;
        let encoded = reply["value"].as_str().ok_or("no screenshot")?;
        base64::engine::general_purpose::STANDARD
            .decode(encoded)
            .map_err(|e| e.to_string())
    }

    /// Closes the window and ends the app.
    pub fn end(self) -> Result<(), String> {
        ureq::delete(&self.base)
            .call()
            .map(drop)
            .map_err(|e| e.to_string())
    }
}

fn post(url: &str, body: &Value) -> Result<Value, String> {
    match ureq::post(url)
        .timeout(Duration::from_secs(60))
        .send_json(body.clone())
    {
        Ok(reply) => reply.into_json().map_err(|e| e.to_string()),
        Err(ureq::Error::Status(code, reply)) => Err(format!(
            "{url}: {code} {}",
            reply.into_string().unwrap_or_default()
        )),
        Err(e) => Err(format!("{url}: {e}")),
    }
}

fn get(url: &str) -> Result<Value, String> {
    match ureq::get(url).timeout(Duration::from_secs(60)).call() {
        Ok(reply) => reply.into_json().map_err(|e| e.to_string()),
        Err(ureq::Error::Status(code, reply)) => Err(format!(
            "{url}: {code} {}",
            reply.into_string().unwrap_or_default()
        )),
        Err(e) => Err(format!("{url}: {e}")),
    }
}
