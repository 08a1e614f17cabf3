//! Lessons in Spanish, Hindi, Swahili and French through `satchel`, end to end: each
//! source says its language; a word typed without its accent, in another form or
//! another inflection finds it; and its study pack asks in its own language. Needs the
//! embedding model, which `cargo xtask test` provides.

use satchel_e2e::Cli;
use satchel_test_kit::PASSPHRASE;

const SPANISH: &str = "# La célula\n\n\
La célula es la unidad básica de todos los seres vivos. Las células tienen una \
membrana que las separa del exterior. El núcleo es el centro de control de la célula \
y guarda el material genético. La división de una célula en dos células hijas \
idénticas se llama mitosis. Las mitocondrias son los orgánulos que producen la \
energía de la célula. Las plantas tienen además cloroplastos, donde ocurre la \
fotosíntesis.\n";

const HINDI: &str = "# पौधे\n\n\
पौधों द्वारा सूर्य के प्रकाश से भोजन बनाने की प्रक्रिया को प्रकाश संश्लेषण कहते हैं। \
पत्तियाँ पौधे की रसोई होती हैं। क्लोरोफिल एक हरा वर्णक है जो प्रकाश सोखता है। \
पत्तियों में छोटे छिद्र होते हैं जिनसे गैसें आती जाती हैं। जड़ें मिट्टी से पानी और खनिज \
सोखती हैं। तना पानी को जड़ों से पत्तियों तक पहुँचाता है।\n";

const SWAHILI: &str = "# Mzunguko wa maji\n\n\
Mzunguko wa maji ni safari ya maji kati ya bahari, hewa na ardhi. Jua hupasha joto \
bahari na maji huvukizwa kuwa mvuke. Mvuke hupoa angani na kuwa mawingu. Maji \
yanayoanguka kutoka mawinguni huitwa mvua. Mito hurudisha maji baharini na mzunguko \
wa maji huanza tena.\n";

const FRENCH: &str = "# Les volcans\n\n\
Un volcan est une ouverture de la croûte terrestre par où sort le magma. Le magma \
qui arrive à la surface s'appelle la lave. Les gaz dissous rendent certaines \
éruptions explosives. Les cendres retombent parfois très loin du cratère. Les \
volcans se trouvent souvent là où les plaques se rencontrent.\n";

#[test]
#[ignore = "needs the embedding model; `cargo xtask test` provides it"]
fn lessons_in_other_languages_are_found_and_studied_in_their_own_words() {
    let dir = tempfile::tempdir().unwrap();
    let cli = Cli::new(&dir.path().join("data")).env("SATCHEL_PASSPHRASE", PASSPHRASE);
    cli.json(&["profile", "create", "Amara"]);
    let mut paths = Vec::new();
    for (name, text) in [
        ("celula.md", SPANISH),
        ("paudhe.md", HINDI),
        ("maji.md", SWAHILI),
        ("volcans.md", FRENCH),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        paths.push(path.display().to_string());
    }
    let mut args = vec!["ingest", "--json"];
    args.extend(paths.iter().map(String::as_str));
    let ids: Vec<(String, String)> = cli
        .ok(&args)
        .lines()
        .map(|line| {
            let source: serde_json::Value = serde_json::from_str(line).unwrap();
            assert_eq!(source["status"], "ready", "{source}");
            (
                source["id"].as_str().unwrap().to_owned(),
                source["language"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect();
    let languages: Vec<&str> = ids.iter().map(|(_, l)| l.as_str()).collect();
    assert_eq!(
        languages,
        ["es", "hi", "sw", "fr"],
        "each source's language"
    );

    // A plural without its accents, another inflection, another case.
    for (query, owner) in [
        ("celulas nucleo", 0),
        ("पत्तियों", 1),
        ("पत्ती रसोई", 1),
        ("MAWINGU", 2),
        ("éruption explosive", 3),
    ] {
        let hits = cli.json(&["search", query, "--limit", "3"]);
        let first = &hits[0];
        assert_eq!(first["source_id"], ids[owner].0, "{query}: {hits:#}");
        assert!(
            !first["highlights"].as_array().unwrap().is_empty(),
            "{query}: the words are marked: {first:#}"
        );
    }

    // Each pack asks in its lesson's language.
    for (index, asks) in [
        (0, &["¿Qué es", "¿Cómo se llama"][..]),
        (1, &["को क्या कहते हैं?", "क्या है?"][..]),
        (2, &["ni nini?", "huitwaje?"][..]),
        (3, &["Qu'est-ce qu", "Comment s'appelle"][..]),
    ] {
        let pack = cli.json(&["pack", &ids[index].0]);
        assert_eq!(pack["state"], "ready", "{pack:#}");
        let fronts: Vec<&str> = pack["cards"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["front"].as_str().unwrap())
            .collect();
        println!("{}: {fronts:#?}", ids[index].1);
        assert!(
            fronts.iter().any(|f| asks.iter().any(|a| f.contains(a))),
            "{}: a question in the lesson's language among {fronts:?}",
            ids[index].1
        );
        assert!(
            !fronts
                .iter()
                .any(|f| f.starts_with("What ") || f.contains(" mean?")),
            "no English question: {fronts:?}"
        );
    }
}
