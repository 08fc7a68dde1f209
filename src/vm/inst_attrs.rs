//! `InstanceAttrs`: the attributes of one instance, keyed by symbol, in insertion order.
//!
//! Most instances have a handful of attributes, so they are a plain vector searched linearly
//! (a few `u32` comparisons beat hashing, and an empty one allocates nothing: a task or a
//! future with no attributes of its own costs one pointer-sized triple). Past
//! `INDEX_FROM` attributes a hash index over the vector keeps look-ups O(1), for the rare
//! object used as a big namespace. A 64-bit summary of the names present answers most misses
//! (a method call checks that the instance does not shadow the method) without a scan.

use rustc_hash::FxHashMap;

use super::symbol::Symbol;
use super::value::Value;

/// Entries from which the hash index is kept.
const INDEX_FROM: usize = 12;

#[derive(Default)]
pub struct InstanceAttrs {
    entries: Vec<(Symbol, Value)>,
    /// Bit `symbol % 64` is set for every name present (and maybe for some removed ones).
    mask: u64,
    /// Symbol → position in `entries`, only while there are at least `INDEX_FROM` entries.
    index: Option<Box<FxHashMap<Symbol, u32>>>,
}

impl InstanceAttrs {
    /// The summary bit of `name` (see `may_hold_any`).
    #[inline]
    pub fn bit(name: Symbol) -> u64 {
        1 << (name.0 & 63)
    }

    /// The `bit`s of the names present (and maybe of some removed ones).
    #[inline]
    pub fn mask(&self) -> u64 {
        self.mask
    }

    #[inline]
    fn position(&self, name: Symbol) -> Option<usize> {
        if self.mask & Self::bit(name) == 0 {
            return None;
        }
        match &self.index {
            None => self.entries.iter().position(|(k, _)| *k == name),
            Some(index) => index.get(&name).map(|&i| i as usize),
        }
    }

    #[inline]
    pub fn get(&self, name: &Symbol) -> Option<&Value> {
        self.position(*name).map(|i| &self.entries[i].1)
    }

    #[inline]
    pub fn get_mut(&mut self, name: &Symbol) -> Option<&mut Value> {
        self.position(*name).map(|i| &mut self.entries[i].1)
    }

    #[inline]
    pub fn contains_key(&self, name: &Symbol) -> bool {
        self.position(*name).is_some()
    }

    /// Sets `name`, keeping its place if it exists. Returns the old value.
    #[inline]
    pub fn insert(&mut self, name: Symbol, value: Value) -> Option<Value> {
        if let Some(i) = self.position(name) {
            return Some(std::mem::replace(&mut self.entries[i].1, value));
        }
        self.entries.push((name, value));
        self.mask |= Self::bit(name);
        let len = self.entries.len();
        match &mut self.index {
            Some(index) => {
                index.insert(name, (len - 1) as u32);
            }
            None if len >= INDEX_FROM => self.rebuild_index(),
            None => {}
        }
        None
    }

    /// Removes `name`, keeping the order of the rest.
    pub fn shift_remove(&mut self, name: &Symbol) -> Option<Value> {
        let i = self.position(*name)?;
        let (_, v) = self.entries.remove(i);
        self.mask = self.entries.iter().fold(0, |m, (k, _)| m | Self::bit(*k));
        if self.index.is_some() {
            self.rebuild_index();
        }
        Some(v)
    }

    fn rebuild_index(&mut self) {
        if self.entries.len() < INDEX_FROM {
            self.index = None;
            return;
        }
        let index = self
            .entries
            .iter()
            .enumerate()
            .map(|(i, (k, _))| (*k, i as u32))
            .collect();
        self.index = Some(Box::new(index));
    }

    #[inline]
    pub fn first(&self) -> Option<(&Symbol, &Value)> {
        self.entries.first().map(|(k, v)| (k, v))
    }

    pub fn clear(&mut self) {
        self.entries.clear();
        self.mask = 0;
        self.index = None;
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = (&Symbol, &Value)> {
        self.entries.iter().map(|(k, v)| (k, v))
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
}
