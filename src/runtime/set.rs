//! `Set`: the table behind `set` and `frozenset`, laid out exactly as CPython's `setobject.c`
//! (open addressing, linear probes of 9 then perturbation, the same resize rule), so that
//! iterating a set of ints, floats or tuples visits them in the order CPython prints them.
//! Equality that may run Python code is delegated to the caller, as in `dict`.

use super::dict::fast_eq;
use crate::vm::value::Value;

const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;
const MIN_SIZE: usize = 8;

#[derive(Clone)]
enum Slot {
    Empty,
    Dummy,
    Full(i64, Value),
}

#[derive(Clone)]
pub struct Set {
    table: Vec<Slot>,
    fill: usize,
    used: usize,
    /// Where `pop` resumes scanning (CPython's `finger`).
    finger: usize,
}

impl Default for Set {
    fn default() -> Set {
        Set::new()
    }
}

/// What a probe found: the key's slot, or where it would go.
enum Probe {
    Found(usize),
    Vacant { slot: usize, was_empty: bool },
}

impl Set {
    pub fn new() -> Set {
        Set {
            table: vec![Slot::Empty; MIN_SIZE],
            fill: 0,
            used: 0,
            finger: 0,
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

    /// CPython's probe sequence (`set_add_entry` / `set_lookkey`).
    fn probe<E>(
        &self,
        hash: i64,
        key: &Value,
        eq: &mut dyn FnMut(&Value, &Value) -> Result<bool, E>,
    ) -> Result<Probe, E> {
        let mask = self.mask();
        let mut perturb = hash as u64 as usize;
        let mut i = (hash as u64 as usize) & mask;
        let mut freeslot: Option<usize> = None;
        loop {
            let probes = if i + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            };
            for j in i..=i + probes {
                match &self.table[j] {
                    Slot::Empty => {
                        return Ok(match freeslot {
                            Some(f) => Probe::Vacant {
                                slot: f,
                                was_empty: false,
                            },
                            None => Probe::Vacant {
                                slot: j,
                                was_empty: true,
                            },
                        })
                    }
                    Slot::Full(h, k) if *h == hash => {
                        if k.is(key) {
                            return Ok(Probe::Found(j));
                        }
                        let same = match fast_eq(k, key) {
                            Some(r) => r,
                            None => eq(k, key)?,
                        };
                        if same {
                            return Ok(Probe::Found(j));
                        }
                    }
                    Slot::Dummy => {
                        if freeslot.is_none() {
                            freeslot = Some(j);
                        }
                    }
                    Slot::Full(..) => {}
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb)) & mask;
        }
    }

    pub fn contains<E>(
        &self,
        hash: i64,
        key: &Value,
        eq: &mut dyn FnMut(&Value, &Value) -> Result<bool, E>,
    ) -> Result<bool, E> {
        Ok(matches!(self.probe(hash, key, eq)?, Probe::Found(_)))
    }

    /// Adds the key; returns false if it was already present.
    pub fn add<E>(
        &mut self,
        hash: i64,
        key: Value,
        eq: &mut dyn FnMut(&Value, &Value) -> Result<bool, E>,
    ) -> Result<bool, E> {
        match self.probe(hash, &key, eq)? {
            Probe::Found(_) => Ok(false),
            Probe::Vacant { slot, was_empty } => {
                self.table[slot] = Slot::Full(hash, key);
                self.used += 1;
                if was_empty {
                    self.fill += 1;
                    if self.fill * 5 >= self.mask() * 3 {
                        let minused = if self.used > 50000 {
                            self.used * 2
                        } else {
                            self.used * 4
                        };
                        self.resize(minused);
                    }
                }
                Ok(true)
            }
        }
    }

    /// Removes the key; returns whether it was present.
    pub fn discard<E>(
        &mut self,
        hash: i64,
        key: &Value,
        eq: &mut dyn FnMut(&Value, &Value) -> Result<bool, E>,
    ) -> Result<bool, E> {
        match self.probe(hash, key, eq)? {
            Probe::Found(slot) => {
                self.table[slot] = Slot::Dummy;
                self.used -= 1;
                Ok(true)
            }
            Probe::Vacant { .. } => Ok(false),
        }
    }

    /// CPython's `set_table_resize`.
    fn resize(&mut self, minused: usize) {
        let mut newsize = MIN_SIZE;
        while newsize <= minused {
            newsize <<= 1;
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
        let mut perturb = hash as u64 as usize;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            if matches!(self.table[i], Slot::Empty) {
                self.table[i] = Slot::Full(hash, key);
                return;
            }
            if i + LINEAR_PROBES <= mask {
                for j in i + 1..=i + LINEAR_PROBES {
                    if matches!(self.table[j], Slot::Empty) {
                        self.table[j] = Slot::Full(hash, key);
                        return;
                    }
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb)) & mask;
        }
    }

    /// CPython's `set_merge`: `self |= other` with other's stored hashes, including its
    /// fast paths that copy the table layout when `self` is empty.
    pub fn merge<E>(
        &mut self,
        other: &Set,
        eq: &mut dyn FnMut(&Value, &Value) -> Result<bool, E>,
    ) -> Result<(), E> {
        if other.used == 0 {
            return Ok(());
        }
        if (self.fill + other.used) * 5 >= self.mask() * 3 {
            self.resize((self.used + other.used) * 2);
        }
        if self.fill == 0 && self.mask() == other.mask() && other.fill == other.used {
            self.table = other.table.clone();
            self.fill = other.fill;
            self.used = other.used;
            return Ok(());
        }
        if self.fill == 0 {
            self.fill = other.used;
            self.used = other.used;
            for slot in &other.table {
                if let Slot::Full(h, k) = slot {
                    self.insert_clean(*h, k.clone());
                }
            }
            return Ok(());
        }
        for slot in &other.table {
            if let Slot::Full(h, k) = slot {
                self.add(*h, k.clone(), eq)?;
            }
        }
        Ok(())
    }

    /// Pre-size before adding `n` keys from a dict (CPython's `set_update_internal`).
    pub fn reserve_for(&mut self, n: usize) {
        if (self.fill + n) * 5 >= self.mask() * 3 {
            self.resize((self.used + n) * 2);
        }
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
                    return Some(k);
                }
            }
            i = (i + 1) & mask;
        }
    }

    pub fn clear(&mut self) {
        *self = Set::new();
    }
}
