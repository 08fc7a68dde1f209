//! `InstanceAttrs`: the attributes of one instance, keyed by symbol, in insertion order.
//!
//! Most instances have a handful of attributes, so they are a plain array searched linearly
//! (a few `u32` comparisons beat hashing). Past `INDEX_FROM` attributes a hash index over the
//! array keeps look-ups O(1), for the rare object used as a big namespace. A 64-bit summary
//! of the names present answers most misses (a method call checks that the instance does not
//! shadow the method) without a scan.
//!
//! The whole map is one pointer to a single block (header, then the entries), null while it
//! is empty: it is part of every instance, and a task or a future, which has no attributes of
//! its own, then costs one word for it. (As a `Vec` plus the summary and the index it was five
//! words, and a task 96 bytes instead of 56.)

use std::alloc::{self, Layout};
use std::ptr::{self, NonNull};

use rustc_hash::FxHashMap;

use super::symbol::Symbol;
use super::value::Value;

/// Entries from which the hash index is kept.
const INDEX_FROM: usize = 12;

/// Room for this many entries in a new block.
const FIRST_CAPACITY: usize = 3;

type Entry = (Symbol, Value);

/// The start of the block; `cap` entries follow it.
#[repr(C)]
struct Header {
    len: u32,
    cap: u32,
    /// Bit `symbol % 64` is set for every name present (and maybe for some removed ones).
    mask: u64,
    /// Symbol → position in the entries, only while there are at least `INDEX_FROM`.
    index: Option<Box<FxHashMap<Symbol, u32>>>,
}

// The entries start right after the header, with no padding.
const _: () = assert!(std::mem::size_of::<Header>().is_multiple_of(std::mem::align_of::<Entry>()));

#[derive(Default)]
pub struct InstanceAttrs {
    block: Option<NonNull<Header>>,
}

fn block_layout(cap: usize) -> Layout {
    let size = std::mem::size_of::<Header>() + cap * std::mem::size_of::<Entry>();
    Layout::from_size_align(size, std::mem::align_of::<Header>()).expect("attribute block size")
}

/// The first entry of a block.
fn entries_of(block: NonNull<Header>) -> *mut Entry {
    // SAFETY: the entries follow the header inside the same allocation.
    unsafe { block.as_ptr().add(1) as *mut Entry }
}

impl InstanceAttrs {
    /// The summary bit of `name` (see `may_hold_any`).
    #[inline]
    pub fn bit(name: Symbol) -> u64 {
        1 << (name.0 & 63)
    }

    #[inline]
    fn header(&self) -> Option<&Header> {
        // SAFETY: a block is valid while `self` owns it.
        self.block.map(|b| unsafe { &*b.as_ptr() })
    }

    #[inline]
    fn header_mut(&mut self) -> Option<&mut Header> {
        // SAFETY: as in `header`, and `&mut self` makes the access unique.
        self.block.map(|b| unsafe { &mut *b.as_ptr() })
    }

    #[inline]
    fn entries(&self) -> &[Entry] {
        match self.block {
            None => &[],
            // SAFETY: the first `len` entries are initialised.
            Some(b) => unsafe {
                std::slice::from_raw_parts(entries_of(b), (*b.as_ptr()).len as usize)
            },
        }
    }

    #[inline]
    fn entries_mut(&mut self) -> &mut [Entry] {
        match self.block {
            None => &mut [],
            // SAFETY: as in `entries`, and `&mut self` makes the access unique.
            Some(b) => unsafe {
                std::slice::from_raw_parts_mut(entries_of(b), (*b.as_ptr()).len as usize)
            },
        }
    }

    /// The `bit`s of the names present (and maybe of some removed ones).
    #[inline]
    pub fn mask(&self) -> u64 {
        self.header().map_or(0, |h| h.mask)
    }

    #[inline]
    fn position(&self, name: Symbol) -> Option<usize> {
        let header = self.header()?;
        if header.mask & Self::bit(name) == 0 {
            return None;
        }
        match &header.index {
            None => self.entries().iter().position(|(k, _)| *k == name),
            Some(index) => index.get(&name).map(|&i| i as usize),
        }
    }

    #[inline]
    pub fn get(&self, name: &Symbol) -> Option<&Value> {
        self.position(*name).map(|i| &self.entries()[i].1)
    }

    #[inline]
    pub fn get_mut(&mut self, name: &Symbol) -> Option<&mut Value> {
        self.position(*name).map(|i| &mut self.entries_mut()[i].1)
    }

    #[inline]
    pub fn contains_key(&self, name: &Symbol) -> bool {
        self.position(*name).is_some()
    }

    /// Sets `name`, keeping its place if it exists. Returns the old value.
    #[inline]
    pub fn insert(&mut self, name: Symbol, value: Value) -> Option<Value> {
        if let Some(i) = self.position(name) {
            return Some(std::mem::replace(&mut self.entries_mut()[i].1, value));
        }
        self.push(name, value);
        None
    }

    fn push(&mut self, name: Symbol, value: Value) {
        let block = self.reserve_one();
        // SAFETY: `reserve_one` left room for one more entry after the first `len`.
        let len = unsafe {
            let header = &mut *block.as_ptr();
            ptr::write(entries_of(block).add(header.len as usize), (name, value));
            header.len += 1;
            header.mask |= Self::bit(name);
            header.len as usize
        };
        let header = self.header_mut().expect("just pushed");
        match &mut header.index {
            Some(index) => {
                index.insert(name, (len - 1) as u32);
            }
            None if len >= INDEX_FROM => self.rebuild_index(),
            None => {}
        }
    }

    /// The block, with room for at least one more entry.
    fn reserve_one(&mut self) -> NonNull<Header> {
        let (old_cap, len) = self
            .header()
            .map_or((0, 0), |h| (h.cap as usize, h.len as usize));
        if let Some(block) = self.block.filter(|_| len < old_cap) {
            return block;
        }
        let cap = if old_cap == 0 {
            FIRST_CAPACITY
        } else {
            old_cap * 2
        };
        assert!(cap <= u32::MAX as usize, "too many attributes");
        let new_layout = block_layout(cap);
        // SAFETY: both layouts have a non-zero size (a header at least); a reallocated block
        // keeps its header and entries, and its new capacity is recorded before any use.
        let block = unsafe {
            let raw = match self.block {
                None => alloc::alloc(new_layout),
                Some(b) => alloc::realloc(
                    b.as_ptr() as *mut u8,
                    block_layout(old_cap),
                    new_layout.size(),
                ),
            };
            let Some(block) = NonNull::new(raw as *mut Header) else {
                alloc::handle_alloc_error(new_layout)
            };
            if self.block.is_none() {
                ptr::write(
                    block.as_ptr(),
                    Header {
                        len: 0,
                        cap: 0,
                        mask: 0,
                        index: None,
                    },
                );
            }
            (*block.as_ptr()).cap = cap as u32;
            block
        };
        self.block = Some(block);
        block
    }

    /// Removes `name`, keeping the order of the rest.
    pub fn shift_remove(&mut self, name: &Symbol) -> Option<Value> {
        let i = self.position(*name)?;
        let block = self.block.expect("found an entry");
        // SAFETY: entry `i` is initialised; it is read out, the later ones move down over it,
        // and `len` drops by one, so each entry is still owned exactly once.
        let (_, v) = unsafe {
            let header = &mut *block.as_ptr();
            let len = header.len as usize;
            let at = entries_of(block).add(i);
            let removed = ptr::read(at);
            ptr::copy(at.add(1), at, len - i - 1);
            header.len -= 1;
            removed
        };
        let mask = self.entries().iter().fold(0, |m, (k, _)| m | Self::bit(*k));
        let header = self.header_mut().expect("still allocated");
        header.mask = mask;
        if header.index.is_some() {
            self.rebuild_index();
        }
        Some(v)
    }

    fn rebuild_index(&mut self) {
        let index = (self.len() >= INDEX_FROM).then(|| {
            Box::new(
                self.entries()
                    .iter()
                    .enumerate()
                    .map(|(i, (k, _))| (*k, i as u32))
                    .collect(),
            )
        });
        if let Some(header) = self.header_mut() {
            header.index = index;
        }
    }

    #[inline]
    pub fn first(&self) -> Option<(&Symbol, &Value)> {
        self.entries().first().map(|(k, v)| (k, v))
    }

    /// Removes every entry (the block stays, for the attributes set next).
    pub fn clear(&mut self) {
        let Some(block) = self.block else {
            return;
        };
        // SAFETY: the first `len` entries are initialised; `len` is zeroed before they are
        // dropped, so a panicking drop cannot lead to a second drop.
        unsafe {
            let header = &mut *block.as_ptr();
            let len = std::mem::replace(&mut header.len, 0) as usize;
            header.mask = 0;
            header.index = None;
            ptr::drop_in_place(ptr::slice_from_raw_parts_mut(entries_of(block), len));
        }
    }

    pub fn len(&self) -> usize {
        self.header().map_or(0, |h| h.len as usize)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn iter(&self) -> impl Iterator<Item = (&Symbol, &Value)> {
        self.entries().iter().map(|(k, v)| (k, v))
    }
}

impl Drop for InstanceAttrs {
    fn drop(&mut self) {
        let Some(block) = self.block.take() else {
            return;
        };
        // SAFETY: the block was allocated with `block_layout(cap)`; its first `len` entries
        // and its header are initialised and dropped once, here.
        unsafe {
            let cap = (*block.as_ptr()).cap as usize;
            let len = (*block.as_ptr()).len as usize;
            ptr::drop_in_place(ptr::slice_from_raw_parts_mut(entries_of(block), len));
            ptr::drop_in_place(block.as_ptr());
            alloc::dealloc(block.as_ptr() as *mut u8, block_layout(cap));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_order_and_finds_names_below_and_above_the_index_threshold() {
        let mut attrs = InstanceAttrs::default();
        // 0..40 and 64..104: names that share summary bits.
        let names: Vec<u32> = (0..40).chain(64..104).collect();
        for (count, &n) in names.iter().enumerate() {
            assert!(attrs.insert(Symbol(n), Value::Int(n as i64)).is_none());
            for &m in &names[..=count] {
                assert!(matches!(attrs.get(&Symbol(m)), Some(Value::Int(v)) if *v == m as i64));
            }
            for &absent in &names[count + 1..] {
                assert!(attrs.get(&Symbol(absent)).is_none());
            }
        }
        assert!(matches!(
            attrs.insert(Symbol(3), Value::None),
            Some(Value::Int(3))
        ));
        // Remove down through the threshold; order and look-ups stay right.
        for &n in names.iter().filter(|n| *n % 2 == 0) {
            assert!(attrs.shift_remove(&Symbol(n)).is_some());
            assert!(!attrs.contains_key(&Symbol(n)));
        }
        let keys: Vec<u32> = attrs.iter().map(|(k, _)| k.0).collect();
        let odd: Vec<u32> = names.iter().copied().filter(|n| n % 2 == 1).collect();
        assert_eq!(keys, odd);
        for k in keys {
            assert!(attrs.contains_key(&Symbol(k)));
        }
        assert_eq!(attrs.len(), 40);
        attrs.clear();
        assert!(attrs.is_empty() && attrs.get(&Symbol(1)).is_none());
    }

    #[test]
    fn owns_heap_values_through_growth_removal_clear_and_drop() {
        let text = |n: u32| Value::str(&format!("value {n}"));
        let mut attrs = InstanceAttrs::default();
        assert_eq!(
            (attrs.len(), attrs.mask(), attrs.first().is_none()),
            (0, 0, true)
        );
        for n in 0..30 {
            attrs.insert(Symbol(n), text(n));
        }
        let old = attrs.insert(Symbol(7), text(70));
        assert!(matches!(old, Some(Value::Str(s)) if s.as_str() == "value 7"));
        for n in (0..30).step_by(3) {
            assert!(matches!(
                attrs.shift_remove(&Symbol(n)),
                Some(Value::Str(_))
            ));
        }
        assert!(attrs.shift_remove(&Symbol(0)).is_none());
        let keys: Vec<u32> = attrs.iter().map(|(k, _)| k.0).collect();
        let expected: Vec<u32> = (0..30).filter(|n| n % 3 != 0).collect();
        assert_eq!(keys, expected);
        assert!(matches!(attrs.get(&Symbol(7)), Some(Value::Str(s)) if s.as_str() == "value 70"));
        if let Some(v) = attrs.get_mut(&Symbol(8)) {
            *v = Value::None;
        }
        assert!(matches!(attrs.first(), Some((Symbol(1), Value::Str(_)))));
        attrs.clear();
        assert_eq!((attrs.len(), attrs.mask()), (0, 0));
        for n in 0..5 {
            attrs.insert(Symbol(n), text(n));
        }
        assert_eq!(attrs.len(), 5);
        // Dropped with entries in place (checked for leaks and double frees under valgrind).
    }
}
