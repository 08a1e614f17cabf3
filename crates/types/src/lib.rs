//! The shapes that cross the boundary between Satchel's core and its user interfaces.
//!
//! Everything here is plain data with serde derives, so the Leptos UI (wasm32) can
//! depend on it without pulling in the store, the keychain or any native code. Field
//! names are `snake_case` on the wire; timestamps are Unix milliseconds (UTC).

mod classroom;
pub mod command;
mod errors;
mod events;
mod jobs;
mod learn;
mod library;
mod models;
mod profiles;
mod sync;

pub use classroom::*;
pub use command::{Command, PASTE_IMAGE};
pub use errors::*;
pub use events::*;
pub use jobs::*;
pub use learn::*;
pub use library::*;
pub use models::*;
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
    fn each_command_has_its_own_name_its_struct_spelled_in_snake_case() {
        let mut names = std::collections::HashSet::new();
        for name in command::NAMES {
            assert!(names.insert(name), "{name} is declared twice");
        }
        for &(struct_name, name) in command::DECLARED {
            let mut snake = String::new();
            for c in struct_name.chars() {
                if c.is_ascii_uppercase() && !snake.is_empty() {
                    snake.push('_');
                }
                snake.push(c.to_ascii_lowercase());
            }
            assert_eq!(snake, name, "{struct_name} is not named after its command");
        }
    }

    #[test]
    fn a_command_is_sent_as_its_fields_in_one_object() {
        // The shell reads each field by its own name, a missing `Option` as `None`.
        let unlock = command::UnlockProfile {
            profile_id: "p1".into(),
            request: UnlockRequest::Passphrase {
                passphrase: "pw".into(),
            },
        };
        assert_eq!(
            serde_json::to_value(&unlock).unwrap(),
            serde_json::json!({
                "profile_id": "p1",
                "request": { "method": "passphrase", "passphrase": "pw" },
            })
        );
        let edit: command::SetCard =
            serde_json::from_str(r#"{"id":"c1","state":"kept","front":null}"#).unwrap();
        assert_eq!(edit.front, None);
        assert_eq!(edit.back, None);
        // A command with no arguments is an empty object, as `invoke(name)` sends.
        assert_eq!(serde_json::to_string(&command::Library {}).unwrap(), "{}");
        serde_json::from_str::<command::Library>("{}").unwrap();
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
