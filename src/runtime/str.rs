//! `PyStr`: Python's immutable text type. Indexing is by code point, as in Python; ASCII strings
//! (the common case) index by byte. Others keep, once first indexed, the byte offset of every
//! 64th code point, so an index walks at most 63 characters of UTF-8 instead of the whole
//! prefix. The hash is computed once, on demand.
//!
//! A `PyStr` is a counted reference to one allocation that holds a header (the count, the
//! lengths, the hash) and, right after it, the text, as CPython's `str` objects are laid out: a
//! string is one allocation whatever its length, and its text is at a fixed offset. Text of a
//! size known before it is written (`+`, f-strings, `join`, slices, case mappings) is written
//! straight into that allocation (`StrBuilder`, `fill_value`); text built in a `String`
//! first is copied in once.

use std::alloc::Layout;
use std::cell::{Cell, OnceCell};
use std::ptr::NonNull;

use crate::vm::value::Value;

/// A counted reference to a string. Cloning adds a reference; the last one dropped frees the
/// allocation.
pub struct PyStr {
    ptr: NonNull<Header>,
}

/// The start of a string's allocation; `len` bytes of UTF-8 follow it.
#[repr(C)]
struct Header {
    /// References to the string. First in the allocation, where `Rc` keeps its strong count:
    /// `Value::discard` then reads the count of any heap value with one load, whatever its
    /// type. (A performance choice: nothing depends on it for correctness.)
    strong: Cell<usize>,
    /// Length of the text in bytes.
    len: usize,
    /// Length of the text in code points.
    char_len: usize,
    /// The hash once computed; `NO_HASH` before (a Python hash is never -1).
    hash: Cell<i64>,
    /// Non-ASCII strings: byte offsets of code points 0, 64, 128, ... (built on first use).
    /// Behind a thin box so the empty cell is one word.
    marks: OnceCell<Box<Marks>>,
}

/// The offsets of `Header::marks`.
struct Marks(Box<[usize]>);

/// Bytes before the text. With it, a word of up to 8 bytes fits mimalloc's 48-byte class and one
/// of up to 24 bytes its 64-byte class.
const HEADER: usize = std::mem::size_of::<Header>();
const _: () = assert!(HEADER == 40);

const NO_HASH: i64 = -1;

/// Code points between two entries of `Header::marks`.
const MARK_STRIDE: usize = 64;

/// The allocation of a string of `len` bytes.
fn layout(len: usize) -> Layout {
    HEADER
        .checked_add(len)
        .and_then(|size| Layout::from_size_align(size, std::mem::align_of::<Header>()).ok())
        .unwrap_or_else(|| too_long())
}

/// A string longer than any allocation can be (as `Vec` does for a capacity past `isize::MAX`).
#[cold]
fn too_long() -> ! {
    panic!("str length overflows the address space")
}

/// A new allocation for `len` bytes of text, with one reference, its text not yet written and
/// `char_len` still to be set.
fn allocate(len: usize) -> NonNull<Header> {
    let layout = layout(len);
    // SAFETY: the layout's size is at least `HEADER`, never zero.
    let p = unsafe { std::alloc::alloc(layout) }.cast::<Header>();
    let Some(p) = NonNull::new(p) else {
        std::alloc::handle_alloc_error(layout)
    };
    // SAFETY: `p` is a fresh allocation large enough and aligned for a `Header`.
    unsafe {
        p.as_ptr().write(Header {
            strong: Cell::new(1),
            len,
            char_len: 0,
            hash: Cell::new(NO_HASH),
            marks: OnceCell::new(),
        })
    };
    p
}

/// Where the text of the string at `p` starts.
#[inline(always)]
fn text_ptr(p: NonNull<Header>) -> *mut u8 {
    // SAFETY: the text follows the header inside the same allocation.
    unsafe { p.as_ptr().cast::<u8>().add(HEADER) }
}

impl PyStr {
    pub fn new(s: &str) -> PyStr {
        PyStr::with_char_len(s, char_count(s))
    }

    pub fn from_string(s: String) -> PyStr {
        PyStr::new(&s)
    }

    /// A copy of `s`, whose code point count the caller already knows (`char_len` must be
    /// exact: `s.len()` for ASCII text), which saves the scan over the text.
    pub fn with_char_len(s: &str, char_len: usize) -> PyStr {
        debug_assert_eq!(char_len, s.chars().count());
        let p = allocate(s.len());
        // SAFETY: the new allocation has room for `s.len()` bytes of text and no other owner.
        unsafe {
            std::ptr::copy_nonoverlapping(s.as_ptr(), text_ptr(p), s.len());
            (*p.as_ptr()).char_len = char_len;
        }
        PyStr { ptr: p }
    }

    #[inline(always)]
    fn header(&self) -> &Header {
        // SAFETY: the allocation lives as long as this reference to it.
        unsafe { self.ptr.as_ref() }
    }

    #[inline]
    pub fn as_str(&self) -> &str {
        // SAFETY: the text is `len` bytes of UTF-8 after the header, written before the
        // string was handed out and never changed.
        unsafe {
            std::str::from_utf8_unchecked(std::slice::from_raw_parts(
                text_ptr(self.ptr),
                self.header().len,
            ))
        }
    }

    /// Length in code points (`len(s)`).
    #[inline]
    pub fn char_len(&self) -> usize {
        self.header().char_len
    }

    #[inline]
    pub fn is_ascii(&self) -> bool {
        self.header().char_len == self.header().len
    }

    /// Whether `a` and `b` are the same string object.
    #[inline]
    pub fn ptr_eq(a: &PyStr, b: &PyStr) -> bool {
        a.ptr == b.ptr
    }

    /// The address of the string object (its `id()`).
    pub fn addr(&self) -> usize {
        self.ptr.as_ptr() as usize
    }

    /// References to this string.
    #[inline(always)]
    pub fn strong_count(&self) -> usize {
        self.header().strong.get()
    }

    /// One more reference, for a bitwise copy of this handle that the caller makes.
    ///
    /// # Safety
    /// The caller must make exactly one such copy, which owns the added reference.
    #[inline(always)]
    pub unsafe fn increment_strong_count(&self) {
        let strong = &self.header().strong;
        let n = strong.get().wrapping_add(1);
        strong.set(n);
        // As `Rc` does: a count that wrapped (references leaked with `forget`) would free the
        // string while in use.
        if n == 0 {
            std::process::abort();
        }
    }

    /// One reference fewer, for a bitwise copy the caller forgets.
    ///
    /// # Safety
    /// Another reference must remain (`strong_count() > 1`), and the caller must forget one
    /// copy of the handle, whose reference this was.
    #[inline(always)]
    pub unsafe fn decrement_shared_count(&self) {
        let strong = &self.header().strong;
        debug_assert!(strong.get() > 1);
        strong.set(strong.get() - 1);
    }

    /// The code point at index `i` (0-based, already bounds-checked by the caller).
    pub fn char_at(&self, i: usize) -> Option<char> {
        if self.is_ascii() {
            self.as_str().as_bytes().get(i).map(|&b| b as char)
        } else {
            self.as_str()[self.byte_offset(i)..].chars().next()
        }
    }

    fn marks(&self) -> &[usize] {
        &self
            .header()
            .marks
            .get_or_init(|| {
                Box::new(Marks(
                    self.as_str()
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
        let text = self.as_str();
        if self.is_ascii() {
            return i.min(text.len());
        }
        if i >= self.char_len() {
            return text.len();
        }
        let start = self.marks()[i / MARK_STRIDE];
        text[start..]
            .char_indices()
            .nth(i % MARK_STRIDE)
            .map(|(b, _)| start + b)
            .unwrap_or(text.len())
    }

    /// The code point index of byte offset `b` (which must be on a character boundary).
    pub fn char_index(&self, b: usize) -> usize {
        if self.is_ascii() {
            return b;
        }
        let marks = self.marks();
        let k = marks.partition_point(|&m| m <= b).saturating_sub(1);
        let start = marks.get(k).copied().unwrap_or(0);
        k * MARK_STRIDE + self.as_str().get(start..b).map_or(0, |t| t.chars().count())
    }

    /// Substring by code point indices `start..end` (clamped).
    pub fn substring(&self, start: usize, end: usize) -> &str {
        if start >= end {
            return "";
        }
        let b0 = self.byte_offset(start);
        let b1 = self.byte_offset(end);
        &self.as_str()[b0..b1]
    }

    /// The hash used by dicts and sets: CPython's (SipHash-1-3 with the key `PYTHONHASHSEED=0`
    /// gives), so sets of strings iterate in the order CPython prints them.
    pub fn hash(&self) -> i64 {
        let cell = &self.header().hash;
        let h = cell.get();
        if h != NO_HASH {
            return h;
        }
        let h = super::pyhash::hash_str(self.as_str());
        cell.set(h);
        h
    }
}

impl Clone for PyStr {
    #[inline(always)]
    fn clone(&self) -> PyStr {
        // SAFETY: the clone owns the added reference.
        unsafe { self.increment_strong_count() };
        PyStr { ptr: self.ptr }
    }
}

impl Drop for PyStr {
    #[inline]
    fn drop(&mut self) {
        let strong = &self.header().strong;
        let left = strong.get() - 1;
        strong.set(left);
        if left == 0 {
            free(self.ptr);
        }
    }
}

/// Frees the string at `p`, whose last reference is gone.
#[inline(never)]
fn free(p: NonNull<Header>) {
    // SAFETY: no reference to the string remains; the header was written by `allocate` and
    // the allocation has the layout of its `len`.
    unsafe {
        let len = (*p.as_ptr()).len;
        std::ptr::drop_in_place(std::ptr::addr_of_mut!((*p.as_ptr()).marks));
        // (`layout` checked this size when the string was allocated.)
        let layout =
            Layout::from_size_align_unchecked(HEADER + len, std::mem::align_of::<Header>());
        std::alloc::dealloc(p.as_ptr().cast(), layout);
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

/// Text written in pieces straight into a new string's allocation (`+`, f-strings, `join`).
/// Sized up front by `with_size`; pushing more than that grows it by reallocation.
pub struct StrBuilder {
    ptr: NonNull<Header>,
    /// Bytes of text the allocation has room for (its header's `len` until `finish`).
    capacity: usize,
    /// Bytes written.
    len: usize,
}

impl StrBuilder {
    /// Room for `bytes` bytes.
    #[inline]
    pub fn with_size(bytes: usize) -> StrBuilder {
        StrBuilder {
            ptr: allocate(bytes),
            capacity: bytes,
            len: 0,
        }
    }

    #[inline(always)]
    pub fn push(&mut self, piece: &str) {
        let n = piece.len();
        if self.capacity - self.len < n {
            self.grow(n);
        }
        // SAFETY: the allocation has room for `capacity` bytes of text, `len + n` of them.
        unsafe {
            std::ptr::copy_nonoverlapping(piece.as_ptr(), text_ptr(self.ptr).add(self.len), n)
        };
        self.len += n;
    }

    /// Room for `more` bytes after the `len` written.
    #[cold]
    fn grow(&mut self, more: usize) {
        let needed = self.len.checked_add(more).unwrap_or_else(|| too_long());
        self.resize(needed.max(self.capacity.saturating_mul(2)));
    }

    /// Moves the text to an allocation with room for `capacity` bytes.
    fn resize(&mut self, capacity: usize) {
        let new_layout = layout(capacity);
        // SAFETY: the allocation has the layout of `self.capacity` and this builder is its only
        // owner; the new size is not zero.
        let p = unsafe {
            std::alloc::realloc(
                self.ptr.as_ptr().cast(),
                layout(self.capacity),
                new_layout.size(),
            )
        }
        .cast::<Header>();
        let Some(p) = NonNull::new(p) else {
            std::alloc::handle_alloc_error(new_layout)
        };
        // SAFETY: the header moved with the allocation; `len` records its new size.
        unsafe { (*p.as_ptr()).len = capacity };
        self.ptr = p;
        self.capacity = capacity;
    }

    /// The string, of `char_len` code points (which must be exact: the pieces' sum).
    pub fn finish(mut self, char_len: usize) -> Value {
        if self.len != self.capacity {
            self.resize(self.len);
        }
        let p = self.ptr;
        std::mem::forget(self);
        // SAFETY: the text is whole `str`s one after another, which is UTF-8, and fills the
        // allocation; nothing else refers to it.
        unsafe { (*p.as_ptr()).char_len = char_len };
        let s = PyStr { ptr: p };
        debug_assert_eq!(char_len, s.as_str().chars().count());
        Value::Str(s)
    }
}

impl Drop for StrBuilder {
    fn drop(&mut self) {
        // SAFETY: unfinished, the allocation is this builder's alone; its text is bytes, with
        // no drop, and its header is freed as a string's.
        free(self.ptr);
    }
}

/// A `str` value from text known to be ASCII (no scan to count code points).
pub fn ascii_str_value(s: &str) -> Value {
    Value::Str(PyStr::with_char_len(s, s.len()))
}

/// A `str` of `len` ASCII bytes that `fill` writes in place.
///
/// # Safety
/// `fill` must write ASCII bytes only (any byte it leaves alone is a NUL).
pub unsafe fn ascii_fill_value(len: usize, fill: impl FnOnce(&mut [u8])) -> Value {
    // SAFETY: ASCII text of `len` bytes is UTF-8 of `len` code points.
    unsafe { fill_value(len, len, fill) }
}

/// A `str` of `len` bytes and `char_len` code points that `fill` writes in place.
///
/// # Safety
/// `fill` must leave UTF-8 of exactly `char_len` code points (the bytes start as NULs).
pub unsafe fn fill_value(len: usize, char_len: usize, fill: impl FnOnce(&mut [u8])) -> Value {
    let p = allocate(len);
    let s = PyStr { ptr: p };
    // SAFETY: the new allocation has room for `len` bytes and no other owner; they are zeroed
    // first so `fill` gets initialised bytes to write over.
    let bytes = unsafe {
        let text = text_ptr(p);
        text.write_bytes(0, len);
        std::slice::from_raw_parts_mut(text, len)
    };
    fill(bytes);
    debug_assert_eq!(
        std::str::from_utf8(bytes).map(|t| t.chars().count()),
        Ok(char_len)
    );
    // SAFETY: as the caller promises; nothing else refers to the string yet.
    unsafe { (*p.as_ptr()).char_len = char_len };
    Value::Str(s)
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
    static ASCII_CHARS: [PyStr; 128] = std::array::from_fn(|b| {
        PyStr::with_char_len(char::from(b as u8).encode_utf8(&mut [0; 4]), 1)
    });
}

/// The one-character string `c`.
pub fn char_value(c: char) -> Value {
    if c.is_ascii() {
        // `try_with` fails only while the thread is being torn down: then allocate.
        if let Ok(v) = ASCII_CHARS.try_with(|t| Value::Str(t[c as usize].clone())) {
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
        self.as_str() == other.as_str()
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
