//! `Dict`: Python's insertion-ordered hash map. Entries live in a vector in insertion order
//! (deleted ones become holes until the next compaction) and a hash table maps hashes to entry
//! indices, as CPython's compact dict does. Key equality that may run Python code (`__eq__` on
//! instances) is decided by the caller through the `eq` callback, so this module never needs the
//! VM and never holds a borrow while Python code runs.

use hashbrown::HashTable;

use crate::vm::value::Value;

#[derive(Clone)]
pub struct DictEntry {
    pub hash: i64,
    pub key: Value,
    pub value: Value,
}

#[derive(Clone, Default)]
pub struct Dict {
    entries: Vec<Option<DictEntry>>,
    table: HashTable<u32>,
    len: usize,
    /// Live entries whose key is not `is_fast_key`: while there are none, a look-up of a fast key
    /// that `find_fast` misses needs no second pass (`slow_candidates`).
    slow_keys: usize,
    /// Bumped on every insertion of a new key or removal, so iterators detect size changes.
    pub version: u64,
}

/// Equality of two keys decidable without running Python code: `Some(eq)` for numbers, strings,
/// bytes, None and tuples of those; `None` when an `__eq__` method might be involved.
pub fn fast_eq(a: &Value, b: &Value) -> Option<bool> {
    use Value::*;
    Some(match (a, b) {
        (Str(x), Str(y)) => crate::runtime::str::PyStr::ptr_eq(x, y) || x.as_str() == y.as_str(),
        (Int(x), Int(y)) => x == y,
        (Bool(x), Bool(y)) => x == y,
        (Int(x), Bool(y)) | (Bool(y), Int(x)) => *x == y.get() as i64,
        (Float(x), Float(y)) => x.get() == y.get(),
        (Int(x), Float(y)) | (Float(y), Int(x)) => int_eq_float(*x, y.get()),
        (Bool(x), Float(y)) | (Float(y), Bool(x)) => (x.get() as i64 as f64) == y.get(),
        (BigInt(x), BigInt(y)) => x == y,
        (BigInt(_), Int(_) | Bool(_)) | (Int(_) | Bool(_), BigInt(_)) => false,
        (BigInt(x), Float(y)) | (Float(y), BigInt(x)) => {
            use num_traits::FromPrimitive;
            y.get().fract() == 0.0
                && num_bigint::BigInt::from_f64(y.get()).is_some_and(|b| b == **x)
        }
        (None, None) => true,
        (Complex(x), Complex(y)) => x.re == y.re && x.im == y.im,
        (Complex(_), _) | (_, Complex(_)) => return Option::None,
        (Bytes(x), Bytes(y)) => x == y,
        (Tuple(x), Tuple(y)) => {
            if x.len() != y.len() {
                return Some(false);
            }
            for (p, q) in x.iter().zip(y.iter()) {
                if p.is(q) {
                    continue;
                }
                if !fast_eq(p, q)? {
                    return Some(false);
                }
            }
            true
        }
        (Instance(_), _) | (_, Instance(_)) => return Option::None,
        (FrozenSet(_), _) | (_, FrozenSet(_)) => return Option::None,
        // Containers compare by content, bound methods by function and receiver, views by
        // content: the caller must run the full comparison.
        (List(_) | Dict(_) | Set(_) | Range(_) | Slice(_) | BoundMethod(_) | Iter(_), _)
        | (_, List(_) | Dict(_) | Set(_) | Range(_) | Slice(_) | BoundMethod(_) | Iter(_)) => {
            return Option::None
        }
        (x, y) => x.is(y),
    })
}

/// The table's hash for a Python hash. hashbrown takes its 7-bit tags from the top bits and the
/// slot from the low bits; Python hashes of small ints are the ints themselves (top bits all
/// zero), which made every tag match and every probe compare keys. Mixing spreads both ends.
#[inline]
fn table_hash(hash: i64) -> u64 {
    let x = (hash as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    x ^ (x >> 32)
}

/// The hash of a key whose hash and equality need no Python code and no VM (a str or an int).
#[inline(always)]
pub fn plain_key_hash(key: &Value) -> Option<i64> {
    match key {
        Value::Str(s) => Some(s.hash()),
        Value::Int(i) => Some(super::num::hash_int(*i)),
        _ => None,
    }
}

/// Keys whose equality with one another `fast_eq` always decides: numbers (not complex),
/// strings, bytes, None, and tuples of those.
#[inline]
pub fn is_fast_key(v: &Value) -> bool {
    match v {
        Value::Str(_)
        | Value::Int(_)
        | Value::Bool(_)
        | Value::Float(_)
        | Value::BigInt(_)
        | Value::None
        | Value::Bytes(_) => true,
        Value::Tuple(t) => t.iter().all(is_fast_key),
        _ => false,
    }
}

/// Exact comparison of an int and a float (no rounding of large ints).
pub fn int_eq_float(i: i64, f: f64) -> bool {
    f.fract() == 0.0 && (-9.223372036854776e18..9.223372036854776e18).contains(&f) && f as i64 == i
}

impl Dict {
    pub fn new() -> Dict {
        Dict::default()
    }

    pub fn with_capacity(n: usize) -> Dict {
        Dict {
            entries: Vec::with_capacity(n),
            table: HashTable::with_capacity(n),
            len: 0,
            slow_keys: 0,
            version: 0,
        }
    }

    #[inline]
    pub fn len(&self) -> usize {
        self.len
    }

    #[inline]
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Index of the entry whose key equals `key`. `eq` is only called for keys that `fast_eq`
    /// cannot decide; it returns `Err` to abort the look-up.
    pub fn find<E>(
        &self,
        hash: i64,
        key: &Value,
        eq: &mut dyn FnMut(&Value, &Value) -> Result<bool, E>,
    ) -> Result<Option<usize>, E> {
        let mut err = None;
        let entries = &self.entries;
        let found = self.table.find(table_hash(hash), |&idx| {
            if err.is_some() {
                return false;
            }
            let Some(e) = &entries[idx as usize] else {
                return false;
            };
            if e.hash != hash {
                return false;
            }
            if e.key.is(key) {
                return true;
            }
            match fast_eq(&e.key, key) {
                Some(r) => r,
                None => match eq(&e.key, key) {
                    Ok(r) => r,
                    Err(x) => {
                        err = Some(x);
                        false
                    }
                },
            }
        });
        if let Some(e) = err {
            return Err(e);
        }
        Ok(found.map(|&i| i as usize))
    }

    /// Candidate entries with this hash whose equality `fast_eq` cannot decide, so that the
    /// caller can compare them with Python's `==` while no borrow is held.
    #[inline]
    pub fn slow_candidates(&self, hash: i64, key: &Value) -> Vec<(usize, Value)> {
        if self.slow_keys == 0 && is_fast_key(key) {
            return Vec::new();
        }
        self.scan_slow_candidates(hash, key)
    }

    fn scan_slow_candidates(&self, hash: i64, key: &Value) -> Vec<(usize, Value)> {
        let mut out = Vec::new();
        for e in self.table.iter_hash(table_hash(hash)) {
            if let Some(entry) = &self.entries[*e as usize] {
                if entry.hash == hash && fast_eq(&entry.key, key).is_none() {
                    out.push((*e as usize, entry.key.clone()));
                }
            }
        }
        out
    }

    /// Look-up when equality is decidable without Python code (`fast_eq`); slow keys never
    /// match here.
    pub fn find_fast(&self, hash: i64, key: &Value) -> Option<usize> {
        let entries = &self.entries;
        let found = self
            .table
            .find(table_hash(hash), |&idx| match &entries[idx as usize] {
                Some(e) => e.hash == hash && (e.key.is(key) || fast_eq(&e.key, key) == Some(true)),
                None => false,
            });
        found.map(|&i| i as usize)
    }

    /// Where a str or int `key` is, when that needs no Python `__eq__`: `Some(Some(index))`
    /// found, `Some(None)` absent (no key here can equal it), `None` for the VM to decide.
    #[inline]
    pub fn find_plain(&self, key: &Value) -> Option<Option<usize>> {
        let hash = plain_key_hash(key)?;
        match self.find_fast(hash, key) {
            Some(at) => Some(Some(at)),
            None => (!self.has_slow_keys()).then_some(None),
        }
    }

    pub fn entry_at(&self, idx: usize) -> Option<&DictEntry> {
        self.entries.get(idx).and_then(|e| e.as_ref())
    }

    pub fn value_at_mut(&mut self, idx: usize) -> Option<&mut Value> {
        self.entries
            .get_mut(idx)
            .and_then(|e| e.as_mut())
            .map(|e| &mut e.value)
    }

    /// Inserts a key known not to be present (after a failed `find`).
    pub fn push_new(&mut self, hash: i64, key: Value, value: Value) {
        let idx = self.entries.len() as u32;
        if !is_fast_key(&key) {
            self.slow_keys += 1;
        }
        self.entries.push(Some(DictEntry { hash, key, value }));
        let entries = &self.entries;
        self.table.insert_unique(table_hash(hash), idx, |&i| {
            entries[i as usize]
                .as_ref()
                .map(|e| table_hash(e.hash))
                .unwrap_or(0)
        });
        self.len += 1;
        self.version += 1;
    }

    /// Inserts or replaces, for keys whose equality `fast_eq` decides (strings, ints, ...).
    pub fn insert_fast(&mut self, hash: i64, key: Value, value: Value) {
        match self.find_fast(hash, &key) {
            Some(idx) => {
                if let Some(e) = self.entries[idx].as_mut() {
                    e.value = value;
                }
            }
            None => self.push_new(hash, key, value),
        }
    }

    /// Whether some key's equality with others may need Python code (see `is_fast_key`).
    pub fn has_slow_keys(&self) -> bool {
        self.slow_keys > 0
    }

    /// `self.update(other)` when no key comparison can run Python code (neither dict has slow
    /// keys): an empty dict takes a copy of the other's tables, others insert with the stored
    /// hashes. Returns false, doing nothing, when that does not hold.
    pub fn update_fast(&mut self, other: &Dict) -> bool {
        if self.has_slow_keys() || other.has_slow_keys() {
            return false;
        }
        if self.is_empty() {
            let version = self.version;
            *self = other.clone();
            if self.entries.len() > self.len {
                self.compact();
            }
            self.version = version.wrapping_add(1);
            return true;
        }
        for e in other.iter() {
            self.insert_fast(e.hash, e.key.clone(), e.value.clone());
        }
        true
    }

    /// Removes the entry at `idx` (from a successful `find`), returning it.
    pub fn remove_at(&mut self, idx: usize) -> Option<DictEntry> {
        let entry = self.entries.get_mut(idx)?.take()?;
        if !is_fast_key(&entry.key) {
            self.slow_keys = self.slow_keys.saturating_sub(1);
        }
        if let Ok(slot) = self
            .table
            .find_entry(table_hash(entry.hash), |&i| i as usize == idx)
        {
            slot.remove();
        }
        self.len -= 1;
        self.version += 1;
        if self.entries.len() > 16 && self.len * 2 < self.entries.len() {
            self.compact();
        }
        Some(entry)
    }

    fn compact(&mut self) {
        let entries: Vec<Option<DictEntry>> =
            self.entries.drain(..).filter(|e| e.is_some()).collect();
        self.entries = entries;
        self.table.clear();
        for (i, e) in self.entries.iter().enumerate() {
            if let Some(e) = e {
                let entries = &self.entries;
                self.table
                    .insert_unique(table_hash(e.hash), i as u32, |&j| {
                        entries[j as usize]
                            .as_ref()
                            .map(|e| table_hash(e.hash))
                            .unwrap_or(0)
                    });
            }
        }
    }

    pub fn clear(&mut self) {
        self.entries.clear();
        self.table.clear();
        self.len = 0;
        self.slow_keys = 0;
        self.version += 1;
    }

    /// Live entries in insertion order.
    pub fn iter(&self) -> impl Iterator<Item = &DictEntry> {
        self.entries.iter().filter_map(|e| e.as_ref())
    }

    pub fn keys(&self) -> Vec<Value> {
        self.iter().map(|e| e.key.clone()).collect()
    }

    pub fn values(&self) -> Vec<Value> {
        self.iter().map(|e| e.value.clone()).collect()
    }

    pub fn items(&self) -> Vec<(Value, Value)> {
        self.iter()
            .map(|e| (e.key.clone(), e.value.clone()))
            .collect()
    }

    /// The raw slot count, for iterators that walk by position (`entry_at`).
    pub fn slots(&self) -> usize {
        self.entries.len()
    }

    /// Removes and returns the last inserted entry (`popitem`).
    pub fn pop_last(&mut self) -> Option<DictEntry> {
        let idx = self.entries.iter().rposition(|e| e.is_some())?;
        self.remove_at(idx)
    }

    /// `d[k]` for string keys, used for namespaces.
    pub fn get_str(&self, key: &str) -> Option<&Value> {
        let k = Value::str(key);
        let hash = match &k {
            Value::Str(s) => s.hash(),
            _ => 0,
        };
        self.find_fast(hash, &k)
            .and_then(|i| self.entry_at(i))
            .map(|e| &e.value)
    }
}
