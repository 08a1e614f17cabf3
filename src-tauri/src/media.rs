//! The window's `<audio>` element plays a stored recording straight out of the
//! encrypted store, decrypted a chunk at a time for the byte ranges it asks for; its
//! `<img>` elements show pictures the same way, and a document's pages drawn on
//! demand (`ID/page/N?width=W`) by the PDF worker. Nothing is written to disk to show
//! them, and every answer says `no-store` so WebKit keeps no copy on disk either.
//!
//! WebKitGTK's media engine cannot load from a custom URI scheme (tauri-apps/tauri
//! #3725), so sources are served over HTTP on 127.0.0.1, at a port the system picks,
//! under a random 128-bit token only this window knows. Only the open profile's
//! sources are served, only to GET, and only while it is open.

use std::collections::VecDeque;
use std::io::{BufRead, BufReader, Read, Seek, SeekFrom, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use satchel_core::Profile;

use tauri::http::{Response, StatusCode, header};

use crate::Shell;

/// The most one response carries; players ask again for the rest.
const MAX_RANGE: u64 = 2 * 1024 * 1024;
/// A request head larger than this is no media player's.
const MAX_HEAD: u64 = 16 * 1024;
/// Drawn pages kept in memory, at most: scrolling back shows them at once.
const PAGE_CACHE_BYTES: usize = 24 * 1024 * 1024;
/// Page widths the window may ask for; asked widths are rounded up to a step so
/// near-equal windows share drawings.
const PAGE_WIDTHS: (u32, u32, u32) = (200, 2400, 200);

/// Pages drawn lately, newest last, and the lock that makes drawing one at a time (on
/// a 2-core laptop, several PDF workers at once would only slow each other).
#[derive(Default)]
pub struct PageCache {
    drawn: Mutex<VecDeque<(PageKey, Arc<Vec<u8>>)>>,
    drawing: Mutex<()>,
}

type PageKey = (String, u32, u32);

impl PageCache {
    fn get(&self, key: &PageKey) -> Option<Arc<Vec<u8>>> {
        let drawn = self.drawn.lock().unwrap_or_else(PoisonError::into_inner);
        drawn
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, png)| Arc::clone(png))
    }

    fn put(&self, key: PageKey, png: Arc<Vec<u8>>) {
        let mut drawn = self.drawn.lock().unwrap_or_else(PoisonError::into_inner);
        drawn.retain(|(k, _)| *k != key);
        drawn.push_back((key, png));
        while drawn.iter().map(|(_, png)| png.len()).sum::<usize>() > PAGE_CACHE_BYTES {
            drawn.pop_front();
        }
    }

    /// Forgets every page: the library they came from closed.
    pub fn clear(&self) {
        self.drawn
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clear();
    }
}

/// Starts the server; returns the base URL (ending in `/`) that source ids follow.
pub fn start(shell: Arc<Shell>) -> std::io::Result<String> {
    let listener = TcpListener::bind("127.0.0.1:0")?;
    let port = listener.local_addr()?.port();
    let mut token = [0u8; 16];
    getrandom::fill(&mut token).map_err(|e| std::io::Error::other(e.to_string()))?;
    let token: String = token.iter().map(|b| format!("{b:02x}")).collect();
    let base = format!("http://127.0.0.1:{port}/{token}/");
    let prefix = format!("/{token}/");
    std::thread::Builder::new()
        .name("satchel-media".into())
        .spawn(move || {
            for stream in listener.incoming().flatten() {
                let (shell, prefix) = (Arc::clone(&shell), prefix.clone());
                let _ = std::thread::Builder::new()
                    .name("satchel-media-request".into())
                    .spawn(move || {
                        if let Err(error) = answer(&shell, &prefix, stream) {
                            eprintln!("serving a source: {error}");
                        }
                    });
            }
        })?;
    Ok(base)
}

/// One request on one connection (the player opens another for the next range).
fn answer(shell: &Arc<Shell>, prefix: &str, stream: TcpStream) -> std::io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    let mut reader = BufReader::new(stream.try_clone()?.take(MAX_HEAD));
    let mut line = String::new();
    reader.read_line(&mut line)?;
    let mut parts = line.split_whitespace();
    let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
    let mut range = None;
    loop {
        let mut header_line = String::new();
        if reader.read_line(&mut header_line)? == 0 || header_line.trim().is_empty() {
            break;
        }
        if let Some((name, value)) = header_line.split_once(':')
            && name.trim().eq_ignore_ascii_case("range")
        {
            range = Some(value.trim().to_owned());
        }
    }
    let (path, query) = target.split_once('?').unwrap_or((target, ""));
    let route = path
        .strip_prefix(prefix)
        .map(|rest| rest.split('/').collect::<Vec<_>>());
    let response = match (method, route.as_deref()) {
        ("GET" | "HEAD", Some([id])) if !id.is_empty() => serve(shell, id, range.as_deref())
            .unwrap_or_else(|(status, message)| plain(status, &message)),
        ("GET" | "HEAD", Some([id, "page", page])) => serve_page(shell, id, page, query)
            .unwrap_or_else(|(status, message)| plain(status, &message)),
        ("GET" | "HEAD", Some(["card", blob])) => serve_card(shell, blob, range.as_deref())
            .unwrap_or_else(|(status, message)| plain(status, &message)),
        ("GET" | "HEAD", _) => plain(StatusCode::NOT_FOUND, "not found"),
        _ => plain(StatusCode::METHOD_NOT_ALLOWED, "only GET"),
    };
    write_response(stream, &response, method == "HEAD")
}

fn plain(status: StatusCode, message: &str) -> Response<Vec<u8>> {
    Response::builder()
        .status(status)
        .header(header::CONTENT_TYPE, "text/plain")
        .body(message.as_bytes().to_vec())
        .unwrap_or_default()
}

fn write_response(
    mut stream: TcpStream,
    response: &Response<Vec<u8>>,
    head_only: bool,
) -> std::io::Result<()> {
    let status = response.status();
    let mut head = format!(
        "HTTP/1.1 {} {}\r\n",
        status.as_u16(),
        status.canonical_reason().unwrap_or("")
    );
    for (name, value) in response.headers() {
        head.push_str(&format!("{name}: {}\r\n", value.to_str().unwrap_or("")));
    }
    if !response.headers().contains_key(header::CONTENT_LENGTH) {
        head.push_str(&format!("content-length: {}\r\n", response.body().len()));
    }
    head.push_str("connection: close\r\ncache-control: no-store\r\n\r\n");
    stream.write_all(head.as_bytes())?;
    if !head_only {
        stream.write_all(response.body())?;
    }
    stream.flush()
}

type Failure = (StatusCode, String);

fn open_profile(shell: &Shell) -> Result<Arc<Profile>, Failure> {
    shell
        .open
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .clone()
        .ok_or((StatusCode::FORBIDDEN, "no library is open".to_owned()))
}

/// Page `page` of document `id` as a PNG, drawn `width=W` pixels wide (rounded up to
/// a step of [`PAGE_WIDTHS`]).
fn serve_page(
    shell: &Arc<Shell>,
    id: &str,
    page: &str,
    query: &str,
) -> Result<Response<Vec<u8>>, Failure> {
    let profile = open_profile(shell)?;
    let page: u32 = page
        .parse()
        .map_err(|_| (StatusCode::NOT_FOUND, "pages are numbered".to_owned()))?;
    let (min, max, step) = PAGE_WIDTHS;
    let width = query
        .split('&')
        .find_map(|pair| pair.strip_prefix("width="))
        .and_then(|w| w.parse::<u32>().ok())
        .unwrap_or(1200)
        .clamp(min, max)
        .div_ceil(step)
        * step;
    // Checked on every request, cached or not: only the open library's sources.
    profile
        .source_original(id)
        .map_err(|e| (StatusCode::NOT_FOUND, e.to_string()))?;
    let key = (id.to_owned(), page, width);
    let png = match shell.pages.get(&key) {
        Some(png) => png,
        None => {
            let _one_at_a_time = shell
                .pages
                .drawing
                .lock()
                .unwrap_or_else(PoisonError::into_inner);
            match shell.pages.get(&key) {
                Some(png) => png,
                None => {
                    let png = satchel_core::draw_page(&profile, id, page, width, &*shell.vision)
                        .map(Arc::new)
                        .map_err(|e| (StatusCode::UNPROCESSABLE_ENTITY, e.to_string()))?;
                    shell.pages.put(key, Arc::clone(&png));
                    png
                }
            }
        }
    };
    Response::builder()
        .header(header::CONTENT_TYPE, "image/png")
        .body(png.to_vec())
        .map_err(|e| (StatusCode::INTERNAL_SERVER_ERROR, e.to_string()))
}

/// The bytes of source `id` that the `Range` header asks for (at most [`MAX_RANGE`]).
fn serve(shell: &Arc<Shell>, id: &str, range: Option<&str>) -> Result<Response<Vec<u8>>, Failure> {
    let profile = open_profile(shell)?;
    let found = profile
        .source_original(id)
        .map_err(|e| (StatusCode::NOT_FOUND, e.to_string()))?;
    serve_range(found, range)
}

/// A picture or sound on a card (brought in from Anki), as [`serve`] serves sources.
fn serve_card(
    shell: &Arc<Shell>,
    blob: &str,
    range: Option<&str>,
) -> Result<Response<Vec<u8>>, Failure> {
    let profile = open_profile(shell)?;
    let found = profile
        .card_media(blob)
        .map_err(|e| (StatusCode::NOT_FOUND, e.to_string()))?;
    serve_range(found, range)
}

fn serve_range(
    (mut reader, media_type): (satchel_core::BlobReader, String),
    range: Option<&str>,
) -> Result<Response<Vec<u8>>, Failure> {
    let size = reader.len();
    let (start, end, partial) = match range.map(|r| parse_range(r, size)) {
        Some(Some((start, end))) => (start, end, true),
        Some(None) => {
            return Response::builder()
                .status(StatusCode::RANGE_NOT_SATISFIABLE)
                .header(header::CONTENT_RANGE, format!("bytes */{size}"))
                .body(Vec::new())
                .map_err(|e| (StatusCode::INTERNAL_SERVER_ERROR, e.to_string()));
        }
        None => (
            0,
            size.saturating_sub(1).min(MAX_RANGE - 1),
            size > MAX_RANGE,
        ),
    };
    let failed = |e: std::io::Error| (StatusCode::INTERNAL_SERVER_ERROR, e.to_string());
    reader.seek(SeekFrom::Start(start)).map_err(failed)?;
    let mut body = Vec::with_capacity(usize::try_from(end + 1 - start).unwrap_or(0));
    reader
        .take(end + 1 - start)
        .read_to_end(&mut body)
        .map_err(failed)?;
    let mut response = Response::builder()
        .header(header::CONTENT_TYPE, media_type)
        .header(header::ACCEPT_RANGES, "bytes")
        .header(header::CONTENT_LENGTH, body.len());
    if partial {
        response = response
            .status(StatusCode::PARTIAL_CONTENT)
            .header(header::CONTENT_RANGE, format!("bytes {start}-{end}/{size}"));
    }
    response
        .body(body)
        .map_err(|e| (StatusCode::INTERNAL_SERVER_ERROR, e.to_string()))
}

/// `bytes=START-END`, `bytes=START-` or `bytes=-SUFFIX`, clamped to the blob and to
/// [`MAX_RANGE`]; `None` when it asks for nothing that exists.
fn parse_range(value: &str, size: u64) -> Option<(u64, u64)> {
    let spec = value
        .trim()
        .strip_prefix("bytes=")?
        .split(',')
        .next()?
        .trim();
    let (from, to) = spec.split_once('-')?;
    let (start, end) = match (from.trim(), to.trim()) {
        ("", suffix) => {
            let suffix: u64 = suffix.parse().ok()?;
            (size.checked_sub(suffix.min(size))?, size.checked_sub(1)?)
        }
        (from, "") => (from.parse().ok()?, size.checked_sub(1)?),
        (from, to) => (
            from.parse().ok()?,
            to.parse::<u64>().ok()?.min(size.checked_sub(1)?),
        ),
    };
    (start <= end && start < size).then(|| (start, end.min(start + MAX_RANGE - 1)))
}

#[cfg(test)]
mod tests {
    use super::parse_range;

    #[test]
    fn ranges_are_clamped_to_the_recording() {
        assert_eq!(parse_range("bytes=0-99", 1000), Some((0, 99)));
        assert_eq!(parse_range("bytes=900-", 1000), Some((900, 999)));
        assert_eq!(parse_range("bytes=-100", 1000), Some((900, 999)));
        assert_eq!(parse_range("bytes=990-2000", 1000), Some((990, 999)));
        assert_eq!(parse_range("bytes=1000-", 1000), None);
        assert_eq!(parse_range("bytes=5-1", 1000), None);
        assert_eq!(parse_range("items=0-1", 1000), None);
        assert_eq!(parse_range("bytes=0-", 0), None);
        assert_eq!(parse_range("bytes=0-", 10 << 20), Some((0, (2 << 20) - 1)));
    }
}
