//! `tiles/index.bin`: which tiles exist, so the reader never asks for open sea.
//!
//! ```text
//! "DLTI"  magic; version: u8 = 1; level_count: u8
//! level_count × { level: u8 (≤ 12), 4^level bits, row by row from the
//!                 north-west, least significant bit first, padded to a byte }
//! ```

use super::TileId;

const MAGIC: &[u8; 4] = b"DLTI";
const VERSION: u8 = 1;
const MAX_LEVEL: u8 = 12;

/// Why a manifest could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ManifestError {
    /// Not a manifest at all (say, an HTML error page served in its place).
    #[error("the detail tiles' index is not a Dateline tile index; rebuild the tiles with `bash scripts/setup.sh`")]
    BadMagic,
    /// A version this build does not read.
    #[error(
        "the detail tiles' index has version {0}, this reader reads version 1; rebuild the tiles"
    )]
    UnsupportedVersion(u8),
    /// It ends early or holds a level out of range.
    #[error("the detail tiles' index is damaged at byte {0}; rebuild the tiles")]
    Damaged(usize),
}

/// The set of tiles that have a file.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Manifest {
    levels: Vec<(u8, Vec<u8>)>,
}

impl Manifest {
    /// A manifest listing `tiles`.
    pub fn from_tiles<'a>(tiles: impl IntoIterator<Item = &'a TileId>) -> Self {
        let mut m = Manifest::default();
        for t in tiles {
            let bits = match m.levels.iter_mut().find(|(l, _)| *l == t.level) {
                Some((_, bits)) => bits,
                None => {
                    m.levels.push((t.level, vec![0; bytes_for(t.level)]));
                    m.levels.sort_by_key(|(l, _)| *l);
                    let at = m
                        .levels
                        .iter()
                        .position(|(l, _)| *l == t.level)
                        .unwrap_or(0);
                    &mut m.levels[at].1
                }
            };
            if let Some((byte, bit)) = index(t) {
                if let Some(b) = bits.get_mut(byte) {
                    *b |= 1 << bit;
                }
            }
        }
        m
    }

    /// Whether this level is listed at all (a reader asks only for listed levels).
    pub fn has_level(&self, level: u8) -> bool {
        self.levels.iter().any(|(l, _)| *l == level)
    }

    /// Whether `tile` has a file; `false` means open sea.
    pub fn contains(&self, tile: &TileId) -> bool {
        let Some((_, bits)) = self.levels.iter().find(|(l, _)| *l == tile.level) else {
            return false;
        };
        index(tile)
            .and_then(|(byte, bit)| bits.get(byte).map(|b| b & (1 << bit) != 0))
            .unwrap_or(false)
    }

    /// The file's bytes.
    pub fn encode(&self) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        out.push(VERSION);
        out.push(self.levels.len() as u8);
        for (level, bits) in &self.levels {
            out.push(*level);
            out.extend_from_slice(bits);
        }
        out
    }

    /// Reads a manifest; malformed input is an error, never a panic.
    pub fn decode(bytes: &[u8]) -> Result<Self, ManifestError> {
        if bytes.get(..4) != Some(&MAGIC[..]) {
            return Err(ManifestError::BadMagic);
        }
        let version = *bytes.get(4).ok_or(ManifestError::Damaged(4))?;
        if version != VERSION {
            return Err(ManifestError::UnsupportedVersion(version));
        }
        let count = *bytes.get(5).ok_or(ManifestError::Damaged(5))?;
        let mut at = 6;
        let mut levels = Vec::new();
        for _ in 0..count {
            let level = *bytes.get(at).ok_or(ManifestError::Damaged(at))?;
            if level > MAX_LEVEL || levels.iter().any(|(l, _)| *l == level) {
                return Err(ManifestError::Damaged(at));
            }
            let n = bytes_for(level);
            let bits = bytes
                .get(at + 1..at + 1 + n)
                .ok_or(ManifestError::Damaged(bytes.len()))?;
            levels.push((level, bits.to_vec()));
            at += 1 + n;
        }
        if at != bytes.len() {
            return Err(ManifestError::Damaged(at));
        }
        Ok(Manifest { levels })
    }
}

fn bytes_for(level: u8) -> usize {
    let tiles = 1usize << (2 * usize::from(level.min(MAX_LEVEL)));
    tiles.div_ceil(8)
}

fn index(t: &TileId) -> Option<(usize, u32)> {
    let side = TileId::side(t.level.min(MAX_LEVEL));
    if t.x >= side || t.y >= side {
        return None;
    }
    let i = t.y as usize * side as usize + t.x as usize;
    Some((i / 8, (i % 8) as u32))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn listed_tiles_round_trip_and_others_are_sea() {
        let tiles = [
            TileId {
                level: 4,
                x: 9,
                y: 5,
            },
            TileId {
                level: 8,
                x: 154,
                y: 80,
            },
            TileId {
                level: 8,
                x: 0,
                y: 255,
            },
        ];
        let m = Manifest::from_tiles(&tiles);
        let back = Manifest::decode(&m.encode()).unwrap();
        assert_eq!(back, m);
        for t in &tiles {
            assert!(back.contains(t), "{t:?}");
        }
        assert!(!back.contains(&TileId {
            level: 8,
            x: 155,
            y: 80
        }));
        assert!(!back.contains(&TileId {
            level: 6,
            x: 38,
            y: 20
        }));
        assert!(!back.contains(&TileId {
            level: 4,
            x: 99,
            y: 5
        }));
        assert!(back.has_level(8) && !back.has_level(6));
        assert_eq!(m.encode().len(), 6 + 2 + 32 + 8192);
    }

    #[test]
    fn mutated_manifests_never_panic() {
        let good = Manifest::from_tiles(&[
            TileId {
                level: 4,
                x: 1,
                y: 2,
            },
            TileId {
                level: 6,
                x: 9,
                y: 9,
            },
        ])
        .encode();
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for _ in 0..20_000 {
            let mut bytes = good.clone();
            for _ in 0..1 + next() % 4 {
                let at = (next() as usize) % bytes.len();
                bytes[at] = next() as u8;
            }
            bytes.truncate(
                (next() as usize) % (bytes.len() + 1)
                    + if next() % 2 == 0 { bytes.len() } else { 0 },
            );
            if let Ok(m) = Manifest::decode(&bytes) {
                let _ = m.contains(&TileId {
                    level: 6,
                    x: 9,
                    y: 9,
                });
            }
        }
    }

    #[test]
    fn malformed_manifests_are_errors() {
        let cases: [(&[u8], ManifestError); 5] = [
            (b"<!doctype html>", ManifestError::BadMagic),
            (b"DLTI\x02\x00", ManifestError::UnsupportedVersion(2)),
            (b"DLTI\x01\x01\x04\x00", ManifestError::Damaged(8)),
            (b"DLTI\x01\x01\x63", ManifestError::Damaged(6)),
            (b"DLTI\x01\x00\x00", ManifestError::Damaged(6)),
        ];
        for (bytes, error) in cases {
            assert_eq!(Manifest::decode(bytes), Err(error), "{bytes:?}");
        }
        assert!(Manifest::decode(b"DLTI\x01\x00").is_ok());
    }
}
