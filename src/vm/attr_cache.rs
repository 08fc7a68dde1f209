//! Per-code attribute caches for `LoadAttr`, `LoadMethod` and `StoreAttr` on instances (in the
//! spirit of CPython 3.11's specialised `LOAD_ATTR_INSTANCE_VALUE` / `LOAD_METHOD_WITH_VALUES` /
//! `STORE_ATTR_INSTANCE_VALUE`).
//!
//! A slot per name of a code object remembers, for the last two instance classes seen there
//! (a method of a base class runs on instances of its subclasses too), what
//! the full look-up (`Vm::get_attr` / `Vm::load_method`) established about the class side: that
//! the class has no `__getattribute__` override and no data descriptor for the name (so the
//! instance's own attributes decide), or which plain function or builtin a method call finds.
//! A slot is valid while the class is the same object and the global type epoch is unchanged:
//! every class-dict change and every class's death bump the epoch, so a class at a recycled
//! address never meets an old slot.
//!
//! Only what the class side decides is cached; the instance dict is always consulted, so
//! instance attributes set or deleted at any time are seen.

use std::cell::RefCell;
use std::rc::Rc;

use super::object::{type_epoch, Class, Instance, Payload};
use super::symbol::Symbol;
use super::value::Value;
use super::{PyResult, Vm};
use crate::compile::code::Code;
use crate::runtime::instdict;

#[derive(Clone, Default)]
enum Known {
    #[default]
    Nothing,
    /// `obj.name`: no `__getattribute__` override, and the class has no data descriptor
    /// called `name`: an attribute in the instance dict is the answer.
    InstanceFirst,
    /// `obj.name(...)`: as `InstanceFirst`, and the class attribute is this function or
    /// builtin, called with `obj` as its first argument when the instance does not shadow it.
    Method(Value),
    /// `obj.name = v`: no `__setattr__` override, and the class has no data descriptor called
    /// `name`: the value goes into the instance dict.
    StoreInDict,
}

#[derive(Clone, Default)]
struct Entry {
    /// The class's address (`class_key`), or for a builtin type a small number (`kind_key`).
    class: usize,
    epoch: u64,
    known: Known,
}

/// The two most recent classes seen at one name, newest first.
type Slot = [Entry; 2];

/// One code object's slots, one per entry of `code.names`, made on first use.
#[derive(Default)]
struct Slots(RefCell<Vec<Slot>>);

/// A code object's caches: loads and stores apart, as `self.x += 1` does both on one name.
#[derive(Default)]
pub struct AttrCache {
    loads: Slots,
    stores: Slots,
}

impl AttrCache {
    /// `obj.name` when the cache already knows the instance's class and the instance has the
    /// attribute: no VM needed (the run loop asks before it pops `obj`). `None` means "take
    /// the general path", never "no such attribute".
    #[inline]
    pub fn instance_attr_hit(&self, index: usize, obj: &Value, name: Symbol) -> Option<Value> {
        let inst = plain_instance(obj)?;
        let instance_first = |k: &Known| matches!(k, Known::InstanceFirst | Known::Method(_));
        if self.loads.probe(index, &inst.class, instance_first)? {
            return instdict::get(inst, name);
        }
        None
    }

    /// `obj.name = value` when the cache knows the instance's class puts it in the instance
    /// dict: the instance to store into (`None`: take the general path).
    #[inline]
    pub fn instance_store_hit<'a>(&self, index: usize, obj: &'a Value) -> Option<&'a Instance> {
        let inst = match obj {
            Value::Instance(inst) if matches!(inst.payload, Payload::Plain) => inst,
            _ => return None,
        };
        let in_dict = |k: &Known| matches!(k, Known::StoreInDict);
        self.stores
            .probe(index, &inst.class, in_dict)?
            .then_some(inst)
    }

    /// `obj.name(...)` when the cache answers, for `obj` in slot `at` of `stack`: pushes the
    /// callable and the receiver to call it with (`Undef` for none), or, with `in_place`
    /// (`obj` on top), replaces `obj` with them. An instance: the function or builtin its
    /// class has, when the instance does not shadow it. A value of a builtin type: the method
    /// its type has. A module: its global. Returns false, having changed nothing, on a miss.
    // (The values are copied whole, in place: returned through an `Option` they travelled in
    // pieces, and reading them back whole stalled.)
    #[inline]
    pub fn push_method(
        &self,
        index: usize,
        name: Symbol,
        stack: &mut Vec<Value>,
        at: usize,
        in_place: bool,
    ) -> bool {
        let Some(obj) = stack.get(at) else {
            return false;
        };
        if let Value::Module(m) = obj {
            let m = m.clone();
            let globals = m.globals.borrow();
            return match globals.get(name) {
                Some(function) => {
                    place_method(stack, at, function, false, in_place);
                    true
                }
                None => false,
            };
        }
        let slots = self.loads.0.borrow();
        let method = match obj {
            Value::Instance(inst) => {
                if matches!(inst.payload, Payload::Super(_)) {
                    return false;
                }
                let Some(m) = find_method(&slots, index, class_key(&inst.class)) else {
                    return false;
                };
                if instdict::contains(inst, name) {
                    return false;
                }
                m
            }
            _ => match kind_key(obj).and_then(|key| find_method(&slots, index, key)) {
                Some(m) => m,
                None => return false,
            },
        };
        place_method(stack, at, method, true, in_place);
        true
    }
}

/// `AttrCache::push_method`'s stores: `method`, then the receiver (the value in slot `at`
/// when `bound`, else `Undef`), pushed, or with `in_place` written over slot `at` (the top).
#[inline(always)]
fn place_method(stack: &mut Vec<Value>, at: usize, method: &Value, bound: bool, in_place: bool) {
    // (In place the method takes the receiver's slot: one more value, which the code's stack
    // size counts; reserving two would grow a full stack.)
    stack.reserve(if in_place { 1 } else { 2 });
    method.add_ref();
    // SAFETY: room for two more values was reserved (`method` lives in a cache or a module,
    // not in `stack`, so reserving left it in place; `at` is below the length). Each copy
    // owns its reference: the method's added above, the receiver's added here (or moved, in
    // place, from the slot the method overwrites); `Undef` owns nothing.
    unsafe {
        let len = stack.len();
        let base = stack.as_mut_ptr();
        let (method_slot, receiver_slot) = match in_place {
            true => (at, len),
            false => (len, len + 1),
        };
        if bound {
            if !in_place {
                (*base.add(at)).add_ref();
            }
            std::ptr::copy_nonoverlapping(base.add(at), base.add(receiver_slot), 1);
        } else {
            if in_place {
                std::ptr::read(base.add(at)).discard();
            }
            std::ptr::write(base.add(receiver_slot), Value::Undef);
        }
        std::ptr::copy_nonoverlapping(method, base.add(method_slot), 1);
        stack.set_len(receiver_slot + 1);
    }
}

/// The method slot `index` remembers for `key`, if still valid.
#[inline]
fn find_method(slots: &[Slot], index: usize, key: usize) -> Option<&Value> {
    match valid_entry(slots, index, key)? {
        Known::Method(m) => Some(m),
        _ => None,
    }
}

/// What slot `index` knows about `key` (a class's address or a `kind_key`), if it is still
/// valid (the type epoch has not moved since).
#[inline]
fn valid_entry(slots: &[Slot], index: usize, key: usize) -> Option<&Known> {
    let [first, second] = slots.get(index)?;
    let hit = if first.class == key {
        first
    } else if second.class == key {
        second
    } else {
        return None;
    };
    (hit.epoch == type_epoch()).then_some(&hit.known)
}

impl Slots {
    /// Applies `f` to what the slot knows about `class`, if it knows anything still valid.
    #[inline]
    fn probe<R>(&self, index: usize, class: &Rc<Class>, f: impl FnOnce(&Known) -> R) -> Option<R> {
        self.probe_key(index, class_key(class), f)
    }

    /// `probe` by key: a class's address, or a builtin type's `kind_key`.
    #[inline]
    fn probe_key<R>(&self, index: usize, key: usize, f: impl FnOnce(&Known) -> R) -> Option<R> {
        let slots = self.0.borrow();
        valid_entry(&slots, index, key).map(f)
    }

    fn set(&self, index: usize, class: &Rc<Class>, known: Known) {
        self.set_key(index, class_key(class), known);
    }

    fn set_key(&self, index: usize, key: usize, known: Known) {
        let mut slots = self.0.borrow_mut();
        if slots.len() <= index {
            slots.resize(index + 1, Slot::default());
        }
        let slot = &mut slots[index];
        slot[1] = std::mem::take(&mut slot[0]);
        slot[0] = Entry {
            class: key,
            epoch: type_epoch(),
            known,
        };
    }

    /// Applies `f` to what the slot knows about the class of `inst`, working that out (and
    /// remembering it) on a miss.
    #[inline]
    fn with_known<R>(
        &self,
        vm: &Vm,
        index: usize,
        inst: &Rc<Instance>,
        name: Symbol,
        work_out: fn(&Vm, &Rc<Instance>, Symbol) -> Option<Known>,
        f: impl Fn(&Known) -> R,
    ) -> Option<R> {
        if let Some(r) = self.probe(index, &inst.class, &f) {
            return Some(r);
        }
        let known = work_out(vm, inst, name)?;
        let r = f(&known);
        self.set(index, &inst.class, known);
        Some(r)
    }
}

/// A slot's key for a class: its address.
fn class_key(class: &Rc<Class>) -> usize {
    Rc::as_ptr(class) as usize
}

/// A slot's key for a value of a builtin type whose class the value's variant alone decides
/// (`list`, `str`, ...), so the run loop can look methods up without the VM's type table.
/// Small numbers: no class lives at such an address.
#[inline(always)]
fn kind_key(obj: &Value) -> Option<usize> {
    Some(match obj {
        Value::Str(_) => 1,
        Value::List(_) => 2,
        Value::Dict(_) => 3,
        Value::Tuple(_) => 4,
        Value::Set(_) => 5,
        Value::FrozenSet(_) => 6,
        Value::Bytes(_) => 7,
        Value::Int(_) | Value::BigInt(_) => 8,
        Value::Float(_) => 9,
        Value::Bool(_) => 10,
        Value::Complex(_) => 11,
        _ => return None,
    })
}

/// Instances whose attribute look-up is the generic one (`super()` objects are not).
fn plain_instance(obj: &Value) -> Option<&Rc<Instance>> {
    match obj {
        Value::Instance(inst) if !matches!(inst.payload, Payload::Super(_)) => Some(inst),
        _ => None,
    }
}

impl Vm {
    /// The running code object, whose cache a `LoadAttr`/`LoadMethod` uses.
    fn current_code(&self) -> Rc<Code> {
        self.frames.last().expect("frame").code.clone()
    }

    /// `LoadAttr`: `obj.name`, through slot `index` of the running code's cache.
    pub(crate) fn load_attr_cached(
        &mut self,
        index: usize,
        obj: &Value,
        name: Symbol,
    ) -> PyResult<Value> {
        let Some(inst) = plain_instance(obj) else {
            if let Value::Module(m) = obj {
                if let Some(v) = m.globals.borrow().get(name) {
                    return Ok(v.clone());
                }
            }
            return self.get_attr(obj, name);
        };
        let code = self.current_code();
        let cache = &code.attr_cache.loads;
        let instance_first = |k: &Known| matches!(k, Known::InstanceFirst | Known::Method(_));
        if cache.with_known(self, index, inst, name, Vm::class_side, instance_first) == Some(true) {
            if let Some(v) = instdict::get(inst, name) {
                return Ok(v);
            }
        }
        self.get_attr(obj, name)
    }

    /// `LoadMethod`: `(callable, receiver-or-Undef)` for `obj.name`, through the cache.
    pub(crate) fn load_method_cached(
        &mut self,
        index: usize,
        obj: Value,
        name: Symbol,
    ) -> PyResult<(Value, Value)> {
        let Some(inst) = plain_instance(&obj) else {
            match &obj {
                // A module's own global (`math.sqrt`): one index look-up, no binding.
                Value::Module(m) => {
                    if let Some(v) = m.globals.borrow().get(name) {
                        return Ok((v.clone(), Value::Undef));
                    }
                }
                Value::Instance(_) | Value::Class(_) => {}
                // A method of a builtin type (`words.append`, `s.split`): `load_method` finds
                // it on the class, which the slot remembers.
                _ => {
                    let cls = self.class_of(&obj);
                    let key = kind_key(&obj).unwrap_or_else(|| class_key(&cls));
                    let code = self.current_code();
                    let cache = &code.attr_cache.loads;
                    let method = |k: &Known| match k {
                        Known::Method(m) => m.clone(),
                        _ => Value::Undef,
                    };
                    match cache.probe_key(index, key, method) {
                        Some(m) if !m.is_undef() => return Ok((m, obj)),
                        _ => {}
                    }
                    if let Some(m) = cls.lookup(name).filter(super::attr::binds) {
                        cache.set_key(index, key, Known::Method(m.clone()));
                        return Ok((m, obj));
                    }
                }
            }
            return self.load_method(obj, name);
        };
        let code = self.current_code();
        let cache = &code.attr_cache.loads;
        let method = |k: &Known| match k {
            Known::Method(m) => Some(m.clone()),
            _ => None,
        };
        if let Some(Some(method)) =
            cache.with_known(self, index, inst, name, Vm::class_side, method)
        {
            if !instdict::contains(inst, name) {
                return Ok((method, obj));
            }
        }
        self.load_method(obj, name)
    }

    /// `StoreAttr`: `obj.name = value`, through slot `index` of the running code's cache.
    pub(crate) fn store_attr_cached(
        &mut self,
        index: usize,
        obj: &Value,
        name: Symbol,
        value: Value,
    ) -> PyResult<()> {
        // Other payloads (exceptions, futures, ...) have attributes of their own.
        let inst = match obj {
            Value::Instance(inst) if matches!(inst.payload, Payload::Plain) => inst,
            _ => return self.set_attr(obj, name, value),
        };
        let code = self.current_code();
        let cache = &code.attr_cache.stores;
        let in_dict = |k: &Known| matches!(k, Known::StoreInDict);
        if cache.with_known(self, index, inst, name, Vm::class_side_store, in_dict) == Some(true) {
            instdict::set(inst, name, value);
            return Ok(());
        }
        self.set_attr(obj, name, value)
    }

    /// What the class of `inst` decides about `inst.name = v`, if it is cacheable.
    fn class_side_store(&self, inst: &Rc<Instance>, name: Symbol) -> Option<Known> {
        let cls = &inst.class;
        if name == super::symbol::sym::DICT || !super::attr::has_instance_dict(self, inst) {
            return None;
        }
        let (_, custom_set) =
            cls.attribute_hooks(&self.types.object_getattribute, &self.types.object_setattr);
        match cls.lookup(name) {
            _ if custom_set => None,
            Some(attr) if super::attr::is_data_descriptor(&attr) => None,
            _ => Some(Known::StoreInDict),
        }
    }

    /// What the class of `inst` decides about `inst.name`, if it is cacheable.
    fn class_side(&self, inst: &Rc<Instance>, name: Symbol) -> Option<Known> {
        let cls = &inst.class;
        let (custom_get, _) =
            cls.attribute_hooks(&self.types.object_getattribute, &self.types.object_setattr);
        if custom_get {
            return None;
        }
        match cls.lookup(name) {
            None => Some(Known::InstanceFirst),
            Some(m) if super::attr::binds(&m) => Some(Known::Method(m)),
            Some(attr) if !super::attr::is_data_descriptor(&attr) => Some(Known::InstanceFirst),
            Some(_) => None,
        }
    }
}
