//! Lines in the scripts PP-OCR's recogniser has no letters for — Devanagari (Hindi) and
//! Arabic — read by Tesseract's LSTM recognisers. No registry package carries a PP-OCR
//! recogniser for either; Debian carries Tesseract's (`tesseract-ocr-hin`,
//! `tesseract-ocr-ara`, Apache-2.0) and the library that runs them (`libtesseract5`).
//!
//! The library is loaded at run time through its C API, as ONNX Runtime is, so a
//! computer without it still reads every other script: it only lacks these two. The
//! PP-OCR detector still finds the lines (its boxes do not depend on the script), and
//! each line PP-OCR's recogniser could not read is given to Tesseract as a single line.

use std::ffi::{CStr, CString, c_char, c_int, c_void};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};

use image::RgbImage;
use libloading::Library;

use crate::MediaError;

/// The scripts read this way: Tesseract's language code and the script it reads.
pub const SCRIPTS: [(&str, Script); 2] = [("hin", Script::Devanagari), ("ara", Script::Arabic)];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Script {
    Devanagari,
    Arabic,
}

impl Script {
    /// Whether `c` is a letter of this script (its marks included).
    fn has(self, c: char) -> bool {
        match self {
            Script::Devanagari => ('\u{0900}'..='\u{097F}').contains(&c),
            Script::Arabic => {
                ('\u{0600}'..='\u{06FF}').contains(&c)
                    || ('\u{0750}'..='\u{077F}').contains(&c)
                    || ('\u{FB50}'..='\u{FDFF}').contains(&c)
                    || ('\u{FE70}'..='\u{FEFF}').contains(&c)
            }
        }
    }

    /// Whether most of `text`'s letters are this script's.
    fn writes(self, text: &str) -> bool {
        let letters = text.chars().filter(|c| c.is_alphabetic()).count();
        let own = text.chars().filter(|c| self.has(*c)).count();
        letters > 0 && own * 2 >= letters
    }
}

/// `text` without the direction marks Tesseract puts around Arabic (it is in reading
/// order already, and the window lays it out), and without the specks it reads at a
/// crop's ends: a lone `'`, `_`, `|` or `:` before the line, a stop after its stop.
fn without_direction_marks(text: &str) -> String {
    let text: String = text
        .chars()
        .filter(|c| !matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'))
        .collect();
    let speck = |word: &str| !word.is_empty() && word.chars().all(|c| "'_|:;,.`\"".contains(c));
    let mut words: Vec<&str> = text.split_whitespace().collect();
    while words.first().is_some_and(|w| speck(w)) {
        words.remove(0);
    }
    while words.last().is_some_and(|w| speck(w)) {
        words.pop();
    }
    let mut text = words.join(" ");
    let text_start = text.trim_start_matches(['\'', '_', '|']).len();
    text = text[text.len() - text_start..].to_owned();
    for stop in ["।.", ".."] {
        if text.ends_with(stop) {
            text.pop();
        }
    }
    text
}

/// Tesseract's `PSM_RAW_LINE`: the image is one line of text, taken as it is. Its
/// single-line mode (7) looks for the line first, and on PP-OCR's crops found none in
/// one Arabic line in four.
const PSM_RAW_LINE: c_int = 13;
/// A reading this confident is not checked the other way up.
const SURE: f32 = 0.75;
/// Lines are read at this height: about what Tesseract's recognisers were trained on,
/// and where they read the test lines best from 28 to 64 pixels tall.
const LINE_HEIGHT: u32 = 40;
/// The resolution the crops are read at: PP-OCR's lines are cut from photos and
/// scans of about this, and Tesseract warns and guesses without one.
const CROP_DPI: c_int = 300;

type Create = unsafe extern "C" fn() -> *mut c_void;
type Delete = unsafe extern "C" fn(*mut c_void);
/// `TessBaseAPIInit5`: a recogniser from a `.traineddata` in memory.
type Init5 = unsafe extern "C" fn(
    *mut c_void,
    *const c_char,
    c_int,
    *const c_char,
    c_int,
    *mut *mut c_char,
    c_int,
    *mut *mut c_char,
    *mut *mut c_char,
    usize,
    c_int,
) -> c_int;
type SetPageSegMode = unsafe extern "C" fn(*mut c_void, c_int);
type SetVariable = unsafe extern "C" fn(*mut c_void, *const c_char, *const c_char) -> c_int;
type SetImage = unsafe extern "C" fn(*mut c_void, *const u8, c_int, c_int, c_int, c_int);
type SetSourceResolution = unsafe extern "C" fn(*mut c_void, c_int);
type GetUtf8Text = unsafe extern "C" fn(*mut c_void) -> *mut c_char;
type MeanTextConf = unsafe extern "C" fn(*mut c_void) -> c_int;
type DeleteText = unsafe extern "C" fn(*const c_char);
type Clear = unsafe extern "C" fn(*mut c_void);

/// The C API's functions, looked up once.
struct Api {
    create: Create,
    delete: Delete,
    init5: Init5,
    set_page_seg_mode: SetPageSegMode,
    set_variable: SetVariable,
    set_image: SetImage,
    set_source_resolution: SetSourceResolution,
    get_utf8_text: GetUtf8Text,
    mean_text_conf: MeanTextConf,
    delete_text: DeleteText,
    clear: Clear,
    /// Kept loaded while the pointers above are used.
    _library: Library,
}

impl Api {
    fn load(library: &Path) -> Result<Self, String> {
        // SAFETY: loading runs the library's initialisers; libtesseract's only set up
        // its own statics.
        let lib = unsafe { open(library) }.map_err(|e| e.to_string())?;
        macro_rules! symbol {
            ($name:literal) => {
                // SAFETY: the type is the C API's declaration in tesseract/capi.h.
                *unsafe { lib.get(concat!($name, "\0").as_bytes()) }
                    .map_err(|e| format!("{}: {e}", $name))?
            };
        }
        Ok(Self {
            create: symbol!("TessBaseAPICreate"),
            delete: symbol!("TessBaseAPIDelete"),
            init5: symbol!("TessBaseAPIInit5"),
            set_page_seg_mode: symbol!("TessBaseAPISetPageSegMode"),
            set_variable: symbol!("TessBaseAPISetVariable"),
            set_image: symbol!("TessBaseAPISetImage"),
            set_source_resolution: symbol!("TessBaseAPISetSourceResolution"),
            get_utf8_text: symbol!("TessBaseAPIGetUTF8Text"),
            mean_text_conf: symbol!("TessBaseAPIMeanTextConf"),
            delete_text: symbol!("TessDeleteText"),
            clear: symbol!("TessBaseAPIClear"),
            _library: lib,
        })
    }
}

/// Linux finds the library by its name where the system keeps it.
#[cfg(not(windows))]
unsafe fn open(library: &Path) -> Result<Library, libloading::Error> {
    // SAFETY: as the caller's.
    unsafe { Library::new(library) }
}

/// Windows looks for the DLLs Tesseract loads beside it (and, for the C++ runtime,
/// beside the program and in the system), never in the working folder or `PATH`.
#[cfg(windows)]
unsafe fn open(library: &Path) -> Result<Library, libloading::Error> {
    use libloading::os::windows;
    // SAFETY: as the caller's.
    unsafe {
        windows::Library::load_with_flags(
            library,
            windows::LOAD_LIBRARY_SEARCH_DLL_LOAD_DIR | windows::LOAD_LIBRARY_SEARCH_DEFAULT_DIRS,
        )
    }
    .map(Library::from)
}

/// One recogniser, set up for one language; Tesseract's handles are not shared
/// between threads, so each is used under its lock.
struct Handle(*mut c_void);

// SAFETY: a handle is only used under its `Mutex`, one thread at a time, which is all
// Tesseract asks of a `TessBaseAPI`.
unsafe impl Send for Handle {}

/// Tesseract, loaded, with a recogniser for each script whose data was found.
pub struct Tesseract {
    api: Api,
    readers: Vec<(Script, Mutex<Handle>)>,
}

impl std::fmt::Debug for Tesseract {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let scripts: Vec<Script> = self.readers.iter().map(|(s, _)| *s).collect();
        f.debug_struct("Tesseract")
            .field("scripts", &scripts)
            .finish_non_exhaustive()
    }
}

/// A line as Tesseract read it.
#[derive(Debug, Clone, PartialEq)]
pub struct TesseractLine {
    pub text: String,
    pub script: Script,
    /// Tesseract's mean word confidence, 0 to 1.
    pub confidence: f32,
}

impl Tesseract {
    /// Loads `library` and a recogniser for each of [`SCRIPTS`] whose `.traineddata`
    /// is in one of `data_dirs` (the first that has it). Fails when the library is
    /// missing or none of the scripts' data is anywhere.
    pub fn load(library: &Path, data_dirs: &[PathBuf]) -> Result<Self, MediaError> {
        let api = Api::load(library).map_err(|detail| MediaError::RuntimeMissing {
            path: library.to_owned(),
            detail,
        })?;
        let mut readers = Vec::new();
        for (language, script) in SCRIPTS {
            let file = format!("{language}.traineddata");
            let Some(dir) = data_dirs.iter().find(|dir| dir.join(&file).is_file()) else {
                continue;
            };
            readers.push((script, Mutex::new(init(&api, dir, language)?)));
        }
        if readers.is_empty() {
            return Err(MediaError::ModelMissing {
                path: data_dirs
                    .first()
                    .map_or_else(
                        || PathBuf::from(satchel_core::models::SYSTEM_TESSDATA[0]),
                        |d| d.to_owned(),
                    )
                    .join("hin.traineddata"),
            });
        }
        Ok(Self { api, readers })
    }

    /// Reads `line` (one line of text) with each script's recogniser, as it is and
    /// turned round, and keeps the reading that is most confident and mostly that
    /// script's letters. Both ways, because PP-OCR's direction classifier, which never
    /// saw these scripts, turns many of their lines upside down.
    pub fn read_line(&self, line: &RgbImage) -> Option<TesseractLine> {
        if line.width() < 4 || line.height() < 4 {
            return None;
        }
        let line = with_margin(&at_line_height(line));
        let first = self.read_upright(&line);
        if first.as_ref().is_some_and(|l| l.confidence >= SURE) {
            return first;
        }
        let turned = self.read_upright(&image::imageops::rotate180(&line));
        match (first, turned) {
            (Some(a), Some(b)) => Some(if b.confidence > a.confidence { b } else { a }),
            (a, b) => a.or(b),
        }
    }

    fn read_upright(&self, line: &RgbImage) -> Option<TesseractLine> {
        let (width, height) = line.dimensions();
        let width = c_int::try_from(width).ok()?;
        let height = c_int::try_from(height).ok()?;
        let stride = width.checked_mul(3)?;
        let mut best: Option<TesseractLine> = None;
        for (script, handle) in &self.readers {
            let handle = handle.lock().unwrap_or_else(PoisonError::into_inner);
            // SAFETY: the handle was initialised by `init`; the buffer is `line`'s own
            // width × height × 3 bytes, alive across the call, and Tesseract copies it.
            let (text, confidence) = unsafe {
                (self.api.set_image)(handle.0, line.as_raw().as_ptr(), width, height, 3, stride);
                (self.api.set_source_resolution)(handle.0, CROP_DPI);
                let raw = (self.api.get_utf8_text)(handle.0);
                let text = if raw.is_null() {
                    String::new()
                } else {
                    let text = CStr::from_ptr(raw).to_string_lossy().into_owned();
                    (self.api.delete_text)(raw);
                    text
                };
                let confidence = (self.api.mean_text_conf)(handle.0);
                (self.api.clear)(handle.0);
                (text, confidence)
            };
            let text = without_direction_marks(&text);
            // A line of another script comes out as a few of this one's letters:
            // Tesseract's confidence alone does not say so.
            if !script.writes(&text) {
                continue;
            }
            let confidence = (confidence.clamp(0, 100) as f32) / 100.0;
            if best.as_ref().is_none_or(|b| confidence > b.confidence) {
                best = Some(TesseractLine {
                    text,
                    script: *script,
                    confidence,
                });
            }
        }
        best
    }
}

impl Drop for Tesseract {
    fn drop(&mut self) {
        for (_, handle) in &self.readers {
            let handle = handle.lock().unwrap_or_else(PoisonError::into_inner);
            // SAFETY: each handle came from `create` and is deleted once, here.
            unsafe { (self.api.delete)(handle.0) };
        }
    }
}

/// `line` scaled to [`LINE_HEIGHT`], its width in proportion (at most [`MAX_WIDTH`]:
/// a sliver of a box cannot make a huge image).
fn at_line_height(line: &RgbImage) -> RgbImage {
    const MAX_WIDTH: u64 = 16_384;
    let (width, height) = line.dimensions();
    let scaled = (u64::from(width) * u64::from(LINE_HEIGHT) / u64::from(height.max(1)))
        .clamp(1, MAX_WIDTH) as u32;
    image::imageops::resize(
        line,
        scaled,
        LINE_HEIGHT,
        image::imageops::FilterType::Triangle,
    )
}

/// `line` on a margin of its own background a fifth of its height wide: PP-OCR cuts
/// its lines close, and Tesseract's single-line mode finds no line in a crop whose
/// letters touch its edges.
fn with_margin(line: &RgbImage) -> RgbImage {
    let (width, height) = line.dimensions();
    let margin = (height / 5).max(4);
    // The edge's median colour: the paper, or the board (a mean takes in the letters
    // that touch the edge, and the step it leaves is read as a stroke).
    let edge: Vec<&image::Rgb<u8>> = (0..width)
        .flat_map(|x| [line.get_pixel(x, 0), line.get_pixel(x, height - 1)])
        .chain((0..height).flat_map(|y| [line.get_pixel(0, y), line.get_pixel(width - 1, y)]))
        .collect();
    let background = image::Rgb([0, 1, 2].map(|channel| {
        let mut values: Vec<u8> = edge.iter().map(|pixel| pixel.0[channel]).collect();
        values.sort_unstable();
        values.get(values.len() / 2).copied().unwrap_or(255)
    }));
    let mut out = RgbImage::from_pixel(width + 2 * margin, height + 2 * margin, background);
    image::imageops::replace(&mut out, line, i64::from(margin), i64::from(margin));
    out
}

/// Tesseract's `OEM_DEFAULT`: the LSTM recogniser, the only one tessdata_fast carries.
const OEM_DEFAULT: c_int = 3;
/// The largest recogniser read: tessdata_best's biggest are about 40 MB.
const MAX_TRAINEDDATA: u64 = 128 * 1024 * 1024;

/// A recogniser for `language` from `dir`, reading single lines, quiet.
fn init(api: &Api, dir: &Path, language: &str) -> Result<Handle, MediaError> {
    let path = dir.join(format!("{language}.traineddata"));
    let invalid = |detail: &str| MediaError::ModelInvalid {
        path: path.clone(),
        detail: detail.to_owned(),
    };
    // Read here and handed over in memory: Tesseract opens files by the system's
    // narrow code page on Windows (a learner named José would have no Hindi), and
    // joins a folder and a name with '/', which a `\\?\` path does not allow.
    let size = std::fs::metadata(&path)
        .map_err(|e| invalid(&e.to_string()))?
        .len();
    if size > MAX_TRAINEDDATA {
        return Err(invalid("it is larger than any recogniser"));
    }
    let data = std::fs::read(&path).map_err(|e| invalid(&e.to_string()))?;
    let data_size = c_int::try_from(data.len()).map_err(|_| invalid("it is too large"))?;
    let language_c = CString::new(language).map_err(|_| invalid("a NUL in the language"))?;
    // SAFETY: `create` returns a fresh handle or null; Tesseract copies `data` while it
    // loads, and the buffers live across the calls; no configs or variables are passed.
    unsafe {
        let handle = (api.create)();
        if handle.is_null() {
            return Err(invalid("Tesseract could not make a recogniser"));
        }
        let status = (api.init5)(
            handle,
            data.as_ptr().cast(),
            data_size,
            language_c.as_ptr(),
            OEM_DEFAULT,
            std::ptr::null_mut(),
            0,
            std::ptr::null_mut(),
            std::ptr::null_mut(),
            0,
            0,
        );
        if status != 0 {
            (api.delete)(handle);
            return Err(invalid("Tesseract could not load it"));
        }
        (api.set_page_seg_mode)(handle, PSM_RAW_LINE);
        // Tesseract writes its warnings to stderr; they go nowhere instead.
        let quiet =
            |name: &CStr, value: &CStr| (api.set_variable)(handle, name.as_ptr(), value.as_ptr());
        #[cfg(not(windows))]
        quiet(c"debug_file", c"/dev/null");
        #[cfg(windows)]
        quiet(c"debug_file", c"NUL");
        Ok(Handle(handle))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reading_counts_for_a_script_only_when_most_of_its_letters_are_that_scripts() {
        assert!(Script::Devanagari.writes("कोशिका जीवन की मूल इकाई है।"));
        assert!(Script::Devanagari.writes("DNA कोशिका में होता है"));
        assert!(!Script::Devanagari.writes("Cells are the units of life"));
        assert!(Script::Arabic.writes("الخلية هي الوحدة الأساسية للحياة."));
        // Digits and marks are no letters: a reading of only those is nothing.
        assert!(!Script::Arabic.writes("313 97157 30-1 8"));
        assert!(!Script::Arabic.writes("कोशिका"));
    }

    #[test]
    fn direction_marks_are_dropped_and_the_text_kept() {
        assert_eq!(
            without_direction_marks(" \u{200F}تصنع النباتات\u{200E} "),
            "تصنع النباتات"
        );
        assert_eq!(
            without_direction_marks("_ हृदय पूरे शरीर में रक्त पहुँचाता है।."),
            "हृदय पूरे शरीर में रक्त पहुँचाता है।"
        );
        assert_eq!(
            without_direction_marks("'पानी सौ डिग्री है। ."),
            "पानी सौ डिग्री है।"
        );
        assert_eq!(without_direction_marks("نهر النيل.."), "نهر النيل.");
        assert_eq!(without_direction_marks("' | ."), "");
    }

    #[test]
    fn a_line_is_read_at_line_height_on_a_margin_of_its_own_background() {
        let line = RgbImage::from_fn(200, 20, |x, y| {
            if (20..180).contains(&x) && (5..15).contains(&y) {
                image::Rgb([0, 0, 0])
            } else {
                image::Rgb([200, 210, 220])
            }
        });
        let scaled = at_line_height(&line);
        assert_eq!(scaled.dimensions(), (400, LINE_HEIGHT));
        let framed = with_margin(&scaled);
        assert_eq!(framed.dimensions(), (400 + 16, LINE_HEIGHT + 16));
        // The margin takes the edge's colour (the board's grey here), not white.
        let corner = framed.get_pixel(0, 0).0;
        assert!(
            corner
                .iter()
                .zip([200, 210, 220])
                .all(|(&a, b)| a.abs_diff(b) <= 2),
            "{corner:?}"
        );
        // A sliver of a box makes no huge image.
        let sliver = RgbImage::new(60_000, 1);
        assert!(at_line_height(&sliver).width() <= 16_384);
    }
}
