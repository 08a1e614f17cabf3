//! The classroom, from the app's side: a teacher makes classes, assigns lessons made
//! from their library (the material and its study pack) and reads the class report; a
//! student joins with a code and finds the lessons in "study now". The class server is
//! the ordinary sync server (`satchel-server`); a lesson travels as documents the server
//! carries into each student's own, and progress comes back in the summary every
//! learner's device shares.

use std::collections::HashMap;
use std::path::Path;
use std::time::Duration;

use reqwest::Method;
use rusqlite::OptionalExtension;
use satchel_sync::DocId;
use satchel_types::{
    BundleOutcome, CLASS_SERVICE, ClassInfo, ClassReport, Classmate, FoundServer, LessonView,
};
use serde::Deserialize;
use serde_json::json;

use crate::error::OrNotFound;
use crate::ids::{CardId, DeckId, NoteId, OwnerId, SourceId};
use crate::learn::LessonDoc;
use crate::profile::{Profile, Tx};
use crate::store::docs::Touched;
use crate::store::settings;
use crate::{Error, Result};

/// A student's bundle sent to the class server, at most (the server's own limit).
const CLASS_BUNDLE_MAX: usize = 256 << 20;

#[derive(Deserialize)]
struct Joined {
    #[serde(flatten)]
    tokens: crate::remote::Tokens,
    class: ClassInfo,
}

#[derive(Deserialize)]
struct Assigned {
    delivered: u32,
}

/// Whom a lesson is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Audience {
    WholeClass,
    /// Students by id.
    Students(Vec<String>),
}

use satchel_sync::docs::class_lesson_id as lesson_id;

/// The server at `server` as this device sees it before trusting it: its base
/// address and its certificate's fingerprint, with the words to compare.
pub fn probe_server(server: &str) -> Result<satchel_types::ServerProbe> {
    let address = crate::net::ServerAddress::parse(server)?;
    let fingerprint = crate::net::probe_fingerprint(&address.base)?;
    Ok(satchel_types::ServerProbe {
        words: crate::net::fingerprint_words(&fingerprint),
        pinned: format!("{}/#sha256={fingerprint}", address.base),
        server: address.base,
        fingerprint,
    })
}

/// This profile's classes, taught or joined: `profile.classroom().join(…)`.
pub struct Classroom<'p> {
    profile: &'p Profile,
}

impl Profile {
    pub fn classroom(&self) -> Classroom<'_> {
        Classroom { profile: self }
    }
}

/// The classroom works on the profile's store and state, as its own methods do.
impl std::ops::Deref for Classroom<'_> {
    type Target = Profile;

    fn deref(&self) -> &Profile {
        self.profile
    }
}

impl Classroom<'_> {
    /// Makes a class on the server this profile is signed in to (as a teacher).
    pub fn create(&self, name: &str) -> Result<ClassInfo> {
        self.sync()
            .server_call(Method::POST, "/v1/classes", Some(&json!({ "name": name })))
    }

    /// The classes this profile teaches or is in, as the server has them.
    pub fn classes(&self) -> Result<Vec<ClassInfo>> {
        self.sync().server_call(Method::GET, "/v1/classes", None)
    }

    /// The class `id`, or the only class taught when `id` is `None`.
    pub fn taught(&self, id: Option<&str>) -> Result<ClassInfo> {
        let taught: Vec<ClassInfo> = self.classes()?.into_iter().filter(|c| c.teaching).collect();
        match id {
            Some(id) => taught
                .into_iter()
                .find(|c| c.id == id || c.name == id)
                .or_not_found_as("class", id),
            None if taught.len() == 1 => taught
                .into_iter()
                .next()
                .ok_or_else(|| Error::InvalidInput("make a class first".into())),
            None if taught.is_empty() => Err(Error::InvalidInput("make a class first".into())),
            None => Err(Error::InvalidInput(
                "this profile teaches several classes: say which".into(),
            )),
        }
    }

    /// Joins the class with `code` on the class server at `server`, as `name`: the
    /// profile is then signed in to that server and syncs with it from now on, and the
    /// class's lessons arrive with the first sync. `server` may be the teacher's join
    /// link, which carries the code (when `code` is empty) and the server's
    /// fingerprint. `claim` is the one-time code a teacher hands a student they added by
    /// name, to claim that account.
    pub fn join(
        &self,
        server: &str,
        code: &str,
        name: &str,
        claim: Option<&str>,
    ) -> Result<ClassInfo> {
        let name = name.trim();
        if name.is_empty() {
            return Err(Error::Rule(satchel_types::ErrorDetail::Required {
                field: satchel_types::Field::JoinName,
            }));
        }
        let from_link = crate::net::ServerAddress::parse(server)?.code;
        let code = match (code.trim(), &from_link) {
            ("", Some(linked)) => linked.as_str(),
            ("", None) => {
                return Err(Error::Rule(satchel_types::ErrorDetail::Required {
                    field: satchel_types::Field::JoinCode,
                }));
            }
            (typed, _) => typed,
        };
        let server = self.sync().trusted_address(server)?;
        let joined: Joined = self.sync().signed_post(
            &server,
            "/v1/classes/join",
            &satchel_sync::device::Purpose::Join { code },
            name,
            json!({
                "code": code,
                "claim": claim.map(str::trim).filter(|c| !c.is_empty()),
            }),
        )?;
        self.sync().signed_in(server, joined.tokens, true)?;
        // Joined even if this first sync fails (the sync status tells why): the next
        // one brings the lessons.
        let _ = self.sync().now(true);
        Ok(joined.class)
    }

    /// The key the class server this profile runs (teaching) keeps its data under:
    /// its own random key, made once and kept in the encrypted library, never sent.
    pub fn server_key(&self) -> Result<[u8; 32]> {
        let kept = match self.read(|c| settings::CLASS_SERVER_KEY.get(c))? {
            Some(kept) => kept,
            None => {
                let mut bytes = [0u8; 32];
                getrandom::fill(&mut bytes).map_err(|e| Error::Random(e.to_string()))?;
                let fresh = satchel_sync::device::hex(&bytes);
                self.transact(|tx| settings::CLASS_SERVER_KEY.put_first(tx, &fresh))?
            }
        };
        satchel_sync::device::unhex(&kept)
            .and_then(|b| b.try_into().ok())
            .ok_or_else(|| Error::Damaged("the class server's key does not read".into()))
    }

    /// The key a class server made before [`Classroom::server_key`] was kept under
    /// (from the secret this profile joined classes with then), to move its data to
    /// the new key once; `None` when there never was one.
    pub fn former_server_key(&self) -> Result<Option<[u8; 32]>> {
        use sha2::Digest;
        Ok(self
            .read(|c| settings::CLASS_SECRET.get(c))?
            .map(|secret| sha2::Sha256::digest(format!("satchel class server\n{secret}")).into()))
    }

    /// This device's public key (hex), as servers know it.
    pub fn device_public_key(&self) -> Result<String> {
        Ok(self.device_key()?.public())
    }

    /// This device's id among the learner's devices.
    pub fn device(&self) -> Result<String> {
        self.device_id()
    }

    pub fn roster(&self, class_id: &str) -> Result<Vec<Classmate>> {
        self.sync().server_call(
            Method::GET,
            &format!("/v1/classes/{class_id}/students"),
            None,
        )
    }

    pub fn report(&self, class_id: &str) -> Result<ClassReport> {
        self.sync()
            .server_call(Method::GET, &format!("/v1/classes/{class_id}/report"), None)
    }

    /// Assigns a lesson: `material` (a source or note of this library with a ready
    /// study pack) and its cards, to the class or chosen students. The material and
    /// cards are synced first; the server then carries them to each student. Returns
    /// how many students it reached.
    pub fn assign(&self, class_id: &str, material: &str, audience: Audience) -> Result<u32> {
        let material = &OwnerId::from(material);
        let account = self
            .sync()
            .account()?
            .ok_or_else(|| Error::SignInNeeded("sign in to a class server first".into()))?;
        let class = self.classroom().taught(Some(class_id))?;
        let now = crate::now_ms();
        let (lesson, material_doc) = self.transact(|tx| {
            let lesson = self.lesson_from(tx, &class, &account, material, now)?;
            let card_ids: Vec<CardId> = lesson
                .concepts
                .keys()
                .map(|id| id.as_str().into())
                .collect();
            for card in &card_ids {
                tx.touch(Touched::Card(card))?;
            }
            let is_source = tx
                .query_row(
                    "SELECT 1 FROM sources WHERE id = ?1",
                    [material],
                    |_| Ok(()),
                )
                .optional()?
                .is_some();
            let material_doc = if is_source {
                tx.touch(Touched::Source(&SourceId::from(material.as_str())))?;
                DocId::source(material.as_str())
            } else {
                // Neither a source nor a note: refused, as before, by the read.
                tx.query_row("SELECT 1 FROM notes WHERE id = ?1", [material], |_| Ok(()))?;
                tx.touch(Touched::Note(&NoteId::from(material.as_str())))?;
                DocId::note(material.as_str())
            };
            let text =
                serde_json::to_string(&lesson).map_err(|e| Error::InvalidInput(e.to_string()))?;
            let id = lesson.id.clone();
            tx.change_doc(DocId::lesson(&id), |r| r.put_lesson(&id, &text))?;
            Ok((lesson, material_doc))
        })?;
        // The server carries only what it has: the lesson's documents go first.
        self.sync().now(true)?;
        let docs = vec![
            DocId::lesson(&lesson.id).as_str().to_owned(),
            DocId::cards_of_deck(lesson.deck_id.as_str())
                .as_str()
                .to_owned(),
            material_doc.as_str().to_owned(),
        ];
        let media = self.lesson_media(&lesson, material)?;
        let students = match audience {
            Audience::WholeClass => None,
            Audience::Students(ids) => Some(ids),
        };
        let assigned: Assigned = self.sync().server_call(
            Method::POST,
            &format!("/v1/classes/{}/assignments", class.id),
            Some(&json!({
                "id": lesson.id,
                "material": material.as_str(),
                "title": lesson.title,
                "docs": docs,
                "media": media,
                "students": students,
            })),
        )?;
        Ok(assigned.delivered)
    }

    /// The lesson `material` makes for `class`: its pack's deck and which concept each
    /// card tests (the card's own, or else the material's main one, or its title).
    fn lesson_from(
        &self,
        tx: &Tx<'_>,
        class: &ClassInfo,
        account: &satchel_types::SyncAccount,
        material: &OwnerId,
        now: i64,
    ) -> Result<LessonDoc> {
        let title: Option<String> = tx
            .query_row(
                "SELECT title FROM sources WHERE id = ?1 UNION ALL SELECT title FROM notes WHERE id = ?1",
                [material],
                |r| r.get(0),
            )
            .optional()?;
        let title = title.or_not_found_as("source or note", material.as_str())?;
        let main_concept: Option<String> = tx
            .query_row(
                "SELECT c.label FROM owner_concepts oc JOIN concepts c ON c.id = oc.concept_id
                 WHERE oc.owner_id = ?1 ORDER BY oc.weight DESC LIMIT 1",
                [material],
                |r| r.get(0),
            )
            .optional()?;
        let mut statement = tx.prepare_cached(
            "SELECT c.id, c.deck_id, d.name, co.label FROM cards c
             JOIN packs p ON p.id = c.pack_id AND p.state = 'ready'
             JOIN decks d ON d.id = c.deck_id
             LEFT JOIN concepts co ON co.id = c.concept_id
             WHERE p.owner_id = ?1 AND c.state != 'deleted'
             ORDER BY c.seq",
        )?;
        let rows: Vec<(String, DeckId, String, Option<String>)> = statement
            .query_map([material], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
            })?
            .collect::<rusqlite::Result<_>>()?;
        let Some((_, deck_id, deck_name, _)) = rows.first().cloned() else {
            return Err(Error::InvalidInput(format!(
                "{title:?} has no study pack with cards yet: make its pack first"
            )));
        };
        let concepts = rows
            .into_iter()
            .filter(|(_, deck, _, _)| *deck == deck_id)
            .map(|(card, _, _, concept)| {
                let concept = concept
                    .or_else(|| main_concept.clone())
                    .unwrap_or_else(|| title.clone());
                (card, concept)
            })
            .collect();
        Ok(LessonDoc {
            id: lesson_id(&class.id, material.as_str()),
            title,
            class_id: class.id.clone(),
            class_name: class.name.clone(),
            teacher: account.name.clone(),
            teacher_id: account.user_id.clone(),
            source_id: Some(material.clone()),
            deck_id,
            deck_name,
            assigned_at: now,
            concepts,
        })
    }

    /// The media a lesson's documents name: its cards' pictures and sounds, and the
    /// material's original (when the server takes files that big).
    fn lesson_media(&self, lesson: &LessonDoc, material: &OwnerId) -> Result<Vec<String>> {
        let (_, cards, _) = self.shared_state()?;
        let mut media: Vec<String> = cards
            .iter()
            .filter(|c| lesson.deck_id == c.deck_id)
            .flat_map(|c| c.media.iter().map(|m| m.sha256.clone()))
            .collect();
        let original: Option<(String, i64)> = self.read(|c| {
            Ok(c.query_row(
                "SELECT b.sha256, b.size_bytes FROM sources s JOIN blobs b ON b.id = s.blob_id
                 WHERE s.id = ?1 AND b.complete = 1",
                [material],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?)
        })?;
        if let Some((sha, size)) = original
            && u64::try_from(size).is_ok_and(|s| s <= crate::remote::MEDIA_MAX_BYTES)
        {
            media.push(sha);
        }
        media.sort();
        media.dedup();
        Ok(media)
    }

    /// Adds a student by name (for a classroom with no network: their lessons go by USB
    /// stick, and they claim the account when they first join on a network).
    pub fn add_student(&self, class_id: &str, name: &str) -> Result<Classmate> {
        self.sync().server_call(
            Method::POST,
            &format!("/v1/classes/{class_id}/students"),
            Some(&json!({ "name": name })),
        )
    }

    /// Gives a class this profile teaches a new join code; the old one stops working.
    pub fn renew_code(&self, class_id: &str) -> Result<ClassInfo> {
        self.sync().server_call(
            Method::POST,
            &format!("/v1/classes/{class_id}/code"),
            Some(&json!({})),
        )
    }

    /// A new one-time claim code for a student added by name who has not joined yet
    /// (`wanted`, an id or a name); the earlier one stops working.
    pub fn renew_claim(&self, class_id: &str, wanted: &str) -> Result<Classmate> {
        let student = self.classroom().student(class_id, wanted)?;
        self.sync().server_call(
            Method::POST,
            &format!("/v1/classes/{class_id}/students/{}/claim", student.id),
            Some(&json!({})),
        )
    }

    /// Forgets every device of the student `wanted` (a laptop lost or passed on): none
    /// of them signs in again, and the answer carries a new claim code for the student
    /// to claim the account from their next device.
    pub fn forget_devices(&self, class_id: &str, wanted: &str) -> Result<Classmate> {
        let student = self.classroom().student(class_id, wanted)?;
        self.sync().server_call(
            Method::DELETE,
            &format!("/v1/classes/{class_id}/students/{}/devices", student.id),
            None,
        )
    }

    /// Takes the student `wanted` (an id or a name) out of a class this profile teaches:
    /// they leave its roster and report, and later lessons do not reach them. The
    /// lessons they already have stay theirs.
    pub fn remove_student(&self, class_id: &str, wanted: &str) -> Result<Classmate> {
        let student = self.classroom().student(class_id, wanted)?;
        self.sync().server_call(
            Method::DELETE,
            &format!("/v1/classes/{class_id}/students/{}", student.id),
            None,
        )
    }

    /// The student `wanted` (an id or a name) of a class this profile teaches.
    pub fn student(&self, class_id: &str, wanted: &str) -> Result<Classmate> {
        let wanted_name = wanted.trim().to_lowercase();
        self.classroom()
            .roster(class_id)?
            .into_iter()
            .find(|s| s.id == wanted || s.name.trim().to_lowercase() == wanted_name)
            .or_not_found_as("student", wanted)
    }

    /// Writes a bundle for one student to `path` (a USB stick): their lessons and
    /// progress, sealed by the class server to their devices and their bundle code (in
    /// the outcome, to hand them with the stick), for a laptop with no network.
    pub fn export_bundle(
        &self,
        class_id: &str,
        student: &str,
        path: &Path,
    ) -> Result<BundleOutcome> {
        let student = self.classroom().student(class_id, student)?;
        let bytes = self.sync().server_bytes(
            Method::GET,
            &format!("/v1/classes/{class_id}/students/{}/bundle", student.id),
            None,
            CLASS_BUNDLE_MAX as u64,
        )?;
        // Whole and signed by the class server: what the student's laptop will check.
        let signer =
            satchel_sync::sealed::signer_of(std::io::Cursor::new(&bytes), bytes.len() as u64)
                .map_err(crate::bundle::refused)?;
        if let Some(server_key) = self.sync().account()?.and_then(|a| a.server_key)
            && server_key != signer
        {
            return Err(crate::bundle::refused(
                satchel_sync::bundle::BundleError::Altered,
            ));
        }
        crate::bundle::write_through_partial(path, |partial| {
            std::fs::write(partial, &bytes)
                .and_then(|()| std::fs::File::open(partial)?.sync_all())
                .map_err(|e| crate::bundle::io(partial, e))
        })?;
        Ok(BundleOutcome {
            bytes: bytes.len() as u64,
            code: student.bundle_code,
            ..BundleOutcome::default()
        })
    }

    /// Takes in a student's progress from a bundle their device wrote (carried on a
    /// USB stick) for the class server, so it reaches the report. The server files it
    /// under the student who wrote it (`student`, an id or a name, when given, must be
    /// them); refused when altered, or written by no student of the class.
    pub fn import_bundle(
        &self,
        class_id: &str,
        student: Option<&str>,
        path: &Path,
    ) -> Result<(Classmate, BundleOutcome)> {
        let bytes = std::fs::read(path).map_err(|e| crate::bundle::io(path, e))?;
        if bytes.len() > CLASS_BUNDLE_MAX {
            return Err(Error::InvalidInput(format!(
                "a student's bundle is at most {} MiB",
                CLASS_BUNDLE_MAX >> 20
            )));
        }
        // Checked here first: an altered bundle is refused before anything is sent.
        if !satchel_sync::sealed::is_sealed(&bytes) {
            return Err(Error::InvalidInput(
                "this is not a student's sealed bundle; nothing was taken in".into(),
            ));
        }
        satchel_sync::sealed::signer_of(std::io::Cursor::new(&bytes), bytes.len() as u64)
            .map_err(crate::bundle::refused)?;
        let route = match student {
            Some(wanted) => {
                let student = self.classroom().student(class_id, wanted)?;
                format!("/v1/classes/{class_id}/students/{}/bundle", student.id)
            }
            None => format!("/v1/classes/{class_id}/bundle"),
        };
        #[derive(Deserialize)]
        struct Merged {
            docs: u32,
            media: u32,
            student: Classmate,
        }
        let answer = self.sync().server_bytes(
            Method::PUT,
            &route,
            Some((bytes.clone(), "application/vnd.satchel.bundle")),
            crate::net::JSON_MAX,
        )?;
        let merged: Merged = serde_json::from_slice(&answer)
            .map_err(|e| Error::Server(format!("an answer that does not read: {e}")))?;
        Ok((
            merged.student,
            BundleOutcome {
                docs: merged.docs,
                media: merged.media,
                bytes: bytes.len() as u64,
                ..BundleOutcome::default()
            },
        ))
    }

    /// The lessons this learner was given, newest first, with how far they are.
    pub fn lessons(&self, now: i64) -> Result<Vec<LessonView>> {
        self.read(|conn| crate::learn::lessons(conn, now))
    }
}

/// Class servers advertised on the local network, listened for for `wait`. None found
/// where multicast is blocked: then the address is typed.
pub fn discover(wait: Duration) -> Result<Vec<FoundServer>> {
    let daemon = mdns_sd::ServiceDaemon::new()
        .map_err(|e| Error::Offline(format!("cannot listen on the local network: {e}")))?;
    let events = daemon
        .browse(CLASS_SERVICE)
        .map_err(|e| Error::Offline(format!("cannot listen on the local network: {e}")))?;
    let until = std::time::Instant::now() + wait;
    let mut found: HashMap<String, FoundServer> = HashMap::new();
    while let Some(left) = until.checked_duration_since(std::time::Instant::now()) {
        let Ok(event) = events.recv_timeout(left) else {
            break;
        };
        if let mdns_sd::ServiceEvent::ServiceResolved(service) = event {
            let name = service
                .fullname
                .strip_suffix(&format!(".{CLASS_SERVICE}"))
                .unwrap_or(&service.fullname)
                .replace("\\", "");
            // IPv4 first, and a LAN address before loopback: what another device can
            // reach.
            let mut addresses: Vec<std::net::IpAddr> =
                service.addresses.iter().map(|a| a.to_ip_addr()).collect();
            addresses.sort_by_key(|a| (a.is_ipv6(), a.is_loopback()));
            let Some(ip) = addresses.first() else {
                continue;
            };
            let address = match ip {
                std::net::IpAddr::V4(v4) => format!("https://{v4}:{}", service.port),
                std::net::IpAddr::V6(v6) => format!("https://[{v6}]:{}", service.port),
            };
            found.insert(service.fullname.clone(), FoundServer { name, address });
        }
    }
    let _ = daemon.shutdown();
    let mut found: Vec<FoundServer> = found.into_values().collect();
    found.sort_by(|a, b| a.name.cmp(&b.name).then(a.address.cmp(&b.address)));
    Ok(found)
}
