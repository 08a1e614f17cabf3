//! `satchel-media://localhost/<source id>`: the window's `<audio>` element plays a
//! stored recording straight out of the encrypted store, decrypted a chunk at a time
//! for the byte ranges it asks for. Nothing is written to disk to play it.

use std::io::{Read, Seek, SeekFrom};
use std::sync::{Arc, PoisonError};

use tauri::http::{Request, Response, StatusCode, header};

use crate::Shell;

pub const SCHEME: &str = "satchel-media";
/// The most one response carries; players ask again for the rest.
const MAX_RANGE: u64 = 2 * 1024 * 1024;

pub fn respond(shell: &Arc<Shell>, request: &Request<Vec<u8>>) -> Response<Vec<u8>> {
    eprintln!("MEDIA-DEBUG {} {:?}", request.uri(), request.headers());
    match serve(shell, request) {
        Ok(response) => response,
        Err((status, message)) => Response::builder()
            .status(status)
            .header(header::CONTENT_TYPE, "text/plain")
            .body(message.into_bytes())
            .unwrap_or_default(),
    }
}

type Failure = (StatusCode, String);

fn serve(shell: &Arc<Shell>, request: &Request<Vec<u8>>) -> Result<Response<Vec<u8>>, Failure> {
    let id = request.uri().path().trim_start_matches('/').to_owned();
    let profile = shell
        .open
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .clone()
        .ok_or((StatusCode::FORBIDDEN, "no library is open".to_owned()))?;
    let (mut reader, media_type) = profile
        .source_audio(&id)
        .map_err(|e| (StatusCode::NOT_FOUND, e.to_string()))?;
    let size = reader.len();
    let range = request
        .headers()
        .get(header::RANGE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| parse_range(v, size));
    let (start, end, partial) = match range {
        Some((start, end)) => (start, end, true),
        None if request.headers().contains_key(header::RANGE) => {
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
