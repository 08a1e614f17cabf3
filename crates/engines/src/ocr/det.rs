//! Text detection: PP-OCRv4's DB network gives each pixel a probability of being text;
//! DB post-processing turns the map into rotated line boxes (threshold, dilate,
//! connected regions, smallest rotated rectangle, scored on the map, grown by the
//! "unclip" ratio so the recogniser sees the whole line with its spaces).

use image::RgbImage;
use image::imageops::FilterType;
use ort::session::Session;
use ort::value::TensorRef;

use super::geometry::{Point, Quad, min_area_rect};
use super::{failed, push_normalised};
use crate::MediaError;

/// The detector sees the short side at least this long (rapidocr's `limit_type: min`).
const MIN_SIDE: f32 = 736.0;
/// ...and the long side at most this long.
const MAX_SIDE: f32 = 2000.0;
const THRESHOLD: f32 = 0.3;
const BOX_THRESHOLD: f32 = 0.5;
/// How far boxes are grown. PaddleOCR's 1.6 (and 2.0) leave crops so tight that the
/// recogniser drops the spaces between words on small or soft text: measured on the
/// tests' pages (28 px type, 1.4 spacing), JPEG at quality 40 read with 8.7 % character
/// errors at 1.6, 5.4 % at 2.0 and 1.1 % at 2.5, with no lines run together.
const UNCLIP_RATIO: f32 = 2.5;
const MIN_BOX_SIDE: f32 = 3.0;
const MAX_CANDIDATES: usize = 1000;

pub fn detect(session: &mut Session, image: &RgbImage) -> Result<Vec<Quad>, MediaError> {
    let (src_w, src_h) = (image.width() as f32, image.height() as f32);
    let mut ratio = 1.0f32;
    if src_w.max(src_h) > MAX_SIDE {
        ratio = MAX_SIDE / src_w.max(src_h);
    }
    if src_w.min(src_h) * ratio < MIN_SIDE {
        ratio = (MIN_SIDE / src_w.min(src_h)).min(MAX_SIDE / src_w.max(src_h));
    }
    // At its own size the page is padded (white) to the multiple of 32 the network
    // needs rather than resampled: the same map, without a pass over every pixel.
    let (resized, scale) = if ratio == 1.0 {
        let (w, h) = (
            image.width().div_ceil(32) * 32,
            image.height().div_ceil(32) * 32,
        );
        let mut padded = RgbImage::from_pixel(w, h, image::Rgb([255, 255, 255]));
        image::imageops::replace(&mut padded, image, 0, 0);
        (padded, (1.0, 1.0))
    } else {
        let round32 = |side: f32| (((side * ratio) / 32.0).round() as u32 * 32).max(32);
        let (w, h) = (round32(src_w), round32(src_h));
        let resized = image::imageops::resize(image, w, h, FilterType::Triangle);
        (resized, (src_w / w as f32, src_h / h as f32))
    };
    let (w, h) = (resized.width() as usize, resized.height() as usize);
    let mut input = vec![0f32; 3 * w * h];
    push_normalised(&resized, &mut input, w, h);
    let tensor = TensorRef::from_array_view(([1usize, 3, h, w], &input[..]))
        .map_err(failed("preparing the page for detection"))?;
    let outputs = session
        .run(ort::inputs![tensor])
        .map_err(failed("detecting text"))?;
    let (shape, map) = outputs[0]
        .try_extract_tensor::<f32>()
        .map_err(failed("reading the detection"))?;
    if shape.len() != 4 || shape[2] as usize != h || shape[3] as usize != w {
        return Err(MediaError::Ocr(format!(
            "unexpected detection shape {shape:?}"
        )));
    }
    let quads = boxes(map, w, h)
        .into_iter()
        .map(|q| q.scaled(scale.0, scale.1, src_w, src_h))
        .filter(|q| q.width() > MIN_BOX_SIDE && q.height() > MIN_BOX_SIDE)
        .collect();
    Ok(quads)
}

/// DB post-processing of a `w`×`h` probability map into boxes in map coordinates.
fn boxes(map: &[f32], w: usize, h: usize) -> Vec<Quad> {
    // Threshold, then dilate with a 2×2 kernel (joins letters split by a pixel).
    let text: Vec<bool> = map.iter().map(|&p| p > THRESHOLD).collect();
    let mut mask = vec![false; w * h];
    for y in 0..h {
        for x in 0..w {
            let here = text[y * w + x]
                || (x > 0 && text[y * w + x - 1])
                || (y > 0 && text[(y - 1) * w + x])
                || (x > 0 && y > 0 && text[(y - 1) * w + x - 1]);
            mask[y * w + x] = here;
        }
    }
    let mut seen = vec![false; w * h];
    let mut quads = Vec::new();
    let mut stack = Vec::new();
    for start in 0..w * h {
        if !mask[start] || seen[start] {
            continue;
        }
        if quads.len() >= MAX_CANDIDATES {
            break;
        }
        // One 8-connected region; its hull needs only each row's outermost pixels.
        let mut rows: std::collections::BTreeMap<usize, (usize, usize)> = Default::default();
        seen[start] = true;
        stack.push(start);
        while let Some(at) = stack.pop() {
            let (x, y) = (at % w, at / w);
            let row = rows.entry(y).or_insert((x, x));
            row.0 = row.0.min(x);
            row.1 = row.1.max(x);
            for dy in -1i64..=1 {
                for dx in -1i64..=1 {
                    let (nx, ny) = (x as i64 + dx, y as i64 + dy);
                    if nx < 0 || ny < 0 || nx >= w as i64 || ny >= h as i64 {
                        continue;
                    }
                    let next = ny as usize * w + nx as usize;
                    if mask[next] && !seen[next] {
                        seen[next] = true;
                        stack.push(next);
                    }
                }
            }
        }
        let points: Vec<Point> = rows
            .iter()
            .flat_map(|(&y, &(x0, x1))| [[x0 as f32, y as f32], [x1 as f32, y as f32]])
            .collect();
        let Some(quad) = min_area_rect(points) else {
            continue;
        };
        if quad.width().min(quad.height()) < MIN_BOX_SIDE {
            continue;
        }
        if mean_inside(map, w, h, &quad) < BOX_THRESHOLD {
            continue;
        }
        let grown = quad.grown(quad.area() * UNCLIP_RATIO / quad.perimeter().max(1.0));
        if grown.width().min(grown.height()) < MIN_BOX_SIDE + 2.0 {
            continue;
        }
        quads.push(grown);
    }
    quads
}

/// The box's score: the mean probability of the pixels inside it.
fn mean_inside(map: &[f32], w: usize, h: usize, quad: &Quad) -> f32 {
    let [x, y, bw, bh] = quad.bounds();
    let x0 = (x.floor().max(0.0) as usize).min(w - 1);
    let y0 = (y.floor().max(0.0) as usize).min(h - 1);
    let x1 = ((x + bw).ceil().max(0.0) as usize).min(w - 1);
    let y1 = ((y + bh).ceil().max(0.0) as usize).min(h - 1);
    let (mut sum, mut count) = (0f64, 0u32);
    for py in y0..=y1 {
        for px in x0..=x1 {
            if quad.contains([px as f32, py as f32]) {
                sum += f64::from(map[py * w + px]);
                count += 1;
            }
        }
    }
    if count == 0 {
        0.0
    } else {
        (sum / f64::from(count)) as f32
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_separate_blobs_are_two_boxes_grown_around_them() {
        let (w, h) = (64, 32);
        let mut map = vec![0f32; w * h];
        for y in 5..12 {
            for x in 4..30 {
                map[y * w + x] = 0.9;
            }
            for x in 36..60 {
                map[y * w + x] = 0.9;
            }
        }
        let mut found = boxes(&map, w, h);
        found.sort_by(|a, b| a.bounds()[0].total_cmp(&b.bounds()[0]));
        assert_eq!(found.len(), 2, "{found:?}");
        let [x, y, bw, bh] = found[0].bounds();
        // The region (with the dilation's extra pixel) grown on every side.
        assert!(
            x < 4.0 && y < 5.0 && x + bw > 29.0 && y + bh > 11.0,
            "{:?}",
            found[0]
        );
    }

    #[test]
    fn faint_specks_are_not_text() {
        let (w, h) = (32, 32);
        let mut map = vec![0f32; w * h];
        map[10 * w + 10] = 0.9;
        for y in 20..26 {
            for x in 5..25 {
                map[y * w + x] = 0.35; // over the threshold, under the box score
            }
        }
        assert!(boxes(&map, w, h).is_empty());
    }
}
