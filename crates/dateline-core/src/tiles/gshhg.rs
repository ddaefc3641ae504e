//! Reading GSHHG as `gmt coast -M` prints it, and joining its pieces into rings.
//!
//! `gmt coast -Rd -M -W` prints shores and lakes as pieces cut at GSHHG's
//! bins (`> Shore Bin # 12, Level 1` then `lon<TAB>lat` lines); a piece is
//! closed when it ends where it starts, and the open ones join end to start.
//! Land cut by the antimeridian ends on ±180°, Antarctica at both; those are
//! closed along the world's edge. Rivers (`-I`) and borders (`-N`) are
//! polylines and need no joining.

use std::collections::HashMap;

/// One piece of a `gmt coast -M` listing.
#[derive(Debug, Clone, PartialEq)]
pub struct Piece {
    /// GSHHG's level: for shores 1 land, 2 lake, 3 island in a lake, 4 pond;
    /// for rivers 0 double-lined up to 10 (canals); for borders 1 national.
    pub level: u8,
    /// Longitude, latitude in degrees.
    pub points: Vec<[f64; 2]>,
}

/// Why a listing could not be read.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum GshhgError {
    /// A line that is neither a header nor two numbers.
    #[error("line {line} of the GMT listing is not `lon<TAB>lat`: {text:?}")]
    BadLine {
        /// 1-based line number.
        line: usize,
        /// The line's text, cut to 80 characters.
        text: String,
    },
}

/// The pieces of a `gmt coast -M` listing; a header's `Level N` sets the level (1 if none).
///
/// # Examples
///
/// ```
/// use dateline_core::tiles::gshhg::parse;
/// let text = "> River Bin # 2898, Level 1\n37.6\t55.7\n37.7\t55.8\n";
/// let pieces = parse(text)?;
/// assert_eq!(pieces[0].level, 1);
/// assert_eq!(pieces[0].points, vec![[37.6, 55.7], [37.7, 55.8]]);
/// # Ok::<(), dateline_core::tiles::gshhg::GshhgError>(())
/// ```
pub fn parse(text: &str) -> Result<Vec<Piece>, GshhgError> {
    let mut pieces: Vec<Piece> = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(header) = line.strip_prefix('>') {
            let level = header
                .split("Level")
                .nth(1)
                .and_then(|rest| rest.trim().split(|c: char| !c.is_ascii_digit()).next())
                .and_then(|digits| digits.parse().ok())
                .unwrap_or(1);
            pieces.push(Piece {
                level,
                points: Vec::new(),
            });
            continue;
        }
        let mut numbers = line.split_whitespace().map(str::parse::<f64>);
        let point = match (numbers.next(), numbers.next()) {
            (Some(Ok(lon)), Some(Ok(lat))) if lon.is_finite() && lat.is_finite() => [lon, lat],
            _ => {
                return Err(GshhgError::BadLine {
                    line: i + 1,
                    text: line.chars().take(80).collect(),
                })
            }
        };
        match pieces.last_mut() {
            Some(piece) => piece.points.push(point),
            None => pieces.push(Piece {
                level: 1,
                points: vec![point],
            }),
        }
    }
    Ok(pieces)
}

/// Joins shore pieces into closed rings (first point not repeated), each
/// with its level. Pieces that cannot be joined are closed along the
/// antimeridian, or around the south (Antarctica, whose ends lie on both).
pub fn join_rings(pieces: Vec<Piece>) -> Vec<Piece> {
    let key = |p: [f64; 2]| (p[0].to_bits(), p[1].to_bits());
    let mut rings = Vec::new();
    let mut open: Vec<Option<Piece>> = Vec::new();
    for mut piece in pieces {
        if piece.points.len() < 2 {
            continue;
        }
        if piece.points.first() == piece.points.last() {
            piece.points.pop();
            if piece.points.len() >= 3 {
                rings.push(piece);
            }
        } else {
            open.push(Some(piece));
        }
    }
    let mut by_start: HashMap<(u64, u64), usize> = HashMap::new();
    for (i, piece) in open.iter().enumerate() {
        if let Some(p) = piece {
            by_start.insert(key(p.points[0]), i);
        }
    }
    for i in 0..open.len() {
        let Some(mut chain) = open[i].take() else {
            continue;
        };
        by_start.remove(&key(chain.points[0]));
        loop {
            let end = chain.points[chain.points.len() - 1];
            if end == chain.points[0] {
                chain.points.pop();
                break;
            }
            let Some(next) = by_start.remove(&key(end)).and_then(|j| open[j].take()) else {
                close_along_the_edge(&mut chain.points);
                break;
            };
            chain.points.extend_from_slice(&next.points[1..]);
        }
        if chain.points.len() >= 3 {
            rings.push(chain);
        }
    }
    rings
}

/// Closes a ring whose ends lie on the antimeridian: along it when both ends
/// are on the same side, else by way of the south pole.
fn close_along_the_edge(points: &mut Vec<[f64; 2]>) {
    let (first, last) = (points[0], points[points.len() - 1]);
    if (first[0] - last[0]).abs() > 180.0 {
        points.push([last[0], -90.0]);
        points.push([first[0], -90.0]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn piece(points: &[[f64; 2]]) -> Piece {
        Piece {
            level: 1,
            points: points.to_vec(),
        }
    }

    #[test]
    fn headers_set_levels_and_bad_lines_are_named() {
        let text = "> Shore Bin # 1, Level 2\n1\t2\n3 4\n>\n5\t6\n";
        let pieces = parse(text).unwrap();
        assert_eq!(pieces.len(), 2);
        assert_eq!((pieces[0].level, pieces[1].level), (2, 1));
        assert_eq!(pieces[0].points, vec![[1.0, 2.0], [3.0, 4.0]]);
        assert_eq!(
            parse("> Level 1\n1\tnorth\n"),
            Err(GshhgError::BadLine {
                line: 2,
                text: "1\tnorth".into()
            })
        );
    }

    #[test]
    fn pieces_join_in_any_order_into_closed_rings() {
        let a = piece(&[[0.0, 0.0], [1.0, 0.0], [1.0, 1.0]]);
        let b = piece(&[[0.0, 1.0], [0.0, 0.0]]);
        let c = piece(&[[1.0, 1.0], [0.5, 1.5], [0.0, 1.0]]);
        let closed = piece(&[[5.0, 5.0], [6.0, 5.0], [6.0, 6.0], [5.0, 5.0]]);
        let rings = join_rings(vec![c, closed, b, a]);
        assert_eq!(rings.len(), 2);
        assert_eq!(rings[0].points, vec![[5.0, 5.0], [6.0, 5.0], [6.0, 6.0]]);
        let mut joined = rings[1].points.clone();
        joined.sort_by(|p, q| p.partial_cmp(q).unwrap());
        assert_eq!(
            joined,
            vec![[0.0, 0.0], [0.0, 1.0], [0.5, 1.5], [1.0, 0.0], [1.0, 1.0]]
        );
    }

    #[test]
    fn land_cut_by_the_antimeridian_closes_along_it_or_round_the_south() {
        let chukotka = piece(&[[180.0, 65.0], [175.0, 66.0], [180.0, 69.0]]);
        let rings = join_rings(vec![chukotka.clone()]);
        assert_eq!(rings[0].points, chukotka.points);
        let antarctica = piece(&[[-180.0, -77.9], [0.0, -70.0], [180.0, -77.9]]);
        let rings = join_rings(vec![antarctica]);
        assert_eq!(
            rings[0].points,
            vec![
                [-180.0, -77.9],
                [0.0, -70.0],
                [180.0, -77.9],
                [180.0, -90.0],
                [-180.0, -90.0]
            ]
        );
    }
}
