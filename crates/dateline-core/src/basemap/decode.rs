//! Decoding `assets/basemap.bin` into rings in world coordinates.

use super::format::{
    ReadError, Reader, LAYER_BORDERS, LAYER_LABELS, LAYER_LAND, LAYER_RIVERS, MAGIC,
    MAX_LABEL_BYTES, MAX_Q_BITS, VERSION,
};
use super::{Basemap, Label, LabelClass, Ring};

/// Why a basemap could not be decoded. Offsets are bytes from the file start.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum BasemapError {
    /// The file does not start with `DLBM`.
    #[error("not a Dateline basemap: expected the magic bytes \"DLBM\", found {found:?}")]
    BadMagic {
        /// The first bytes actually found (fewer than four if the file is shorter).
        found: Vec<u8>,
    },
    /// The file ended in the middle of something.
    #[error("basemap is truncated: it ends at byte {offset} while reading {what}; regenerate it with `npm run basemap`")]
    Truncated {
        /// Where the bytes ran out.
        offset: usize,
        /// What was being read.
        what: &'static str,
    },
    /// A format version this build cannot read.
    #[error("basemap format version {found} is not supported (this build reads version {supported}); regenerate it with `npm run basemap`")]
    UnsupportedVersion {
        /// The version in the file.
        found: u8,
        /// The version this decoder reads.
        supported: u8,
    },
    /// The quantization is zero bits or too fine to decode safely.
    #[error("basemap quantization of {bits} bits is out of range (1 to {MAX_Q_BITS})")]
    BadQuantization {
        /// The bits in the header.
        bits: u8,
    },
    /// A variable-length integer longer than 32 bits.
    #[error("malformed varint at byte {offset} while reading {what}: longer than 32 bits")]
    Overlong {
        /// Where the varint starts.
        offset: usize,
        /// What was being read.
        what: &'static str,
    },
    /// A point that lands outside the world square.
    #[error("basemap point ending at byte {offset} lies outside the world square [0, 1]²")]
    OutOfRange {
        /// Where the offending delta ends.
        offset: usize,
    },
    /// A ring or line with too few points to draw.
    #[error("basemap ring at byte {offset} has {points} points; land rings need at least 3 and border lines at least 2")]
    TooFewPoints {
        /// Where the ring's point count is.
        offset: usize,
        /// The point count found.
        points: u32,
    },
    /// A layer whose declared byte length disagrees with its contents.
    #[error("basemap layer {kind} declares {declared} bytes but its rings use {used}")]
    LayerLength {
        /// The layer kind.
        kind: u8,
        /// The length in the layer header.
        declared: usize,
        /// The bytes its rings actually took.
        used: usize,
    },
    /// The same layer kind twice.
    #[error("basemap has layer {kind} twice")]
    DuplicateLayer {
        /// The repeated kind.
        kind: u8,
    },
    /// A label whose name is empty, too long or not UTF-8, or whose class is unknown.
    #[error("basemap label at byte {offset} is malformed: {why}")]
    BadLabel {
        /// Where the label starts.
        offset: usize,
        /// What is wrong with it.
        why: &'static str,
    },
    /// Bytes after the last layer.
    #[error("basemap has {count} unexpected bytes after its last layer, from byte {offset}")]
    TrailingBytes {
        /// Where the extra bytes start.
        offset: usize,
        /// How many there are.
        count: usize,
    },
}

impl BasemapError {
    fn read(err: ReadError, what: &'static str) -> Self {
        match err {
            ReadError::Eof(offset) => Self::Truncated { offset, what },
            ReadError::Overlong(offset) => Self::Overlong { offset, what },
        }
    }
}

/// Decodes a basemap (see the [module docs](super) for the format).
///
/// Layers of unknown kinds are skipped, so newer assets with extra layers
/// still load; a missing layer decodes as empty. Malformed input is an
/// error, never a panic.
///
/// # Examples
///
/// ```
/// let map = dateline_core::basemap::decode(dateline_core::basemap::BASEMAP)?;
/// assert!(map.land.len() > 100);
/// # Ok::<(), dateline_core::basemap::BasemapError>(())
/// ```
pub fn decode(bytes: &[u8]) -> Result<Basemap, BasemapError> {
    if bytes.len() < MAGIC.len() || bytes[..MAGIC.len()] != MAGIC {
        let found = bytes.iter().take(MAGIC.len()).copied().collect();
        return Err(BasemapError::BadMagic { found });
    }
    let mut r = Reader::new(&bytes[MAGIC.len()..], MAGIC.len());
    let version = r.u8().map_err(|e| BasemapError::read(e, "the version"))?;
    if version != VERSION {
        return Err(BasemapError::UnsupportedVersion {
            found: version,
            supported: VERSION,
        });
    }
    let bits = r
        .u8()
        .map_err(|e| BasemapError::read(e, "the quantization"))?;
    if bits == 0 || bits > MAX_Q_BITS {
        return Err(BasemapError::BadQuantization { bits });
    }
    let q = 1i64 << bits;
    let layer_count = r
        .u8()
        .map_err(|e| BasemapError::read(e, "the layer count"))?;

    let mut land: Option<Vec<Ring>> = None;
    let mut borders: Option<Vec<Ring>> = None;
    let mut rivers: Option<Vec<Ring>> = None;
    let mut labels: Option<Vec<Label>> = None;
    for _ in 0..layer_count {
        let kind = r.u8().map_err(|e| BasemapError::read(e, "a layer kind"))?;
        let len = r
            .varint()
            .map_err(|e| BasemapError::read(e, "a layer length"))? as usize;
        let start = r.offset();
        let payload = r.take(len).map_err(|e| BasemapError::read(e, "a layer"))?;
        let mut lr = Reader::new(payload, start);
        if kind == LAYER_LABELS {
            if labels.is_some() {
                return Err(BasemapError::DuplicateLayer { kind });
            }
            labels = Some(decode_labels(&mut lr, q)?);
        } else {
            let (slot, min_points) = match kind {
                LAYER_LAND => (&mut land, 3),
                LAYER_BORDERS => (&mut borders, 2),
                LAYER_RIVERS => (&mut rivers, 2),
                _ => continue,
            };
            if slot.is_some() {
                return Err(BasemapError::DuplicateLayer { kind });
            }
            *slot = Some(decode_rings(&mut lr, q, min_points)?);
        }
        if lr.remaining() != 0 {
            return Err(BasemapError::LayerLength {
                kind,
                declared: len,
                used: len - lr.remaining(),
            });
        }
    }
    if r.remaining() != 0 {
        return Err(BasemapError::TrailingBytes {
            offset: r.offset(),
            count: r.remaining(),
        });
    }
    Ok(Basemap {
        land: land.unwrap_or_default(),
        borders: borders.unwrap_or_default(),
        rivers: rivers.unwrap_or_default(),
        labels: labels.unwrap_or_default(),
    })
}

/// The labels layer: points (delta-coded like rings), each with a class byte,
/// a weight and a UTF-8 name of 1 to [`MAX_LABEL_BYTES`] bytes.
fn decode_labels(r: &mut Reader, q: i64) -> Result<Vec<Label>, BasemapError> {
    let count = r
        .varint()
        .map_err(|e| BasemapError::read(e, "a label count"))?;
    // A label takes at least 5 bytes.
    let mut labels = Vec::with_capacity((count as usize).min(r.remaining() / 5));
    let scale = 1.0 / q as f64;
    let (mut x, mut y) = (0i64, 0i64);
    for _ in 0..count {
        let offset = r.offset();
        let bad = |why| BasemapError::BadLabel { offset, why };
        x += r.zigzag().map_err(|e| BasemapError::read(e, "a label"))?;
        y += r.zigzag().map_err(|e| BasemapError::read(e, "a label"))?;
        if !(0..=q).contains(&x) || !(0..=q).contains(&y) {
            return Err(BasemapError::OutOfRange { offset: r.offset() });
        }
        let class = match r.u8().map_err(|e| BasemapError::read(e, "a label"))? {
            0 => LabelClass::Country,
            1 => LabelClass::Capital,
            2 => LabelClass::Town,
            _ => return Err(bad("unknown class")),
        };
        let weight = r.varint().map_err(|e| BasemapError::read(e, "a label"))?;
        let len = r.varint().map_err(|e| BasemapError::read(e, "a label"))?;
        if len == 0 || len > MAX_LABEL_BYTES {
            return Err(bad("a name must have 1 to 120 bytes"));
        }
        let bytes = r
            .take(len as usize)
            .map_err(|e| BasemapError::read(e, "a label's name"))?;
        let name = std::str::from_utf8(bytes).map_err(|_| bad("the name is not UTF-8"))?;
        labels.push(Label {
            at: [(x as f64 * scale) as f32, (y as f64 * scale) as f32],
            class,
            weight,
            name: name.to_owned(),
        });
    }
    Ok(labels)
}

/// One layer's rings. The delta cursor runs on across rings, starting at 0,0.
fn decode_rings(r: &mut Reader, q: i64, min_points: u32) -> Result<Vec<Ring>, BasemapError> {
    let count = r
        .varint()
        .map_err(|e| BasemapError::read(e, "a ring count"))?;
    // Every ring takes at least 1 + 2·min_points bytes: cap the allocation by
    // what the input could hold, so a corrupt count cannot exhaust memory.
    let mut rings = Vec::with_capacity((count as usize).min(r.remaining()));
    let scale = 1.0 / q as f64;
    let (mut x, mut y) = (0i64, 0i64);
    for _ in 0..count {
        let at = r.offset();
        let points = r
            .varint()
            .map_err(|e| BasemapError::read(e, "a ring's point count"))?;
        if points < min_points {
            return Err(BasemapError::TooFewPoints { offset: at, points });
        }
        let mut ring = Vec::with_capacity((points as usize).min(r.remaining() / 2));
        for _ in 0..points {
            x += r.zigzag().map_err(|e| BasemapError::read(e, "a point"))?;
            y += r.zigzag().map_err(|e| BasemapError::read(e, "a point"))?;
            if !(0..=q).contains(&x) || !(0..=q).contains(&y) {
                return Err(BasemapError::OutOfRange { offset: r.offset() });
            }
            ring.push([(x as f64 * scale) as f32, (y as f64 * scale) as f32]);
        }
        rings.push(ring);
    }
    Ok(rings)
}

#[cfg(test)]
mod tests {
    use super::super::format::writer;
    use super::super::BASEMAP;
    use super::*;

    /// World coordinates of a longitude/latitude, as in the module docs.
    fn project(lon: f64, lat: f64) -> [f32; 2] {
        let phi = crate::math::clamp(lat, -85.051_128_78, 85.051_128_78).to_radians();
        let y = (1.0 - (std::f64::consts::FRAC_PI_4 + phi / 2.0).tan().ln() / std::f64::consts::PI)
            / 2.0;
        [((lon + 180.0) / 360.0) as f32, y as f32]
    }

    /// Even-odd point in polygon over all rings, so the Caspian hole counts.
    fn on_land(map: &Basemap, p: [f32; 2]) -> bool {
        let mut inside = false;
        for ring in &map.land {
            let mut j = ring.len() - 1;
            for i in 0..ring.len() {
                let (a, b) = (ring[i], ring[j]);
                if (a[1] > p[1]) != (b[1] > p[1])
                    && p[0] < (b[0] - a[0]) * (p[1] - a[1]) / (b[1] - a[1]) + a[0]
                {
                    inside = !inside;
                }
                j = i;
            }
        }
        inside
    }

    fn real() -> Basemap {
        decode(BASEMAP).unwrap()
    }

    #[test]
    fn the_real_asset_decodes_to_plausible_layers() {
        let map = real();
        assert!(map.land.len() > 100, "{} land rings", map.land.len());
        assert!(
            map.borders.len() > 100,
            "{} border lines",
            map.borders.len()
        );
        let points: usize = map.land.iter().chain(&map.borders).map(Vec::len).sum();
        assert!(points > 5_000, "{points} points");
        for p in map.land.iter().chain(&map.borders).flatten() {
            assert!(
                (0.0..=1.0).contains(&p[0]) && (0.0..=1.0).contains(&p[1]),
                "{p:?}"
            );
        }
        assert!(map.land.iter().all(|r| r.len() >= 3));
        assert!(map.borders.iter().all(|r| r.len() >= 2));
    }

    #[test]
    fn landmarks_fall_on_land_and_oceans_do_not() {
        let map = real();
        let land = [
            ("Moscow", 37.6175, 55.752),
            ("Ashgabat", 58.38, 37.95),
            ("Nairobi", 36.82, -1.29),
            ("Denver", -104.99, 39.74),
            ("Alice Springs", 133.88, -23.70),
            ("Anadyr, Chukotka west of 180°", 176.0, 66.0),
            ("Chukotka east of 180°", -174.0, 66.5),
            ("Antarctic plateau", 0.0, -80.0),
        ];
        for (name, lon, lat) in land {
            assert!(on_land(&map, project(lon, lat)), "{name} should be on land");
        }
        let water = [
            ("mid-Atlantic", -30.0, 30.0),
            ("mid-Pacific", -150.0, 0.0),
            ("Indian Ocean", 80.0, -30.0),
            ("Caspian Sea (a hole in Eurasia)", 51.5, 40.0),
            ("Bering Sea at the antimeridian", 180.0, 58.0),
        ];
        for (name, lon, lat) in water {
            assert!(!on_land(&map, project(lon, lat)), "{name} should be water");
        }
    }

    #[test]
    fn no_segment_bands_across_the_world() {
        // A ring that crosses ±180° uncut draws a segment spanning the map.
        // Only the cut along the bottom edge (Antarctica at y = 1) may be long.
        let map = real();
        let band =
            |a: [f32; 2], b: [f32; 2]| (a[0] - b[0]).abs() >= 0.5 && !(a[1] == 1.0 && b[1] == 1.0);
        for ring in &map.land {
            for (i, &a) in ring.iter().enumerate() {
                let b = ring[(i + 1) % ring.len()];
                assert!(!band(a, b), "band from {a:?} to {b:?}");
            }
        }
        for line in &map.borders {
            for w in line.windows(2) {
                assert!(!band(w[0], w[1]), "band from {:?} to {:?}", w[0], w[1]);
            }
        }
    }

    #[test]
    fn antarctica_runs_along_the_bottom_and_chukotka_is_cut_at_both_edges() {
        let map = real();
        // Antarctica: the rings that reach the bottom edge cover most of its width.
        let bottom: f32 = map
            .land
            .iter()
            .filter(|r| r.iter().any(|p| p[1] == 1.0))
            .map(|r| {
                r.iter().map(|p| p[0]).fold(f32::MIN, f32::max)
                    - r.iter().map(|p| p[0]).fold(f32::MAX, f32::min)
            })
            .sum();
        assert!(bottom > 0.95, "Antarctica spans {bottom} of the width");
        // Antarctica is filled only in the south: the Southern Ocean is water.
        assert!(!on_land(&map, project(0.0, -60.0)));
        // Chukotka touches x = 1 and, cut off, x = 0 around 65–70°N.
        let (top, bottom) = (project(0.0, 70.0)[1], project(0.0, 64.0)[1]);
        let touches = |x: f32| {
            map.land
                .iter()
                .flatten()
                .any(|p| p[0] == x && (top..=bottom).contains(&p[1]))
        };
        assert!(touches(1.0) && touches(0.0));
    }

    #[test]
    fn hand_built_files_round_trip() {
        let land = vec![
            vec![[0, 0], [8, 0], [8, 8]],
            vec![[16, 16], [12, 16], [16, 12]],
        ];
        let borders = vec![vec![[4, 4], [0, 16]]];
        let bytes = writer::file(
            4,
            &[
                (LAYER_LAND, writer::layer_payload(&land)),
                (9, vec![1, 2, 3]), // unknown kinds are skipped
                (LAYER_BORDERS, writer::layer_payload(&borders)),
            ],
        );
        let map = decode(&bytes).unwrap();
        assert_eq!(
            map,
            Basemap {
                land: vec![
                    vec![[0.0, 0.0], [0.5, 0.0], [0.5, 0.5]],
                    vec![[1.0, 1.0], [0.75, 1.0], [1.0, 0.75]]
                ],
                borders: vec![vec![[0.25, 0.25], [0.0, 1.0]]],
                rivers: vec![],
                labels: vec![],
            }
        );
        // Missing layers are empty.
        let only_land = writer::file(4, &[(LAYER_LAND, writer::layer_payload(&land))]);
        assert!(decode(&only_land).unwrap().borders.is_empty());
    }

    #[test]
    fn rivers_and_labels_round_trip() {
        let bytes = writer::file(
            4,
            &[
                (LAYER_RIVERS, writer::layer_payload(&[vec![[1, 1], [3, 2]]])),
                (
                    LAYER_LABELS,
                    writer::labels_payload(&[
                        ([4, 8], 1, 12_000, "Москва"),
                        ([2, 8], 2, 9, "Химки"),
                    ]),
                ),
            ],
        );
        let map = decode(&bytes).unwrap();
        assert_eq!(map.rivers, vec![vec![[0.0625, 0.0625], [0.1875, 0.125]]]);
        assert_eq!(
            map.labels,
            vec![
                Label {
                    at: [0.25, 0.5],
                    class: LabelClass::Capital,
                    weight: 12_000,
                    name: "Москва".into()
                },
                Label {
                    at: [0.125, 0.5],
                    class: LabelClass::Town,
                    weight: 9,
                    name: "Химки".into()
                },
            ]
        );
        let label = |class: u8, name: &[u8]| {
            let mut p = vec![1, 0, 0, class, 1, name.len() as u8];
            p.extend_from_slice(name);
            writer::file(4, &[(LAYER_LABELS, p)])
        };
        assert!(matches!(
            decode(&label(7, b"A")),
            Err(BasemapError::BadLabel {
                why: "unknown class",
                ..
            })
        ));
        assert!(matches!(
            decode(&label(2, b"")),
            Err(BasemapError::BadLabel { .. })
        ));
        assert!(matches!(
            decode(&label(2, &[0xff, 0xfe])),
            Err(BasemapError::BadLabel {
                why: "the name is not UTF-8",
                ..
            })
        ));
        assert!(decode(&label(2, b"Vostochny")).is_ok());
    }

    #[test]
    fn malformed_headers_say_what_is_wrong() {
        assert_eq!(
            decode(b"PK\x03\x04rest"),
            Err(BasemapError::BadMagic {
                found: b"PK\x03\x04".to_vec()
            })
        );
        assert_eq!(
            decode(b"DL"),
            Err(BasemapError::BadMagic {
                found: b"DL".to_vec()
            })
        );
        assert_eq!(
            decode(b"DLBM"),
            Err(BasemapError::Truncated {
                offset: 4,
                what: "the version"
            })
        );
        assert_eq!(
            decode(b"DLBM\x02\x0f\x00"),
            Err(BasemapError::UnsupportedVersion {
                found: 2,
                supported: 1
            })
        );
        assert_eq!(
            decode(b"DLBM\x01\x00\x00"),
            Err(BasemapError::BadQuantization { bits: 0 })
        );
        assert_eq!(
            decode(b"DLBM\x01\x1f\x00"),
            Err(BasemapError::BadQuantization { bits: 31 })
        );
        assert_eq!(
            decode(b"DLBM\x01\x0f\x00"),
            Ok(Basemap {
                land: vec![],
                borders: vec![],
                rivers: vec![],
                labels: vec![],
            })
        );
        assert_eq!(
            decode(b"DLBM\x01\x0f\x00\x00"),
            Err(BasemapError::TrailingBytes {
                offset: 7,
                count: 1
            })
        );
        let msg = decode(b"DLBM\x07\x0f\x00").unwrap_err().to_string();
        assert!(
            msg.contains("version 7") && msg.contains("npm run basemap"),
            "{msg}"
        );
    }

    #[test]
    fn malformed_layers_say_what_is_wrong() {
        let land = |rings: &[Vec<[i64; 2]>]| (LAYER_LAND, writer::layer_payload(rings));
        let outside = writer::file(4, &[land(&[vec![[0, 0], [17, 0], [0, 1]]])]);
        assert!(matches!(
            decode(&outside),
            Err(BasemapError::OutOfRange { .. })
        ));
        let negative = writer::file(4, &[land(&[vec![[0, 0], [-1, 0], [0, 1]]])]);
        assert!(matches!(
            decode(&negative),
            Err(BasemapError::OutOfRange { .. })
        ));
        let short = writer::file(4, &[land(&[vec![[0, 0], [1, 1]]])]);
        assert_eq!(
            decode(&short),
            Err(BasemapError::TooFewPoints {
                offset: 10,
                points: 2
            })
        );
        let twice = writer::file(4, &[land(&[]), land(&[])]);
        assert_eq!(
            decode(&twice),
            Err(BasemapError::DuplicateLayer { kind: 0 })
        );
        // A layer whose length claims one byte more than its rings use.
        let mut payload = writer::layer_payload(&[vec![[0, 0], [1, 0], [0, 1]]]);
        payload.push(0);
        let padded = writer::file(4, &[(LAYER_LAND, payload)]);
        assert!(matches!(
            decode(&padded),
            Err(BasemapError::LayerLength { kind: 0, .. })
        ));
        // A ring count far beyond the input must fail cleanly, not allocate.
        let mut huge = Vec::new();
        writer::varint(&mut huge, u32::MAX);
        let bytes = writer::file(4, &[(LAYER_LAND, huge)]);
        assert!(matches!(
            decode(&bytes),
            Err(BasemapError::Truncated { .. })
        ));
    }

    #[test]
    fn truncations_of_the_real_asset_are_errors() {
        let n = BASEMAP.len();
        let offsets = (0..64).chain((64..n - 64).step_by(61)).chain(n - 64..n);
        for len in offsets {
            let result = decode(&BASEMAP[..len]);
            assert!(result.is_err(), "prefix of {len} bytes decoded");
        }
    }

    #[test]
    fn random_and_mutated_bytes_never_panic() {
        // xorshift64: deterministic, no dependency.
        let mut state = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for _ in 0..2_000 {
            let len = (next() % 300) as usize;
            let mut bytes: Vec<u8> = (0..len).map(|_| next() as u8).collect();
            if next() % 2 == 0 && bytes.len() >= 6 {
                // Past the header, into the layer parser.
                bytes[..6].copy_from_slice(b"DLBM\x01\x0f");
            }
            let _ = decode(&bytes);
        }
        for _ in 0..300 {
            let mut bytes = BASEMAP.to_vec();
            for _ in 0..1 + next() % 4 {
                let i = (next() as usize) % bytes.len();
                bytes[i] ^= 1 << (next() % 8);
            }
            let _ = decode(&bytes);
        }
    }
}
