//! `satchel models status|import|export` and `satchel update check`.

use satchel_core::Satchel;
use satchel_core::packs::{self, PackManifest};
use satchel_core::types::{Ability, ModelStatus};

use crate::cli::{Cli, ModelsCommand, UpdateCommand};
use crate::output::{Failure, print};

pub fn models(cli: &Cli, satchel: &Satchel, command: &ModelsCommand) -> Result<(), Failure> {
    let data_dir = satchel.data_dir();
    match command {
        ModelsCommand::Status => {
            let dirs = satchel_core::models::model_dirs(Some(data_dir));
            let imported = packs::installed_models(data_dir).map(|p| p.version);
            let status = satchel_core::models::status(&dirs, imported);
            print(cli.json, &status, show_status)
        }
        ModelsCommand::Export { file } => {
            let dirs = satchel_core::models::model_dirs(Some(data_dir));
            let manifest = packs::export_models(&dirs, file, &packs::trusted_keys())?;
            print(cli.json, &manifest, |m| {
                println!(
                    "Wrote model pack {} ({} files) to {}.",
                    m.version,
                    m.files.len(),
                    file.display()
                );
            })
        }
        ModelsCommand::Import { file } => {
            let manifest = packs::import_models(file, data_dir, &packs::trusted_keys())?;
            print(cli.json, &manifest, |m| {
                println!(
                    "Imported model pack {} ({} files).",
                    m.version,
                    m.files.len()
                );
                notes(m);
            })
        }
    }
}

pub fn update(cli: &Cli, command: &UpdateCommand) -> Result<(), Failure> {
    match command {
        UpdateCommand::Check { file } => {
            let stage = tempfile::tempdir()
                .map_err(|e| satchel_core::Error::io("create", std::env::temp_dir())(e))?;
            let update = packs::check_update(
                file,
                &packs::trusted_keys(),
                env!("CARGO_PKG_VERSION"),
                stage.path(),
            )?;
            print(cli.json, &update.manifest, |m| {
                println!(
                    "Satchel {} can be installed from this file (this is {}).",
                    m.version,
                    env!("CARGO_PKG_VERSION")
                );
                notes(m);
            })
        }
    }
}

fn notes(manifest: &PackManifest) {
    if !manifest.notes.is_empty() {
        println!("\n{}", manifest.notes);
    }
    for file in &manifest.files {
        println!("  {} ({} bytes)", file.name, file.size);
    }
}

/// Where Tesseract comes from, for a learner whose Satchel cannot read Hindi or Arabic.
const TESSERACT_HINT: &str = if cfg!(windows) {
    "Tesseract comes with Satchel's installer: install Satchel again."
} else {
    "Tesseract comes from the system's packages: on Debian and Ubuntu `sudo apt install tesseract-ocr-hin tesseract-ocr-ara`, on Fedora `sudo dnf install tesseract-langpack-hin tesseract-langpack-ara`."
};

fn show_status(status: &ModelStatus) {
    for ability in &status.abilities {
        let name = match ability.ability {
            Ability::TranscribeEnglish => "Writing down English recordings",
            Ability::TranscribeOtherLanguages => "Writing down recordings in other languages",
            Ability::ReadImages => "Reading photos and scanned pages",
            Ability::ReadOtherScripts => "Reading Hindi and Arabic in them",
            Ability::SearchByMeaning => "Searching by meaning",
        };
        if ability.ready {
            println!("ready    {name}");
        } else {
            println!("missing  {name}: needs {}", ability.missing.join(", "));
            if !ability.ability.comes_in_model_packs() {
                println!("         {TESSERACT_HINT}");
            }
        }
    }
    match &status.imported_pack {
        Some(version) => println!("\nImported model pack: {version}"),
        None => println!("\nNo model pack imported."),
    }
    if !status.all_ready() {
        println!(
            "Bring in a model pack with `satchel models import FILE` (from a USB stick or the class server)."
        );
    }
    println!("Looked in: {}", status.folders.join(", "));
}
