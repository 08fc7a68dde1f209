//! `Set`: the table behind `set` and `frozenset`, laid out exactly as CPython 3.11's
//! `setobject.c` (open addressing, runs of 9 linear probes then perturbation, dummies that are
//! reused by insertion, the same resize rules), so that iterating a set of
//! ints, floats or tuples visits them in the order CPython prints them. (Insertion reuses the
//! *last* dummy slot its probe passed, which is what CPython 3.11 does.)
//!
//! Probing is resumable (`Cursor`): when two keys have equal hashes and only Python-level `==`
//! can tell whether they are equal, `step` hands the stored key back to the caller, which runs
//! the comparison without holding a borrow of the table, then continues the probe (or restarts
//! it, if the comparison mutated the set, as CPython does).

use super::dict::fast_eq;
use crate::vm::value::Value;

const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;
pub const MIN_SIZE: usize = 8;

#[derive(Clone)]
enum Slot {
    Empty,
    Dummy,
    Full(i64, Value),
}

#[derive(Clone)]
pub struct Set {
    table: Vec<Slot>,
    /// Full + dummy slots.
    fill: usize,
    /// Full slots.
    used: usize,
    /// Where `pop` resumes scanning (CPython's `finger`).
    finger: usize,
    /// Bumped by every change of the table, so a probe interrupted by Python code can tell
    /// whether it must restart.
    pub version: u64,
}

impl Default for Set {
    fn default() -> Set {
        Set::new()
    }
}

/// A probe in progress: the linear run `j..=last` is scanned before perturbing `i`.
#[derive(Clone, Copy)]
pub struct Cursor {
    i: usize,
    perturb: u64,
    j: usize,
    last: usize,
    /// The last dummy slot passed, where an insertion goes.
    freeslot: Option<usize>,
}

/// What one leg of a probe found.
pub enum Step {
    /// The key is at this slot.
    Found(usize),
    /// The key is absent: the empty slot that ended the probe, and the dummy slot to reuse
    /// for an insertion, if the probe passed one.
    Vacant(usize, Option<usize>),
    /// The slot holds a key with the same hash that only Python `==` can compare.
    Compare(usize, Value),
}

impl Set {
    pub fn new() -> Set {
        Set {
            table: vec![Slot::Empty; MIN_SIZE],
            fill: 0,
            used: 0,
            finger: 0,
            version: 0,
        }
    }

    #[inline]
    pub fn len(&self) -> usize {
        self.used
    }

    #[inline]
    pub fn is_empty(&self) -> bool {
        self.used == 0
    }

    fn mask(&self) -> usize {
        self.table.len() - 1
    }

    pub fn cursor(&self, hash: i64) -> Cursor {
        let mask = self.mask();
        let i = (hash as u64 as usize) & mask;
        Cursor {
            i,
            perturb: hash as u64,
            j: i,
            last: if i + LINEAR_PROBES <= mask {
                i + LINEAR_PROBES
            } else {
                i
            },
            freeslot: None,
        }
    }

    /// Continues a probe for `key` (CPython's `set_lookkey`/`set_add_entry` loop).
    pub fn step(&self, hash: i64, key: &Value, c: &mut Cursor) -> Step {
        let mask = self.mask();
        loop {
            while c.j <= c.last {
                let j = c.j;
                c.j += 1;
                match &self.table[j] {
                    Slot::Empty => return Step::Vacant(j, c.freeslot),
                    Slot::Dummy => c.freeslot = Some(j),
                    Slot::Full(h, k) if *h == hash => {
                        if k.is(key) {
                            return Step::Found(j);
                        }
                        match fast_eq(k, key) {
                            Some(true) => return Step::Found(j),
                            Some(false) => {}
                            None => return Step::Compare(j, k.clone()),
                        }
                    }
                    _ => {}
                }
            }
            c.perturb >>= PERTURB_SHIFT;
            c.i =
                (c.i.wrapping_mul(5)
                    .wrapping_add(1)
                    .wrapping_add(c.perturb as usize))
                    & mask;
            c.j = c.i;
            c.last = if c.i + LINEAR_PROBES <= mask {
                c.i + LINEAR_PROBES
            } else {
                c.i
            };
        }
    }

    /// Stores a key where a probe for it ended: in the dummy slot it passed (CPython's
    /// `found_unused_or_dummy`), else in the empty slot, then grows the table if it is too
    /// full (`found_unused`).
    pub fn insert_at(&mut self, empty: usize, freeslot: Option<usize>, hash: i64, key: Value) {
        if let Some(slot) = freeslot {
            self.table[slot] = Slot::Full(hash, key);
            self.used += 1;
            self.version += 1;
            return;
        }
        let mask = self.mask();
        self.table[empty] = Slot::Full(hash, key);
        self.fill += 1;
        self.used += 1;
        self.version += 1;
        if self.fill * 5 >= mask * 3 {
            let minused = if self.used > 50000 {
                self.used * 2
            } else {
                self.used * 4
            };
            self.resize(minused);
        }
    }

    /// Replaces the key at `slot` with a dummy (CPython's `set_discard_entry`).
    pub fn remove_at(&mut self, slot: usize) -> Option<Value> {
        match std::mem::replace(&mut self.table[slot], Slot::Dummy) {
            Slot::Full(_, k) => {
                self.used -= 1;
                self.version += 1;
                Some(k)
            }
            other => {
                self.table[slot] = other;
                None
            }
        }
    }

    /// CPython's `set_table_resize`.
    pub fn resize(&mut self, minused: usize) {
        let mut newsize = MIN_SIZE;
        while newsize <= minused {
            newsize <<= 1;
        }
        self.version += 1;
        // A small table with no dummies is left as it is (CPython returns early).
        if newsize == MIN_SIZE && self.table.len() == MIN_SIZE && self.fill == self.used {
            return;
        }
        let old = std::mem::replace(&mut self.table, vec![Slot::Empty; newsize]);
        self.fill = self.used;
        for slot in old {
            if let Slot::Full(h, k) = slot {
                self.insert_clean(h, k);
            }
        }
    }

    /// CPython's `set_insert_clean`: the key is known absent and there are no dummies.
    fn insert_clean(&mut self, hash: i64, key: Value) {
        let mask = self.mask();
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            let last = if i + LINEAR_PROBES <= mask {
                i + LINEAR_PROBES
            } else {
                i
            };
            for j in i..=last {
                if matches!(self.table[j], Slot::Empty) {
                    self.table[j] = Slot::Full(hash, key);
                    return;
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        }
    }

    /// The pre-sizing `set_merge` and `set_update_internal` (for dicts) do before inserting
    /// `n` keys.
    pub fn presize_for(&mut self, n: usize) {
        if (self.fill + n) * 5 >= self.mask() * 3 {
            self.resize((self.used + n) * 2);
        }
    }

    /// The fast paths of CPython's `set_merge` when `self` is empty: copy the table as is or
    /// re-insert without probing for duplicates. Returns false when `self` is not empty (the
    /// caller then adds the keys one by one, after `presize_for`).
    pub fn merge_into_empty(&mut self, other: &Set) -> bool {
        if self.fill != 0 {
            return false;
        }
        if self.mask() == other.mask() && other.fill == other.used {
            self.table = other.table.clone();
            self.fill = other.fill;
            self.used = other.used;
            self.version += 1;
            return true;
        }
        self.fill = other.used;
        self.used = other.used;
        self.version += 1;
        for slot in &other.table {
            if let Slot::Full(h, k) = slot {
                self.insert_clean(*h, k.clone());
            }
        }
        true
    }

    /// (hash, key) pairs in table order, which is Python's iteration order.
    pub fn iter(&self) -> impl Iterator<Item = (i64, &Value)> {
        self.table.iter().filter_map(|s| match s {
            Slot::Full(h, k) => Some((*h, k)),
            _ => None,
        })
    }

    pub fn keys(&self) -> Vec<Value> {
        self.iter().map(|(_, k)| k.clone()).collect()
    }

    pub fn entries(&self) -> Vec<(i64, Value)> {
        self.iter().map(|(h, k)| (h, k.clone())).collect()
    }

    /// Entry at raw table position `pos` (for iterators), if occupied.
    pub fn slot_at(&self, pos: usize) -> Option<(i64, &Value)> {
        match self.table.get(pos) {
            Some(Slot::Full(h, k)) => Some((*h, k)),
            _ => None,
        }
    }

    pub fn table_len(&self) -> usize {
        self.table.len()
    }

    /// Dummy slots, for the "more than a quarter are dummies" rule of `difference_update`.
    pub fn dummies(&self) -> usize {
        self.fill - self.used
    }

    pub fn mask_len(&self) -> usize {
        self.mask()
    }

    /// `set.pop()`: CPython scans for an occupied slot from a finger that moves along.
    pub fn pop(&mut self) -> Option<Value> {
        if self.used == 0 {
            return None;
        }
        let mask = self.mask();
        let mut i = self.finger & mask;
        loop {
            if let Slot::Full(..) = self.table[i] {
                if let Slot::Full(_, k) = std::mem::replace(&mut self.table[i], Slot::Dummy) {
                    self.used -= 1;
                    self.finger = i + 1;
                    self.version += 1;
                    return Some(k);
                }
            }
            i = (i + 1) & mask;
        }
    }

    /// Empties the set back to the minimal table (the finger is kept, as in CPython).
    pub fn clear(&mut self) {
        let finger = self.finger;
        let version = self.version + 1;
        *self = Set::new();
        self.finger = finger;
        self.version = version;
    }

    /// CPython's `set_swap_bodies` as `intersection_update` uses it: take over another
    /// table, keeping this set's `pop` finger.
    pub fn take_body(&mut self, mut other: Set) {
        other.finger = self.finger;
        other.version = self.version + 1;
        *self = other;
    }

    /// CPython's `frozenset_hash`: order-independent mixing of the entries' hashes.
    pub fn frozen_hash(&self) -> i64 {
        fn shuffle(h: u64) -> u64 {
            ((h ^ 89869747) ^ (h << 16)).wrapping_mul(3644798167)
        }
        let mut hash: u64 = 0;
        for (h, _) in self.iter() {
            hash ^= shuffle(h as u64);
        }
        hash ^= (self.used as u64 + 1).wrapping_mul(1927868237);
        hash ^= (hash >> 11) ^ (hash >> 25);
        hash = hash.wrapping_mul(69069).wrapping_add(907133923);
        if hash == u64::MAX {
            hash = 590923713;
        }
        hash as i64
    }
}
