//! `PyStr`: Python's immutable text type. Indexing is by code point, as in Python; ASCII strings
//! (the common case) index by byte. Others keep, once first indexed, the byte offset of every
//! 64th code point, so an index walks at most 63 characters of UTF-8 instead of the whole
//! prefix. The hash is computed once, on demand.
//!
//! Text of up to 24 bytes (most words, keys, names and numbers) is stored inside the `PyStr`
//! itself (`CompactString`), so such a string holds one allocation instead of two. Made from
//! borrowed text (`PyStr::new`, `ascii_str_value`, `ascii_fill_value`) or from pieces of a known
//! total size (`StrBuilder`: `+`, f-strings, `join`) it never had another; built in a
//! `String` (`replace`, formatting), its buffer is freed on the spot.
//! Longer text stays in the buffer it was built in: shrinking every new string to its exact
//! size cost a reallocation per string, so only buffers with much spare capacity are shrunk.

use std::cell::{Cell, OnceCell};
use std::rc::Rc;

use compact_str::CompactString;

use crate::vm::value::Value;

pub struct PyStr {
    text: CompactString,
    char_len: usize,
    /// The hash once computed; `NO_HASH` before (a Python hash is never -1).
    hash: Cell<i64>,
    /// Non-ASCII strings: byte offsets of code points 0, 64, 128, ... (built on first use).
    /// Behind a thin box so the empty cell is one word.
    marks: OnceCell<Box<Marks>>,
}

/// The offsets of `PyStr::marks`.
struct Marks(Box<[usize]>);

// Kept at 48 bytes: with the reference counts an `Rc<PyStr>` is a 64-byte block, a size class
// mimalloc's aligned allocation path serves without over-allocating.
const _: () = assert!(std::mem::size_of::<PyStr>() == 48);

const NO_HASH: i64 = -1;

/// The longest text `CompactString` keeps inline: as many bytes as a `String` takes.
const INLINE_MAX: usize = std::mem::size_of::<String>();

/// Code points between two entries of `PyStr::marks`.
const MARK_STRIDE: usize = 64;

impl PyStr {
    pub fn new(s: &str) -> Rc<PyStr> {
        PyStr::from_compact(CompactString::new(s), char_count(s))
    }

    pub fn from_string(s: String) -> Rc<PyStr> {
        let char_len = char_count(&s);
        PyStr::with_char_len(s, char_len)
    }

    /// A string whose code point count the caller already knows (`char_len` must be exact:
    /// `s.len()` for ASCII text), which saves the scan over the text.
    pub fn with_char_len(mut s: String, char_len: usize) -> Rc<PyStr> {
        // Growth by doubling may leave up to half the buffer unused; keep small slack only.
        // (Short text moves into the `PyStr` and its buffer is freed, whatever its slack.)
        if s.len() > INLINE_MAX && s.capacity() - s.len() > s.len() / 4 + 16 {
            s.shrink_to_fit();
        }
        PyStr::from_compact(CompactString::from(s), char_len)
    }

    /// The string, written field by field into its new allocation. (`Rc::new` of a `PyStr`
    /// built first assembles its 64 bytes on the stack in 8-byte stores and copies them with
    /// 16-byte loads, which the processor cannot forward from those stores: a stall of a dozen
    /// cycles or more on every new string.)
    fn from_compact(text: CompactString, char_len: usize) -> Rc<PyStr> {
        debug_assert_eq!(char_len, text.chars().count());
        let mut rc = Rc::<PyStr>::new_uninit();
        let Some(slot) = Rc::get_mut(&mut rc) else {
            unreachable!("a new Rc has no other owner")
        };
        let p = slot.as_mut_ptr();
        // SAFETY: every field is written once, through a pointer into the allocation, before
        // `assume_init`.
        unsafe {
            std::ptr::addr_of_mut!((*p).text).write(text);
            std::ptr::addr_of_mut!((*p).char_len).write(char_len);
            std::ptr::addr_of_mut!((*p).hash).write(Cell::new(NO_HASH));
            std::ptr::addr_of_mut!((*p).marks).write(OnceCell::new());
            rc.assume_init()
        }
    }

    #[inline]
    pub fn as_str(&self) -> &str {
        self.text.as_str()
    }

    /// Length in code points (`len(s)`).
    #[inline]
    pub fn char_len(&self) -> usize {
        self.char_len
    }

    #[inline]
    pub fn is_ascii(&self) -> bool {
        self.char_len == self.text.len()
    }

    /// The code point at index `i` (0-based, already bounds-checked by the caller).
    pub fn char_at(&self, i: usize) -> Option<char> {
        if self.is_ascii() {
            self.text.as_bytes().get(i).map(|&b| b as char)
        } else {
            self.text[self.byte_offset(i)..].chars().next()
        }
    }

    fn marks(&self) -> &[usize] {
        &self
            .marks
            .get_or_init(|| {
                Box::new(Marks(
                    self.text
                        .char_indices()
                        .step_by(MARK_STRIDE)
                        .map(|(b, _)| b)
                        .collect(),
                ))
            })
            .0
    }

    /// Byte offset of code point index `i` (clamped to the end).
    pub fn byte_offset(&self, i: usize) -> usize {
        if self.is_ascii() {
            return i.min(self.text.len());
        }
        if i >= self.char_len {
            return self.text.len();
        }
        let start = self.marks()[i / MARK_STRIDE];
        self.text[start..]
            .char_indices()
            .nth(i % MARK_STRIDE)
            .map(|(b, _)| start + b)
            .unwrap_or(self.text.len())
    }

    /// The code point index of byte offset `b` (which must be on a character boundary).
    pub fn char_index(&self, b: usize) -> usize {
        if self.is_ascii() {
            return b;
        }
        let marks = self.marks();
        let k = marks.partition_point(|&m| m <= b).saturating_sub(1);
        let start = marks.get(k).copied().unwrap_or(0);
        k * MARK_STRIDE + self.text.get(start..b).map_or(0, |t| t.chars().count())
    }

    /// Substring by code point indices `start..end` (clamped).
    pub fn substring(&self, start: usize, end: usize) -> &str {
        if start >= end {
            return "";
        }
        let b0 = self.byte_offset(start);
        let b1 = self.byte_offset(end);
        &self.text[b0..b1]
    }

    /// The hash used by dicts and sets: CPython's (SipHash-1-3 with the key `PYTHONHASHSEED=0`
    /// gives), so sets of strings iterate in the order CPython prints them.
    pub fn hash(&self) -> i64 {
        let h = self.hash.get();
        if h != NO_HASH {
            return h;
        }
        let h = super::pyhash::hash_str(&self.text);
        self.hash.set(h);
        h
    }
}

/// `x + y`.
pub fn concat(x: &PyStr, y: &PyStr) -> Value {
    let mut text = StrBuilder::with_size(x.as_str().len() + y.as_str().len());
    text.push(x.as_str());
    text.push(y.as_str());
    text.finish(x.char_len() + y.char_len())
}

/// The pieces of an f-string (`BuildString`; `FormatValue` made them `str`s) joined.
pub fn build_string(pieces: &[Value]) -> Value {
    let strs = || {
        pieces.iter().filter_map(|v| match v {
            Value::Str(piece) => Some(piece),
            _ => None,
        })
    };
    let bytes = strs().map(|p| p.as_str().len()).sum();
    let chars = strs().map(|p| p.char_len()).sum();
    let mut text = StrBuilder::with_size(bytes);
    for piece in strs() {
        text.push(piece.as_str());
    }
    text.finish(chars)
}

/// Text of a size known before it is written, in pieces (`+`, f-strings, `join`):
/// text of up to 24 bytes is written on the stack, then into the string, longer text into a
/// buffer of exactly its size. (Built in a `String`, short text was copied out of a buffer
/// that was then freed, and a `String` grown piece by piece reallocated on the way.)
pub struct StrBuilder {
    /// The text while it fits in `INLINE_MAX` bytes and no buffer was made.
    small: [u8; INLINE_MAX],
    small_len: usize,
    /// The text once longer (`with_size` beyond `INLINE_MAX`, or more pushed than it said).
    heap: Option<Vec<u8>>,
}

impl StrBuilder {
    /// Room for `bytes` bytes (more pushed still fit, after a reallocation).
    #[inline]
    pub fn with_size(bytes: usize) -> StrBuilder {
        StrBuilder {
            small: [0; INLINE_MAX],
            small_len: 0,
            heap: (bytes > INLINE_MAX).then(|| Vec::with_capacity(bytes)),
        }
    }

    #[inline(always)]
    pub fn push(&mut self, piece: &str) {
        let bytes = piece.as_bytes();
        if let Some(heap) = &mut self.heap {
            heap.extend_from_slice(bytes);
        } else if let Some(room) = self
            .small
            .get_mut(self.small_len..self.small_len + bytes.len())
        {
            room.copy_from_slice(bytes);
            self.small_len += bytes.len();
        } else {
            let mut heap = Vec::with_capacity(self.small_len + bytes.len());
            heap.extend_from_slice(&self.small[..self.small_len]);
            heap.extend_from_slice(bytes);
            self.heap = Some(heap);
        }
    }

    /// The string, of `char_len` code points (which must be exact: the pieces' sum).
    pub fn finish(self, char_len: usize) -> Value {
        // SAFETY: the bytes are whole `str`s one after another, which is UTF-8.
        let text = match self.heap {
            Some(heap) => CompactString::from(unsafe { String::from_utf8_unchecked(heap) }),
            None => CompactString::new(unsafe {
                std::str::from_utf8_unchecked(&self.small[..self.small_len])
            }),
        };
        Value::Str(PyStr::from_compact(text, char_len))
    }
}

/// A `str` value from text known to be ASCII (no scan to count code points).
pub fn ascii_value(s: String) -> Value {
    let n = s.len();
    Value::Str(PyStr::with_char_len(s, n))
}

/// `ascii_value` of borrowed text: short text is copied into the new string, with no buffer
/// of its own.
pub fn ascii_str_value(s: &str) -> Value {
    Value::Str(PyStr::from_compact(CompactString::new(s), s.len()))
}

/// A `str` of `len` ASCII bytes that `fill` writes: short text is written in place (on the
/// stack, then into the string), longer text into a buffer of its own.
///
/// # Safety
/// `fill` must write ASCII bytes only (any byte it leaves alone is a NUL).
pub unsafe fn ascii_fill_value(len: usize, fill: impl FnOnce(&mut [u8])) -> Value {
    if len <= INLINE_MAX {
        let mut buf = [0u8; INLINE_MAX];
        let bytes = &mut buf[..len];
        fill(bytes);
        debug_assert!(bytes.is_ascii());
        // SAFETY: ASCII, as the caller promises, is UTF-8.
        return ascii_str_value(unsafe { std::str::from_utf8_unchecked(bytes) });
    }
    // (Zeroed first: `fill` gets initialised bytes to write over.)
    let mut bytes = vec![0u8; len];
    fill(&mut bytes);
    debug_assert!(bytes.is_ascii());
    // SAFETY: as above.
    ascii_value(unsafe { String::from_utf8_unchecked(bytes) })
}

/// `str(i)` for an int, without the formatting machinery.
pub fn int_value(i: i64) -> Value {
    // 19 digits and a sign at most.
    let mut buf = [0u8; 20];
    let mut pos = buf.len();
    let mut n = i.unsigned_abs();
    loop {
        pos -= 1;
        buf[pos] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    if i < 0 {
        pos -= 1;
        buf[pos] = b'-';
    }
    // SAFETY: digits and a minus sign are ASCII.
    ascii_str_value(unsafe { std::str::from_utf8_unchecked(&buf[pos..]) })
}

thread_local! {
    /// One shared string per ASCII character, as CPython shares its one-character strings:
    /// indexing and iterating over text then allocates nothing.
    static ASCII_CHARS: [Rc<PyStr>; 128] = std::array::from_fn(|b| {
        PyStr::with_char_len(char::from(b as u8).to_string(), 1)
    });
}

/// The one-character string `c`.
pub fn char_value(c: char) -> Value {
    if c.is_ascii() {
        // `try_with` fails only while the thread is being torn down: then allocate.
        if let Ok(v) = ASCII_CHARS.try_with(|t| Value::Str(Rc::clone(&t[c as usize]))) {
            return v;
        }
    }
    let mut buf = [0u8; 4];
    Value::str(c.encode_utf8(&mut buf))
}

/// Code points in `s`.
fn char_count(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.chars().count()
    }
}

impl PartialEq for PyStr {
    fn eq(&self, other: &PyStr) -> bool {
        self.text == other.text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indexing_non_ascii_uses_marks_correctly() {
        let text: String = (0..500)
            .map(|i| {
                if i % 3 == 0 {
                    'é'
                } else {
                    char::from(b'a' + (i % 26) as u8)
                }
            })
            .collect();
        let s = PyStr::new(&text);
        let chars: Vec<char> = text.chars().collect();
        for (i, &c) in chars.iter().enumerate() {
            assert_eq!(s.char_at(i), Some(c));
            let b = s.byte_offset(i);
            assert_eq!(s.char_index(b), i);
        }
        assert_eq!(s.byte_offset(500), text.len());
        assert_eq!(s.char_index(text.len()), 500);
        assert_eq!(
            s.substring(130, 133),
            chars[130..133].iter().collect::<String>()
        );
    }
}
