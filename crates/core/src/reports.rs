//! Progress and class reports as CSV (RFC 4180), for a spreadsheet or a school's
//! records. Every cell is a value, never a formula: a student's name or a concept
//! comes from someone else's device, and a spreadsheet runs a cell that starts with
//! `=`, `+`, `-` or `@`, so such a cell is written with a leading apostrophe.

use satchel_types::{ClassReport, LearningStats};

use crate::clock::utc_date_time;

/// One CSV cell: quoted when it holds a comma, quote or line break; a would-be
/// formula made text.
fn cell(text: &str) -> String {
    let text = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_owned()
    };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

fn row(cells: &[String]) -> String {
    let mut line = cells.iter().map(|c| cell(c)).collect::<Vec<_>>().join(",");
    line.push_str("\r\n");
    line
}

fn date(ms: i64) -> String {
    utc_date_time(ms)
        .split(' ')
        .next()
        .unwrap_or_default()
        .to_owned()
}

fn minutes(ms: i64) -> String {
    format!("{:.1}", ms as f64 / 60_000.0)
}

fn percent(fraction: f32) -> String {
    format!("{:.0}", f64::from(fraction) * 100.0)
}

/// A learner's reviews, a row a day: date, reviews, those recalled, minutes.
pub fn reviews_csv(stats: &LearningStats) -> String {
    let mut out = row(&["date", "reviews", "recalled", "minutes"].map(String::from));
    for day in &stats.days {
        out.push_str(&row(&[
            date(day.day),
            day.reviews.to_string(),
            day.passed.to_string(),
            minutes(day.time_ms),
        ]));
    }
    out
}

/// What a learner knows, a row a concept: mastery (per cent), cards, quiz answers,
/// and where it is read about.
pub fn mastery_csv(stats: &LearningStats) -> String {
    let mut out = row(&[
        "concept",
        "mastery_percent",
        "cards",
        "quiz_answers",
        "from",
    ]
    .map(String::from));
    for concept in &stats.mastery {
        out.push_str(&row(&[
            concept.label.clone(),
            percent(concept.mastery),
            concept.cards.to_string(),
            concept.quiz_answers.to_string(),
            concept.owner_title.clone(),
        ]));
    }
    out
}

/// A class, a row a student: their reviews, time and lessons, then their mastery of
/// each of the class's concepts (per cent; empty where not studied yet).
pub fn class_csv(report: &ClassReport) -> String {
    let mut header: Vec<String> = [
        "student",
        "joined",
        "last_studied",
        "reviews",
        "minutes",
        "lessons_done",
        "lessons_assigned",
    ]
    .map(String::from)
    .to_vec();
    header.extend(report.concepts.iter().cloned());
    let mut out = row(&header);
    for (n, student) in report.students.iter().enumerate() {
        let mut cells = vec![
            student.name.clone(),
            date(student.joined_at),
            student.last_studied_at.map(date).unwrap_or_default(),
            student.reviews.to_string(),
            minutes(student.time_ms),
            student.lessons_done.to_string(),
            student.lessons_assigned.to_string(),
        ];
        let mastery = report.mastery.get(n);
        for column in 0..report.concepts.len() {
            let value = mastery.and_then(|m| m.get(column).copied().flatten());
            cells.push(value.map(percent).unwrap_or_default());
        }
        out.push_str(&row(&cells));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use satchel_types::{ClassInfo, StudentProgress};

    #[test]
    fn cells_are_quoted_and_never_formulas() {
        assert_eq!(cell("plain"), "plain");
        assert_eq!(cell("a, b"), "\"a, b\"");
        assert_eq!(cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(cell("-1"), "'-1");
        assert_eq!(cell("two\nlines"), "\"two\nlines\"");
    }

    #[test]
    fn a_class_is_a_row_a_student_with_a_column_a_concept() {
        let report = ClassReport {
            class: ClassInfo {
                id: "c".into(),
                name: "Year 7".into(),
                teacher: "T".into(),
                code: None,
                code_expires_at: None,
                teaching: true,
                students: 2,
            },
            students: vec![
                StudentProgress {
                    id: "1".into(),
                    name: "=cmd|' /C calc'!A0".into(),
                    joined_at: 0,
                    last_studied_at: Some(86_400_000),
                    reviews: 12,
                    time_ms: 90_000,
                    lessons_assigned: 2,
                    lessons_done: 1,
                },
                StudentProgress {
                    id: "2".into(),
                    name: "Bo, the second".into(),
                    joined_at: 0,
                    last_studied_at: None,
                    reviews: 0,
                    time_ms: 0,
                    lessons_assigned: 2,
                    lessons_done: 0,
                },
            ],
            lessons: Vec::new(),
            concepts: vec!["photosynthesis".into(), "cell wall".into()],
            mastery: vec![vec![Some(0.75), None], vec![None, None]],
            struggling: Vec::new(),
        };
        let csv = class_csv(&report);
        let lines: Vec<&str> = csv.split("\r\n").collect();
        assert_eq!(
            lines[0],
            "student,joined,last_studied,reviews,minutes,lessons_done,lessons_assigned,photosynthesis,cell wall"
        );
        assert_eq!(
            lines[1],
            "'=cmd|' /C calc'!A0,1970-01-01,1970-01-02,12,1.5,1,2,75,"
        );
        assert_eq!(lines[2], "\"Bo, the second\",1970-01-01,,0,0.0,0,2,,");
    }
}
