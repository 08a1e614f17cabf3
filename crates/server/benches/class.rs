//! Issue 9's figure: the class report for 30 students and 20 concepts, against its
//! budget of a second. Measured from the teacher's side of the wire: the request, the
//! server reading each student's progress summary from its stored document and
//! building the dashboard (completion, the student × concept matrix, who struggles),
//! and the answer read back into the report the window draws. Run with
//! `cargo xtask bench class`.

use std::time::{Duration, Instant};

use satchel_server::auth::{Claims, Keys};
use satchel_server::store::{Assignment, Class, DocWrite, Role, Store, User};
use satchel_server::{AppState, Config};
use satchel_sync::{DocId, Replica};
use satchel_test_kit::Samples;
use satchel_types::ClassReport;

const STUDENTS: usize = 30;
const CONCEPTS: usize = 20;
const LESSONS: usize = 5;
const RUNS: usize = 21;
const BUDGET: Duration = Duration::from_secs(1);

async fn user(store: &Store, name: &str, role: Role) -> String {
    let id = uuid::Uuid::now_v7().to_string();
    store
        .add_user(&User {
            id: id.clone(),
            name: name.to_owned(),
            password_hash: "not used".to_owned(),
            role,
        })
        .await
        .expect("a user is added");
    id
}

/// A student's summary as their app shares it: each lesson's cards and, per concept,
/// how well it is known (varied, so the matrix has every shade and some struggle).
fn summary(student: usize) -> String {
    let lessons: Vec<serde_json::Value> = (0..LESSONS)
        .map(|l| {
            let per = CONCEPTS / LESSONS;
            let concepts: Vec<serde_json::Value> = (0..per)
                .map(|c| {
                    let concept = l * per + c;
                    let mastery = ((student * 7 + concept * 13) % 100) as f32 / 100.0;
                    serde_json::json!({
                        "concept": format!("concept {concept:02}"),
                        "mastery": mastery,
                        "cards": 3,
                        "studied": if (student + concept).is_multiple_of(5) { 0 } else { 3 },
                    })
                })
                .collect();
            serde_json::json!({
                "id": format!("lesson{l}"),
                "cards": per * 3,
                "studied": per * 3 - (student % 3),
                "done": student.is_multiple_of(3),
                "concepts": concepts,
            })
        })
        .collect();
    serde_json::json!({
        "as_of": 1_700_000_000_000i64 + student as i64,
        "reviews": 40 + student,
        "time_ms": 600_000,
        "lessons": lessons,
    })
    .to_string()
}

fn main() {
    let _ = rustls::crypto::ring::default_provider().install_default();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("a runtime");
    runtime.block_on(async {
        let dir = tempfile::tempdir().expect("a folder");
        let store = Store::open_sqlite(&dir.path().join("class.sqlite3"))
            .await
            .expect("SQLite opens");
        let teacher = user(&store, "Ms Rivera", Role::Teacher).await;
        let class = Class {
            id: uuid::Uuid::now_v7().to_string(),
            name: "Year 7 Science".into(),
            teacher: teacher.clone(),
            teacher_name: "Ms Rivera".into(),
            code: "ABCDEF".into(),
            created_at: 0,
            code_expires_at: i64::MAX,
        };
        store.add_class(&class).await.expect("a class");
        for l in 0..LESSONS {
            store
                .put_assignment(&Assignment {
                    id: format!("lesson{l}"),
                    class_id: class.id.clone(),
                    title: format!("Lesson {l}"),
                    docs: vec![format!("lessons/lesson{l}")],
                    media: Vec::new(),
                    students: None,
                    assigned_at: l as i64,
                })
                .await
                .expect("an assignment");
        }
        for s in 0..STUDENTS {
            let id = user(&store, &format!("Student {s:02}"), Role::Learner).await;
            store.add_member(&class.id, &id).await.expect("a member");
            // Their summary as several syncs left it: a save and later changes.
            let mut device = Replica::new(format!("student{s}").as_bytes());
            let progress = DocId::progress();
            let mut chunks = Vec::new();
            for round in 0..4 {
                device.put_progress(&summary(s + round)).expect("a summary");
                chunks.push(device.save_incremental(&progress));
            }
            store
                .commit(
                    &id,
                    "laptop",
                    chunks
                        .into_iter()
                        .map(|chunk| DocWrite {
                            doc_id: progress.as_str().to_owned(),
                            chunk,
                            replaces_upto: None,
                        })
                        .collect(),
                    Vec::new(),
                )
                .await
                .expect("the summary is kept");
        }
        let keys = Keys::new(&store.signing_key().await.expect("a key"));
        let token = keys
            .sign(&Claims {
                sub: teacher.clone(),
                name: "Ms Rivera".into(),
                role: Role::Teacher,
                device: "laptop".into(),
                iat: 0,
                exp: i64::MAX / 2,
            })
            .expect("a token");
        let state = AppState::new(store, Config::default())
            .await
            .expect("the server starts");
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("a port");
        let url = format!(
            "http://{}/v1/classes/{}/report",
            listener.local_addr().expect("an address"),
            class.id
        );
        let (_stop, stopped) = tokio::sync::oneshot::channel::<()>();
        tokio::spawn(satchel_server::serve(listener, state, async move {
            let _ = stopped.await;
        }));
        let http = reqwest::Client::new();
        let mut times = Vec::new();
        let mut report = None;
        for _ in 0..RUNS {
            let started = Instant::now();
            let answer: ClassReport = http
                .get(&url)
                .bearer_auth(&token)
                .send()
                .await
                .expect("the server answers")
                .json()
                .await
                .expect("a report");
            times.push(started.elapsed());
            report = Some(answer);
        }
        let report = report.expect("a report");
        assert_eq!(report.students.len(), STUDENTS);
        assert_eq!(report.concepts.len(), CONCEPTS);
        let times = Samples::new(times);
        let median = times.median().expect("timed runs");
        let worst = times.max().expect("timed runs");
        println!();
        println!(
            "{:<64} {:>10} {:>10} {:>8}",
            "figure", "satchel", "budget", "ratio"
        );
        println!(
            "{:<64} {:>8.1}ms {:>8.0}ms {:>8.3}",
            format!("class report, {STUDENTS} students × {CONCEPTS} concepts (median of {RUNS})"),
            median.as_secs_f64() * 1000.0,
            BUDGET.as_secs_f64() * 1000.0,
            median.as_secs_f64() / BUDGET.as_secs_f64()
        );
        println!(
            "{:<64} {:>8.1}ms",
            "  the slowest run",
            worst.as_secs_f64() * 1000.0
        );
        println!(
            "{:<64} {:>10}",
            "  struggles found",
            report.struggling.len()
        );
    });
}
