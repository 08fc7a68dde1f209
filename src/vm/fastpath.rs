//! The run loop's inner loop: the instructions that, in their common case, need nothing but
//! the running frame (local and global loads and stores, constants, stack copies and swaps,
//! int/float arithmetic, str concatenation and comparisons and the superinstructions that fuse
//! them with their loads (`compile::fuse`), conditional jumps on bools, `iter()` of and `for`
//! steps over lists, tuples, strs and ranges, tuple unpacking, list displays, list and dict
//! comprehension steps, f-string fields of ints and strs and their joining, and attribute and
//! method look-ups the code's cache answers),
//! plain Python calls and returns, which need only the frame stack and its pool
//! (`vm::plain_call`), and calls of the builtins that have a VM-free fast path
//! (`runtime::fast_builtins`). Each frame runs on a plain `&mut Frame`, so the frame, its code
//! and its value stack stay at hand instead of being looked up through the VM for every
//! instruction. Anything else, including the uncommon case of a fast instruction (an unbound
//! local, an int overflow, a comparison of lists, a cache miss, a call the pool cannot make),
//! goes back to `Vm::execute` with the stack untouched.

use std::rc::Rc;

use super::frame::{push_bitwise, push_copy, push_slot_copy, Frame, Frames};
use super::ops::{fast_binary, fast_compare};
use super::plain_call::{call_function, return_to_caller, CallLimits};
use super::value::Value;
use crate::compile::code::{Conversion, Instr};
use crate::runtime::dict::plain_key_hash;
use crate::syntax::ast::BinOp;

/// What the run loop asks of the fast loop besides the frames.
pub(super) struct Limits<'a> {
    /// The frame stack's length when this run started: a return to a frame below it ends the
    /// run, which only the VM does.
    pub base: usize,
    pub calls: CallLimits<'a>,
    /// A step budget is set, so backward jumps must be counted by the VM.
    pub budgeted: bool,
}

/// Runs instructions from the innermost frame's `pc` while they are fast, following plain
/// Python calls into their frames and returns out of them (`vm::plain_call`). Stops at the
/// first instruction that is not fast, with the then innermost frame's `pc` already past it
/// (as if it had just been fetched): the VM reads it there (a superinstruction head stands for
/// its first instruction). Returns `None` past the end of the code.
// (Not returning the instruction itself: its bytes would travel through memory in pieces
// that the processor cannot forward from the stores to the loads, a stall per slow
// instruction.)
#[inline(always)]
pub(super) fn run(frames: &mut Frames, pool: &mut Frames, limits: &Limits) -> Option<()> {
    loop {
        let frame = frames.last_mut()?;
        match run_frame(frame, limits.budgeted)? {
            Leave::Slow => return Some(()),
            Leave::Call(argc, method) => {
                let at = frames.last()?.stack.len() - argc as usize - 1 - method as usize;
                if !call_function(frames, pool, at, argc as usize, method, &limits.calls) {
                    return Some(());
                }
            }
            Leave::Return(result) => {
                if let Err(result) = return_to_caller(frames, pool, limits.base, result) {
                    // Back on the stack, for the VM's `ReturnValue`.
                    frames.last_mut()?.stack.push(result);
                    return Some(());
                }
            }
        }
    }
}

/// Why `run_frame` stopped.
enum Leave {
    /// At an instruction the fast loop does not run (or not in this case).
    Slow,
    /// `Call(argc)` or `CallMethod(argc)` (`true`) of a Python function or class.
    Call(u32, bool),
    /// `ReturnValue` of this value, taken off the frame (pc past the `ReturnValue`).
    Return(Value),
}

/// The fast loop over one frame.
#[inline(always)]
fn run_frame(frame: &mut Frame, budgeted: bool) -> Option<Leave> {
    let Frame {
        code,
        pc: frame_pc,
        stack,
        globals,
        extras,
        ..
    } = frame;
    // The code's constants, names and cache are read through `code` where they are used, not
    // taken into locals here: the loop has more live values than registers, so such locals
    // went to the stack anyway, and copying them there on every entry (after each call and
    // return) cost 4% of fib's instructions. The instructions and `pc`, read by every
    // dispatch, are worth their registers.
    let instrs = &code.instrs[..];
    // The pc in a register, written back whenever the loop stops.
    let mut pc = *frame_pc;
    // `LoadFast(i)`, or hands it to the VM when the local is unbound (pc stays past the
    // instruction, whichever head it was, so the error points at it).
    macro_rules! load_fast {
        ($run:lifetime, $i:expr) => {{
            if !push_slot_copy(stack, $i as usize) {
                break $run Some(Leave::Slow);
            }
        }};
    }
    // A fused binary operation's result (`instrs[pc..]`: the second load, the operator,
    // maybe a store), or, without one, the head's `LoadFast` alone.
    macro_rules! binary_result {
        ($run:lifetime, $local:expr, $result:expr) => {{
            match $result {
                Some(v) => match instrs.get(pc as usize + 2) {
                    Some(Instr::StoreFast(s)) => {
                        std::mem::replace(&mut stack[*s as usize], v).discard();
                        pc += 3;
                    }
                    _ => {
                        stack.push(v);
                        pc += 2;
                    }
                },
                None => load_fast!($run, $local),
            }
        }};
    }
    // A fused comparison's jump (`instrs[pc..]`: the second load, the comparison, the
    // conditional jump), or, without a result, the head's `LoadFast` alone.
    macro_rules! compare_jump {
        ($run:lifetime, $local:expr, $result:expr) => {{
            match branch($result, instrs.get(pc as usize + 2), pc + 3) {
                Some(target) => pc = target,
                None => load_fast!($run, $local),
            }
        }};
    }
    let leave = 'run: loop {
        // Matched by reference so each arm loads only its own operand (copying the whole
        // instruction first costs a dozen machine instructions of byte shuffling).
        let Some(instr) = instrs.get(pc as usize) else {
            break 'run None;
        };
        pc += 1;
        match *instr {
            Instr::Nop => {}
            Instr::Pop => {
                if let Some(v) = stack.pop() {
                    v.discard();
                }
            }
            Instr::LoadConst(i) => push_copy(stack, &code.consts[i as usize]),
            Instr::LoadFast(i) => load_fast!('run, i),
            Instr::LoadFastConstBinary { local, konst, op } => {
                let result = fast_binary(op, &stack[local as usize], &code.consts[konst as usize]);
                binary_result!('run, local, result);
            }
            Instr::LoadFastFastBinary { local, other, op } => {
                let result = match stack.get(other as usize) {
                    Some(rhs) => fast_binary(op, &stack[local as usize], rhs),
                    None => None,
                };
                binary_result!('run, local, result);
            }
            Instr::LoadFastConstCompareJump { local, konst, kind } => {
                let result =
                    fast_compare(kind, &stack[local as usize], &code.consts[konst as usize]);
                compare_jump!('run, local, result);
            }
            Instr::LoadConstCompareJump { konst, kind } => {
                // `instrs[pc..]`: the comparison, the conditional jump.
                let konst = &code.consts[konst as usize];
                let result = match stack.last() {
                    Some(top) => fast_compare(kind, top, konst),
                    None => None,
                };
                match branch(result, instrs.get(pc as usize + 1), pc + 2) {
                    Some(t) => {
                        if let Some(v) = stack.pop() {
                            v.discard();
                        }
                        pc = t;
                    }
                    // The head's `LoadConst` alone.
                    None => push_copy(stack, konst),
                }
            }
            Instr::LoadFastFastCompareJump { local, other, kind } => {
                let result = match stack.get(other as usize) {
                    Some(rhs) => fast_compare(kind, &stack[local as usize], rhs),
                    None => None,
                };
                compare_jump!('run, local, result);
            }
            Instr::StoreFast(i) => {
                let Some(v) = stack.pop() else {
                    break 'run Some(Leave::Slow);
                };
                std::mem::replace(&mut stack[i as usize], v).discard();
            }
            Instr::LoadGlobal(slot) => {
                // SAFETY: the globals are only read, and nothing in this arm can store to
                // them (it copies a value and raises its count) while the reference lives.
                let Ok(g) = (unsafe { globals.globals.try_borrow_unguarded() }) else {
                    break 'run Some(Leave::Slow);
                };
                let v = match g.values.get(slot as usize) {
                    Some(v) if !v.is_undef() => v,
                    _ => match g.builtin_cache.get(slot as usize) {
                        Some(v) if !v.is_undef() => v,
                        _ => break 'run Some(Leave::Slow),
                    },
                };
                // A global is most often a function about to be called: its count is raised
                // here, inline (`add_ref` raises other heap values' out of line).
                if let Value::Function(f) = v {
                    // SAFETY: `f` is a live `Rc`; the copy pushed owns the count added.
                    unsafe {
                        Rc::increment_strong_count(Rc::as_ptr(f));
                        push_bitwise(stack, v);
                    }
                } else {
                    push_copy(stack, v);
                }
            }
            Instr::LoadDeref(i) => {
                let v = Frame::cells_in(extras)[i as usize].borrow().clone();
                if v.is_undef() {
                    v.discard();
                    break 'run Some(Leave::Slow);
                }
                stack.push(v);
            }
            Instr::BinaryOp(op) | Instr::InplaceOp(op) => {
                let n = stack.len();
                let (a, b) = (&stack[n - 2], &stack[n - 1]);
                let Some(v) = fast_binary(op, a, b).or_else(|| concat_fast(op, a, b)) else {
                    break 'run Some(Leave::Slow);
                };
                discard_top_two(stack);
                stack.push(v);
            }
            Instr::Copy(n) => {
                // `[.., v, (n - 1 more)]`: a copy of `v` on top.
                let at = stack.len().wrapping_sub(n as usize);
                if !push_slot_copy(stack, at) {
                    break 'run Some(Leave::Slow);
                }
            }
            Instr::Swap(n) => {
                let len = stack.len();
                stack.swap(len - 1, len - n as usize);
            }
            // (Out of line: rarer than the instructions above, and their code here would cost
            // the whole loop registers.)
            Instr::StoreGlobal(slot) => {
                if !store_global(globals, stack, slot) {
                    break 'run Some(Leave::Slow);
                }
            }
            Instr::BuildList(n) => build_list(stack, n),
            Instr::BuildString(n) => build_string(stack, n),
            // A coroutine is its own await iterator (`Vm::get_awaitable` takes the rest).
            Instr::GetAwaitable => {
                if !is_coroutine(stack.last()) {
                    break 'run Some(Leave::Slow);
                }
            }
            Instr::GetIter => {
                if !replace_top(stack, crate::runtime::iter::iter_fast) {
                    break 'run Some(Leave::Slow);
                }
            }
            Instr::FormatValue(Conversion::None | Conversion::Str, false) => {
                if !replace_top(stack, format_field) {
                    break 'run Some(Leave::Slow);
                }
            }
            Instr::Compare(kind) => {
                let n = stack.len();
                let Some(r) = fast_compare(kind, &stack[n - 2], &stack[n - 1]) else {
                    break 'run Some(Leave::Slow);
                };
                discard_top_two(stack);
                stack.push(Value::bool(r));
            }
            Instr::IsOp(negate) => {
                let n = stack.len();
                let r = stack[n - 2].is(&stack[n - 1]) != negate;
                discard_top_two(stack);
                stack.push(Value::bool(r));
            }
            Instr::PopJumpIfFalse(t) | Instr::PopJumpIfTrue(t) => {
                let Some(Value::Bool(b)) = stack.last() else {
                    break 'run Some(Leave::Slow);
                };
                if b.get() == matches!(*instr, Instr::PopJumpIfTrue(_)) {
                    pc = t;
                }
                stack.pop();
            }
            Instr::PopJumpIfNone(t) | Instr::PopJumpIfNotNone(t) => {
                let Some(v) = stack.pop() else {
                    break 'run Some(Leave::Slow);
                };
                if v.is_none() == matches!(*instr, Instr::PopJumpIfNone(_)) {
                    pc = t;
                }
                v.discard();
            }
            Instr::ForIter(end) => {
                let item = stack.last().and_then(|top| match top {
                    Value::Iter(it) => crate::runtime::iter::next_fast(it),
                    _ => None,
                });
                let Some(v) = item else {
                    // The loop's end (out of line, once per loop).
                    if end_loop(stack) {
                        pc = end;
                        continue 'run;
                    }
                    break 'run Some(Leave::Slow);
                };
                stack.push(v);
            }
            Instr::BinarySubscr => {
                let n = stack.len();
                let item = match stack.get(n.wrapping_sub(2)..) {
                    Some([container, index]) => subscript_fast(container, index),
                    _ => None,
                };
                let Some(v) = item else {
                    break 'run Some(Leave::Slow);
                };
                discard_top_two(stack);
                stack.push(v);
            }
            Instr::ContainsOp(negate) => {
                // `[.., item, container]`: a str or int key in a dict.
                let n = stack.len();
                let found = match stack.get(n.wrapping_sub(2)..) {
                    Some([key, Value::Dict(d)]) => d
                        .try_borrow()
                        .ok()
                        .and_then(|d| d.find_plain(key))
                        .map(|at| at.is_some()),
                    _ => None,
                };
                let Some(found) = found else {
                    break 'run Some(Leave::Slow);
                };
                discard_top_two(stack);
                stack.push(Value::bool(found != negate));
            }
            Instr::StoreSubscr => {
                // `[.., value, container, index]`.
                let n = stack.len();
                let stored = match stack.get(n.wrapping_sub(3)..) {
                    Some([value, container, index]) => {
                        store_subscript_fast(container, index, value)
                    }
                    _ => false,
                };
                if !stored {
                    break 'run Some(Leave::Slow);
                }
                // The value now lives in the container too: drop this copy with the others.
                for _ in 0..3 {
                    if let Some(v) = stack.pop() {
                        v.discard();
                    }
                }
            }
            Instr::ListAppend(n) => {
                // A list comprehension's step: `[.., list, (n - 1 more), item]`.
                let at = stack.len().wrapping_sub(n as usize + 1);
                let Some(Value::List(l)) = stack.get(at) else {
                    break 'run Some(Leave::Slow);
                };
                let l = l.clone();
                let Ok(mut l) = l.try_borrow_mut() else {
                    break 'run Some(Leave::Slow);
                };
                if let Some(item) = stack.pop() {
                    l.push(item);
                }
            }
            Instr::MapAdd(n) => {
                // A dict comprehension's step: `[.., dict, (n - 1 more), key, value]`, stored
                // as `StoreSubscr` would for a str or int key.
                let len = stack.len();
                let stored = match (stack.get(len.wrapping_sub(n as usize + 2)), len) {
                    (Some(dict @ Value::Dict(_)), 2..) => {
                        store_subscript_fast(dict, &stack[len - 2], &stack[len - 1])
                    }
                    _ => false,
                };
                if !stored {
                    break 'run Some(Leave::Slow);
                }
                discard_top_two(stack);
            }
            // Attribute and method look-ups the code's cache answers without the VM (see
            // `vm::attr_cache`); a miss goes to the VM's general path.
            Instr::LoadFastAttr(local, i) => {
                let hit = stack.get(local as usize).and_then(|obj| {
                    code.attr_cache
                        .instance_attr_hit(i as usize, obj, code.names[i as usize])
                });
                let Some(v) = hit else {
                    break 'run Some(Leave::Slow);
                };
                stack.push(v);
            }
            Instr::LoadFastMethod(local, i) => {
                if !code.attr_cache.push_method(
                    i as usize,
                    code.names[i as usize],
                    stack,
                    local as usize,
                    false,
                ) {
                    break 'run Some(Leave::Slow);
                }
            }
            Instr::LoadAttr(i) => {
                let hit = stack.last().and_then(|obj| {
                    code.attr_cache
                        .instance_attr_hit(i as usize, obj, code.names[i as usize])
                });
                match (hit, stack.last_mut()) {
                    (Some(v), Some(top)) => std::mem::replace(top, v).discard(),
                    _ => break 'run Some(Leave::Slow),
                }
            }
            Instr::LoadMethod(i) => {
                // `[.., obj]` becomes `[.., method, receiver]`.
                let at = stack.len().wrapping_sub(1);
                if !code
                    .attr_cache
                    .push_method(i as usize, code.names[i as usize], stack, at, true)
                {
                    break 'run Some(Leave::Slow);
                }
            }
            Instr::StoreAttr(i) => {
                // `[.., value, obj]`.
                let Some(obj) = stack.pop() else {
                    break 'run Some(Leave::Slow);
                };
                match code.attr_cache.instance_store_hit(i as usize, &obj) {
                    Some(inst) if !stack.is_empty() => {
                        if let Some(v) = stack.pop() {
                            crate::runtime::instdict::set(inst, code.names[i as usize], v);
                        }
                    }
                    _ => {
                        stack.push(obj);
                        break 'run Some(Leave::Slow);
                    }
                }
                obj.discard();
            }
            Instr::UnpackSequence(n) => {
                // A tuple or list of exactly `n` items: pushed last first. The tuple a `for k, v
                // in d.items()` step made has no other owner, so its items move.
                let Some(top) = stack.pop() else {
                    break 'run Some(Leave::Slow);
                };
                match top {
                    Value::Tuple(t) if t.len() == n as usize => match Rc::try_unwrap(t) {
                        Ok(items) => {
                            for v in items.into_iter().rev() {
                                stack.push(v);
                            }
                        }
                        Err(t) => {
                            for v in t.iter().rev() {
                                stack.push(v.clone());
                            }
                        }
                    },
                    Value::List(ref l) if l.try_borrow().is_ok_and(|l| l.len() == n as usize) => {
                        if let Ok(items) = l.try_borrow() {
                            for v in items.iter().rev() {
                                stack.push(v.clone());
                            }
                        }
                        top.discard();
                    }
                    other => {
                        stack.push(other);
                        break 'run Some(Leave::Slow);
                    }
                }
            }
            Instr::Jump(t) => {
                if budgeted && t < pc {
                    break 'run Some(Leave::Slow);
                }
                pc = t;
            }
            Instr::Call(argc) | Instr::CallMethod(argc) => {
                let method = matches!(*instr, Instr::CallMethod(_));
                let at = stack
                    .len()
                    .wrapping_sub(argc as usize + 1 + method as usize);
                let fast = match stack.get(at) {
                    Some(Value::Function(_) | Value::Class(_)) => {
                        break 'run Some(Leave::Call(argc, method))
                    }
                    Some(Value::Builtin(b)) => b.fast,
                    _ => None,
                };
                // A builtin with a fast path (`runtime::fast_builtins`): its arguments (after
                // the method's receiver slot when empty) are the values above it.
                let Some(fast) = fast else {
                    break 'run Some(Leave::Slow);
                };
                let first = if method && stack[at + 1].is_undef() {
                    at + 2
                } else {
                    at + 1
                };
                let Some(v) = fast(&stack[first..]) else {
                    break 'run Some(Leave::Slow);
                };
                while stack.len() > at {
                    if let Some(v) = stack.pop() {
                        v.discard();
                    }
                }
                stack.push(v);
            }
            Instr::ReturnValue => match stack.pop() {
                Some(v) => break 'run Some(Leave::Return(v)),
                None => break 'run Some(Leave::Slow),
            },
            Instr::LoadFastReturn(i) => {
                let v = &stack[i as usize];
                if v.is_undef() {
                    break 'run Some(Leave::Slow);
                }
                // Past the `ReturnValue`, which the VM makes if the return cannot be made
                // here.
                pc += 1;
                break 'run Some(Leave::Return(v.clone()));
            }
            Instr::BinaryReturn(op) => {
                let n = stack.len();
                let (a, b) = (&stack[n - 2], &stack[n - 1]);
                let Some(v) = fast_binary(op, a, b).or_else(|| concat_fast(op, a, b)) else {
                    break 'run Some(Leave::Slow);
                };
                discard_top_two(stack);
                pc += 1;
                break 'run Some(Leave::Return(v));
            }
            _ => break 'run Some(Leave::Slow),
        }
    };
    *frame_pc = pc;
    leave
}

/// `container[index]` for a list or tuple and an in-range int, or a dict holding a str or
/// int key; `None` (take the VM's path, which also raises) otherwise.
#[inline(always)]
fn subscript_fast(container: &Value, index: &Value) -> Option<Value> {
    match (container, index) {
        (Value::List(l), Value::Int(i)) => {
            let l = l.try_borrow().ok()?;
            let i = crate::runtime::seq::normalize_index(*i, l.len())?;
            Some(l[i].clone())
        }
        (Value::Tuple(t), Value::Int(i)) => {
            let i = crate::runtime::seq::normalize_index(*i, t.len())?;
            Some(t[i].clone())
        }
        (Value::Dict(d), key) => {
            let d = d.try_borrow().ok()?;
            let at = d.find_plain(key)??;
            d.entry_at(at).map(|e| e.value.clone())
        }
        (_, Value::Slice(s)) => slice_fast(container, s),
        _ => None,
    }
}

/// `container[s]` for a list, tuple or str and a slice of ints (`seq::slice_fast`). (Out of
/// line, for the loop's registers.)
#[inline(never)]
fn slice_fast(container: &Value, s: &super::object::Slice) -> Option<Value> {
    crate::runtime::seq::slice_fast(container, s)
}

/// `container[index] = value` for a list and an in-range int, or a dict and a str or int key
/// (replacing, or adding when no key of the dict needs Python code to compare). Returns
/// whether it stored (a copy of) `value`.
#[inline(always)]
fn store_subscript_fast(container: &Value, index: &Value, value: &Value) -> bool {
    let old = match (container, index) {
        (Value::List(l), Value::Int(i)) => {
            let Ok(mut l) = l.try_borrow_mut() else {
                return false;
            };
            let Some(i) = crate::runtime::seq::normalize_index(*i, l.len()) else {
                return false;
            };
            std::mem::replace(&mut l[i], value.clone())
        }
        (Value::Dict(d), key) => {
            let Some(hash) = plain_key_hash(key) else {
                return false;
            };
            let Ok(mut d) = d.try_borrow_mut() else {
                return false;
            };
            match d.find_fast(hash, key) {
                Some(at) => match d.value_at_mut(at) {
                    Some(slot) => std::mem::replace(slot, value.clone()),
                    None => return false,
                },
                None if !d.has_slow_keys() => {
                    d.push_new(hash, key.clone(), value.clone());
                    return true;
                }
                None => return false,
            }
        }
        _ => return false,
    };
    // (After the borrow ends.)
    old.discard();
    true
}

/// `StoreGlobal(slot)`: false, having changed nothing, while the globals are borrowed.
#[inline(never)]
fn store_global(globals: &super::object::Module, stack: &mut Vec<Value>, slot: u32) -> bool {
    let Ok(mut g) = globals.globals.try_borrow_mut() else {
        return false;
    };
    let Some(target) = g.values.get_mut(slot as usize) else {
        return false;
    };
    let Some(v) = stack.pop() else {
        return false;
    };
    let old = std::mem::replace(target, v);
    drop(g);
    old.discard();
    true
}

/// `BuildList(n)`: the top `n` values as a list.
#[inline(never)]
fn build_list(stack: &mut Vec<Value>, n: u32) {
    let at = stack.len() - n as usize;
    let items: Vec<Value> = stack.drain(at..).collect();
    stack.push(Value::list(items));
}

/// `BuildString(n)`: the top `n` values (strs) joined.
#[inline(never)]
fn build_string(stack: &mut Vec<Value>, n: u32) {
    let at = stack.len() - n as usize;
    let s = crate::runtime::str::build_string(&stack[at..]);
    stack.truncate(at);
    stack.push(s);
}

/// Replaces the top of the stack with `f` of it; false, having changed nothing, when `f`
/// gives None.
#[inline(never)]
fn replace_top(stack: &mut Vec<Value>, f: fn(&Value) -> Option<Value>) -> bool {
    let Some(new) = stack.last().and_then(f) else {
        return false;
    };
    if let Some(old) = stack.pop() {
        old.discard();
    }
    stack.push(new);
    true
}

/// An f-string field without a spec, converted by `!s` or not (the same for the ints and strs
/// `format_fast` takes).
fn format_field(v: &Value) -> Option<Value> {
    crate::runtime::repr::format_fast(v, Conversion::None)
}

/// Pops the iterator on top of `stack` if it is a native one with nothing left (`ForIter` then
/// jumps past its loop); false, changing nothing, for the VM otherwise.
#[inline(never)]
fn end_loop(stack: &mut Vec<Value>) -> bool {
    match stack.last() {
        Some(Value::Iter(it)) if crate::runtime::iter::exhausted_fast(it) => {
            if let Some(it) = stack.pop() {
                it.discard();
            }
            true
        }
        _ => false,
    }
}

/// Whether `top` is a coroutine object (out of line: once per `await`).
#[inline(never)]
fn is_coroutine(top: Option<&Value>) -> bool {
    matches!(top, Some(Value::Generator(g)) if g.kind == super::object::GeneratorKind::Coroutine)
}

/// Where a fused comparison's conditional `jump` goes for the comparison's `result`
/// (`fallthrough` past the jump); None without a result or a jump, for the VM.
#[inline(always)]
fn branch(result: Option<bool>, jump: Option<&Instr>, fallthrough: u32) -> Option<u32> {
    match (result?, jump?) {
        (r, Instr::PopJumpIfFalse(target)) => Some(if r { fallthrough } else { *target }),
        (r, Instr::PopJumpIfTrue(target)) => Some(if r { *target } else { fallthrough }),
        _ => None,
    }
}

/// `a + b` for two strs, the common case `fast_binary` leaves out. (Out of line, and not in
/// `fast_binary`: that is inlined at every fused operation, where one more case costs the
/// loop registers.)
#[inline(never)]
fn concat_fast(op: BinOp, a: &Value, b: &Value) -> Option<Value> {
    match (op, a, b) {
        (BinOp::Add, Value::Str(x), Value::Str(y)) => Some(crate::runtime::str::concat(x, y)),
        _ => None,
    }
}

#[inline(always)]
fn discard_top_two(stack: &mut Vec<Value>) {
    for _ in 0..2 {
        if let Some(v) = stack.pop() {
            v.discard();
        }
    }
}
