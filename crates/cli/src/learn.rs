//! `satchel card`, `decks`, `review` and `stats`: cards, reviews and progress.

use satchel_core::Satchel;
use satchel_core::jobs::{Clock, SystemClock};
use satchel_core::types::{
    CardDraft, CardKind, CardSide, ErrorCode, LearningStats, MediaFile, Rating, StudyCard,
    StudyStep, clock,
};
use serde::Serialize;

use crate::cli::{CardCommand, Cli, ReviewCommand};
use crate::output::{Failure, print, write_out};
use crate::unlock::unlock;

const DAY: i64 = 86_400_000;

/// Now, or SATCHEL_NOW_MS when a script sets the clock.
pub(crate) fn now() -> Result<i64, Failure> {
    match std::env::var("SATCHEL_NOW_MS") {
        Ok(text) => text.trim().parse().map_err(|_| {
            Failure::new(
                ErrorCode::InvalidInput,
                format!("SATCHEL_NOW_MS is not a time in ms: {text:?}"),
            )
        }),
        Err(_) => Ok(SystemClock.now_ms()),
    }
}

fn kind(text: &str) -> Result<CardKind, Failure> {
    Ok(match text {
        "basic" => CardKind::Basic,
        "reversed" => CardKind::Reversed,
        "cloze" => CardKind::Cloze,
        "choice" => CardKind::Choice,
        _ => {
            return Err(
                Failure::new(ErrorCode::InvalidInput, format!("no card kind {text:?}"))
                    .with_hint("kinds are basic, reversed, cloze and choice"),
            );
        }
    })
}

/// "in 3 days", "in 10 minutes", "now".
fn wait(ms: i64) -> String {
    match ms {
        ..60_000 => "now".to_owned(),
        60_000..3_600_000 => format!("in {} min", ms / 60_000),
        3_600_000..DAY => format!("in {} h", ms / 3_600_000),
        _ => format!("in {} d", (ms + DAY / 2) / DAY),
    }
}

fn card_line(card: &StudyCard, now: i64) -> String {
    let when = match (card.suspended, card.due) {
        (true, _) => "suspended".to_owned(),
        (false, None) => "new".to_owned(),
        (false, Some(due)) => format!("due {}", wait(due - now)),
    };
    format!(
        "{}  {}  {} → {}  ({when})",
        card.id,
        card.deck.as_deref().unwrap_or("-"),
        card.front.replace('\n', " "),
        card.back.replace('\n', " ")
    )
}

/// Where in its source a passage is: " (page 3)", " (at 2:05)".
fn place(from: &satchel_core::types::SourceRef) -> String {
    match (from.page, from.start_ms) {
        (Some(page), _) => format!(" (page {page})"),
        (None, Some(ms)) => format!(" (at {}:{:02})", ms / 60_000, ms / 1000 % 60),
        _ => String::new(),
    }
}

pub fn card(cli: &Cli, satchel: &Satchel, command: &CardCommand) -> Result<(), Failure> {
    let profile = unlock(cli, satchel)?;
    let now = now()?;
    let one = |card: StudyCard| print(cli.json, &card, |card| println!("{}", card_line(card, now)));
    match command {
        CardCommand::Add {
            front,
            back,
            kind: card_kind,
            deck,
            choices,
            front_media,
            back_media,
        } => {
            let media = front_media
                .iter()
                .map(|p| (p, CardSide::Front))
                .chain(back_media.iter().map(|p| (p, CardSide::Back)))
                .map(|(path, side)| MediaFile {
                    path: path.display().to_string(),
                    side,
                })
                .collect();
            let cards = profile.add_cards(
                &CardDraft {
                    deck: deck.clone(),
                    kind: kind(card_kind)?,
                    front: front.clone(),
                    back: back.clone(),
                    choices: choices.clone(),
                    media,
                },
                now,
            )?;
            print(cli.json, &cards, |cards| {
                for card in cards {
                    println!("{}", card_line(card, now));
                }
            })
        }
        CardCommand::List { deck } => {
            print(cli.json, &profile.study_cards(deck.as_deref())?, |cards| {
                if cards.is_empty() {
                    println!("No cards.");
                }
                for card in cards {
                    println!("{}", card_line(card, now));
                }
            })
        }
        CardCommand::Show { id } => one(profile.study_card(id)?),
        CardCommand::Explain { id } => print(cli.json, &profile.card_help(id)?, |help| {
            if let Some(passage) = &help.passage {
                println!("From {}{}:", passage.title, place(passage));
                println!("  {}", passage.text.replace('\n', " "));
            }
            println!(
                "Hint: starts with \"{}\", {} letters, {} words",
                help.hint.first, help.hint.letters, help.hint.words
            );
            for said in &help.explanation {
                println!("- {}{}", said.text.replace('\n', " "), place(said));
            }
        }),
        CardCommand::Edit { id, front, back } => {
            one(profile.edit_study_card(id, front, back, now)?)
        }
        CardCommand::Suspend { id } => one(profile.set_suspended(id, true, now)?),
        CardCommand::Unsuspend { id } => one(profile.set_suspended(id, false, now)?),
        CardCommand::Bury { id } => one(profile.bury(id, now)?),
        CardCommand::Delete { id } => one(profile.delete_study_card(id, now)?),
        CardCommand::Media { blob_id, output } => {
            let profile = std::sync::Arc::new(profile);
            let (reader, mime) = profile.card_media(blob_id)?;
            write_out(cli.json, reader, &mime, output)
        }
    }
}

pub fn decks(cli: &Cli, satchel: &Satchel) -> Result<(), Failure> {
    let profile = unlock(cli, satchel)?;
    print(cli.json, &profile.decks(now()?)?, |decks| {
        if decks.is_empty() {
            println!("No decks yet: `satchel card add` or `satchel pack` makes one.");
        }
        for deck in decks {
            println!(
                "{}  {}  {} cards, {} due, {} new",
                deck.id, deck.name, deck.cards, deck.due, deck.new
            );
        }
    })
}

/// `satchel reminders [on|off|auto] [--child BOOL]`.
pub fn reminders(
    cli: &Cli,
    satchel: &Satchel,
    state: Option<&str>,
    child: Option<bool>,
) -> Result<(), Failure> {
    let profile = unlock(cli, satchel)?;
    let mut settings = profile.reminders()?;
    if let Some(child) = child {
        settings.child = child;
    }
    match state {
        Some("on") => settings.chosen = Some(true),
        Some("off") => settings.chosen = Some(false),
        Some(_) => settings.chosen = None,
        None => {}
    }
    if state.is_some() || child.is_some() {
        settings = profile.set_reminders(settings)?;
    }
    #[derive(Serialize)]
    struct Shown {
        child: bool,
        chosen: Option<bool>,
        enabled: bool,
    }
    let shown = Shown {
        child: settings.child,
        chosen: settings.chosen,
        enabled: settings.enabled(),
    };
    print(cli.json, &shown, |shown| {
        let whose = if shown.child {
            "a child's library"
        } else {
            "this library"
        };
        let why = if shown.chosen.is_some() {
            "as chosen"
        } else {
            "by default"
        };
        if shown.enabled {
            println!("Reminders are on for {whose} ({why}): the app tells when reviews are due.");
        } else {
            println!("Reminders are off for {whose} ({why}).");
        }
    })
}

pub fn review(cli: &Cli, satchel: &Satchel, command: &ReviewCommand) -> Result<(), Failure> {
    let profile = unlock(cli, satchel)?;
    let now = now()?;
    match command {
        ReviewCommand::Next { deck } => {
            let next = profile.next_card(deck.as_deref(), now)?;
            print(cli.json, &next, |next| match next {
                None => println!("Nothing to review now."),
                Some(next) => {
                    println!("{}", card_line(&next.card, now));
                    for (rating, ms) in Rating::ALL.iter().zip(next.intervals_ms) {
                        println!("  {:<5}  {}", rating.name(), wait(ms));
                    }
                    println!(
                        "Left today: {} learning, {} due, {} new",
                        next.left.learning, next.left.due, next.left.new
                    );
                }
            })
        }
        ReviewCommand::Answer {
            card_id,
            rating,
            time_ms,
        } => {
            let rating = Rating::parse(rating).ok_or_else(|| {
                Failure::new(ErrorCode::InvalidInput, format!("no answer {rating:?}"))
                    .with_hint("answer again, hard, good or easy (or 1–4)")
            })?;
            let card = profile.study_card(card_id)?;
            let answered = profile.answer(&card.id, rating, *time_ms, now)?;
            print(cli.json, &answered, |answered| {
                println!(
                    "{}: due {} (review {})",
                    rating.name(),
                    wait(answered.due - now),
                    answered.review_id
                );
                if let Some(easier) = &answered.easier_card {
                    println!("Failed twice: an easier card on it comes next ({easier}).");
                }
            })
        }
        ReviewCommand::Undo { review_id } => {
            let card = profile.undo_review(review_id.as_deref(), now)?;
            print(cli.json, &card, |card| {
                println!("Undone; the card is as it was: {}", card_line(card, now));
            })
        }
        ReviewCommand::Optimise => {
            let mut shown = 0;
            let optimisation = profile.optimise_parameters(now, &mut |done, total| {
                let percent = done * 100 / total.max(1);
                if !cli.json && percent >= shown + 10 {
                    shown = percent;
                    eprintln!("Optimising… {percent} %");
                }
                true
            })?;
            print(cli.json, &optimisation, |o| {
                println!(
                    "From {} reviews: log loss {:.4} with the parameters before, {:.4} optimised — {}.",
                    o.reviews,
                    o.log_loss_before,
                    o.log_loss_after,
                    if o.adopted {
                        "using the optimised ones from now on"
                    } else {
                        "keeping the ones before"
                    }
                );
            })
        }
        ReviewCommand::Settings {
            retention,
            new_per_day,
        } => {
            let mut settings = profile.learning_settings()?;
            if retention.is_some() || new_per_day.is_some() {
                settings = profile.set_learning_settings(
                    retention.unwrap_or(settings.desired_retention),
                    new_per_day.unwrap_or(settings.new_per_day),
                )?;
            }
            print(cli.json, &settings, |s| {
                println!(
                    "Desired retention {:.0} %, {} new cards a day, {} parameters.",
                    s.desired_retention * 100.0,
                    s.new_per_day,
                    if s.parameters.is_empty() {
                        "FSRS's default"
                    } else {
                        "this learner's own"
                    }
                );
            })
        }
    }
}

#[derive(Serialize)]
struct Stats {
    #[serde(flatten)]
    stats: LearningStats,
    study_now: Vec<StudyStep>,
}

pub fn stats(
    cli: &Cli,
    satchel: &Satchel,
    csv: Option<&std::path::Path>,
    mastery_csv: Option<&std::path::Path>,
) -> Result<(), Failure> {
    let profile = unlock(cli, satchel)?;
    let now = now()?;
    let stats = Stats {
        stats: profile.learning_stats(now)?,
        study_now: profile.study_now(now)?,
    };
    if let Some(path) = csv {
        crate::output::write_file(
            path,
            satchel_core::reports::reviews_csv(&stats.stats).as_bytes(),
        )?;
    }
    if let Some(path) = mastery_csv {
        crate::output::write_file(
            path,
            satchel_core::reports::mastery_csv(&stats.stats).as_bytes(),
        )?;
    }
    print(cli.json, &stats, |Stats { stats, study_now }| {
        let today = stats.days.last().filter(|d| d.day + DAY > now);
        println!(
            "Today: {} reviews in {}. Left: {} learning, {} due, {} new.",
            today.map_or(0, |d| d.reviews),
            clock(today.map_or(0, |d| d.time_ms)),
            stats.counts.learning,
            stats.counts.due,
            stats.counts.new
        );
        println!(
            "Cards: {} ({} new, {} learning, {} young, {} mature, {} suspended).",
            stats.cards.total,
            stats.cards.new,
            stats.cards.learning,
            stats.cards.young,
            stats.cards.mature,
            stats.cards.suspended
        );
        match stats.true_retention {
            Some(r) => println!("True retention, last 30 days: {:.1} %.", r * 100.0),
            None => println!("True retention: no reviews at their due time yet."),
        }
        println!(
            "Due in the next 7 days: {:?}",
            &stats.forecast[..stats.forecast.len().min(7)]
        );
        for concept in stats.mastery.iter().take(10) {
            println!("  {:>3.0} %  {}", concept.mastery * 100.0, concept.label);
        }
        for step in study_now {
            match step {
                StudyStep::Reviews { due, learning } => {
                    println!("Study now: {} reviews", due + learning);
                }
                StudyStep::Concept { mastery } => println!(
                    "Study now: {} ({:.0} % known) in “{}”",
                    mastery.label,
                    mastery.mastery * 100.0,
                    mastery.owner_title
                ),
                StudyStep::Lesson { lesson } => println!(
                    "Study now: the lesson “{}” from {} ({} of {} cards studied)",
                    lesson.title, lesson.teacher, lesson.studied, lesson.cards
                ),
                StudyStep::New { deck, new, .. } => {
                    let cards = if *new == 1 { "card" } else { "cards" };
                    println!("Study now: {new} new {cards} in {deck}");
                }
            }
        }
    })
}

pub fn export_anki(
    cli: &Cli,
    satchel: &Satchel,
    file: &std::path::Path,
    deck: Option<&str>,
) -> Result<(), Failure> {
    let profile = std::sync::Arc::new(unlock(cli, satchel)?);
    let exported = profile.export_anki(file, deck, now()?, &mut |_, _| {})?;
    print(cli.json, &exported, |e| {
        println!(
            "Wrote {} cards ({} Anki notes) in {} decks, with {} past reviews and {} pictures and sounds, to {}.",
            e.cards,
            e.notes,
            e.decks,
            e.reviews,
            e.media,
            file.display()
        );
        if e.left_out > 0 {
            println!(
                "{} image-occlusion cards were left out: Anki makes those in its own editor.",
                e.left_out
            );
        }
    })
}

pub fn import_anki(cli: &Cli, satchel: &Satchel, file: &std::path::Path) -> Result<(), Failure> {
    let profile = unlock(cli, satchel)?;
    let mut shown = 0;
    let imported = profile.import_anki(file, now()?, &mut |done, total| {
        if !cli.json && total > 1000 && done >= shown + total / 10 {
            shown = done;
            eprintln!("Bringing in cards… {done} of {total}");
        }
    })?;
    print(cli.json, &imported, |i| {
        println!(
            "Brought in {} cards in {} decks, with {} past reviews and {} pictures and sounds.",
            i.cards, i.decks, i.reviews, i.media
        );
        if i.already_here > 0 {
            println!(
                "{} cards were here already and are left as they are.",
                i.already_here
            );
        }
        if i.without_history > 0 {
            println!(
                "{} cards came without their reviews and start as new.",
                i.without_history
            );
        }
        if i.skipped > 0 {
            println!("{} cards could not be shown and were left out.", i.skipped);
        }
    })
}
