//! The byte layout of `assets/basemap.bin` and the primitives that read it.
//!
//! The layout is documented on the [`basemap`](super) module; the world
//! asset's writer is `tools/basemap/build.mjs`, the detail tiles' is
//! [`writer`] (used by `dateline-tiles` and the tests).

/// The first four bytes of every basemap.
pub const MAGIC: [u8; 4] = *b"DLBM";

/// The format version this decoder reads.
pub const VERSION: u8 = 1;

/// Layer kind: land polygons, closed rings meant to be filled.
pub const LAYER_LAND: u8 = 0;

/// Layer kind: interior country borders, open polylines meant to be stroked.
pub const LAYER_BORDERS: u8 = 1;

/// Layer kind: rivers, open polylines meant to be stroked.
pub const LAYER_RIVERS: u8 = 2;

/// Layer kind: place names, points with a class, a weight and a name.
pub const LAYER_LABELS: u8 = 3;

/// The longest label name accepted, in bytes.
pub const MAX_LABEL_BYTES: u32 = 120;

/// Quantization bits accepted: `2^bits` steps along the world's side.
/// 30 keeps every delta and coordinate inside `i64` with room to spare.
pub const MAX_Q_BITS: u8 = 30;

/// Why a read failed; the decoder turns this into a [`BasemapError`](super::BasemapError)
/// with the context of what it was reading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ReadError {
    /// The input ended at this offset.
    Eof(usize),
    /// A varint starting at this offset does not fit in 32 bits.
    Overlong(usize),
}

/// A forward-only cursor over a byte slice that never panics.
#[derive(Debug, Clone)]
pub(crate) struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
    /// Offset of `bytes[0]` in the whole file, so errors name file offsets.
    base: usize,
}

impl<'a> Reader<'a> {
    /// A reader over `bytes`, which start at file offset `base`.
    pub(crate) fn new(bytes: &'a [u8], base: usize) -> Self {
        Self {
            bytes,
            pos: 0,
            base,
        }
    }

    /// The file offset of the next byte to read.
    pub(crate) fn offset(&self) -> usize {
        self.base + self.pos
    }

    /// Bytes left to read.
    pub(crate) fn remaining(&self) -> usize {
        self.bytes.len() - self.pos
    }

    pub(crate) fn u8(&mut self) -> Result<u8, ReadError> {
        let b = *self
            .bytes
            .get(self.pos)
            .ok_or(ReadError::Eof(self.offset()))?;
        self.pos += 1;
        Ok(b)
    }

    /// The next `n` bytes as a slice.
    pub(crate) fn take(&mut self, n: usize) -> Result<&'a [u8], ReadError> {
        let end = self
            .pos
            .checked_add(n)
            .filter(|&end| end <= self.bytes.len())
            .ok_or(ReadError::Eof(self.base + self.bytes.len()))?;
        let slice = &self.bytes[self.pos..end];
        self.pos = end;
        Ok(slice)
    }

    /// An unsigned LEB128 varint of at most 32 bits.
    pub(crate) fn varint(&mut self) -> Result<u32, ReadError> {
        let start = self.offset();
        let mut value: u64 = 0;
        for shift in (0..35).step_by(7) {
            let b = self.u8()?;
            value |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return u32::try_from(value).map_err(|_| ReadError::Overlong(start));
            }
        }
        Err(ReadError::Overlong(start))
    }

    /// A zig-zag encoded signed varint (0, -1, 1, -2, … ↔ 0, 1, 2, 3, …).
    pub(crate) fn zigzag(&mut self) -> Result<i64, ReadError> {
        let v = i64::from(self.varint()?);
        Ok((v >> 1) ^ -(v & 1))
    }
}

/// A writer for the same format: detail tiles and hand-built test assets.
pub mod writer {
    use super::*;

    /// An unsigned LEB128 varint.
    pub fn varint(out: &mut Vec<u8>, mut v: u32) {
        while v >= 0x80 {
            out.push((v as u8 & 0x7f) | 0x80);
            v >>= 7;
        }
        out.push(v as u8);
    }

    /// A zig-zag signed varint; values beyond ±2^31 saturate (callers keep
    /// coordinates within the quantization, which is at most 30 bits).
    pub fn zigzag(out: &mut Vec<u8>, v: i64) {
        let z = if v >= 0 { 2 * v } else { -2 * v - 1 };
        varint(out, u32::try_from(z).unwrap_or(u32::MAX));
    }

    /// One layer's payload from quantized integer rings.
    pub fn layer_payload(rings: &[Vec<[i64; 2]>]) -> Vec<u8> {
        let mut out = Vec::new();
        varint(&mut out, rings.len() as u32);
        let mut cursor = [0i64, 0];
        for ring in rings {
            varint(&mut out, ring.len() as u32);
            for p in ring {
                zigzag(&mut out, p[0] - cursor[0]);
                zigzag(&mut out, p[1] - cursor[1]);
                cursor = *p;
            }
        }
        out
    }

    /// A labels layer's payload: `(quantized point, class, weight, name)`,
    /// names cut to [`MAX_LABEL_BYTES`] at a character boundary.
    pub fn labels_payload(labels: &[([i64; 2], u8, u32, &str)]) -> Vec<u8> {
        let mut out = Vec::new();
        varint(&mut out, labels.len() as u32);
        let mut cursor = [0i64, 0];
        for &(p, class, weight, name) in labels {
            zigzag(&mut out, p[0] - cursor[0]);
            zigzag(&mut out, p[1] - cursor[1]);
            cursor = p;
            out.push(class);
            varint(&mut out, weight);
            let mut end = name.len().min(MAX_LABEL_BYTES as usize);
            while !name.is_char_boundary(end) {
                end -= 1;
            }
            varint(&mut out, end as u32);
            out.extend_from_slice(&name.as_bytes()[..end]);
        }
        out
    }

    /// A whole file: header, then `(kind, payload)` layers.
    pub fn file(q_bits: u8, layers: &[(u8, Vec<u8>)]) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        out.push(VERSION);
        out.push(q_bits);
        out.push(layers.len() as u8);
        for (kind, payload) in layers {
            out.push(*kind);
            varint(&mut out, payload.len() as u32);
            out.extend_from_slice(payload);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::writer;
    use super::*;

    #[test]
    fn varints_round_trip_at_the_edges() {
        for v in [0u32, 1, 127, 128, 300, 16_383, 16_384, u32::MAX] {
            let mut buf = Vec::new();
            writer::varint(&mut buf, v);
            let mut r = Reader::new(&buf, 0);
            assert_eq!(r.varint(), Ok(v));
            assert_eq!(r.remaining(), 0);
        }
    }

    #[test]
    fn zigzag_round_trips_signed_values() {
        for v in [0i64, -1, 1, -2, 2, -32_768, 32_768, i64::from(i32::MIN)] {
            let mut buf = Vec::new();
            writer::zigzag(&mut buf, v);
            assert_eq!(Reader::new(&buf, 0).zigzag(), Ok(v));
        }
        // The encoding itself, not just the round trip.
        let mut buf = Vec::new();
        for v in [0, -1, 1, -2] {
            writer::zigzag(&mut buf, v);
        }
        assert_eq!(buf, [0, 1, 2, 3]);
    }

    #[test]
    fn overlong_and_truncated_varints_are_errors() {
        // 2^32 needs 33 bits.
        let mut r = Reader::new(&[0x80, 0x80, 0x80, 0x80, 0x10], 7);
        assert_eq!(r.varint(), Err(ReadError::Overlong(7)));
        let mut r = Reader::new(&[0xff; 9], 0);
        assert_eq!(r.varint(), Err(ReadError::Overlong(0)));
        let mut r = Reader::new(&[0x80, 0x80], 10);
        assert_eq!(r.varint(), Err(ReadError::Eof(12)));
    }

    #[test]
    fn take_checks_bounds() {
        let mut r = Reader::new(&[1, 2, 3], 100);
        assert_eq!(r.take(2), Ok(&[1u8, 2][..]));
        assert_eq!(r.offset(), 102);
        assert_eq!(r.take(2), Err(ReadError::Eof(103)));
        assert_eq!(r.take(usize::MAX), Err(ReadError::Eof(103)));
    }
}
