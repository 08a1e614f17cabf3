//! `satchel class …` and the bundle commands: the classroom and the USB stick.

use std::path::Path;
use std::time::Duration;

use satchel_core::jobs::{Clock, SystemClock};
use satchel_core::types::{ClassReport, ErrorCode, OfferTaken, PackOfferKind};
use satchel_core::{Audience, Satchel};

use crate::cli::{ClassCommand, Cli};
use crate::output::{Failure, print};
use crate::unlock::unlock;

/// The claim code a student added by name joins with, when there is one.
fn print_claim(student: &satchel_core::types::Classmate) {
    if let Some(code) = &student.claim_code {
        println!(
            "{} joins with the class's code and the claim code {code} (it works once, for 7 days).",
            student.name
        );
    }
}

pub fn class(cli: &Cli, satchel: &Satchel, command: &ClassCommand) -> Result<(), Failure> {
    if let ClassCommand::Find { wait } = command {
        let found = satchel_core::discover(Duration::from_secs(*wait))?;
        return print(cli.json, &found, |found| {
            if found.is_empty() {
                println!(
                    "No class server answered on the local network. Ask for its address and use --server."
                );
            }
            for server in found {
                println!("{}\t{}", server.name, server.address);
            }
        });
    }
    let profile = unlock(cli, satchel)?;
    match command {
        ClassCommand::Find { .. } => Ok(()),
        ClassCommand::Create { name } => {
            let class = profile.classroom().create(name)?;
            print(cli.json, &class, |c| {
                let code = c.code.as_deref().unwrap_or("");
                println!("Made {}. Students join with the code {code}.", c.name);
            })
        }
        ClassCommand::List => {
            let classes = profile.classroom().classes()?;
            print(cli.json, &classes, |classes| {
                for c in classes {
                    let role = if c.teaching { "teaching" } else { "student" };
                    println!(
                        "{}\t{}\t{} students\t{role}\t{}",
                        c.id, c.name, c.students, c.teacher
                    );
                }
            })
        }
        ClassCommand::Join {
            code,
            server,
            fingerprint,
            name,
            claim,
        } => {
            // A join link names the server, its fingerprint and the code at once.
            let link = code
                .contains("://")
                .then(|| satchel_core::ServerAddress::parse(code))
                .transpose()?;
            let (server, code) = match (&link, server) {
                (Some(link), _) => (
                    link.pinned_text(),
                    link.code.clone().ok_or_else(|| {
                        Failure::new(ErrorCode::InvalidInput, "this link holds no join code")
                    })?,
                ),
                (None, Some(server)) => (server.clone(), code.clone()),
                (None, None) => {
                    let found = satchel_core::discover(Duration::from_secs(3))?;
                    let server = match found.as_slice() {
                        [one] => one.address.clone(),
                        [] => {
                            return Err(Failure::new(
                                ErrorCode::Offline,
                                "no class server answered on the local network",
                            )
                            .with_hint("ask your teacher for its address and use --server"));
                        }
                        _ => {
                            return Err(Failure::new(
                                ErrorCode::InvalidInput,
                                "several class servers answered",
                            )
                            .with_hint("choose one with --server (see `satchel class find`)"));
                        }
                    };
                    (server, code.clone())
                }
            };
            let server = crate::pinned(&server, fingerprint.as_deref())?;
            let name = name.clone().unwrap_or_else(|| profile.name().to_owned());
            let class = profile
                .classroom()
                .join(&server, &code, &name, claim.as_deref())?;
            print(cli.json, &class, |c| {
                println!(
                    "Joined {} ({}). Lessons arrive when you sync.",
                    c.name, c.teacher
                );
            })
        }
        ClassCommand::Assign {
            lesson,
            class,
            students,
        } => {
            let taught = profile.classroom().taught(class.as_deref())?;
            let audience = if students.is_empty() {
                Audience::WholeClass
            } else {
                let roster = profile.classroom().roster(&taught.id)?;
                let mut ids = Vec::new();
                for wanted in students {
                    let found = roster
                        .iter()
                        .find(|s| &s.id == wanted || &s.name == wanted)
                        .ok_or_else(|| {
                            Failure::new(
                                ErrorCode::NotFound,
                                format!("{wanted} is not in {}", taught.name),
                            )
                        })?;
                    ids.push(found.id.clone());
                }
                Audience::Students(ids)
            };
            let delivered = profile.classroom().assign(&taught.id, lesson, audience)?;
            print(
                cli.json,
                &serde_json::json!({ "class": taught.id, "delivered": delivered }),
                |_| println!("Assigned to {delivered} students of {}.", taught.name),
            )
        }
        ClassCommand::Roster { class } => {
            let taught = profile.classroom().taught(class.as_deref())?;
            let roster = profile.classroom().roster(&taught.id)?;
            print(cli.json, &roster, |roster| {
                for s in roster {
                    println!(
                        "{}\t{}\tbundle code {}",
                        s.id,
                        s.name,
                        s.bundle_code.as_deref().unwrap_or("-")
                    );
                }
            })
        }
        ClassCommand::Report { class, csv } => {
            let taught = profile.classroom().taught(class.as_deref())?;
            let report = profile.classroom().report(&taught.id)?;
            if let Some(path) = csv {
                crate::output::write_file(
                    path,
                    satchel_core::reports::class_csv(&report).as_bytes(),
                )?;
            }
            print(cli.json, &report, print_report)
        }
        ClassCommand::AddStudent { name, class } => {
            let taught = profile.classroom().taught(class.as_deref())?;
            let student = profile.classroom().add_student(&taught.id, name)?;
            print(cli.json, &student, |s| {
                println!("Added {} to {}.", s.name, taught.name);
                print_claim(s);
            })
        }
        ClassCommand::ClaimCode { student, class } => {
            let taught = profile.classroom().taught(class.as_deref())?;
            let student = profile.classroom().renew_claim(&taught.id, student)?;
            print(cli.json, &student, print_claim)
        }
        ClassCommand::ForgetDevices { student, class } => {
            let taught = profile.classroom().taught(class.as_deref())?;
            let student = profile.classroom().forget_devices(&taught.id, student)?;
            print(cli.json, &student, print_claim)
        }
        ClassCommand::NewCode { class } => {
            let taught = profile.classroom().taught(class.as_deref())?;
            let renewed = profile.classroom().renew_code(&taught.id)?;
            print(cli.json, &renewed, |c| {
                println!(
                    "{}'s new join code is {}; the old one no longer works.",
                    c.name,
                    c.code.as_deref().unwrap_or("")
                );
            })
        }
        ClassCommand::RemoveStudent { student, class } => {
            let taught = profile.classroom().taught(class.as_deref())?;
            let student = profile.classroom().remove_student(&taught.id, student)?;
            print(cli.json, &student, |s| {
                println!("Took {} out of {}.", s.name, taught.name);
            })
        }
        ClassCommand::ExportBundle {
            file,
            student,
            class,
        } => {
            let taught = profile.classroom().taught(class.as_deref())?;
            let outcome = profile
                .classroom()
                .export_bundle(&taught.id, student, file)?;
            print(cli.json, &outcome, |o| {
                println!(
                    "Wrote {student}'s lessons ({} bytes, sealed) to {}.",
                    o.bytes,
                    file.display()
                );
                if let Some(code) = &o.code {
                    println!("Their bundle code (their laptop asks for it once): {code}");
                }
            })
        }
        ClassCommand::ImportBundle {
            file,
            student,
            class,
        } => {
            let taught = profile.classroom().taught(class.as_deref())?;
            let (student, outcome) =
                profile
                    .classroom()
                    .import_bundle(&taught.id, student.as_deref(), file)?;
            print(
                cli.json,
                &serde_json::json!({
                    "student": student,
                    "docs": outcome.docs,
                    "media": outcome.media,
                    "bytes": outcome.bytes,
                }),
                |_| {
                    println!(
                        "Took in {}'s progress: {} documents changed.",
                        student.name, outcome.docs
                    );
                },
            )
        }
        ClassCommand::Offers => {
            let offers = profile.classroom().offers(satchel.data_dir())?;
            print(cli.json, &offers, |offers| {
                if offers.is_empty() {
                    println!("The class server offers nothing.");
                }
                for offer in offers {
                    let what = match offer.kind {
                        PackOfferKind::App => "update",
                        PackOfferKind::Models => "models",
                    };
                    let wanted = if offer.wanted {
                        "new for this computer"
                    } else {
                        "already here"
                    };
                    println!(
                        "{}\t{what} {}\t{} MB\t{wanted}",
                        offer.name,
                        offer.version,
                        offer.size.div_ceil(1 << 20)
                    );
                }
            })
        }
        ClassCommand::Take { name } => {
            let mut shown = 0;
            let taken =
                profile
                    .classroom()
                    .take_offer(satchel.data_dir(), name, &mut |have, total| {
                        // A line every tenth, on stderr: scripts read stdout.
                        let tenth = (have * 10).checked_div(total).unwrap_or(0);
                        if !cli.json && tenth > shown {
                            shown = tenth;
                            eprintln!("{}% of {} MB", tenth * 10, total.div_ceil(1 << 20));
                        }
                    })?;
            print(cli.json, &taken, |taken| match taken {
                OfferTaken::Models { version } => {
                    println!("Imported model pack {version}.")
                }
                OfferTaken::App(update) => {
                    println!(
                        "Satchel {} is checked and ready to install (this is {}): {}",
                        update.version, update.current, update.installer
                    );
                    if !update.notes.is_empty() {
                        println!("\n{}", update.notes);
                    }
                }
            })
        }
        ClassCommand::Lessons => {
            let lessons = profile.classroom().lessons(SystemClock.now_ms())?;
            print(cli.json, &lessons, |lessons| {
                for l in lessons {
                    println!(
                        "{}\t{} (from {})\t{} of {} cards studied, {} due",
                        l.id, l.title, l.teacher, l.studied, l.cards, l.due
                    );
                }
            })
        }
    }
}

fn print_report(report: &ClassReport) {
    println!("{} — {} students", report.class.name, report.students.len());
    for lesson in &report.lessons {
        println!(
            "  {}: {} of {} done, {} begun",
            lesson.title, lesson.done, lesson.assigned, lesson.started
        );
    }
    for (student, row) in report.students.iter().zip(&report.mastery) {
        let cells: Vec<String> = row
            .iter()
            .map(|m| m.map_or("  –".to_owned(), |m| format!("{:3.0}", m * 100.0)))
            .collect();
        println!("  {:<20} {}", student.name, cells.join(" "));
    }
    if !report.struggling.is_empty() {
        println!("Struggling:");
        for s in &report.struggling {
            println!(
                "  {} with {} ({:.0} %)",
                s.student,
                s.concept,
                s.mastery * 100.0
            );
        }
    }
}

pub fn export_bundle(
    cli: &Cli,
    satchel: &Satchel,
    file: &Path,
    progress: bool,
) -> Result<(), Failure> {
    let profile = unlock(cli, satchel)?;
    if progress {
        let outcome = profile.export_progress(file)?;
        return print(cli.json, &outcome, |_| {
            println!(
                "Wrote your progress for your teacher to {}: sealed to your class server.",
                file.display()
            );
        });
    }
    let outcome = profile.export_bundle(file)?;
    print(cli.json, &outcome, |o| {
        println!(
            "Wrote {} documents and {} pictures, sounds and originals to {}.",
            o.docs,
            o.media,
            file.display()
        );
        if let Some(code) = &o.code {
            println!("Another computer asks once for this bundle code: {code}");
        }
    })
}

pub fn import_bundle(
    cli: &Cli,
    satchel: &Satchel,
    file: &Path,
    code: Option<&str>,
) -> Result<(), Failure> {
    let profile = unlock(cli, satchel)?;
    let outcome = profile.import_bundle(file, code)?;
    print(cli.json, &outcome, |o| {
        println!(
            "Merged {} documents: {} reviews, {} cards, {} notes new or changed here; {} media brought.",
            o.docs, o.reviews, o.cards, o.notes, o.media
        );
    })
}
