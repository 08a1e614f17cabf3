# Satchel's interface in English: the source every other language is translated from.
# Numbers that count things are passed as numbers, so each language picks its own plural forms.

## app

app-name = Satchel

## nav

nav-library = Library
nav-settings = Settings
nav-switch_learner = Switch learner
nav-main = Main

## welcome

welcome-title = Who is learning today?
welcome-subtitle = Each learner has their own private, locked library on this computer.
welcome-add_learner = Add a learner
welcome-loading = Opening…

## create

create-title = Add a learner
create-name = Name
create-name_hint = What should we call you? Up to 40 characters.
create-use_passphrase = Protect with a passphrase
create-keychain_explained = Your library is locked with a key that this computer keeps safe for you, so you will not need to type anything to open it.
create-passphrase_explained = A passphrase is a password you choose. You will type it each time you open your library.
create-no_keychain = This computer has no keychain to keep your key, so please choose a passphrase.
create-passphrase = Passphrase
create-passphrase_hint = At least 8 characters. A few unrelated words are easy to remember.
create-passphrase_confirm = Type it again
create-passphrase_mismatch = The two passphrases are not the same.
create-submit = Create
create-cancel = Cancel
create-working = Locking your new library…

## recovery

recovery-title = Your recovery code
recovery-explained = If this computer's keychain or your passphrase is ever lost, this code is the only way to open your library. Write it down on paper and keep it somewhere safe. It is shown only now.
recovery-acknowledge = I have written it down
recovery-continue = Continue

## unlock

unlock-title = Open { $name }'s library
unlock-passphrase = Passphrase
unlock-submit = Open
unlock-forgot = Forgot the passphrase? Use the recovery code
unlock-recovery_code = Recovery code
unlock-recovery_hint = The code you wrote down, like ABCD-EFGH-… Capitals and dashes do not matter.
unlock-new_passphrase = New passphrase
unlock-new_passphrase_hint = Choose a passphrase for opening this library from now on.
unlock-use_recovery = Open with the recovery code
unlock-back = Back

## library

library-title = Your library
library-new_note = New note
library-empty = Nothing here yet. Write your first note, or bring in a recording of a lesson.
library-count =
    { $n ->
        [one] { $n } note
       *[other] { $n } notes
    }

## note

note-untitled = Untitled note
note-title = Title
note-title_placeholder = What is this note about?
note-body = Note
note-body_placeholder = Write here. Markdown works: # headings, **bold**, - lists.
note-save = Save
note-saved = Saved
note-heading = Note
note-saving = Saving…
note-unsaved = Not saved yet
note-delete = Delete
note-delete_confirm = Delete this note for good?
note-delete_yes = Yes, delete it
note-back = Back to library
note-shortcut = Saves as you write · Ctrl+S saves now

## settings

settings-title = Settings
settings-appearance = Appearance
settings-theme = Theme
settings-theme_system = Same as this computer
settings-theme_light = Light
settings-theme_dark = Dark
settings-language = Language
settings-language_system = Same as this computer
settings-language_hint = Satchel's words, dates and numbers. What you learn from can be in any language.
settings-security = Security
settings-rotate_explained = Changing the key re-locks your whole library with a new key and gives you a new recovery code. The old code stops working.
settings-rotate = Change the key
settings-rotating = Re-locking your library…
settings-rotated = Your library is locked with a new key.
settings-about = About
settings-version = Version
settings-encryption = Encryption
settings-data_folder = Data folder

## time

time-just_now = just now

## error

error-wrong_key = That passphrase or code does not open this library. Nothing was changed — please try again.
error-keychain_unavailable = This computer's keychain is not answering, so the library cannot open by itself. Your notes are safe: open it with your recovery code.
error-key_missing = This computer's keychain no longer has the key for this library. Your notes are safe: open it with your recovery code.
error-passphrase_required = Please choose a passphrase to protect this library.
error-profile_not_found = That learner is not on this computer any more.
error-profile_exists = There is already a learner with that name. Please choose another.
error-not_found = That note is not here any more. It may have been deleted.
error-invalid_input = Something in the form needs another look.
error-locked = The library is locked. Please open it again.
error-storage = Satchel could not read or write its files. Nothing was lost; please try again.
error-internal = Something unexpected went wrong. Nothing was lost; please try again.
error-conflict = That is taken already, or was changed somewhere else first. Nothing was lost; please check and try again.
error-forbidden = This account is not allowed to do that. Ask the teacher or whoever runs the server.
error-no_shell = This page runs inside the Satchel app. Open Satchel to use it.

## library

library-import = Bring in a file
speech-language = Language spoken
speech-detect = Find out by itself
speech-language_hint = The language of the recordings you bring in or make. Satchel can find it out by itself, but knowing it is quicker and surer.
library-importing = Storing…
library-drop_here = Drop files here to bring them in and make study packs
library-drop_hint = Or drop recordings, pictures (PNG, JPEG, WebP), PDFs or text anywhere on this page to make a study pack from each, or paste a picture.
library-recordings = Recordings
library-notes = Notes
library-import_failed = { $file }: { $reason }

## source

source-status-queued = Waiting to be transcribed
source-status-transcribing = Transcribing…
source-status-ready = Transcribed
source-status-failed = Transcription failed
source-status-cancelled = Stopped
source-progress = Transcribing { $title } — { $done } of { $total }
source-progress_open = Transcribing { $title } — { $done } so far
source-cancel = Stop
source-retry = Transcribe again
source-retranscribe_in = Transcribe again in
source-back = Back to library
source-transcript = Transcript
source-no_speech = No speech was heard in this recording.
source-waiting = The transcript appears here as soon as it is ready. You can keep working meanwhile.
source-play_from = Play from { $time }
source-delete = Delete
source-delete_confirm = Delete this recording and its transcript for good?
source-delete_yes = Yes, delete it
source-language = Language
source-length = Length
source-file = File

## error

error-model_missing = Satchel's speech model is not installed on this computer, so it cannot transcribe yet. Your recording is kept; it can be transcribed once the model is there.
error-bad_media = Satchel cannot read this file. It reads recordings (WAV, MP3, FLAC, Ogg, M4A), pictures (PNG, JPEG, WebP) and PDFs.
error-cancelled = Stopped. The recording is kept; you can transcribe it again at any time.
error-busy = Something is still running. Please wait for it to finish, or stop it, and try again.

## library

library-recordings_count =
    { $n ->
        [one] { $n } recording
       *[other] { $n } recordings
    }

## error

error-no_microphone = No microphone answered. Plug one in, or choose one as the input in your computer's sound settings, and try again.

## record

record-start = Record
record-title = Recording, { $when }
record-label = Recording from the microphone
record-starting = Starting the microphone…
record-from = Recording from { $device }
record-level = Sound level
record-stop = Stop and save
record-saving = Saving…
record-discard = Discard
record-discard_confirm = Throw this recording away? It cannot be brought back.
record-discard_yes = Yes, discard it

## error

error-document_password = This document is protected by a password. Type its password to open it.

## source

source-status-queued_reading = Waiting to be read
source-status-reading = Reading…
source-status-read = Read
source-status-read_failed = Reading failed
source-no_text = No text was found here.
source-picture = The picture as it was brought in
source-text = Text
source-page = Page { $n }
source-page_text = Text of page { $n }
source-pages =
    { $n ->
        [one] { $n } page
       *[other] { $n } pages
    }
source-page_unshown = This page cannot be drawn; its text is beside it.
source-page_no_text = No text on this page.
source-pasted_title = Pasted picture
source-reading_pages = Reading { $title } — page { $done } of { $total }
source-reading = Reading { $title }…
source-password = This document's password
source-open = Open
source-opening = Opening…

## nav

nav-ask = Ask
nav-topics = Topics

## search

search-placeholder = Search everything
search-label = Search your notes, photos, recordings and documents
search-submit = Search
search-indexing = Getting new things ready to search — { $done } of { $total } passages
search-title = Found for “{ $query }”
search-nothing = Nothing found. Try other words, or a question in your own words.
search-at = at { $time }

## kind

kind-note = Note
kind-audio = Recording
kind-image = Photo
kind-document = Document
kind-text = Text file

## ask

ask-title = Ask
ask-subtitle = Ask a question in your own words. The answers come from your own notes, photos, recordings and documents.
ask-label = Your question
ask-placeholder = How do plants make their food?
ask-submit = Ask
ask-asking = Looking…
ask-nothing = Nothing in your library answers that yet. Add notes or sources about it, or ask another way.

## topics

topics-title = Topics
topics-subtitle = What your notes, photos, recordings and documents are about, and which of them share a topic.
topics-none = No topics yet. They appear as you add notes and sources.
topics-shared = Shared topics
topics-link = { $a } and { $b } both cover { $topics }

## source

source-topics = Topics
source-also_in = also in

## nav

nav-jobs = Background work

## pack

pack-make = Make a study pack
pack-open_last = Open the last study pack
pack-title = Study pack
pack-from = From “{ $title }”
pack-building = Making your study pack — step { $done } of { $total }
pack-building_hint = You can keep using Satchel; the pack appears here when it is ready.
pack-failed = This study pack could not be made. Nothing was lost.
pack-see_jobs = See what went wrong and try again
pack-summary = Summary
pack-where_from = Where this is from
pack-cards =
    { $n ->
        [one] Cards ({ $n })
       *[other] Cards ({ $n })
    }
pack-cards_hint = Keep the cards you want to study, fix any that are not quite right, and delete the rest. Satchel learns from your choices.
pack-quiz = Quiz
pack-check = Check my answers
pack-score = { $right } of { $total } right

## card

card-kind-cloze = Fill the gap
card-kind-definition = Question
card-kind-term = Key word
card-kind-basic = Question and answer
card-kind-reversed = Both ways
card-kind-choice = Multiple choice
card-kept = Kept
card-edited = Edited
card-front = Front
card-back = Back
card-keep = Keep
card-edit = Edit
card-delete = Delete
card-save = Save
card-why = Why this card?
card-made_by = Made by the “{ $generator }” writer from these words:
card-open_source = Open “{ $title }” there

## jobs

jobs-title = Background work
jobs-subtitle = What Satchel is doing for you: reading, getting things ready to search, and making study packs.
jobs-none = Nothing is running.
jobs-kind-read = Reading or transcribing
jobs-kind-index = Getting ready to search
jobs-kind-pack = Study pack: { $step }
jobs-step-extract = reading the material
jobs-step-index = getting it ready to search
jobs-step-summary = writing the summary
jobs-step-concepts = finding the main ideas
jobs-step-cards = making cards
jobs-step-quiz = making the quiz
jobs-step-validate = checking the cards
jobs-step-deliver = putting it together
jobs-queued = waiting
jobs-running = working
jobs-done = done
jobs-dead =
    { $n ->
        [one] failed after { $n } try
       *[other] failed after { $n } tries
    }
jobs-cancelled = stopped
jobs-retrying = trying again soon (try { $n } of { $max })
jobs-retry = Try again
jobs-cancel = Stop

## settings

settings-helper = Helper on your network (optional)
settings-helper_explained = If your school or teacher runs a language model on the local network, Satchel can ask it to word better study questions. It is reached over https:// (add #sha256= and its certificate's fingerprint when it made its own), so nothing crosses the Wi-Fi in clear. Satchel works fully without it; when the helper does not answer, Satchel carries on alone.
settings-helper_url = Helper address
settings-helper_model = Model name
settings-helper_save = Save and try it
settings-helper_trying = Trying…
settings-helper_ok = The helper answered. Your next study packs may use it.
settings-helper_cleared = No helper is set. Satchel makes study packs on its own.
settings-helper_failed = Saved, but the helper did not answer ({ $problem }). Satchel carries on without it and tries again later.

## pack

pack-plain_by_helper = In plainer words, by the helper on your network, from the sentences below:

## nav

nav-study = Study now
nav-cards = Cards
nav-progress = Progress

## study

study-title = Study now
study-nothing = Nothing to study right now. Write a card, or make a study pack from something in your library.
study-reviews =
    { $n ->
        [one] { $n } review waiting
       *[other] { $n } reviews waiting
    }
study-start = Start reviewing
study-known = { $percent } known · from “{ $title }”
study-read = Read it again
study-pack = Its study pack
study-new =
    { $n ->
        [one] { $n } new card in { $deck }
       *[other] { $n } new cards in { $deck }
    }
study-learn = Learn

## review

review-title = Review
review-picture_front = Picture for the question: { $text }
review-picture_back = Picture for the answer: { $text }
review-sound_front = Sound for the question: { $text }
review-sound_back = Sound for the answer: { $text }
review-progress = { $done } of { $total }
review-done = All done for now
review-done_summary =
    { $n ->
        [one] { $n } card answered, { $seconds } s a card on average. What is due next will be waiting when it is time.
       *[other] { $n } cards answered, { $seconds } s a card on average. What is due next will be waiting when it is time.
    }
review-new = New
review-seconds = { $n } s
review-show = Show answer
review-space = Space
review-from = Where this is from: { $title }
review-how_well = How well did you remember?
review-again = Again
review-hard = Hard
review-good = Good
review-easy = Easy
review-in_minutes = { $n } min
review-in_hours = { $n } h
review-in_days = { $n } d
review-in_months = { $n } mo
review-undo = Undo
review-bury = Not today
review-suspend = Set aside
review-hint = Hint
review-hint_text = Starts with “{ $first }”: { $letters ->
        [one] one letter
       *[other] { $letters } letters
    }, { $words ->
        [one] one word
       *[other] { $words } words
    }.
review-explain = Explain
review-explained = In the words of “{ $title }”
review-no_source = This card was written by hand: it has no source to explain it.
review-moment = Hear it in “{ $title }” at { $time }
review-occluded = The picture “{ $title }”, one label covered
review-occluded_shown = The picture “{ $title }”, the hidden label outlined
tutor-title = Read it where it came from
tutor-continue = Continue
tutor-easier = Missed twice: an easier card on this comes next.

## cards

cards-title = Cards
cards-decks = Decks
cards-deck_counts =
    { $cards ->
        [one] { $cards } card
       *[other] { $cards } cards
    } · { $due } due · { $new } new
cards-no_decks = No cards yet. Write one below, or make a study pack from your library.
cards-write = Write a card
cards-kind = Kind of card
cards-deck = Deck
cards-deck_default = Default
cards-front = Question
cards-back = Answer
cards-right = Right answer
cards-wrong = Wrong answers, one a line
cards-cloze_text = Text
cards-cloze_hint = Put what to hide in double braces: {"{{"}c1::Paris{"}}"} is the capital of {"{{"}c2::France{"}}"}. Each number makes a card.
cards-add = Add card
cards-saved =
    { $n ->
        [one] Added { $n } card.
       *[other] Added { $n } cards.
    }
cards-in_deck = Cards in this deck
cards-unsuspend = Bring back
cards-delete = Delete

## progress

progress-title = Progress
progress-reviews_total = Reviews
progress-retention = Remembered (30 days)
progress-due_today = Due today
progress-time_total = Time reviewing
progress-minutes =
    { $n ->
        [one] { $n } min
       *[other] { $n } min
    }
progress-cards = Cards
progress-card_counts = { $new } new · { $learning } learning · { $young } young · { $mature } mature
progress-as_table = Show as a table
progress-heatmap = Reviews in the past year
progress-heatmap_summary =
    { $n ->
        [one] { $n } review
       *[other] { $n } reviews
    } on { $days ->
        [one] { $days } day.
       *[other] { $days } days.
    }
progress-day_reviews =
    { $n ->
        [one] { $date }: { $n } review
       *[other] { $date }: { $n } reviews
    }
progress-day = Day
progress-week = Week
progress-reviews = Reviews
progress-retention_title = Remembered when due, by week
progress-retention_summary = In the last 30 days you remembered { $percent } of cards when they came due (you asked for { $desired }).
progress-retention_none = No card has come due yet.
progress-recalled = Remembered
progress-forecast = Cards coming due
progress-forecast_summary = { $today } due today, { $week } in the next 7 days.
progress-due = Due
progress-time = Time spent
progress-time_summary =
    { $n ->
        [one] { $n } minute reviewing in the last 30 days.
       *[other] { $n } minutes reviewing in the last 30 days.
    }
progress-mastery = How well you know each topic
progress-mastery_summary =
    { $n ->
        [one] { $known } of { $n } topic known well.
       *[other] { $known } of { $n } topics known well.
    }
progress-mastery_none = Make a study pack and review its cards to see how well you know each topic.
progress-concept = Topic
progress-known = Known
progress-scheduling = Reviews
progress-desired = Remember { $percent } of cards when they come due
progress-desired_hint = Higher means more reviews; 90 % suits most learners.
progress-new_per_day = New cards a day
progress-save = Save
progress-saved = Saved.
progress-optimised = Satchel learnt from your { $reviews } reviews how you remember: its predictions improved ({ $before } → { $after }, lower is better) and it schedules with them now.
progress-optimised_kept = Satchel looked at your { $reviews } reviews; the usual scheduling already predicts them as well ({ $before } → { $after }), so it stays.
progress-not_optimised = After about 400 reviews Satchel learns how you remember and schedules for you. Reviews so far: { $n }.
progress-optimise = Learn from my reviews now
progress-optimise_queued = Working on it in the background.

## cards

cards-import_anki = Bring in an Anki deck
cards-export_anki = Export every deck for Anki
cards-export_short = Export for Anki
cards-export_deck = Export { $deck } for Anki
cards-exporting = Writing the deck for Anki…
cards-exported =
    Wrote { $cards ->
        [one] { $cards } card
       *[other] { $cards } cards
    } in { $decks ->
        [one] { $decks } deck
       *[other] { $decks } decks
    }, with { $reviews ->
        [one] { $reviews } past review
       *[other] { $reviews } past reviews
    } and { $media ->
        [one] { $media } picture or sound
       *[other] { $media } pictures and sounds
    }. Anki opens the file with File › Import.
cards-exported_left_out = { $n ->
        [one] { $n } image-occlusion card was left out: Anki makes those in its own editor.
       *[other] { $n } image-occlusion cards were left out: Anki makes those in its own editor.
    }
cards-importing = Bringing in the deck…
cards-imported =
    Brought in { $cards ->
        [one] { $cards } card
       *[other] { $cards } cards
    } in { $decks ->
        [one] { $decks } deck
       *[other] { $decks } decks
    }, with { $reviews ->
        [one] { $reviews } past review
       *[other] { $reviews } past reviews
    } and { $media ->
        [one] { $media } picture or sound
       *[other] { $media } pictures and sounds
    } ({ $here } were here already).
cards-media = Pictures and sounds
cards-media_front = Add to the question…
cards-media_back = Add to the answer…
cards-on_front = with the question
cards-on_back = with the answer
cards-remove_media = Remove

## sync

sync-offline = Offline — changes are kept here
sync-offline_waiting =
    { $n ->
        [one] Offline — { $n } change kept here
       *[other] Offline — { $n } changes kept here
    }
sync-waiting =
    { $n ->
        [one] { $n } change waiting to sync
       *[other] { $n } changes waiting to sync
    }
sync-synced = Synced { $when }
sync-never = Not synced yet
sync-syncing = Syncing… { $size }
sync-syncing_label = Syncing
sync-sync_now = Sync now

## settings

settings-sync = Sync
settings-sync_explained = Sign in to your school's or family's sync server, and your notes, cards and reviews stay the same on every device you use. Everything works without it.
settings-sync_server = Server address
settings-sync_name = Name
settings-sync_password = Password
settings-sync_sign_in = Sign in
settings-sync_signing_in = Signing in…
settings-sync_state = Sync
settings-sync_failed = The last sync did not finish ({ $problem }). Nothing was lost: your changes stay here and go with the next sync.
settings-sync_running = Syncing…
settings-sync_sign_out = Sign out

## error

error-offline = The sync server did not answer. Nothing was lost: your changes stay here and go with the next sync. Check the network and the server's address.
error-sign_in_needed = Please sign in to the sync server (again). Nothing was lost

## source

source-original_elsewhere = This was brought in on another of your devices. Its text is here; the original arrives with the next sync.

## nav

nav-class = Class

## class

class-title = Class
class-lessons = Lessons from your teacher
class-in_classes = You are in: { $classes }
class-no_lessons = No lessons yet. When your teacher assigns one, it appears here and in Study now after the next sync.
class-lesson_from = From { $teacher } · { $class }
class-lesson_progress =
    { $cards ->
        [one] { $studied } of { $cards } card studied
       *[other] { $studied } of { $cards } cards studied
    }
class-lesson_progress_label = How much of the lesson is studied
class-read = Read
class-study = Study
class-join = Join a class
class-looking = Looking for classrooms nearby…
class-none_found = No classroom answered nearby. Ask your teacher for the address and type it below.
class-look_again = Look again
class-nearby = Classrooms nearby
class-address = Class server's address
class-code = Class code
class-joining = Joining…
class-join_button = Join
class-joined = You joined { $class } ({ $teacher }). Its lessons arrive with each sync.
class-teach = Teach a class
class-teach_hint = Run the class server on this laptop: students' apps on the same network find it and join with a code. It needs no internet.
class-start = Start the class server
class-starting = Starting…
class-stop = Stop the class server
class-hosting = The class server is running at
class-hosting_hint = Students pick it from the classrooms nearby, or type this address if their network hides it.
class-new_class = New class
class-new_class_placeholder = Year 7 Science
class-create = Make the class
class-code_is = Students join with the code
class-students =
    { $n ->
        [one] { $n } student
       *[other] { $n } students
    }
class-assign_what = Lesson to assign (material with a study pack)
class-choose_material = Choose from your library…
class-assign_to = For
class-whole_class_hint = Tick students to give it to only them; tick none for the whole class (and anyone who joins later).
class-assign = Assign
class-assigning = Sending the lesson…
class-assigned =
    { $n ->
        [one] Assigned to { $n } student. It reaches them when their app next syncs.
       *[other] Assigned to { $n } students. It reaches each when their app next syncs.
    }
class-refresh = Refresh the dashboard
class-completion = Lessons
class-no_assignments = No lessons assigned yet.
class-done_of = { $done } done, { $started } begun, of { $n }
class-matrix = What each student knows, by concept
class-matrix_summary =
    { $students ->
        [one] { $students } student
       *[other] { $students } students
    } and { $concepts ->
        [one] { $concepts } concept
       *[other] { $concepts } concepts
    }; darker is known better, grey not studied yet. { $struggles ->
        [one] { $struggles } place where a student is struggling.
       *[other] { $struggles } places where a student is struggling.
    }
class-not_yet = not yet
class-student = Student
class-struggling = Who is struggling with what
class-nobody_struggling = Nobody is struggling with anything they have studied.
class-struggles_with = { $student } — { $concept } ({ $percent })
class-bundle = No network? Carry it on a USB stick
class-bundle_hint = Write your notes, cards, reviews and library to a file, and bring it in on another computer (or bring one in from there). It is sealed: only this computer and whoever has its bundle code can open it. It merges like a sync; nothing is lost either way.
class-export = Write a bundle…
class-import = Bring in a bundle…
class-bundle_working = Working… this can take a minute for a big library.
class-exported =
    { $docs ->
        [one] { $docs } document
       *[other] { $docs } documents
    } and { $media ->
        [one] { $media } file
       *[other] { $media } files
    } written.
class-imported =
    Merged { $docs ->
        [one] { $docs } document
       *[other] { $docs } documents
    }: { $reviews } reviews, { $cards } cards, { $notes } notes new or changed here; { $media ->
        [one] { $media } file brought.
       *[other] { $media } files brought.
    }

## study

study-lesson = { $title } — a lesson from { $teacher }
study-lesson_left =
    { $cards ->
        [one] { $left } of { $cards } card to study
       *[other] { $left } of { $cards } cards to study
    }

## class

class-roster = Students
class-lessons_to_stick = Lessons to a USB stick…
class-progress_from_stick = Bring in a student's progress from a USB stick…
class-no_network_hint = No network in the classroom? Add students by name, write each one's lessons to a stick, and bring their progress back the same way. When they later join on a network, everything meets.
class-add_student = Add a student by name
class-add = Add
class-student_added = { $name } is in the class. Their lessons can go on a stick now.
class-student_bundle_out = Wrote the student's lessons, sealed. Give them the stick and their bundle code: { $code }. On their laptop: Class → Bring in a bundle.
class-student_bundle_in = Took in { $name }'s progress ({ $docs } documents changed).
class-remove = Take out of the class
class-remove_confirm = Take { $name } out of the class? They keep the lessons they have; new ones will not reach them.
class-remove_yes = Take out
class-remove_no = Keep
class-student_removed = { $name } is no longer in the class.
class-legend = What the colours mean
class-legend_0 = under { $low }
class-legend_1 = { $low } to { $high }
class-legend_2 = { $low } to { $high }
class-legend_3 = { $low } to { $high }
class-legend_4 = { $low } and more

## startup

startup-failed-title = Satchel cannot start
startup-failed-body = Satchel could not open. Nothing in your library was changed. If this happens again, show this message to whoever looks after this computer.

## error

error-untrusted = Satchel did not take this: it failed a safety check, so nothing was changed or sent.

## models

models-title = What Satchel can do on this computer
models-transcribe_english = Writing down English recordings
models-transcribe_other_languages = Writing down recordings in other languages
models-read_images = Reading photos and scanned pages
models-read_other_scripts = Reading Hindi and Arabic in photos and scans
models-search_by_meaning = Searching by meaning, concepts and study packs
models-ready = ready
models-missing = needs a model pack
models-missing_tesseract = needs Tesseract: on Linux, install the packages tesseract-ocr-hin and tesseract-ocr-ara; on Windows, install Satchel again
models-pack_explained = A model pack brings in what is missing. It is one file, from a USB stick or from your teacher; Satchel checks its signature before taking anything from it.
models-imported = Model pack { $version } is in use.
models-import = Bring in a model pack…
models-importing = Checking and bringing in the model pack…
models-import_done = The model pack was checked and brought in. What it brings works now.
models-banner = Some things Satchel does need models this computer does not have: { $missing }.
models-banner_link = Bring in a model pack

## update

update-title = Update Satchel
update-explained = An update can come on a USB stick. Satchel checks that it is signed, whole and newer before showing it; nothing changes until you choose to install it.
update-choose = Check an update file…
update-checking = Checking…
update-offer = Satchel { $version } is ready to install (this is { $current }).
update-install = Install
update-not_now = Not now
update-installed = The update is installed. It is used the next time Satchel starts.

## offers

offers-title = From your class
offers-explained = Your teacher's Satchel hands these out over the classroom network. Satchel checks each one is signed, whole and newer before using it.
offers-update = Satchel { $version }
offers-models = Model pack { $version }
offers-take = Get it
offers-have_it = Already on this computer
offers-models_taken = Model pack { $version } was checked and brought in. What it brings works now.
offers-update_taken = The update was checked. See “Update Satchel” to install it when you choose.
offers-offered_title = Handed out to your students
offers-offered_hint = Students' apps on this class server can take these: an update of Satchel, and the models for a computer that lacks them.
offers-offer_models = Hand out this computer's models
offers-offer_file = Hand out a pack file…
offers-withdraw = Stop
offers-withdraw_named = Stop handing out { $what }

## error

error-confirm_server = Satchel has not met this class server before. Before anything is sent, check that the teacher's screen shows the same words.

## class

class-address_placeholder = 192.168.1.20:7480, or the teacher's join link
class-code_in_link = Not needed with a join link
class-confirm_server = This computer is meeting this server for the first time. Does your teacher's screen (or whoever runs the server) show these words?
class-confirm_server_hint = Matching words show that you reached the real server and not someone posing as it. Nothing has been sent yet.
class-words_match = They match: join
class-words_differ_button = They do not match
class-words_differ = The words did not match, so nothing was sent. Tell your teacher: someone on this network may be posing as the class server.
class-hosting_words = Students who type the address check these words:
class-join_link = Join link and QR code
class-join_link_hint = A student's Satchel joins with this link alone: it names this class server, the code, and the fingerprint that proves it is yours.
class-join_link_qr = QR code of the join link
class-claim_code_is = { $name } joins with the class's code and this one-time claim code: { $code } (it works once, for a week).
class-added_by_name = My teacher added me by name
class-claim_code = Claim code from your teacher
class-new_code = New code
class-code_until = Works until { $date }. A new code stops the old one.
class-export_progress = Write my progress for my teacher…
class-progress_written = Wrote your progress for your teacher. Only your class server can open it.
class-bundle_code_is = Its bundle code (another computer asks for it once):
class-bundle_code_ask = This bundle is sealed. Type its bundle code (24 digits): the one shown where it was written, or the one your teacher gave you.
class-bundle_code_open = Open it
class-student_code = Bundle code:

## error

error-bundle_code = This bundle needs its bundle code to open.
error-full = Your account has no more room on the server. Nothing was lost: it stays on this computer. Ask whoever keeps the server for more room.

## error-detail: exactly what was wrong, from the core's detail (the placeholders
## are filled in by the window; $field and $file choose the sentence)

error-detail-required =
    { $field ->
        [profile_name] Please type a name.
        [passphrase] Please type a passphrase.
        [note_title] Please give the note a title.
        [card_front] The front of the card is empty.
        [card_back] The back of the card is empty.
        [deck_name] Please name the deck.
        [join_name] Please type the name to join the class with.
        [join_code] Please type the class's join code.
       *[other] Something this needs is empty.
    }
error-detail-too_long =
    { $field ->
        [profile_name] A name has at most { $max } characters.
        [note_title] A note's title has at most { $max } characters.
        [card_front] The front of a card has at most { $max } characters.
        [card_back] The back of a card has at most { $max } characters.
        [deck_name] A deck's name has at most { $max } characters.
       *[other] This is longer than the { $max } characters allowed.
    }
error-detail-too_short =
    { $field ->
        [passphrase] A passphrase needs at least { $min } characters.
       *[other] This needs at least { $min } characters.
    }
error-detail-one_line =
    { $field ->
        [profile_name] A name is one line of ordinary letters.
        [deck_name] A deck's name is one line of ordinary letters.
       *[other] This is one line of ordinary letters.
    }
error-detail-cloze_unmarked = Mark the words to hide with double braces, like {"{{"}c1::Paris{"}}"}.
error-detail-cloze_empty = A cloze mark has to hide some words: {"{{"}c1::{"}}"} is empty.
error-detail-no_wrong_choice = A choice card needs at least one wrong choice.
error-detail-too_many_choices = A choice card has at most { $max } choices.
error-detail-recovery_code_shape = A recovery code has { $letters } letters and digits in groups of { $group }, like ABCD-EFGH-…
error-detail-card_suspended = This card is set aside. Let it back into reviews first.
error-detail-nothing_to_undo = There is no answer to undo.
error-detail-too_few_reviews = Satchel learns from your reviews once there are enough; { $reviews } are not enough yet.
error-detail-not_https = Satchel talks to other computers only over https. Check the address: { $address }
error-detail-not_an_address = This is not a server's address: { $address }
error-detail-file_too_large = This file is larger than the { $size } Satchel takes at once. Nothing was lost.
error-detail-note_too_large = A note holds at most { $size } of text. Split it into several notes.
error-detail-recording_too_long = Satchel takes recordings of up to { $length } at once. What was recorded until then is kept.
error-detail-unsupported_file =
    { $file ->
        [audio] Satchel cannot read this file as a recording. It reads WAV, MP3, FLAC, Ogg and M4A.
        [image] Satchel cannot read this file as a picture. It reads PNG, JPEG and WebP.
       *[document] Satchel cannot read this file as a document. It reads PDFs.
    }
error-detail-damaged_file =
    { $file ->
        [audio] This recording is damaged, so Satchel cannot read it. Nothing else was changed.
        [image] This picture is damaged, so Satchel cannot read it. Nothing else was changed.
       *[document] This document is damaged, so Satchel cannot read it. Nothing else was changed.
    }
error-detail-no_sound = This recording holds no sound to write down.
error-detail-model_missing = A model Satchel needs ({ $model }) is not on this computer. Reinstall Satchel, or bring in a model pack from your teacher.
error-detail-unsupported_processor = This computer's processor lacks { $missing }, which writing down speech needs. Everything else in Satchel works.

## backups

backups-title = Backups
backups-explained = Satchel backs your library up by itself every half hour you use it, and keeps the newest few, one a day for a week and one a week for a month. A backup is locked like your library: your passphrase, this computer's keychain or your recovery code opens it. Keep one on a USB stick too, in case this computer is lost.
backups-now = Back up now
backups-to_folder = Back up to a folder or USB stick…
backups-restore_file = Restore from a file…
backups-working = Working on it…
backups-made = Backed up ({ $date }):
backups-restored = Your library is back as it was on { $date }.
backups-replaced_kept = The library it replaced is kept as a backup.
backups-restore_this = Restore the backup of { $date }
backups-restore = Restore…
backups-none = No backups yet.
backups-confirm = Replace the library of { $name } with the one from { $date }?
backups-confirm_kept = Your library as it is now is kept as a backup first, so nothing is lost.
backups-passphrase_then = The passphrase the library had then
backups-restore_confirm = Restore
backups-contents =
    { $notes ->
        [one] { $notes } note
       *[other] { $notes } notes
    }, { $sources ->
        [one] { $sources } source
       *[other] { $sources } sources
    }, { $cards ->
        [one] { $cards } card
       *[other] { $cards } cards
    }, { $reviews ->
        [one] { $reviews } review
       *[other] { $reviews } reviews
    }
backups-contents_unknown = the library as it was before a restore
backups-kind-automatic = automatic
backups-kind-manual = made by you
backups-kind-before_restore = kept before a restore
welcome-restore = Restore a backup…
welcome-restore_title = Restore the library of { $name } from { $date }

## learner

learner-title = Learner
learner-name = Name
learner-rename = Rename
learner-renamed = Renamed.
learner-protection = What opens this library
learner-by_keychain = This computer's keychain opens it, with nothing to type. Choose a passphrase instead if others use this computer account.
learner-by_passphrase = Your passphrase opens it.
learner-current_passphrase = Current passphrase
learner-new_passphrase = New passphrase
learner-use_passphrase = Use a passphrase
learner-change_passphrase = Change the passphrase
learner-use_keychain = Use this computer's keychain instead
learner-protected_passphrase = From now on your passphrase opens this library.
learner-protected_keychain = From now on this computer's keychain opens this library.
learner-mismatch = The two passphrases differ.
learner-remove_title = Remove this learner
learner-remove = Remove this learner…
learner-remove_explained = This removes { $name } and everything in their library from this computer.
learner-type_name = Type { $name } to confirm
learner-keep_backup = Keep a last backup first (it can be restored later)
learner-remove_confirm = Remove

## help

nav-help = Help
help-title = Help
help-start = Getting started
help-step-bring = Bring in what you learn from: write a note, or bring in a photo of the board, a recording of a lesson, a PDF or a text file. Satchel reads and transcribes it on this computer, with no internet.
help-step-pack = Open a note or a source and make a study pack: a summary, cards and a quiz, each tied to the words it came from.
help-step-study = Press Study now: Satchel asks what is due, schedules each card by how well you knew it, and Progress shows what you know.
help-step-share = Sync with your other devices or join a class when a network is there; your library stays on this computer either way.
help-step-safe = Your library is encrypted, and backed up every half hour you use it. Keep your recovery code and a backup on a USB stick.
help-shortcuts = Keyboard shortcuts
help-keys-everywhere = Everywhere
help-keys-notes = Notes
help-keys-review = Studying cards
help-key = Key
help-does = What it does
help-key-question = ?
help-key-slash = /
help-key-tab = Tab, Shift+Tab
help-key-ctrl_s = Ctrl+S
help-key-space = Space or Enter
help-key-ratings = 1 2 3 4
help-key-choices = 1 to 8
help-key-h = H
help-key-e = E
help-key-u = U
help-does-help = Open this list of shortcuts
help-does-search = Search your notes and sources
help-does-move = Move between controls; Enter or Space presses one
help-does-save = Save the note now (it is also saved as you type)
help-does-show = Show the answer
help-does-rate = Again, Hard, Good, Easy
help-does-choose = Pick a choice on a multiple-choice card
help-does-hint = A hint, before the answer
help-does-explain = Explain the card from its source, after the answer
help-does-undo = Undo the last answer

## csv

progress-save_reviews_csv = Save reviews as CSV
progress-save_mastery_csv = Save what I know as CSV
class-save_csv = Save as CSV
csv-saved = Saved: { $path }

# Printing: a page on paper or as a PDF.
print-print = Print…
print-save_pdf = Save as PDF
print-saved = Saved: { $path }
sheet-title = { $deck }: questions
sheet-questions = Questions
sheet-answers = Answers
sheet-empty = This deck has no cards to print.
cards-sheet = Sheet
cards-sheet_of = Print { $deck } as a sheet of questions
class-printable = Printable report
class-report_title = { $class }: class report
progress-print_name = Progress of { $learner }

# The sample lesson, offered on an empty library.
sample-title = Try a sample lesson
sample-explained = See what Satchel does with a lesson before you bring your own: typed notes, a photo of the board, a recorded lecture and two pages of a textbook about the water cycle are read on this computer and made into study packs, with cards to review.
sample-start = Bring in the sample lesson
sample-making = Making the sample lesson's study packs
sample-open_pack = Open its pack
sample-failed = This pack could not be made.
sample-waiting = Being made
sample-ready = All four study packs are ready.
sample-study = Study them now

# Reminders: a notification when reviews are waiting.
reminder-title = Reviews are waiting
reminder-body =
    { $n ->
        [one] { $learner }, { $n } card is ready to review in Satchel.
       *[other] { $learner }, { $n } cards are ready to review in Satchel.
    }
reminders-title = Reminders
reminders-explained = While Satchel is open, a notification says when cards are ready to review, at most once every four hours.
reminders-on = Remind me when reviews are due
reminders-child = This is a child’s library
reminders-child_hint = A child’s library starts with reminders off; a parent can turn them on here.
