//! `PyStr`: Python's immutable text type. Indexing is by code point, as in Python; ASCII strings
//! (the common case) index by byte, others walk the UTF-8. The hash is computed once, on demand.

use std::cell::Cell;
use std::hash::Hasher;

use rustc_hash::FxHasher;

pub struct PyStr {
    text: Box<str>,
    char_len: usize,
    hash: Cell<Option<i64>>,
}

impl PyStr {
    pub fn new(s: &str) -> PyStr {
        PyStr::from_string(s.to_string())
    }

    pub fn from_string(s: String) -> PyStr {
        let char_len = if s.is_ascii() {
            s.len()
        } else {
            s.chars().count()
        };
        PyStr {
            text: s.into_boxed_str(),
            char_len,
            hash: Cell::new(None),
        }
    }

    #[inline]
    pub fn as_str(&self) -> &str {
        &self.text
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
            self.text.chars().nth(i)
        }
    }

    /// Byte offset of code point index `i` (clamped to the end).
    pub fn byte_offset(&self, i: usize) -> usize {
        if self.is_ascii() {
            i.min(self.text.len())
        } else {
            self.text
                .char_indices()
                .nth(i)
                .map(|(b, _)| b)
                .unwrap_or(self.text.len())
        }
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

    /// The hash used by dicts and sets. CPython randomises str hashes per process, so no
    /// program can depend on the value; only equal strings must hash equal.
    pub fn hash(&self) -> i64 {
        if let Some(h) = self.hash.get() {
            return h;
        }
        let mut hasher = FxHasher::default();
        hasher.write(self.text.as_bytes());
        let mut h = hasher.finish() as i64;
        if h == -1 {
            h = -2;
        }
        self.hash.set(Some(h));
        h
    }
}

impl PartialEq for PyStr {
    fn eq(&self, other: &PyStr) -> bool {
        self.text == other.text
    }
}
