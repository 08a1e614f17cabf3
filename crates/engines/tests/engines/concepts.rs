//! Concepts with the real model: key phrases of school passages, merged across them by
//! meaning, and the graph of which share which. Needs the embedding model `cargo xtask
//! models` builds (`cargo xtask test` provides it).

use satchel_core::models::model_dirs;
use satchel_core::search::refresh;
use satchel_engines::Meaning;
use satchel_test_kit::TempSatchel;

const NOTES: &[(&str, &str)] = &[
    (
        "Leaves",
        "Photosynthesis happens in the leaves of green plants. Chlorophyll in the chloroplasts absorbs sunlight, and the plant turns carbon dioxide and water into glucose. Oxygen is given off as a by-product of photosynthesis.",
    ),
    (
        "Pond life",
        "Algae and pondweed float near the surface of a pond, where the light is strongest. Like land plants they carry out photosynthesis, so on sunny days the water fills with oxygen bubbles that fish and insects breathe.",
    ),
    (
        "Respiration",
        "Cells release energy from glucose by respiration. In the mitochondria glucose reacts with oxygen, giving carbon dioxide and water. Animals and plants both respire, day and night.",
    ),
    (
        "1789",
        "The French Revolution began in 1789 when the people of Paris stormed the Bastille. Hunger, debt and the privileges of the nobles had turned the country against King Louis XVI, and the revolution ended the monarchy.",
    ),
    (
        "Napoleon",
        "After the revolution, Napoleon Bonaparte seized power in France and crowned himself emperor in 1804. His armies conquered much of Europe until his defeat at Waterloo in 1815.",
    ),
];

#[test]
#[ignore = "needs the embedding model; `cargo xtask test` provides it"]
fn passages_on_one_subject_share_concepts_and_others_do_not() {
    let satchel = TempSatchel::new().unwrap();
    let profile = satchel.profile("Concepts").unwrap();
    let mut ids = std::collections::HashMap::new();
    for (title, body) in NOTES {
        ids.insert(profile.add_note(title, body).unwrap().id, *title);
    }
    let meaning = Meaning::new(model_dirs(None));
    let report = refresh(&profile, &meaning, &mut |_, _| {}).unwrap();
    assert_eq!(report.concepts, NOTES.len());
    let map = profile.concepts(None).unwrap();
    for concept in &map.concepts {
        let found: Vec<String> = concept
            .sources
            .iter()
            .map(|s| format!("{} ({}, {:.2})", ids[&s.source_id], s.phrase, s.weight))
            .collect();
        println!("{:<28} {}", concept.label, found.join("; "));
    }
    for link in &map.links {
        println!(
            "{} — {}: {} shared",
            ids[&link.sources[0]],
            ids[&link.sources[1]],
            link.concepts.len()
        );
    }
    let linked = |a: &str, b: &str| {
        map.links.iter().any(|l| {
            let names = [ids[&l.sources[0]], ids[&l.sources[1]]];
            names.contains(&a) && names.contains(&b)
        })
    };
    assert!(
        linked("Leaves", "Pond life"),
        "both are about photosynthesis"
    );
    assert!(
        linked("1789", "Napoleon"),
        "both are about the French Revolution"
    );
    for plants in ["Leaves", "Pond life", "Respiration"] {
        for history in ["1789", "Napoleon"] {
            assert!(
                !linked(plants, history),
                "{plants} and {history} share nothing"
            );
        }
    }
}
