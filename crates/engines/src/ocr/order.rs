//! Reading order: lines are read column by column, top to bottom, left to right (right
//! to left on a page written mostly in Arabic script). The page is cut recursively
//! where a gap runs its whole height (between columns) or its whole width (between
//! blocks) — the XY-cut — so a two-column page is not read across.

use super::OcrLine;

/// A vertical gap at least this many line-heights wide separates columns.
const COLUMN_GAP_LINES: f32 = 1.0;
/// A horizontal gap at least this many line-heights tall separates blocks; the space
/// between the lines of a paragraph is less.
const BLOCK_GAP_LINES: f32 = 0.5;

pub fn reading_order(lines: Vec<OcrLine>) -> Vec<OcrLine> {
    if lines.len() < 2 {
        return lines;
    }
    // The lines' own heights (a tilted line's upright box is much taller).
    let mut heights: Vec<f32> = lines.iter().map(|l| l.quad.height()).collect();
    heights.sort_by(f32::total_cmp);
    let line_height = heights[heights.len() / 2].max(1.0);
    let right_to_left = is_right_to_left(&lines);
    let mut out = Vec::with_capacity(lines.len());
    cut(lines, line_height, right_to_left, &mut out);
    out
}

/// Whether most of the page's letters are of a script written right to left (Arabic's;
/// Hebrew's too, though no recogniser here reads it).
fn is_right_to_left(lines: &[OcrLine]) -> bool {
    let (mut rtl, mut letters) = (0usize, 0usize);
    for c in lines
        .iter()
        .flat_map(|l| l.text.chars())
        .filter(|c| c.is_alphabetic())
    {
        letters += 1;
        if matches!(c, '\u{0590}'..='\u{08FF}' | '\u{FB1D}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
        {
            rtl += 1;
        }
    }
    rtl * 2 > letters
}

fn cut(mut lines: Vec<OcrLine>, line_height: f32, right_to_left: bool, out: &mut Vec<OcrLine>) {
    if lines.len() < 2 {
        out.extend(lines);
        return;
    }
    // Blocks first (a horizontal gap across everything splits top from bottom), then
    // columns (a vertical gap wider than a line is tall), each part cut again.
    for (axis, gap) in [(1, BLOCK_GAP_LINES), (0, COLUMN_GAP_LINES)] {
        if let Some(mut parts) = split(&lines, axis, line_height * gap) {
            if axis == 0 && right_to_left {
                parts.reverse();
            }
            for part in parts {
                cut(
                    part.into_iter().map(|i| lines[i].clone()).collect(),
                    line_height,
                    right_to_left,
                    out,
                );
            }
            return;
        }
    }
    // One block of lines side by side or overlapping (tilted lines overlap): by line,
    // then left to right (or right to left).
    lines.sort_by(|a, b| center_y(a).total_cmp(&center_y(b)));
    let mut rows: Vec<Vec<OcrLine>> = Vec::new();
    for line in lines {
        match rows.last_mut() {
            Some(row) if (center_y(&line) - center_y(&row[0])).abs() < line_height * 0.5 => {
                row.push(line);
            }
            _ => rows.push(vec![line]),
        }
    }
    for mut row in rows {
        row.sort_by(|a, b| a.bbox[0].total_cmp(&b.bbox[0]));
        if right_to_left {
            row.reverse();
        }
        out.extend(row);
    }
}

fn center_y(line: &OcrLine) -> f32 {
    line.bbox[1] + line.bbox[3] / 2.0
}

/// Splits the lines along `axis` (0 = x, 1 = y) wherever a gap wider than `min_gap`
/// runs across all of them; `None` when there is no such gap.
fn split(lines: &[OcrLine], axis: usize, min_gap: f32) -> Option<Vec<Vec<usize>>> {
    let mut spans: Vec<(f32, f32, usize)> = lines
        .iter()
        .enumerate()
        .map(|(i, l)| (l.bbox[axis], l.bbox[axis] + l.bbox[axis + 2], i))
        .collect();
    spans.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut parts = vec![vec![spans[0].2]];
    let mut reach = spans[0].1;
    for &(start, end, i) in &spans[1..] {
        if start - reach > min_gap {
            parts.push(Vec::new());
        }
        parts.last_mut()?.push(i);
        reach = reach.max(end);
    }
    (parts.len() > 1).then_some(parts)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ocr::geometry::order;

    fn line(text: &str, x: f32, y: f32, w: f32) -> OcrLine {
        let quad = order([[x, y], [x + w, y], [x + w, y + 20.0], [x, y + 20.0]]);
        OcrLine {
            text: text.into(),
            bbox: quad.bounds(),
            quad,
            confidence: 0.9,
        }
    }

    fn texts(lines: Vec<OcrLine>) -> Vec<String> {
        reading_order(lines).into_iter().map(|l| l.text).collect()
    }

    #[test]
    fn two_columns_are_read_one_after_the_other() {
        let lines = vec![
            line("title", 10.0, 10.0, 500.0),
            line("L1", 10.0, 50.0, 200.0),
            line("R1", 300.0, 50.0, 200.0),
            line("L2", 10.0, 75.0, 200.0),
            line("R2", 300.0, 75.0, 200.0),
            line("L3", 10.0, 100.0, 180.0),
            line("footer", 10.0, 150.0, 500.0),
        ];
        assert_eq!(
            texts(lines),
            ["title", "L1", "L2", "L3", "R1", "R2", "footer"]
        );
    }

    #[test]
    fn words_on_one_line_are_read_left_to_right() {
        // Boxes on one line with small gaps, slightly uneven.
        let lines = vec![
            line("world", 120.0, 12.0, 80.0),
            line("hello", 10.0, 10.0, 100.0),
            line("next", 10.0, 40.0, 60.0),
        ];
        assert_eq!(texts(lines), ["hello", "world", "next"]);
    }

    #[test]
    fn an_arabic_page_is_read_from_the_right_column_and_the_right_word() {
        let lines = vec![
            line("عنوان", 10.0, 10.0, 500.0),
            line("يسار", 10.0, 50.0, 200.0),
            line("يمين", 300.0, 50.0, 200.0),
            line("أول", 420.0, 150.0, 80.0),
            line("ثان", 300.0, 150.0, 100.0),
        ];
        assert_eq!(texts(lines), ["عنوان", "يمين", "يسار", "أول", "ثان"]);
        // A page of Latin letters with an Arabic word in it stays left to right.
        let lines = vec![
            line("Arabic", 10.0, 10.0, 100.0),
            line("عربي", 120.0, 10.0, 60.0),
        ];
        assert_eq!(texts(lines), ["Arabic", "عربي"]);
    }
}
