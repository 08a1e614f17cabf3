"""Decks written by Anki's own library, the seeds of the `apkg` fuzz target and the
oracle of crates/core/tests/fuzz_fixtures.rs: a Basic note with a picture, a "Basic
(and reversed card)" note and a cloze with two deletions, one card answered, exported
in the older (collection.anki21) and the newer (collection.anki21b) package formats.

    python3 -m venv venv && venv/bin/pip install anki
    venv/bin/python fuzz/seeds/anki_decks.py fuzz/artifacts/apkg
"""

import os
import sys
import tempfile

from anki.collection import Collection, ExportAnkiPackageOptions
from anki.scheduler.v3 import CardAnswer

# A 1x1 PNG.
PICTURE = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d4944415478da63f8ffff3f0005fe02fea73581e40000000049454e44ae426082"
)


def main(out):
    work = tempfile.mkdtemp()
    col = Collection(os.path.join(work, "collection.anki2"))
    deck = col.decks.id("French::Animals")
    picture = os.path.join(work, "cat.png")
    with open(picture, "wb") as f:
        f.write(PICTURE)
    name = col.media.add_file(picture)

    note = col.new_note(col.models.by_name("Basic"))
    note["Front"] = 'le chat <img src="%s">' % name
    note["Back"] = "the cat"
    col.add_note(note, deck)
    note = col.new_note(col.models.by_name("Basic (and reversed card)"))
    note["Front"] = "le chien"
    note["Back"] = "the dog"
    col.add_note(note, deck)
    note = col.new_note(col.models.by_name("Cloze"))
    note["Text"] = "The {{c1::cell}} is the unit of {{c2::life}}."
    col.add_note(note, deck)

    # One answer, so the review history comes along.
    col.decks.select(deck)
    top = col.sched.get_queued_cards(fetch_limit=1).cards[0]
    card = col.get_card(top.card.id)
    card.start_timer()
    col.sched.answer_card(
        col.sched.build_answer(card=card, states=top.states, rating=CardAnswer.GOOD)
    )

    for legacy, file in [(True, "seed-anki-legacy.apkg"), (False, "seed-anki-latest.apkg")]:
        options = ExportAnkiPackageOptions(
            with_scheduling=True, with_deck_configs=True, with_media=True, legacy=legacy
        )
        col.export_anki_package(out_path=os.path.join(out, file), options=options, limit=None)
    col.close()


if __name__ == "__main__":
    main(sys.argv[1])
