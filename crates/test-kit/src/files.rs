//! A folder's files, to show that something changed nothing.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Every file under `dir` with its bytes, and every folder (with none): equal before
/// and after is "nothing changed". A folder that cannot be read counts as empty.
pub fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut all = BTreeMap::new();
    let mut pending = vec![dir.to_owned()];
    while let Some(next) = pending.pop() {
        for entry in std::fs::read_dir(&next).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                all.insert(path.clone(), Vec::new());
                pending.push(path);
            } else if let Ok(bytes) = std::fs::read(&path) {
                all.insert(path, bytes);
            }
        }
    }
    all
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_changed_byte_or_a_new_folder_shows() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a"), b"one").unwrap();
        let before = snapshot(dir.path());
        assert_eq!(before.len(), 1);
        std::fs::write(dir.path().join("a"), b"two").unwrap();
        assert_ne!(snapshot(dir.path()), before);
        std::fs::write(dir.path().join("a"), b"one").unwrap();
        assert_eq!(snapshot(dir.path()), before);
        std::fs::create_dir(dir.path().join("b")).unwrap();
        assert_ne!(snapshot(dir.path()), before);
    }
}
