//! `asyncio.Lock`'s coroutines, stepped in Rust (see stepped.rs): `acquire()`, and the
//! `__aenter__()`/`__aexit__()` of `async with lock`. The steps are those of asyncio.py's
//! `Lock` (CPython's, FIFO-fair), done on the same instance attributes (`_locked`,
//! `_waiters`, `_loop`), so the Python methods and the native steps can take turns on one
//! lock. They apply to instances of `Lock` itself while its methods are asyncio.py's (not to
//! subclasses, or after `Lock.release = ...`), and only when the attributes hold what Lock
//! puts there; otherwise the Python body runs.

use std::rc::Rc;

use super::futures::{self, State};
use super::stepped::{
    bound_loop_future, chain_context, give_frame, pc_loading, plain_deque, plain_future, positions,
    raised_from, remove, set_result_if_pending, PlainClass,
};
use crate::compile::code::Instr;
use crate::runtime::deque::{deque_data, exact_deque};
use crate::runtime::instdict;
use crate::vm::dispatch::{Resume, SendResult};
use crate::vm::object::{Function, GenBody, Generator, Instance, Module};
use crate::vm::symbol::{intern, Symbol};
use crate::vm::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

/// An `acquire` (or `__aenter__`) waiting for its future.
pub struct Waiting {
    lock: Rc<Instance>,
    future: Value,
    enter: bool,
}

/// asyncio.py's `Lock` and the functions the native steps stand for.
pub struct LockCode {
    class: PlainClass,
    acquire: Rc<Function>,
    aenter: Rc<Function>,
    aexit: Rc<Function>,
    release: Rc<Function>,
    /// The `Send` of `await fut` in `acquire` and of `await self.acquire()` in `__aenter__`.
    acquire_send_pc: u32,
    aenter_send_pc: u32,
    deque_class: Value,
    locked: Symbol,
    waiters: Symbol,
}

pub fn find(module: &Module) -> Option<LockCode> {
    let globals = module.globals.borrow();
    let Some(Value::Class(class)) = globals.get(intern("Lock")) else {
        return None;
    };
    let deque_class = globals.get(intern("_Deque"))?.clone();
    let names = [
        "acquire",
        "release",
        "locked",
        "_wake_up_first",
        "_get_loop",
        "__aenter__",
        "__aexit__",
    ];
    let class = PlainClass::new(class, &names, &["_locked", "_waiters", "_loop"])?;
    let (acquire, aenter, aexit) = (
        class.function("acquire")?,
        class.function("__aenter__")?,
        class.function("__aexit__")?,
    );
    let release = class.function("release")?;
    let send = |f: &Function| {
        positions(&f.code, |i| matches!(i, Instr::Send))
            .first()
            .copied()
    };
    Some(LockCode {
        acquire_send_pc: send(&acquire)?,
        aenter_send_pc: send(&aenter)?,
        class,
        acquire,
        aenter,
        aexit,
        release,
        deque_class,
        locked: intern("_locked"),
        waiters: intern("_waiters"),
    })
}

impl LockCode {
    pub fn functions(&self) -> [&Rc<Function>; 3] {
        [&self.acquire, &self.aenter, &self.aexit]
    }

    /// The body of a new `acquire`/`__aenter__`/`__aexit__` coroutine of `func` for the
    /// receiver `args[0]`, if it is a plain `Lock`.
    pub fn body_for(&self, func: &Function, args: &[Value]) -> Option<GenBody> {
        let code = &func.code;
        let enter = Rc::ptr_eq(code, &self.aenter.code);
        let exit = Rc::ptr_eq(code, &self.aexit.code);
        if !enter && !exit && !Rc::ptr_eq(code, &self.acquire.code) {
            return None;
        }
        let lock = self.class.instance(args.first()?)?;
        Some(if exit {
            GenBody::LockExit(lock)
        } else {
            GenBody::LockAcquire { lock, enter }
        })
    }

    pub fn suspended_pc(&self, w: &Waiting) -> u32 {
        if w.enter {
            self.aenter_send_pc
        } else {
            self.acquire_send_pc
        }
    }

    /// What `acquire` returns: True, or None from `__aenter__`.
    fn acquired(enter: bool) -> SendResult {
        SendResult::Returned(if enter { Value::None } else { Value::TRUE })
    }
}

/// One step of a Lock coroutine (see `stepped::step`).
pub fn step(
    vm: &mut Vm,
    gen: &Rc<Generator>,
    body: GenBody,
    resume: Resume,
) -> Result<PyResult<SendResult>, Resume> {
    let Some(code) = &vm.asyncio.stepped.lock else {
        return Err(resume);
    };
    let (locked, waiters) = (code.locked, code.waiters);
    let fresh = matches!(&resume, Resume::Send(v) if v.is_none());
    // (The class may have changed since the coroutine was made.)
    let plain = |lock: &Rc<Instance>| code.class.is_plain(lock);
    Ok(match body {
        GenBody::LockAcquire { lock, enter } => {
            let started = if fresh && plain(&lock) {
                start(vm, gen, &lock, enter)
            } else {
                None
            };
            match started {
                Some(outcome) => outcome,
                None => {
                    let function = python_body(vm, if enter { Body::Enter } else { Body::Acquire });
                    if let Some(function) = function {
                        give_frame(vm, gen, &function, vec![Value::Instance(lock)]);
                    }
                    return Err(resume);
                }
            }
        }
        GenBody::LockExit(lock) => {
            // `self.release()`; an unlocked lock raises from the Python body.
            let held = matches!(instdict::get(&lock, locked), Some(Value::Bool(b)) if b.get());
            if fresh && held && plain(&lock) {
                instdict::set(&lock, locked, Value::FALSE);
                let woken = wake_up_first(vm, true, &lock, waiters);
                woken
                    .map(|()| SendResult::Returned(Value::None))
                    .map_err(|e| {
                        // The error left `release` and `__aexit__` at these calls.
                        let code = vm.asyncio.stepped.lock.as_ref().expect("checked above");
                        let lines: Vec<_> =
                            [(&code.release, "_wake_up_first"), (&code.aexit, "release")]
                                .into_iter()
                                .filter_map(|(f, name)| Some((&f.code, pc_loading(&f.code, name)?)))
                                .collect();
                        raised_from(e, &lines)
                    })
            } else {
                if let Some(function) = python_body(vm, Body::Exit) {
                    let args = vec![Value::Instance(lock), Value::None, Value::None, Value::None];
                    give_frame(vm, gen, &function, args);
                }
                return Err(resume);
            }
        }
        GenBody::LockWaiting(w) => match futures::await_step(vm, &w.future, resume) {
            Ok(SendResult::Yielded(v)) => {
                gen.body.set(GenBody::LockWaiting(w));
                Ok(SendResult::Yielded(v))
            }
            awaited => finish_wait(vm, &w, awaited).map_err(|(e, at)| {
                let code = vm.asyncio.stepped.lock.as_ref().expect("checked above");
                let acquire = &code.acquire.code;
                let pc = match at {
                    Some(name) => pc_loading(acquire, name),
                    None => Some(code.acquire_send_pc),
                };
                let mut lines: Vec<_> = pc.map(|pc| (acquire, pc)).into_iter().collect();
                if w.enter {
                    lines.push((&code.aenter.code, code.aenter_send_pc));
                }
                raised_from(e, &lines)
            }),
        },
        other => {
            gen.body.set(other);
            return Err(resume);
        }
    })
}

enum Body {
    Acquire,
    Enter,
    Exit,
}

/// The Python function whose body a coroutine falls back to.
fn python_body(vm: &Vm, body: Body) -> Option<Rc<Function>> {
    let code = vm.asyncio.stepped.lock.as_ref()?;
    Some(match body {
        Body::Acquire => code.acquire.clone(),
        Body::Enter => code.aenter.clone(),
        Body::Exit => code.aexit.clone(),
    })
}

/// `acquire`'s first step, when the lock's attributes are what `Lock` keeps there and the
/// loop is one of tulip's: take a free lock, or queue a future and wait for it.
fn start(
    vm: &mut Vm,
    gen: &Rc<Generator>,
    lock: &Rc<Instance>,
    enter: bool,
) -> Option<PyResult<SendResult>> {
    let code = vm.asyncio.stepped.lock.as_ref()?;
    let (locked_name, waiters_name) = (code.locked, code.waiters);
    let Some(Value::Bool(locked)) = instdict::get(lock, locked_name) else {
        return None;
    };
    let waiters = match instdict::get(lock, waiters_name)? {
        Value::None => None,
        Value::Instance(d) if exact_deque(&d).is_some() => Some(Value::Instance(d)),
        _ => return None,
    };
    // `not self._locked and (self._waiters is None or all(w.cancelled() for w in ...))`
    let mut all_cancelled = true;
    if let Some(d) = waiters.as_ref().and_then(deque_data) {
        for i in 0..d.len() {
            let w = d.get(i)?;
            if plain_future(vm, &w)?.borrow().state != State::Cancelled {
                all_cancelled = false;
                break;
            }
        }
    }
    if !locked.get() && all_cancelled {
        instdict::set(lock, locked_name, Value::TRUE);
        return Some(Ok(LockCode::acquired(enter)));
    }
    let deque_class = code.deque_class.clone();
    let waiters = match waiters {
        Some(w) => w,
        None => {
            let w = match vm.call(&deque_class, &[]) {
                Ok(w) => w,
                Err(e) => return Some(Err(e)),
            };
            instdict::set(lock, waiters_name, w.clone());
            w
        }
    };
    // `self._get_loop().create_future()`; past here the Python body cannot take over.
    let future = match bound_loop_future(vm, lock)? {
        Ok(f) => f,
        Err(e) => return Some(Err(e)),
    };
    deque_data(&waiters)?.push_back(future.clone());
    let outcome = futures::await_step(vm, &future, Resume::Send(Value::None));
    if let Ok(SendResult::Yielded(_)) = outcome {
        let lock = lock.clone();
        gen.body.set(GenBody::LockWaiting(Box::new(Waiting {
            lock,
            future,
            enter,
        })));
    }
    Some(outcome)
}

/// The rest of `acquire` once its future is done (or something was thrown in):
/// `finally: self._waiters.remove(fut)`, then on `CancelledError` wake the next waiter if the
/// lock is free and re-raise, else take the lock. An error says which call raised it (None:
/// the await); one raised while an exception was on its way out has that as its context.
fn finish_wait(
    vm: &mut Vm,
    w: &Waiting,
    awaited: PyResult<SendResult>,
) -> Result<SendResult, (PyErr, Option<&'static str>)> {
    let code = vm
        .asyncio
        .stepped
        .lock
        .as_ref()
        .expect("a lock coroutine exists");
    let (locked, waiters_name) = (code.locked, code.waiters);
    let lock = Value::Instance(w.lock.clone());
    let chained = |vm: &mut Vm, err: PyErr, name| {
        if let Err(e) = &awaited {
            chain_context(vm, &err, e.value());
        }
        (err, Some(name))
    };
    let removed = vm
        .get_attr(&lock, waiters_name)
        .and_then(|waiters| remove(vm, &waiters, &w.future));
    if let Err(err) = removed {
        return Err(chained(vm, err, "remove"));
    }
    // (`remove` may have run Python code.)
    let plain = vm
        .asyncio
        .stepped
        .lock
        .as_ref()
        .is_some_and(|c| c.class.instance(&lock).is_some());
    match &awaited {
        Err(e) => {
            if futures::is_cancelled_error(vm, &e.value()) {
                let woken = vm.get_attr(&lock, locked).and_then(|is_locked| {
                    if vm.truthy(&is_locked)? {
                        return Ok(());
                    }
                    wake_up_first(vm, plain, &w.lock, waiters_name)
                });
                if let Err(err) = woken {
                    return Err(chained(vm, err, "_wake_up_first"));
                }
            }
            let Err(e) = awaited else {
                unreachable!("matched above")
            };
            Err((e, None))
        }
        Ok(_) => {
            let taken = if plain {
                instdict::set(&w.lock, locked, Value::TRUE);
                Ok(())
            } else {
                vm.set_attr(&lock, locked, Value::TRUE)
            };
            match taken {
                Ok(()) => Ok(LockCode::acquired(w.enter)),
                Err(e) => Err((e, Some("acquire"))),
            }
        }
    }
}

/// `Lock._wake_up_first`: the first waiter's future gets True, unless it is done.
fn wake_up_first(
    vm: &mut Vm,
    plain: bool,
    lock: &Rc<Instance>,
    waiters_name: Symbol,
) -> PyResult<()> {
    let attr = if plain {
        instdict::get(lock, waiters_name)
    } else {
        None
    };
    let first = match attr {
        Some(Value::None) => return Ok(()),
        Some(w) if plain_deque(&w).is_some() => match plain_deque(&w).and_then(|d| d.get(0)) {
            Some(first) => first,
            None => return Ok(()),
        },
        // Not what Lock keeps there: the Python method decides.
        _ => {
            let lock = Value::Instance(lock.clone());
            vm.call_method(&lock, intern("_wake_up_first"), &[])?;
            return Ok(());
        }
    };
    set_result_if_pending(vm, &first, Value::TRUE).map(drop)
}
