"""Anki's own library (the `anki` package from PyPI) as the tests' oracle.

  make DIR     writes, with Anki's collection and scheduler, a learner's collection
               (note types Basic, Basic (and reversed card), Cloze and one of its own;
               a deck tree; a picture and a sound; formatting; reviews answered by
               Anki's scheduler; a suspended card) and exports it in both of Anki's
               package formats: DIR/latest.apkg (the default) and DIR/legacy.apkg
               ("support older versions"). Prints what they hold, as JSON.
  read FILE    imports FILE.apkg into a new collection with Anki's importer and
               prints what Anki found in it, as JSON.
  study IN OUT imports IN.apkg, answers every card Anki's scheduler offers "Good"
               (up to 10), exports the collection to OUT.apkg in the default format
               and prints what it holds, with "answered": a learner who moved to
               Anki for a while.

Both print the same shape, so a test compares what Anki wrote with what Satchel read,
and what Satchel wrote with what Anki read.
"""

import html
import json
import os
import re
import sys
import tempfile

from anki.collection import (
    Collection,
    ExportAnkiPackageOptions,
    ImportAnkiPackageOptions,
    ImportAnkiPackageRequest,
)

# A 1x1 red PNG and a short WAV header with silence: real files of their types.
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de"
    "0000000c4944415408d763f8cfc00000030101001800dd8db00000000049454e44ae426082"
)


def wav(samples=800, rate=8000):
    data = b"\x00\x00" * samples
    header = b"RIFF" + (36 + len(data)).to_bytes(4, "little") + b"WAVE"
    header += b"fmt " + (16).to_bytes(4, "little") + (1).to_bytes(2, "little")
    header += (1).to_bytes(2, "little") + rate.to_bytes(4, "little")
    header += (rate * 2).to_bytes(4, "little") + (2).to_bytes(2, "little")
    header += (16).to_bytes(2, "little") + b"data" + len(data).to_bytes(4, "little")
    return header + data


def text(rendered):
    """What a rendered side says: its styles, tags and entities gone, Anki's cloze
    gap written as Satchel writes it, its spaces collapsed."""
    rendered = re.sub(r"(?s)<style>.*?</style>", "", rendered)
    rendered = re.sub(r"(?i)<br\s*/?>|<li>", " ", rendered)
    rendered = re.sub(r"<[^>]+>", "", rendered)
    rendered = re.sub(r"\[anki:play:[^\]]*\]", "", rendered)
    rendered = html.unescape(rendered).replace("[...]", "[…]")
    return " ".join(rendered.split())


def summary(col):
    """What a collection holds: notes by their first field, cards, decks, media and
    the review log, counted the way a learner would check them."""
    cards = []
    for cid in sorted(col.find_cards("")):
        card = col.get_card(cid)
        note = card.note()
        cards.append(
            {
                "deck": col.decks.name(card.did),
                "notetype": note.note_type()["name"],
                "fields": list(note.fields),
                "ord": card.ord,
                "question": text(card.question()),
                "answer": text(card.answer()),
                "suspended": card.queue == -1,
                "reviews": col.db.scalar(
                    "SELECT count() FROM revlog WHERE cid = ? AND type IN (0, 1, 2, 3)",
                    cid,
                ),
                "state": {0: "new", 1: "learning", 2: "review", 3: "relearning"}.get(
                    card.type, str(card.type)
                ),
                "interval": card.ivl,
                "lapses": card.lapses,
            }
        )
    media_dir = col.media.dir()
    media = {
        name: os.path.getsize(os.path.join(media_dir, name))
        for name in sorted(os.listdir(media_dir))
        if os.path.isfile(os.path.join(media_dir, name))
    }
    return {
        "notes": col.note_count(),
        "cards": cards,
        "decks": sorted(
            d.name for d in col.decks.all_names_and_ids() if d.name != "Default"
        ),
        "media": media,
        "reviews": col.db.scalar("SELECT count() FROM revlog WHERE type IN (0, 1, 2, 3)"),
    }


def make(out):
    os.makedirs(out, exist_ok=True)
    col = Collection(os.path.join(tempfile.mkdtemp(), "collection.anki2"))
    models = col.models

    biology = col.decks.id("Biology::Cells")
    spanish = col.decks.id("Español")

    def add(notetype, deck, *fields):
        note = col.new_note(models.by_name(notetype))
        for i, value in enumerate(fields):
            note.fields[i] = value
        col.add_note(note, deck)
        return note

    picture = col.media.write_data("cell.png", PNG)
    sound = col.media.write_data("miaou.wav", wav())
    add(
        "Basic",
        biology,
        "What does the <b>nucleus</b> hold?",
        "The cell's <i>DNA</i>",
    )
    add("Basic", biology, f'Which organelle is this? <img src="{picture}">', "mitochondrion")
    add(
        "Basic (and reversed card)",
        spanish,
        "el ñandú",
        "the rhea",
    )
    add("Basic", spanish, "the cat says", f"miau [sound:{sound}]")
    add(
        "Cloze",
        biology,
        "{{c1::Ribosomes}} make proteins; {{c2::lysosomes}} break down waste.",
        "",
    )
    add(
        "Basic",
        biology,
        "Parts of a cell",
        "<ul><li>membrane</li><li>cytoplasm</li></ul>"
        "<table><tr><td>plant</td><td>wall</td></tr></table> caf&eacute;",
    )

    # A note type of the learner's own: two fields, a template of its own.
    own = models.new("Vocabulary")
    for name in ("Word", "Meaning", "Example"):
        models.add_field(own, models.new_field(name))
    template = models.new_template("Recall")
    template["qfmt"] = "{{Word}}<br><small>{{Example}}</small>"
    template["afmt"] = "{{FrontSide}}<hr id=answer>{{Meaning}}"
    models.add_template(own, template)
    models.add(own)
    add("Vocabulary", spanish, "la mariposa", "the butterfly", "La mariposa vuela.")

    # Study with Anki's own scheduler: every card of Biology::Cells answered, one of
    # them failed once, as a learner would.
    col.decks.select(biology)
    answered = 0
    for ease in (3, 3, 1, 3, 4, 3, 3, 2, 3, 3, 3):
        card = col.sched.getCard()
        if card is None:
            break
        card.start_timer()
        col.sched.answerCard(card, ease)
        answered += 1
    # The Spanish butterfly put aside.
    butterfly = col.find_cards('"deck:Español" Word:*mariposa*')
    col.sched.suspend_cards(butterfly)

    for name, legacy in (("latest.apkg", False), ("legacy.apkg", True)):
        col.export_anki_package(
            out_path=os.path.join(out, name),
            options=ExportAnkiPackageOptions(
                with_scheduling=True,
                with_deck_configs=True,
                with_media=True,
                legacy=legacy,
            ),
            limit=None,
        )
    written = summary(col)
    written["answered"] = answered
    col.close()
    print(json.dumps(written, ensure_ascii=False))


def imported(path):
    col = Collection(os.path.join(tempfile.mkdtemp(), "collection.anki2"))
    col.import_anki_package(
        ImportAnkiPackageRequest(
            package_path=os.path.abspath(path),
            options=ImportAnkiPackageOptions(
                with_scheduling=True,
                with_deck_configs=True,
                merge_notetypes=True,
            ),
        )
    )
    return col


def read(path):
    col = imported(path)
    found = summary(col)
    col.close()
    print(json.dumps(found, ensure_ascii=False))


def study(path, out):
    col = imported(path)
    answered = 0
    # Anki studies one deck (and those under it) at a time: each deck in turn.
    for deck in col.decks.all_names_and_ids():
        col.decks.select(deck.id)
        while answered < 10:
            card = col.sched.getCard()
            if card is None:
                break
            card.start_timer()
            col.sched.answerCard(card, 3)
            answered += 1
    col.export_anki_package(
        out_path=out,
        options=ExportAnkiPackageOptions(
            with_scheduling=True, with_deck_configs=True, with_media=True, legacy=False
        ),
        limit=None,
    )
    found = summary(col)
    found["answered"] = answered
    col.close()
    print(json.dumps(found, ensure_ascii=False))


if __name__ == "__main__":
    commands = {"make": (make, 1), "read": (read, 1), "study": (study, 2)}
    if len(sys.argv) < 2 or sys.argv[1] not in commands:
        sys.exit(__doc__)
    command, arguments = commands[sys.argv[1]]
    if len(sys.argv) != 2 + arguments:
        sys.exit(__doc__)
    command(*sys.argv[2:])
