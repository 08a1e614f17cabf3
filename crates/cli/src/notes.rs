use std::io::Read;

use satchel_core::Satchel;
use satchel_core::types::{ErrorCode, NoteDraft, NoteView};

use crate::cli::{Cli, NoteCommand};
use crate::output::{Failure, print};
use crate::unlock::unlock;

pub fn run(cli: &Cli, satchel: &Satchel, command: &NoteCommand) -> Result<(), Failure> {
    let profile = unlock(cli, satchel)?;
    match command {
        NoteCommand::Add { title, text } => {
            let note = profile.add_note(title, &read_text(text)?)?;
            print(cli.json, &note, |note| println!("{}", note.id))
        }
        NoteCommand::Edit { id, title, text } => {
            let current = profile.note(id)?;
            let draft = NoteDraft {
                id: Some(current.id),
                title: title.clone().unwrap_or(current.title),
                body: match text {
                    Some(text) => read_text(text)?,
                    None => current.body,
                },
            };
            let note = profile.save_note(&draft)?;
            print(cli.json, &note, |note| println!("{}", note.id))
        }
        NoteCommand::List => print(cli.json, &profile.notes()?, |notes| {
            for note in notes {
                println!("{}\t{}\t{}", note.id, note.title, note.excerpt);
            }
        }),
        NoteCommand::Show { id } => print(cli.json, &profile.note(id)?, show),
        NoteCommand::Rm { id } => {
            let note = profile.note(id)?;
            profile.delete_note(&note.id)?;
            print(cli.json, &serde_json::json!({ "deleted": note.id }), |_| {
                println!("Deleted {}", note.id)
            })
        }
    }
}

fn show(note: &NoteView) {
    if !note.title.is_empty() {
        println!("# {}\n", note.title);
    }
    println!("{}", note.body);
}

fn read_text(text: &str) -> Result<String, Failure> {
    if text != "-" {
        return Ok(text.to_owned());
    }
    let mut buffer = String::new();
    std::io::stdin()
        .take(satchel_core::BODY_MAX_BYTES as u64 + 1)
        .read_to_string(&mut buffer)
        .map_err(|e| {
            Failure::new(
                ErrorCode::InvalidInput,
                format!("reading standard input: {e}"),
            )
        })?;
    Ok(buffer)
}
