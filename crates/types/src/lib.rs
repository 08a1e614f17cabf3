//! The shapes that cross the boundary between Satchel's core and its user interfaces.
//!
//! Everything here is plain data with serde derives, so the Leptos UI (wasm32) can
//! depend on it without pulling in the store, the keychain or any native code. Field
//! names are `snake_case` on the wire; timestamps are Unix milliseconds (UTC).

mod classroom;
mod errors;
mod events;
mod jobs;
mod learn;
mod library;
mod profiles;
mod sync;

pub use classroom::*;
pub use errors::*;
pub use events::*;
pub use jobs::*;
pub use learn::*;
pub use library::*;
pub use profiles::*;
pub use sync::*;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_server_refusal_reads_with_or_without_its_code() {
        let coded: ServerErrorBody =
            serde_json::from_str(r#"{"code":"conflict","error":"that name is taken"}"#).unwrap();
        assert_eq!(coded.code, Some(ErrorCode::Conflict));
        let older: ServerErrorBody = serde_json::from_str(r#"{"error":"no such class"}"#).unwrap();
        assert_eq!(older.code, None);
        assert_eq!(ErrorCode::for_http_status(409), ErrorCode::Conflict);
        assert_eq!(ErrorCode::for_http_status(403), ErrorCode::Forbidden);
        assert_eq!(ErrorCode::for_http_status(418), ErrorCode::Internal);
    }

    #[test]
    fn events_are_tagged_with_dotted_names() {
        let json = serde_json::to_string(&Event::NoteDeleted { id: "n1".into() }).unwrap();
        assert_eq!(json, r#"{"type":"note.deleted","id":"n1"}"#);
    }

    #[test]
    fn unlock_requests_round_trip() {
        let request = UnlockRequest::RecoveryCode {
            recovery_code: "ABCD".into(),
            new_passphrase: Some("pw".into()),
        };
        let json = serde_json::to_string(&request).unwrap();
        assert!(json.contains(r#""method":"recovery_code""#), "{json}");
        assert_eq!(
            serde_json::from_str::<UnlockRequest>(&json).unwrap(),
            request
        );
    }
}
