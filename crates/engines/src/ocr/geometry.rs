//! The geometry text detection needs: the smallest rotated rectangle around a region
//! (convex hull, then rotating calipers), and cutting such a rectangle out of the image
//! upright.

use image::RgbImage;

pub type Point = [f32; 2];

/// A rotated rectangle as its four corners, in the order top-left, top-right,
/// bottom-right, bottom-left (as the text reads).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Quad(pub [Point; 4]);

impl Quad {
    pub fn width(&self) -> f32 {
        distance(self.0[0], self.0[1]).max(distance(self.0[3], self.0[2]))
    }

    pub fn height(&self) -> f32 {
        distance(self.0[0], self.0[3]).max(distance(self.0[1], self.0[2]))
    }

    pub fn area(&self) -> f32 {
        let p = &self.0;
        let mut twice = 0.0;
        for i in 0..4 {
            let (a, b) = (p[i], p[(i + 1) % 4]);
            twice += a[0] * b[1] - b[0] * a[1];
        }
        twice.abs() / 2.0
    }

    pub fn perimeter(&self) -> f32 {
        (0..4)
            .map(|i| distance(self.0[i], self.0[(i + 1) % 4]))
            .sum()
    }

    /// The axis-aligned box around it: (x, y, width, height).
    pub fn bounds(&self) -> [f32; 4] {
        let xs = self.0.map(|p| p[0]);
        let ys = self.0.map(|p| p[1]);
        let (x0, x1) = (min4(xs), max4(xs));
        let (y0, y1) = (min4(ys), max4(ys));
        [x0, y0, x1 - x0, y1 - y0]
    }

    /// Grown by `by` on every side (DB's "unclip": the offset of a rectangle by a
    /// distance is the rectangle that much larger all round).
    pub fn grown(&self, by: f32) -> Quad {
        let center = [
            self.0.iter().map(|p| p[0]).sum::<f32>() / 4.0,
            self.0.iter().map(|p| p[1]).sum::<f32>() / 4.0,
        ];
        let along = unit(sub(self.0[1], self.0[0]));
        let down = unit(sub(self.0[3], self.0[0]));
        let half_w = distance(self.0[0], self.0[1]) / 2.0 + by;
        let half_h = distance(self.0[0], self.0[3]) / 2.0 + by;
        let corner = |sw: f32, sh: f32| {
            [
                center[0] + along[0] * half_w * sw + down[0] * half_h * sh,
                center[1] + along[1] * half_w * sw + down[1] * half_h * sh,
            ]
        };
        Quad([
            corner(-1.0, -1.0),
            corner(1.0, -1.0),
            corner(1.0, 1.0),
            corner(-1.0, 1.0),
        ])
    }

    pub fn scaled(&self, sx: f32, sy: f32, max_x: f32, max_y: f32) -> Quad {
        Quad(
            self.0
                .map(|p| [(p[0] * sx).clamp(0.0, max_x), (p[1] * sy).clamp(0.0, max_y)]),
        )
    }

    /// Whether `point` is inside (or on the edge).
    pub fn contains(&self, point: Point) -> bool {
        let mut sign = 0f32;
        for i in 0..4 {
            let (a, b) = (self.0[i], self.0[(i + 1) % 4]);
            let cross = (b[0] - a[0]) * (point[1] - a[1]) - (b[1] - a[1]) * (point[0] - a[0]);
            if cross.abs() < 1e-6 {
                continue;
            }
            if sign == 0.0 {
                sign = cross.signum();
            } else if cross.signum() != sign {
                return false;
            }
        }
        true
    }
}

fn min4(v: [f32; 4]) -> f32 {
    v.into_iter().fold(f32::INFINITY, f32::min)
}

fn max4(v: [f32; 4]) -> f32 {
    v.into_iter().fold(f32::NEG_INFINITY, f32::max)
}

fn sub(a: Point, b: Point) -> Point {
    [a[0] - b[0], a[1] - b[1]]
}

fn distance(a: Point, b: Point) -> f32 {
    let d = sub(a, b);
    (d[0] * d[0] + d[1] * d[1]).sqrt()
}

fn unit(v: Point) -> Point {
    let length = (v[0] * v[0] + v[1] * v[1]).sqrt();
    if length == 0.0 {
        [1.0, 0.0]
    } else {
        [v[0] / length, v[1] / length]
    }
}

fn cross(o: Point, a: Point, b: Point) -> f32 {
    (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])
}

/// The convex hull (Andrew's monotone chain), counter-clockwise in image coordinates.
pub fn convex_hull(mut points: Vec<Point>) -> Vec<Point> {
    points.sort_by(|a, b| a[0].total_cmp(&b[0]).then(a[1].total_cmp(&b[1])));
    points.dedup();
    if points.len() < 3 {
        return points;
    }
    let mut hull: Vec<Point> = Vec::with_capacity(points.len() * 2);
    for pass in 0..2 {
        let start = hull.len();
        let iter: Box<dyn Iterator<Item = &Point>> = if pass == 0 {
            Box::new(points.iter())
        } else {
            Box::new(points.iter().rev())
        };
        for &p in iter {
            while hull.len() >= start + 2
                && cross(hull[hull.len() - 2], hull[hull.len() - 1], p) <= 0.0
            {
                hull.pop();
            }
            hull.push(p);
        }
        hull.pop();
    }
    hull
}

/// The smallest-area rectangle around `points`, corners ordered as text reads.
pub fn min_area_rect(points: Vec<Point>) -> Option<Quad> {
    let hull = convex_hull(points);
    match hull.len() {
        0 => return None,
        1 | 2 => {
            let a = hull[0];
            let b = *hull.last()?;
            return Some(order(axis_box([a, b].iter())));
        }
        _ => {}
    }
    let mut best: Option<(f32, [Point; 4])> = None;
    for i in 0..hull.len() {
        let edge = unit(sub(hull[(i + 1) % hull.len()], hull[i]));
        let normal = [-edge[1], edge[0]];
        let (mut lo_u, mut hi_u, mut lo_v, mut hi_v) = (
            f32::INFINITY,
            f32::NEG_INFINITY,
            f32::INFINITY,
            f32::NEG_INFINITY,
        );
        for p in &hull {
            let u = p[0] * edge[0] + p[1] * edge[1];
            let v = p[0] * normal[0] + p[1] * normal[1];
            lo_u = lo_u.min(u);
            hi_u = hi_u.max(u);
            lo_v = lo_v.min(v);
            hi_v = hi_v.max(v);
        }
        let area = (hi_u - lo_u) * (hi_v - lo_v);
        if best.as_ref().is_none_or(|(a, _)| area < *a) {
            let at = |u: f32, v: f32| [edge[0] * u + normal[0] * v, edge[1] * u + normal[1] * v];
            best = Some((
                area,
                [
                    at(lo_u, lo_v),
                    at(hi_u, lo_v),
                    at(hi_u, hi_v),
                    at(lo_u, hi_v),
                ],
            ));
        }
    }
    best.map(|(_, corners)| order(corners))
}

fn axis_box<'a>(points: impl Iterator<Item = &'a Point>) -> [Point; 4] {
    let (mut x0, mut y0, mut x1, mut y1) = (
        f32::INFINITY,
        f32::INFINITY,
        f32::NEG_INFINITY,
        f32::NEG_INFINITY,
    );
    for p in points {
        x0 = x0.min(p[0]);
        y0 = y0.min(p[1]);
        x1 = x1.max(p[0]);
        y1 = y1.max(p[1]);
    }
    [[x0, y0], [x1, y0], [x1, y1], [x0, y1]]
}

/// Orders four corners top-left, top-right, bottom-right, bottom-left: the two
/// leftmost are the left side (the upper one first), the others the right side.
pub fn order(corners: [Point; 4]) -> Quad {
    let mut by_x = corners;
    by_x.sort_by(|a, b| a[0].total_cmp(&b[0]).then(a[1].total_cmp(&b[1])));
    let (left, right) = by_x.split_at(2);
    let (tl, bl) = if left[0][1] <= left[1][1] {
        (left[0], left[1])
    } else {
        (left[1], left[0])
    };
    let (tr, br) = if right[0][1] <= right[1][1] {
        (right[0], right[1])
    } else {
        (right[1], right[0])
    };
    Quad([tl, tr, br, bl])
}

/// Cuts `quad` out of `image` as an upright image (bilinear, edges repeated), turned
/// a quarter when it is much taller than wide (a vertical line of text).
pub fn crop(image: &RgbImage, quad: &Quad) -> RgbImage {
    let width = quad.width().round().max(1.0) as u32;
    let height = quad.height().round().max(1.0) as u32;
    let [p0, p1, _, p3] = quad.0;
    // Target (u, v) → source p0 + u·(p1 − p0)/width + v·(p3 − p0)/height.
    let du = [
        (p1[0] - p0[0]) / width as f32,
        (p1[1] - p0[1]) / width as f32,
    ];
    let dv = [
        (p3[0] - p0[0]) / height as f32,
        (p3[1] - p0[1]) / height as f32,
    ];
    let mut out = RgbImage::new(width, height);
    for v in 0..height {
        for u in 0..width {
            let (fu, fv) = (u as f32 + 0.5, v as f32 + 0.5);
            let x = p0[0] + du[0] * fu + dv[0] * fv - 0.5;
            let y = p0[1] + du[1] * fu + dv[1] * fv - 0.5;
            out.put_pixel(u, v, sample(image, x, y));
        }
    }
    if height as f32 / width as f32 >= 1.5 {
        image::imageops::rotate270(&out)
    } else {
        out
    }
}

fn sample(image: &RgbImage, x: f32, y: f32) -> image::Rgb<u8> {
    let (w, h) = (image.width() as i64, image.height() as i64);
    let (x0, y0) = (x.floor(), y.floor());
    let (fx, fy) = (x - x0, y - y0);
    let at = |xi: i64, yi: i64| {
        image
            .get_pixel(xi.clamp(0, w - 1) as u32, yi.clamp(0, h - 1) as u32)
            .0
    };
    let (x0, y0) = (x0 as i64, y0 as i64);
    let (a, b, c, d) = (
        at(x0, y0),
        at(x0 + 1, y0),
        at(x0, y0 + 1),
        at(x0 + 1, y0 + 1),
    );
    let mut px = [0u8; 3];
    for i in 0..3 {
        let top = f32::from(a[i]) * (1.0 - fx) + f32::from(b[i]) * fx;
        let bottom = f32::from(c[i]) * (1.0 - fx) + f32::from(d[i]) * fx;
        px[i] = (top * (1.0 - fy) + bottom * fy).round().clamp(0.0, 255.0) as u8;
    }
    image::Rgb(px)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_rectangle_around_a_rotated_rectangle_is_itself() {
        let angle = 0.3f32;
        let (c, s) = (angle.cos(), angle.sin());
        let mut points = Vec::new();
        for i in 0..=40 {
            for j in 0..=10 {
                let (u, v) = (i as f32, j as f32);
                points.push([100.0 + u * c - v * s, 50.0 + u * s + v * c]);
            }
        }
        let quad = min_area_rect(points).unwrap();
        assert!((quad.width() - 40.0).abs() < 0.01, "{quad:?}");
        assert!((quad.height() - 10.0).abs() < 0.01, "{quad:?}");
        assert!((quad.area() - 400.0).abs() < 0.5);
        // Top-left first: the corner nearest the origin of the text.
        assert!((quad.0[0][0] - 100.0).abs() < 0.01 || quad.0[0][1] < quad.0[3][1]);
    }

    #[test]
    fn growing_adds_the_distance_on_every_side() {
        let quad = order([[10.0, 10.0], [50.0, 10.0], [50.0, 20.0], [10.0, 20.0]]);
        let grown = quad.grown(2.0);
        assert_eq!(grown.bounds(), [8.0, 8.0, 44.0, 14.0]);
        assert!(grown.contains([9.0, 9.0]));
        assert!(!grown.contains([7.0, 9.0]));
    }

    #[test]
    fn a_crop_is_upright_and_the_size_of_the_box() {
        let mut image = RgbImage::from_pixel(100, 60, image::Rgb([255, 255, 255]));
        for x in 20..60 {
            for y in 10..20 {
                image.put_pixel(x, y, image::Rgb([0, 0, 0]));
            }
        }
        let quad = order([[20.0, 10.0], [60.0, 10.0], [60.0, 20.0], [20.0, 20.0]]);
        let cut = crop(&image, &quad);
        assert_eq!(cut.dimensions(), (40, 10));
        assert!(cut.pixels().all(|p| p.0[0] < 10), "all black inside");
    }
}
