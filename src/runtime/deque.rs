//! `_tulip.Deque`: the part of `collections.deque` that asyncio's locks, semaphores, events,
//! conditions and queues use for their waiters and items (CPython's deque is C; a Python
//! stand-in made every `Queue.put`/`get` and every lock hand-off run interpreted code).
//! Iteration is lazy and, as in CPython, fails with `RuntimeError` once the deque has changed.

use std::cell::{Cell, RefCell, RefMut};
use std::collections::VecDeque;
use std::rc::Rc;

use super::types::{install, new_class};
use crate::vm::object::{Args, Class, Instance, Layout, Payload};
use crate::vm::value::Value;
use crate::vm::{PyResult, Vm};

#[derive(Default)]
pub struct DequeData {
    items: RefCell<VecDeque<Value>>,
    /// Bumped by every change, so iterators notice one (CPython's `deque->state`).
    state: Cell<u64>,
}

impl DequeData {
    /// The items, for a change.
    fn change(&self) -> RefMut<'_, VecDeque<Value>> {
        self.state.set(self.state.get().wrapping_add(1));
        self.items.borrow_mut()
    }

    pub fn state(&self) -> u64 {
        self.state.get()
    }

    pub fn len(&self) -> usize {
        self.items.borrow().len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.borrow().is_empty()
    }

    pub fn get(&self, i: usize) -> Option<Value> {
        self.items.borrow().get(i).cloned()
    }
}

/// The deque of an instance of `deque` itself (not of a subclass, which may redefine
/// `__len__`/`__bool__`): `len()` and truth tests read it directly.
pub fn exact_deque(inst: &Instance) -> Option<&DequeData> {
    match &inst.payload {
        Payload::Deque(d) if inst.class.is_builtin => Some(d),
        _ => None,
    }
}

/// The deque behind a `collections.deque` value.
pub fn deque_data(v: &Value) -> Option<&DequeData> {
    match v {
        Value::Instance(i) => match &i.payload {
            Payload::Deque(d) => Some(d),
            _ => None,
        },
        _ => None,
    }
}

pub fn make_class(object: &Rc<Class>) -> Rc<Class> {
    let deque = new_class(
        "deque",
        "collections",
        vec![object.clone()],
        Layout::Native,
        true,
    );
    install(
        &deque,
        "deque",
        &[
            ("__new__", deque_new),
            ("append", deque_append),
            ("appendleft", deque_appendleft),
            ("pop", deque_pop),
            ("popleft", deque_popleft),
            ("remove", deque_remove),
            ("clear", deque_clear),
            ("__len__", deque_len),
            ("__bool__", deque_bool),
            ("__iter__", deque_iter),
            ("__getitem__", deque_getitem),
            ("__repr__", deque_repr),
        ],
    );
    deque
}

fn items<'a>(vm: &Vm, args: &'a Args, method: &str) -> PyResult<&'a DequeData> {
    args.pos
        .first()
        .and_then(deque_data)
        .ok_or_else(|| descriptor_error(vm, method))
}

fn descriptor_error(vm: &Vm, method: &str) -> crate::vm::PyErr {
    vm.type_error(format!(
        "descriptor '{method}' requires a 'collections.deque' object"
    ))
}

fn arg<'a>(vm: &Vm, args: &'a Args, method: &str) -> PyResult<&'a Value> {
    match args.pos {
        [_, x] => Ok(x),
        _ => Err(vm.type_error(format!(
            "deque.{method}() takes exactly one argument ({} given)",
            args.pos.len().saturating_sub(1)
        ))),
    }
}

fn deque_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(Value::Class(cls)) = args.pos.first() else {
        return Err(vm.type_error("deque.__new__(X): X is not a type object"));
    };
    let data = DequeData::default();
    // `deque(iterable)` (no `maxlen`: asyncio never passes one).
    if let Some(iterable) = args.pos.get(1) {
        *data.items.borrow_mut() = vm.collect(iterable)?.into_iter().collect();
    }
    Ok(Value::Instance(Rc::new(Instance::new(
        cls.clone(),
        Payload::Deque(Box::new(data)),
    ))))
}

fn deque_append(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let x = arg(vm, &args, "append")?.clone();
    items(vm, &args, "append")?.change().push_back(x);
    Ok(Value::None)
}

fn deque_appendleft(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let x = arg(vm, &args, "appendleft")?.clone();
    items(vm, &args, "appendleft")?.change().push_front(x);
    Ok(Value::None)
}

fn deque_pop(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let popped = items(vm, &args, "pop")?.change().pop_back();
    popped.ok_or_else(|| vm.index_error("pop from an empty deque"))
}

fn deque_popleft(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let popped = items(vm, &args, "popleft")?.change().pop_front();
    popped.ok_or_else(|| vm.index_error("pop from an empty deque"))
}

fn deque_remove(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let x = arg(vm, &args, "remove")?;
    let items = items(vm, &args, "remove")?;
    items.remove(vm, x)?;
    Ok(Value::None)
}

impl DequeData {
    /// `deque.append(x)`.
    pub fn push_back(&self, x: Value) {
        self.change().push_back(x);
    }

    /// `deque.popleft()`, None if empty.
    pub fn pop_front(&self) -> Option<Value> {
        if self.is_empty() {
            return None;
        }
        self.change().pop_front()
    }

    /// `deque.remove(x)`: the first item equal to `x` (identity first, then `==`, as
    /// CPython compares).
    pub fn remove(&self, vm: &mut Vm, x: &Value) -> PyResult<()> {
        let mut i = 0;
        loop {
            // `==` may run Python code that changes the deque: look at one item at a time.
            let Some(item) = self.get(i) else {
                let shown = vm.repr(x)?;
                return Err(vm.value_error(format!("{shown} is not in deque")));
            };
            if item.is(x) || vm.eq(&item, x)? {
                let mut items = self.change();
                if i < items.len() {
                    items.remove(i);
                }
                return Ok(());
            }
            i += 1;
        }
    }
}

fn deque_clear(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let old = std::mem::take(&mut *items(vm, &args, "clear")?.change());
    // Dropping the items may run finalizers; the deque is already empty then.
    drop(old);
    Ok(Value::None)
}

fn deque_len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Int(items(vm, &args, "__len__")?.len() as i64))
}

fn deque_bool(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::bool(!items(vm, &args, "__bool__")?.is_empty()))
}

fn snapshot(items: &DequeData) -> Value {
    Value::list(items.items.borrow().iter().cloned().collect())
}

fn deque_iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let data = items(vm, &args, "__iter__")?;
    Ok(Value::Iter(Rc::new(crate::vm::object::NativeIter {
        state: RefCell::new(super::iter::IterState::Deque {
            deque: args.pos[0].clone(),
            pos: 0,
            state: data.state(),
            remaining: data.len(),
        }),
    })))
}

fn deque_getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let i = arg(vm, &args, "__getitem__")?;
    let Some(index) = vm.index_of(i)? else {
        let shown = vm.type_name(i);
        return Err(vm.type_error(format!("sequence index must be integer, not '{shown}'")));
    };
    let items = items(vm, &args, "__getitem__")?.items.borrow();
    let len = items.len() as i64;
    let at = if index < 0 { index + len } else { index };
    match usize::try_from(at).ok().and_then(|at| items.get(at)) {
        Some(v) => Ok(v.clone()),
        None => Err(vm.index_error("deque index out of range")),
    }
}

fn deque_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let list = snapshot(items(vm, &args, "__repr__")?);
    let inner = vm.repr(&list)?;
    Ok(Value::string(format!("deque({inner})")))
}
