//! `cargo xtask modules`: which of the core's top-level modules import which. Imports
//! go one way, down the layers in [`LAYERS`] (store → profile → domain → sharing and
//! the network client → the composition of it all); the check fails on an import up
//! a layer, on a module no layer lists, and on any cycle (a cycle means two modules
//! can only change together). It also checks that each table is written from the
//! one file [`TABLES`] names for it. Test code (`mod tests` at a file's end, and
//! `testing.rs`) is left out: tests may reach anywhere.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};

use crate::shell::root;

/// An import of one top-level module by another, and where one of its uses is.
type Edges = BTreeMap<(String, String), String>;

/// Core's layers, lowest first: a module imports only from its own layer or below.
const LAYERS: &[(&str, &[&str])] = &[
    (
        "foundation",
        &[
            "error", "ids", "clock", "events", "keys", "lang", "models", "net", "packs", "reports",
            "store",
        ],
    ),
    ("the open profile and its write path", &["profile"]),
    (
        "domain",
        &[
            "blobs",
            "notes",
            "sources",
            "recording",
            "vision",
            "voice",
            "search",
            "learn",
            "jobs",
            "helper",
            "agents",
        ],
    ),
    (
        "sharing and the network client",
        &["shared", "remote", "bundle", "class", "offers"],
    ),
    ("composition", &["work", "profiles", "sample"]),
];

pub fn check() -> anyhow::Result<()> {
    let src = root().join("crates/core/src");
    let edges = edges(&src)?;
    let cycles = cycle_edges(&edges);
    print_report(&edges, &cycles);
    let mut problems = upward(&edges, LAYERS);
    problems.extend(foreign_writes(&writes(&src)?, TABLES));
    if !cycles.is_empty() {
        problems.push(format!(
            "imports on a cycle among core's modules: {}",
            cycles
                .iter()
                .map(|edge| format!("{} -> {} ({})", edge.0, edge.1, edges[edge]))
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    if !problems.is_empty() {
        bail!("{}", problems.join("\n"));
    }
    Ok(())
}

/// Every table, and the one file of core whose statements write it: its store
/// module, or, for a table only one part of the domain keeps, that part.
const TABLES: &[(&str, &str)] = &[
    ("settings", "store/settings.rs"),
    ("notes", "store/notes"),
    ("cards", "store/cards.rs"),
    ("decks", "store/decks.rs"),
    ("reviews", "store/reviews.rs"),
    ("undone_reviews", "store/reviews.rs"),
    ("sources", "store/sources.rs"),
    ("segments", "store/sources.rs"),
    ("regions", "store/sources.rs"),
    ("page_sizes", "store/sources.rs"),
    ("blobs", "store/blobs.rs"),
    ("blob_chunks", "store/blobs.rs"),
    ("shared_changes", "store/docs.rs"),
    ("unshown_recovery_codes", "store/recovery_codes.rs"),
    ("recordings", "recording.rs"),
    ("jobs", "jobs/queue.rs"),
    ("chunks", "search/index.rs"),
    ("chunked", "search/index.rs"),
    ("chunks_fts", "search/index.rs"),
    ("concepts", "search/concepts.rs"),
    ("owner_concepts", "search/concepts.rs"),
    ("packs", "agents/pack/mod.rs"),
    ("pack_tasks", "agents/pack/mod.rs"),
    ("quiz_questions", "agents/pack/mod.rs"),
    ("generator_feedback", "agents/pack/mod.rs"),
    ("quiz_answers", "learn/stats.rs"),
    ("lessons", "learn/lessons.rs"),
    ("synced_heads", "shared/project.rs"),
    ("synced_media", "remote.rs"),
];

/// Files whose SQL writes another program's database, never Satchel's: the Anki
/// collection a deck for Anki is built in (its `notes`, `cards` and `revlog` are
/// Anki's).
const OTHER_DATABASES: &[&str] = &["learn/anki_export.rs"];

/// Each table written, with where (`file:line`) each statement that writes it is.
type Writes = BTreeMap<String, Vec<String>>;

/// The statements of core (its `.rs` files and the `.sql` files they include) that
/// write a table: `INSERT [OR …] INTO t`, `UPDATE t SET`, `DELETE FROM t`.
fn writes(src: &Path) -> anyhow::Result<Writes> {
    let mut found = Writes::new();
    for file in files(src, &["rs", "sql"])? {
        let relative = file.strip_prefix(src).unwrap_or(&file);
        if relative == Path::new("testing.rs")
            || OTHER_DATABASES.iter().any(|f| relative == Path::new(f))
        {
            continue;
        }
        let text = std::fs::read_to_string(&file)
            .with_context(|| format!("reading {}", file.display()))?;
        let code = without_tests(&text);
        for (line, table) in written_tables(&code) {
            found
                .entry(table)
                .or_default()
                .push(format!("{}:{line}", relative.display()));
        }
    }
    Ok(found)
}

/// The tables `code` writes, with the line of each statement.
fn written_tables(code: &str) -> Vec<(usize, String)> {
    let mut words: Vec<(usize, &str)> = Vec::new();
    for (number, line) in code.lines().enumerate() {
        for word in line.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_')) {
            if !word.is_empty() {
                words.push((number + 1, word));
            }
        }
    }
    let is_table = |word: &str| word.chars().all(|c| c.is_ascii_lowercase() || c == '_');
    let mut tables = Vec::new();
    for (at, &(line, word)) in words.iter().enumerate() {
        let next = |n: usize| words.get(at + n).map_or("", |w| w.1);
        let table = match word {
            "INSERT" if next(1) == "INTO" => next(2),
            "INSERT" if next(1) == "OR" && next(3) == "INTO" => next(4),
            // Not `… DO UPDATE SET` of an upsert: that writes the table it inserts into.
            "UPDATE" if next(2) == "SET" && (at == 0 || words[at - 1].1 != "DO") => next(1),
            "DELETE" if next(1) == "FROM" => next(2),
            _ => continue,
        };
        if !table.is_empty() && is_table(table) {
            tables.push((line, table.to_owned()));
        }
    }
    tables
}

/// Writes from anywhere but a table's owner, and tables with no owner named.
fn foreign_writes(writes: &Writes, owners: &[(&str, &str)]) -> Vec<String> {
    let mut problems = Vec::new();
    for (table, places) in writes {
        let Some((_, owner)) = owners.iter().find(|(name, _)| name == table) else {
            problems.push(format!(
                "table `{table}` is written ({}) but has no owner in TABLES in xtask/src/modules.rs",
                places.join(", ")
            ));
            continue;
        };
        let foreign: Vec<&String> = places.iter().filter(|p| !p.starts_with(owner)).collect();
        if !foreign.is_empty() {
            problems.push(format!(
                "table `{table}` is written outside {owner}, its one writer: {}",
                foreign
                    .iter()
                    .map(|p| p.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
    }
    problems
}

/// Imports up a layer, and modules no layer lists.
fn upward(edges: &Edges, layers: &[(&str, &[&str])]) -> Vec<String> {
    let layer_of = |module: &str| {
        layers
            .iter()
            .position(|(_, members)| members.contains(&module))
    };
    let mut problems = Vec::new();
    let modules: BTreeSet<&String> = edges.keys().flat_map(|(a, b)| [a, b]).collect();
    for module in modules {
        if layer_of(module).is_none() {
            problems.push(format!(
                "core's module `{module}` is in no layer: add it to LAYERS in xtask/src/modules.rs"
            ));
        }
    }
    for ((from, to), at) in edges {
        if let (Some(low), Some(high)) = (layer_of(from), layer_of(to))
            && high > low
        {
            problems.push(format!(
                "{from} ({}) imports {to} ({}), a layer above it, at {at}",
                layers[low].0, layers[high].0
            ));
        }
    }
    problems
}

/// Every import among the top-level modules under `src`.
fn edges(src: &Path) -> anyhow::Result<Edges> {
    let mut edges = Edges::new();
    for file in rust_files(src)? {
        let relative = file.strip_prefix(src).unwrap_or(&file);
        let Some(from) = top_module(relative) else {
            continue;
        };
        if from == "testing" {
            continue;
        }
        let text = std::fs::read_to_string(&file)
            .with_context(|| format!("reading {}", file.display()))?;
        let depth = relative.components().count() - 1;
        // Whole text, not line by line: rustfmt spreads a long `use crate::{…}` over
        // several lines.
        let code = without_comments(&without_tests(&text));
        for (at, to) in referenced(&code, depth) {
            if to != from && to != "testing" && is_module(src, &to) {
                let line = code[..at].matches('\n').count() + 1;
                edges
                    .entry((from.clone(), to))
                    .or_insert_with(|| format!("{}:{line}", relative.display()));
            }
        }
    }
    Ok(edges)
}

fn rust_files(dir: &Path) -> anyhow::Result<Vec<PathBuf>> {
    files(dir, &["rs"])
}

/// The files under `dir` whose extension is one of `extensions`, in order.
fn files(dir: &Path, extensions: &[&str]) -> anyhow::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    let mut pending = vec![dir.to_owned()];
    while let Some(dir) = pending.pop() {
        for entry in
            std::fs::read_dir(&dir).with_context(|| format!("listing {}", dir.display()))?
        {
            let path = entry?.path();
            if path.is_dir() {
                pending.push(path);
            } else if path
                .extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| extensions.contains(&e))
            {
                files.push(path);
            }
        }
    }
    files.sort();
    Ok(files)
}

/// `learn/review.rs` → `learn`; `profile.rs` → `profile`; `lib.rs` → none (the root
/// re-exports everything and is no module of its own).
fn top_module(relative: &Path) -> Option<String> {
    let first = relative.components().next()?.as_os_str().to_str()?;
    let name = first.strip_suffix(".rs").unwrap_or(first);
    (name != "lib").then(|| name.to_owned())
}

fn is_module(src: &Path, name: &str) -> bool {
    src.join(format!("{name}.rs")).is_file() || src.join(name).join("mod.rs").is_file()
}

/// The text without its unit tests (`#[cfg(test)] mod tests { … }`, wherever in the
/// file), braces counted to find the module's end.
fn without_tests(text: &str) -> String {
    const START: &str = "#[cfg(test)]\nmod tests {";
    let Some(at) = text.find(START) else {
        return text.to_owned();
    };
    let open = at + START.len() - 1;
    let mut depth = 0usize;
    for (offset, c) in text[open..].char_indices() {
        match c {
            '{' => depth += 1,
            '}' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    let end = open + offset + 1;
                    return format!("{}{}", &text[..at], without_tests(&text[end..]));
                }
            }
            _ => {}
        }
    }
    text[..at].to_owned()
}

/// Each line cut at its `//` comment, line breaks kept.
fn without_comments(text: &str) -> String {
    text.lines()
        .map(|line| line.split("//").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The top-level modules `code` names, with where: `crate::x`, `crate::{x, y::{…}}`,
/// and, in a top-level file (`depth` 0), `super::x`. Deeper, `super::` stays inside
/// the file's own top-level module.
fn referenced(code: &str, depth: usize) -> Vec<(usize, String)> {
    let mut found = after_prefix(code, "crate::");
    if depth == 0 {
        found.extend(after_prefix(code, "super::"));
    }
    found
}

fn after_prefix(code: &str, prefix: &str) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    for (at, _) in code.match_indices(prefix) {
        let after = &code[at + prefix.len()..];
        let names = match after.strip_prefix('{') {
            Some(group) => group_members(group),
            None => vec![after],
        };
        found.extend(names.into_iter().filter_map(first_segment).map(|n| (at, n)));
    }
    found
}

/// The members of a `{…}` group whose opening brace is just before `group`, split at
/// its own commas only (a nested `y::{a, b}` is one member).
fn group_members(group: &str) -> Vec<&str> {
    let mut members = Vec::new();
    let (mut depth, mut start) = (0usize, 0);
    for (i, c) in group.char_indices() {
        match c {
            '{' => depth += 1,
            '}' if depth == 0 => {
                members.push(&group[start..i]);
                break;
            }
            '}' => depth -= 1,
            ',' if depth == 0 => {
                members.push(&group[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    members
}

/// `learn::review::Thing` → `learn`; lower-case names only (types re-exported at the
/// crate root, such as `crate::Error`, are not modules).
fn first_segment(path: &str) -> Option<String> {
    let name: String = path
        .trim_start()
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect();
    (!name.is_empty() && name.chars().next().is_some_and(|c| c.is_ascii_lowercase()))
        .then_some(name)
}

/// The edges that lie on a cycle: both ends in one strongly connected component.
fn cycle_edges(edges: &Edges) -> BTreeSet<(String, String)> {
    let components = components(edges);
    edges
        .keys()
        .filter(|(from, to)| components.get(from) == components.get(to))
        .cloned()
        .collect()
}

/// Tarjan's strongly connected components: each module's component number.
fn components(edges: &Edges) -> BTreeMap<String, usize> {
    let mut graph: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (from, to) in edges.keys() {
        graph.entry(from).or_default().push(to);
        graph.entry(to).or_default();
    }
    struct Walk<'a> {
        graph: &'a BTreeMap<&'a str, Vec<&'a str>>,
        index: BTreeMap<&'a str, usize>,
        low: BTreeMap<&'a str, usize>,
        stack: Vec<&'a str>,
        on_stack: BTreeSet<&'a str>,
        next: usize,
        component: BTreeMap<String, usize>,
        components: usize,
    }
    impl<'a> Walk<'a> {
        fn visit(&mut self, node: &'a str) {
            self.index.insert(node, self.next);
            self.low.insert(node, self.next);
            self.next += 1;
            self.stack.push(node);
            self.on_stack.insert(node);
            for &next in &self.graph[node] {
                if !self.index.contains_key(next) {
                    self.visit(next);
                    let low = self.low[node].min(self.low[next]);
                    self.low.insert(node, low);
                } else if self.on_stack.contains(next) {
                    let low = self.low[node].min(self.index[next]);
                    self.low.insert(node, low);
                }
            }
            if self.low[node] == self.index[node] {
                while let Some(member) = self.stack.pop() {
                    self.on_stack.remove(member);
                    self.component.insert(member.to_owned(), self.components);
                    if member == node {
                        break;
                    }
                }
                self.components += 1;
            }
        }
    }
    let mut walk = Walk {
        graph: &graph,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        next: 0,
        component: BTreeMap::new(),
        components: 0,
    };
    for &node in graph.keys() {
        if !walk.index.contains_key(node) {
            walk.visit(node);
        }
    }
    walk.component
}

fn print_report(edges: &Edges, cycles: &BTreeSet<(String, String)>) {
    let modules: BTreeSet<&String> = edges.keys().flat_map(|(a, b)| [a, b]).collect();
    let in_cycles: BTreeSet<&String> = cycles.iter().flat_map(|(a, b)| [a, b]).collect();
    eprintln!(
        "core: {} top-level modules, {} imports among them; {} modules and {} imports on cycles",
        modules.len(),
        edges.len(),
        in_cycles.len(),
        cycles.len()
    );
    for edge in cycles {
        eprintln!("  {} -> {}   ({})", edge.0, edge.1, edges[edge]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree(files: &[(&str, &str)]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for (path, text) in files {
            let path = dir.path().join(path);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
        dir
    }

    fn pairs(set: &BTreeSet<(String, String)>) -> Vec<String> {
        set.iter().map(|(a, b)| format!("{a}->{b}")).collect()
    }

    #[test]
    fn a_cycle_is_found_and_one_way_imports_are_not() {
        let src = tree(&[
            (
                "lib.rs",
                "pub mod store; pub mod notes; pub mod learn; pub mod share;",
            ),
            ("store.rs", "pub fn open() {}"),
            ("notes.rs", "use crate::store::open;\nuse crate::Error;"),
            (
                "learn/mod.rs",
                "mod review;\nuse crate::{notes, store::open};",
            ),
            (
                "learn/review.rs",
                "use super::x; fn f() { crate::share::send(); }",
            ),
            ("share.rs", "use crate::learn::deck; // the cycle\n"),
            ("testing.rs", "use crate::share; use crate::notes;"),
        ]);
        let edges = edges(src.path()).unwrap();
        assert_eq!(
            edges[&("learn".into(), "share".into())],
            "learn/review.rs:1"
        );
        let cycles = cycle_edges(&edges);
        assert_eq!(pairs(&cycles), ["learn->share", "share->learn"]);
    }

    #[test]
    fn a_table_written_outside_its_owner_or_with_none_fails() {
        let src = tree(&[
            (
                "store/cards.rs",
                "fn f() { x(\"UPDATE cards SET front = ?2\"); y(\"INSERT OR REPLACE INTO cards (id)\"); }",
            ),
            (
                "store/settings.rs",
                "const S: &str = \"INSERT INTO settings (key) VALUES (?1) ON CONFLICT (key) DO UPDATE SET value = 1\";",
            ),
            ("store/notes/put.sql", "INSERT INTO notes (id) VALUES (:id)"),
            (
                "learn.rs",
                "fn g() { x(\"DELETE\n FROM cards WHERE id = ?1\"); }\n#[cfg(test)]\nmod tests {\n fn t() { x(\"DELETE FROM notes\"); }\n}",
            ),
            (
                "search.rs",
                "fn h() { x(\"INSERT INTO chunks (id) VALUES (1)\"); }",
            ),
        ]);
        let writes = writes(src.path()).unwrap();
        assert_eq!(
            writes.keys().collect::<Vec<_>>(),
            ["cards", "chunks", "notes", "settings"]
        );
        assert_eq!(writes["cards"].len(), 3, "{writes:?}");
        let owners: &[(&str, &str)] = &[
            ("cards", "store/cards.rs"),
            ("notes", "store/notes"),
            ("settings", "store/settings.rs"),
        ];
        let problems = foreign_writes(&writes, owners);
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(problems[0].contains("`cards` is written outside store/cards.rs"));
        assert!(problems[0].contains("learn.rs:1"), "{problems:?}");
        assert!(problems[1].contains("`chunks` is written"), "{problems:?}");
    }

    #[test]
    fn an_import_up_a_layer_fails_and_one_down_or_across_does_not() {
        let src = tree(&[
            (
                "lib.rs",
                "pub mod store; pub mod notes; pub mod learn; pub mod share;",
            ),
            ("store.rs", "use crate::notes::Note;"),
            ("notes.rs", "use crate::store::open;\nuse crate::learn::x;"),
            ("learn.rs", "use crate::store::open;"),
            ("share.rs", "use crate::learn::deck;\nuse crate::lost::x;"),
            ("lost.rs", "use crate::store::open;"),
        ]);
        let edges = edges(src.path()).unwrap();
        let layers: &[(&str, &[&str])] = &[
            ("bottom", &["store"]),
            ("middle", &["notes", "learn"]),
            ("top", &["share"]),
        ];
        let problems = upward(&edges, layers);
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(
            problems[0].contains("`lost` is in no layer"),
            "{problems:?}"
        );
        assert!(
            problems[1].starts_with("store (bottom) imports notes (middle)"),
            "{problems:?}"
        );
    }

    #[test]
    fn imports_in_unit_tests_and_comments_do_not_count() {
        let src = tree(&[
            ("lib.rs", ""),
            (
                "store.rs",
                "// crate::notes is where notes are\n#[cfg(test)]\nmod tests {\n    use crate::notes;\n}\nfn after() { crate::search::x(); }",
            ),
            ("notes.rs", "use crate::store;"),
            ("search.rs", ""),
        ]);
        let edges = edges(src.path()).unwrap();
        // Code after the tests still counts.
        let found: Vec<&(String, String)> = edges.keys().collect();
        assert_eq!(
            found,
            [
                &("notes".to_owned(), "store".to_owned()),
                &("store".to_owned(), "search".to_owned())
            ]
        );
        assert!(cycle_edges(&edges).is_empty());
    }

    #[test]
    fn a_group_spread_over_lines_and_nested_counts_each_member() {
        let src = tree(&[
            ("lib.rs", ""),
            ("store.rs", ""),
            ("notes.rs", ""),
            ("search.rs", ""),
            (
                "learn.rs",
                "use crate::{\n    notes::{self, Note},\n    store,\n};\nfn f() { crate::Error::x(); }",
            ),
        ]);
        let found: Vec<String> = edges(src.path())
            .unwrap()
            .into_iter()
            .map(|((a, b), at)| format!("{a}->{b} {at}"))
            .collect();
        assert_eq!(
            found,
            ["learn->notes learn.rs:1", "learn->store learn.rs:1"]
        );
    }
}
