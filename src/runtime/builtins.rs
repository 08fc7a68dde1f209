//! The `builtins` namespace: functions (`print`, `len`, `sorted`, ...), the builtin classes as
//! constructors (`int(...)`, `list(...)`), and the exception classes.

use std::cell::RefCell;
use std::rc::Rc;

use num_bigint::BigInt;

use super::iter::{new_iter, IterState};
use super::numfmt;
use super::types::{builtin_value, builtin_with_fast_path};
use crate::vm::object::{Args, Builtin, BuiltinFn, Class, Instance, Module, Payload};
use crate::vm::symbol::{intern, sym, Symbol};
use crate::vm::value::Value;
use crate::vm::{PyResult, Vm};

const FUNCTIONS: &[(&str, BuiltinFn)] = &[
    ("print", print),
    ("len", len),
    ("repr", repr),
    ("ascii", ascii),
    ("isinstance", isinstance),
    ("issubclass", issubclass),
    ("hash", hash),
    ("id", id),
    ("iter", iter),
    ("next", next),
    ("any", any),
    ("all", all),
    ("sum", sum),
    ("min", min),
    ("max", max),
    ("abs", abs),
    ("round", round),
    ("divmod", divmod),
    ("pow", pow),
    ("sorted", sorted),
    ("reversed", reversed),
    ("enumerate", enumerate),
    ("zip", zip),
    ("map", map),
    ("filter", filter),
    ("chr", chr),
    ("ord", ord),
    ("hex", hex),
    ("oct", oct),
    ("bin", bin),
    ("format", format),
    ("getattr", getattr),
    ("setattr", setattr),
    ("hasattr", hasattr),
    ("delattr", delattr),
    ("callable", callable),
    ("vars", vars),
    ("dir", dir),
    ("input", input),
    ("globals", globals),
    ("locals", locals),
    ("aiter", aiter),
    ("anext", anext),
    ("__build_class__", super::class::build_class),
    ("exit", exit),
    ("quit", exit),
];

/// Fills `vm.builtins`.
pub fn install(vm: &mut Vm) {
    for (name, f) in FUNCTIONS {
        vm.builtins
            .insert(intern(name), builtin_with_fast_path(name, None, *f));
    }
    let t = &vm.types;
    let constructors: &[(&Rc<Class>, BuiltinFn)] = &[
        (&t.int, int_new),
        (&t.bool, bool_new),
        (&t.float, float_new),
        (&t.complex, super::complex::complex_new),
        (&t.str, str_new),
        (&t.bytes, bytes_new),
        (&t.list, list_new),
        (&t.tuple, tuple_new),
        (&t.dict, dict_new),
        (&t.set, set_new),
        (&t.frozenset, frozenset_new),
        (&t.range, range_new),
        (&t.slice, slice_new),
        (&t.type_, super::class::type_new),
        (&t.super_, super::class::super_new),
        (&t.property, super::class::property_new),
        (&t.classmethod, super::class::classmethod_new),
        (&t.staticmethod, super::class::staticmethod_new),
    ];
    let mut classes: Vec<Rc<Class>> = Vec::new();
    for (cls, f) in constructors {
        cls.set_attr(sym::NEW, builtin_value("__new__", Some("type"), *f));
        classes.push((*cls).clone());
    }
    // Mutable containers are filled by `__init__` (so subclasses can take other arguments).
    t.list.set_attr(
        sym::INIT,
        builtin_value("__init__", Some("list"), list_init),
    );
    t.dict.set_attr(
        sym::INIT,
        builtin_value("__init__", Some("dict"), dict_init),
    );
    t.set
        .set_attr(sym::INIT, builtin_value("__init__", Some("set"), set_init));
    // list/dict/set constructors fill in `__init__`-free: `__new__` does everything.
    let fromkeys = Value::Instance(Rc::new(Instance::new(
        t.classmethod.clone(),
        Payload::class_method(builtin_value(
            "fromkeys",
            Some("dict"),
            super::dict_methods::dict_fromkeys,
        )),
    )));
    t.dict.set_attr(intern("fromkeys"), fromkeys);
    classes.push(t.object.clone());
    for cls in classes {
        vm.builtins.insert(intern(&cls.name), Value::Class(cls));
    }
    let exceptions = vm.types.exceptions.clone();
    for cls in exceptions {
        vm.builtins.insert(intern(&cls.name), Value::Class(cls));
    }
    vm.builtins.insert(
        intern("EnvironmentError"),
        Value::Class(
            vm.types
                .exception_by_name("OSError")
                .unwrap_or(vm.types.exception.clone()),
        ),
    );
    vm.builtins.insert(
        intern("IOError"),
        Value::Class(
            vm.types
                .exception_by_name("OSError")
                .unwrap_or(vm.types.exception.clone()),
        ),
    );
    vm.builtins.insert(intern("None"), Value::None);
    vm.builtins
        .insert(intern("NotImplemented"), Value::NotImplemented);
    vm.builtins.insert(intern("Ellipsis"), Value::Ellipsis);
    vm.builtins
        .insert(intern("__name__"), Value::str("builtins"));
    vm.builtins.insert(intern("__debug__"), Value::TRUE);
}

/// A builtin bound to a value through its `data` slot (e.g. `cls.mro`).
pub fn bound_builtin(name: &'static str, func: BuiltinFn, data: Value) -> Value {
    Value::Builtin(Rc::new(Builtin {
        name,
        owner: None,
        func,
        data,
        fast: None,
    }))
}

/// A snapshot of a module's globals as a dict (`globals()`, `module.__dict__`).
pub fn globals_dict(vm: &mut Vm, m: &Module) -> PyResult<Value> {
    let d = Rc::new(RefCell::new(super::dict::Dict::new()));
    let items: Vec<(Symbol, Value)> = m
        .globals
        .borrow()
        .bound()
        .map(|(k, v)| (k, v.clone()))
        .collect();
    for (k, v) in items {
        vm.dict_set(&d, Value::str(k.as_str()), v)?;
    }
    Ok(Value::Dict(d))
}

// ----- argument helpers ----------------------------------------------------------------------

fn kwarg(args: &Args, name: &str) -> Option<Value> {
    args.kw
        .iter()
        .find(|(k, _)| k.as_str() == name)
        .map(|(_, v)| v.clone())
}

fn check_kw(vm: &Vm, args: &Args, fname: &str, allowed: &[&str]) -> PyResult<()> {
    for (k, _) in args.kw {
        if !allowed.contains(&k.as_str()) {
            if allowed.is_empty() {
                return Err(vm.type_error(format!("{fname}() takes no keyword arguments")));
            }
            return Err(vm.type_error(format!(
                "'{k}' is an invalid keyword argument for {fname}()"
            )));
        }
    }
    Ok(())
}

fn exactly(vm: &Vm, args: &Args, fname: &str, n: usize) -> PyResult<()> {
    check_kw(vm, args, fname, &[])?;
    if args.pos.len() != n {
        return Err(vm.type_error(if n == 1 {
            format!(
                "{fname}() takes exactly one argument ({} given)",
                args.pos.len()
            )
        } else {
            format!("{fname} expected {n} arguments, got {}", args.pos.len())
        }));
    }
    Ok(())
}

/// `NAME expected at most N argument(s), got M` for constructors (`args.pos[0]` is the class).
fn ctor_at_most(vm: &Vm, args: &Args, name: &str, n: usize) -> PyResult<()> {
    let given = args.pos.len().saturating_sub(1);
    if given > n {
        return Err(vm.type_error(format!(
            "{name} expected at most {n} argument{}, got {given}",
            if n == 1 { "" } else { "s" }
        )));
    }
    Ok(())
}

fn as_int_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    match vm.index_of(v)? {
        Some(i) => Ok(i),
        None => Err(vm.type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            vm.type_name(v)
        ))),
    }
}

// ----- functions -----------------------------------------------------------------------------

fn print(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_kw(vm, &args, "print", &["sep", "end", "file", "flush"])?;
    let sep = match kwarg(&args, "sep") {
        None | Some(Value::None) => " ".to_string(),
        Some(Value::Str(s)) => s.as_str().to_string(),
        Some(other) => {
            return Err(vm.type_error(format!(
                "sep must be None or a string, not {}",
                vm.type_name(&other)
            )))
        }
    };
    let end = match kwarg(&args, "end") {
        None | Some(Value::None) => "\n".to_string(),
        Some(Value::Str(s)) => s.as_str().to_string(),
        Some(other) => {
            return Err(vm.type_error(format!(
                "end must be None or a string, not {}",
                vm.type_name(&other)
            )))
        }
    };
    let mut out = String::new();
    for (i, v) in args.pos.iter().enumerate() {
        if i > 0 {
            out.push_str(&sep);
        }
        match v {
            Value::Str(s) => out.push_str(s.as_str()),
            other => out.push_str(&vm.to_str(other)?),
        }
    }
    out.push_str(&end);
    match kwarg(&args, "file") {
        Some(file) if !file.is_none() => {
            super::modules::write_to_file_object(vm, &file, &out)?;
        }
        _ => vm.write_stdout(&out)?,
    }
    if let Some(f) = kwarg(&args, "flush") {
        if vm.truthy(&f)? {
            vm.out.flush();
        }
    }
    Ok(Value::None)
}

fn len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    exactly(vm, &args, "len", 1)?;
    Ok(Value::Int(vm.len(&args.pos[0])? as i64))
}

fn repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    exactly(vm, &args, "repr", 1)?;
    Ok(Value::string(vm.repr(&args.pos[0])?))
}

fn ascii(vm: &mut Vm, args: Args) -> PyResult<Value> {
    exactly(vm, &args, "ascii", 1)?;
    let r = vm.repr(&args.pos[0])?;
    Ok(Value::string(super::repr::ascii_escape(&r)))
}

fn class_check(
    vm: &mut Vm,
    cls: &Value,
    fname: &str,
    test: &mut dyn FnMut(&Rc<Class>) -> bool,
) -> PyResult<bool> {
    let (kind, kinds) = if fname == "issubclass" {
        ("class", "classes")
    } else {
        ("type", "types")
    };
    match cls {
        Value::Class(c) => Ok(test(c)),
        Value::Tuple(items) => {
            for item in items.iter() {
                if class_check(vm, item, fname, test)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        v if super::generic_alias::is_union(v) => {
            for item in super::generic_alias::union_args(v) {
                if class_check(vm, &item, fname, test)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        v if super::generic_alias::is_alias(v) => Err(vm.type_error(format!(
            "{fname}() argument 2 cannot be a parameterized generic"
        ))),
        _ => Err(vm.type_error(format!(
            "{fname}() arg 2 must be a {kind}, a tuple of {kinds}, or a union"
        ))),
    }
}

fn isinstance(vm: &mut Vm, args: Args) -> PyResult<Value> {
    exactly(vm, &args, "isinstance", 2)?;
    let cls = vm.class_of(&args.pos[0]);
    let r = class_check(vm, &args.pos[1], "isinstance", &mut |c| {
        cls.is_subclass_of(c)
    })?;
    Ok(Value::bool(r))
}

fn issubclass(vm: &mut Vm, args: Args) -> PyResult<Value> {
    exactly(vm, &args, "issubclass", 2)?;
    let Value::Class(cls) = &args.pos[0] else {
        return Err(vm.type_error("issubclass() arg 1 must be a class"));
    };
    let cls = cls.clone();
    let r = class_check(vm, &args.pos[1], "issubclass", &mut |c| {
        cls.is_subclass_of(c)
    })?;
    Ok(Value::bool(r))
}

fn hash(vm: &mut Vm, args: Args) -> PyResult<Value> {
    exactly(vm, &args, "hash", 1)?;
    Ok(Value::Int(vm.hash(&args.pos[0])?))
}

fn id(vm: &mut Vm, args: Args) -> PyResult<Value> {
    exactly(vm, &args, "id", 1)?;
    let v = &args.pos[0];
    Ok(Value::Int(match v.heap_ptr() {
        Some(p) => p as i64,
        None => vm.hash(v)?.wrapping_mul(31).wrapping_add(0x1000),
    }))
}

fn iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_kw(vm, &args, "iter", &[])?;
    match args.pos {
        [v] => vm.get_iter(v),
        [f, sentinel] => {
            if !is_callable(vm, f) {
                return Err(vm.type_error("iter(v, w): v must be callable"));
            }
            Ok(new_iter(IterState::CallableSentinel {
                func: f.clone(),
                sentinel: sentinel.clone(),
            }))
        }
        _ => Err(vm.type_error(format!(
            "iter expected at most 2 arguments, got {}",
            args.pos.len()
        ))),
    }
}

fn next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_kw(vm, &args, "next", &[])?;
    let Some(it) = args.pos.first() else {
        return Err(vm.type_error("next expected at least 1 argument, got 0"));
    };
    let is_iterator = match it {
        Value::Iter(_) => true,
        Value::Generator(g) => g.kind == crate::vm::object::GeneratorKind::Generator,
        Value::Instance(i) => i.class.lookup(sym::NEXT).is_some(),
        _ => false,
    };
    if !is_iterator {
        return Err(vm.type_error(format!("'{}' object is not an iterator", vm.type_name(it))));
    }
    // A generator's return value travels in StopIteration.value.
    if let Value::Generator(g) = it {
        let g = g.clone();
        if g.state.get() == crate::vm::object::GeneratorState::Finished {
            return match args.pos.get(1) {
                Some(d) => Ok(d.clone()),
                None => Err(vm.stop_iteration(Value::None)),
            };
        }
        return match super::generators::send_value(
            vm,
            &g,
            crate::vm::dispatch::Resume::Send(Value::None),
        ) {
            Err(e) if e.is_instance_of(&vm.types.stop_iteration) && args.pos.len() > 1 => {
                Ok(args.pos[1].clone())
            }
            other => other,
        };
    }
    match vm.next(it)? {
        Some(v) => Ok(v),
        None => match args.pos.get(1) {
            Some(d) => Ok(d.clone()),
            None => Err(vm.stop_iteration(Value::None)),
        },
    }
}

fn any(vm: &mut Vm, args: Args) -> PyResult<Value> {
    exactly(vm, &args, "any", 1)?;
    let it = vm.get_iter(&args.pos[0])?;
    while let Some(v) = vm.next(&it)? {
        if vm.truthy(&v)? {
            return Ok(Value::TRUE);
        }
    }
    Ok(Value::FALSE)
}

fn all(vm: &mut Vm, args: Args) -> PyResult<Value> {
    exactly(vm, &args, "all", 1)?;
    let it = vm.get_iter(&args.pos[0])?;
    while let Some(v) = vm.next(&it)? {
        if !vm.truthy(&v)? {
            return Ok(Value::FALSE);
        }
    }
    Ok(Value::TRUE)
}

fn sum(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_kw(vm, &args, "sum", &["start"])?;
    let Some(iterable) = args.pos.first() else {
        return Err(vm.type_error("sum() takes at least 1 positional argument (0 given)"));
    };
    let mut acc = args
        .pos
        .get(1)
        .cloned()
        .or_else(|| kwarg(&args, "start"))
        .unwrap_or(Value::Int(0));
    match &acc {
        Value::Str(_) => {
            return Err(vm.type_error("sum() can't sum strings [use ''.join(seq) instead]"))
        }
        Value::Bytes(_) => {
            return Err(vm.type_error("sum() can't sum bytes [use b''.join(seq) instead]"))
        }
        _ => {}
    }
    let it = vm.get_iter(iterable)?;
    // Floats are summed with compensation like CPython's fsum-free loop? CPython adds plainly.
    while let Some(v) = vm.next(&it)? {
        acc = match crate::vm::ops::fast_binary(crate::syntax::ast::BinOp::Add, &acc, &v) {
            Some(r) => r,
            None => vm.binary_op(crate::syntax::ast::BinOp::Add, &acc, &v)?,
        };
    }
    Ok(acc)
}

fn min_max(vm: &mut Vm, args: Args, is_max: bool) -> PyResult<Value> {
    let fname = if is_max { "max" } else { "min" };
    check_kw(vm, &args, fname, &["key", "default"])?;
    let key = kwarg(&args, "key").unwrap_or(Value::None);
    let default = kwarg(&args, "default");
    let items: Vec<Value> = match args.pos {
        [] => return Err(vm.type_error(format!("{fname} expected at least 1 argument, got 0"))),
        [single] => vm.collect(single)?,
        many => {
            if default.is_some() {
                return Err(vm.type_error(format!(
                    "Cannot specify a default for {fname}() with multiple positional arguments"
                )));
            }
            many.to_vec()
        }
    };
    if items.is_empty() {
        return match default {
            Some(d) => Ok(d),
            None => Err(vm.value_error(format!("{fname}() arg is an empty sequence"))),
        };
    }
    let mut best = items[0].clone();
    let mut best_key = if key.is_none() {
        best.clone()
    } else {
        vm.call(&key, std::slice::from_ref(&best))?
    };
    for item in items.into_iter().skip(1) {
        let k = if key.is_none() {
            item.clone()
        } else {
            vm.call(&key, std::slice::from_ref(&item))?
        };
        let kind = if is_max {
            crate::compile::code::CompareKind::Gt
        } else {
            crate::compile::code::CompareKind::Lt
        };
        let r = vm.compare(kind, &k, &best_key)?;
        if vm.truthy(&r)? {
            best = item;
            best_key = k;
        }
    }
    Ok(best)
}

fn min(vm: &mut Vm, args: Args) -> PyResult<Value> {
    min_max(vm, args, false)
}

fn max(vm: &mut Vm, args: Args) -> PyResult<Value> {
    min_max(vm, args, true)
}

fn abs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    exactly(vm, &args, "abs", 1)?;
    match &args.pos[0] {
        Value::Int(i) => Ok(match i.checked_abs() {
            Some(a) => Value::Int(a),
            None => Value::from_bigint(-BigInt::from(*i)),
        }),
        Value::Bool(b) => Ok(Value::Int(b.get() as i64)),
        Value::BigInt(b) => {
            use num_traits::Signed;
            Ok(Value::from_bigint(b.abs()))
        }
        Value::Float(f) => Ok(Value::float(f.get().abs())),
        Value::Complex(z) => super::complex::abs(vm, **z),
        other => match vm.call_special(other, sym::ABS, &[])? {
            Some(v) => Ok(v),
            None => Err(vm.type_error(format!(
                "bad operand type for abs(): '{}'",
                vm.type_name(other)
            ))),
        },
    }
}

fn round(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_kw(vm, &args, "round", &["ndigits"])?;
    let Some(x) = args.pos.first() else {
        return Err(vm.type_error("round() missing required argument 'number' (pos 1)"));
    };
    let ndigits = args.pos.get(1).cloned().or_else(|| kwarg(&args, "ndigits"));
    let ndigits = match ndigits {
        None | Some(Value::None) => None,
        Some(v) => Some(as_int_arg(vm, &v)?),
    };
    match x {
        Value::Float(f) => match ndigits {
            None => numfmt::float_round_to_int(f.get())
                .map(Value::from_bigint)
                .map_err(|e| vm.numfmt_error(e)),
            Some(n) => numfmt::format_float_round(f.get(), n)
                .map(Value::float)
                .map_err(|e| vm.numfmt_error(e)),
        },
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => {
            let b = super::num::to_big(x).unwrap_or_default();
            match ndigits {
                None => Ok(Value::from_bigint(b)),
                Some(n) if n >= 0 => Ok(Value::from_bigint(b)),
                Some(n) => {
                    use num_integer::Integer;
                    let p = num_traits::pow(BigInt::from(10), (-n) as usize);
                    let (q, r) = b.div_mod_floor(&p);
                    let twice: BigInt = &r * 2;
                    let q = match twice.cmp(&p) {
                        std::cmp::Ordering::Greater => q + 1,
                        std::cmp::Ordering::Equal if q.is_odd() => q + 1,
                        _ => q,
                    };
                    Ok(Value::from_bigint(q * p))
                }
            }
        }
        other => {
            let mut call_args = vec![];
            if let Some(n) = ndigits {
                call_args.push(Value::Int(n));
            }
            match vm.call_special(other, sym::ROUND, &call_args)? {
                Some(v) => Ok(v),
                None => Err(vm.type_error(format!(
                    "type {} doesn't define __round__ method",
                    vm.type_name(other)
                ))),
            }
        }
    }
}

fn divmod(vm: &mut Vm, args: Args) -> PyResult<Value> {
    exactly(vm, &args, "divmod", 2)?;
    let (a, b) = (&args.pos[0], &args.pos[1]);
    if let Some(r) = super::num::divmod(vm, a, b) {
        return r;
    }
    if let Some(v) = vm.call_special(a, sym::DIVMOD, std::slice::from_ref(b))? {
        if !matches!(v, Value::NotImplemented) {
            return Ok(v);
        }
    }
    Err(vm.type_error(format!(
        "unsupported operand type(s) for divmod(): '{}' and '{}'",
        vm.type_name(a),
        vm.type_name(b)
    )))
}

fn pow(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_kw(vm, &args, "pow", &["base", "exp", "mod"])?;
    match args.pos {
        [a, b] | [a, b, Value::None] => vm.binary_op(crate::syntax::ast::BinOp::Pow, a, b),
        [a, b, m] => super::num::pow3(vm, a, b, m),
        [] | [_] => Err(vm.type_error(format!(
            "pow() missing required argument '{}' (pos {})",
            if args.pos.is_empty() { "base" } else { "exp" },
            args.pos.len() + 1
        ))),
        _ => Err(vm.type_error(format!(
            "pow() takes at most 3 arguments ({} given)",
            args.pos.len()
        ))),
    }
}

fn sorted(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.pos.len() != 1 {
        return Err(vm.type_error(format!(
            "sorted expected 1 argument, got {}",
            args.pos.len()
        )));
    }
    let (key, reverse) = super::list::key_and_reverse(vm, &args, "sort")?;
    let items = vm.collect(&args.pos[0])?;
    let sorted = super::list::sort_values(vm, items, &key, reverse)?;
    Ok(Value::list(sorted))
}

fn reversed(vm: &mut Vm, args: Args) -> PyResult<Value> {
    exactly(vm, &args, "reversed", 1)?;
    let v = &args.pos[0];
    match v {
        Value::List(l) => {
            let n = l.borrow().len();
            Ok(new_iter(IterState::ListReverse(l.clone(), n)))
        }
        Value::Range(r) => {
            let n = r.len();
            Ok(new_iter(IterState::Range {
                next: r.start.wrapping_add((n - 1).wrapping_mul(r.step)),
                step: r.step.wrapping_neg(),
                remaining: n,
            }))
        }
        Value::Tuple(_) | Value::Str(_) | Value::Bytes(_) => {
            let n = vm.len(v)? as i64;
            Ok(new_iter(IterState::Reversed {
                seq: v.clone(),
                index: n - 1,
                name: "reversed",
            }))
        }
        Value::Dict(_) => {
            let keys = vm.collect(v)?;
            let n = keys.len() as i64;
            Ok(new_iter(IterState::Reversed {
                seq: Value::list(keys),
                index: n - 1,
                name: "dict_reversekeyiterator",
            }))
        }
        Value::Iter(it) if super::iter::is_dict_view(it) => {
            let name = match super::iter::view_of(v) {
                Some((super::iter::ViewKind::Values, _)) => "dict_reversevalueiterator",
                Some((super::iter::ViewKind::Items, _)) => "dict_reverseitemiterator",
                _ => "dict_reversekeyiterator",
            };
            let items = vm.collect(v)?;
            let n = items.len() as i64;
            Ok(new_iter(IterState::Reversed {
                seq: Value::list(items),
                index: n - 1,
                name,
            }))
        }
        other => {
            if let Some(r) = vm.call_special(other, sym::REVERSED, &[])? {
                return Ok(r);
            }
            let cls = vm.class_of(other);
            if cls.lookup(sym::GETITEM).is_some() && cls.lookup(sym::LEN).is_some() {
                let n = vm.len(other)? as i64;
                return Ok(new_iter(IterState::Reversed {
                    seq: other.clone(),
                    index: n - 1,
                    name: "reversed",
                }));
            }
            Err(vm.type_error(format!(
                "'{}' object is not reversible",
                vm.type_name(other)
            )))
        }
    }
}

fn enumerate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_kw(vm, &args, "enumerate", &["iterable", "start"])?;
    let iterable = args
        .pos
        .first()
        .cloned()
        .or_else(|| kwarg(&args, "iterable"))
        .ok_or_else(|| vm.type_error("enumerate() missing required argument 'iterable' (pos 1)"))?;
    let start = match args.pos.get(1).cloned().or_else(|| kwarg(&args, "start")) {
        Some(big @ Value::BigInt(_)) => big,
        Some(v) => Value::Int(as_int_arg(vm, &v)?),
        None => Value::Int(0),
    };
    let inner = vm.get_iter(&iterable)?;
    Ok(new_iter(IterState::Enumerate {
        inner,
        count: start,
    }))
}

fn zip(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_kw(vm, &args, "zip", &["strict"])?;
    let strict = match kwarg(&args, "strict") {
        Some(v) => vm.truthy(&v)?,
        None => false,
    };
    let mut iters = Vec::with_capacity(args.pos.len());
    for (i, a) in args.pos.iter().enumerate() {
        if !vm.is_iterable(a) {
            return Err(vm.type_error(format!("'{}' object is not iterable", vm.type_name(a))));
        }
        let _ = i;
        iters.push(vm.get_iter(a)?);
    }
    if iters.is_empty() {
        return Ok(new_iter(IterState::Exhausted("zip")));
    }
    Ok(new_iter(IterState::Zip { iters, strict }))
}

fn map(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_kw(vm, &args, "map", &[])?;
    if args.pos.len() < 2 {
        return Err(vm.type_error("map() must have at least two arguments."));
    }
    let mut iters = Vec::new();
    for a in &args.pos[1..] {
        iters.push(vm.get_iter(a)?);
    }
    Ok(new_iter(IterState::Map {
        func: args.pos[0].clone(),
        iters,
    }))
}

fn filter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_kw(vm, &args, "filter", &[])?;
    if args.pos.len() != 2 {
        return Err(vm.type_error(format!(
            "filter expected 2 arguments, got {}",
            args.pos.len()
        )));
    }
    let inner = vm.get_iter(&args.pos[1])?;
    Ok(new_iter(IterState::Filter {
        func: args.pos[0].clone(),
        inner,
    }))
}

fn chr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    exactly(vm, &args, "chr", 1)?;
    let i = as_int_arg(vm, &args.pos[0])?;
    match u32::try_from(i).ok().and_then(char::from_u32) {
        Some(c) => Ok(Value::string(c.to_string())),
        None => {
            if (0..0x110000).contains(&i) {
                // Lone surrogates cannot be represented; CPython allows them.
                Ok(Value::string('\u{fffd}'.to_string()))
            } else {
                Err(vm.value_error("chr() arg not in range(0x110000)"))
            }
        }
    }
}

fn ord(vm: &mut Vm, args: Args) -> PyResult<Value> {
    exactly(vm, &args, "ord", 1)?;
    // A str subclass's instance counts as its str.
    let text = super::str_methods::as_pystr(&args.pos[0]).map(Value::Str);
    match text.as_ref().unwrap_or(&args.pos[0]) {
        Value::Str(s) => {
            if s.char_len() != 1 {
                return Err(vm.type_error(format!(
                    "ord() expected a character, but string of length {} found",
                    s.char_len()
                )));
            }
            Ok(Value::Int(
                s.as_str().chars().next().map(|c| c as i64).unwrap_or(0),
            ))
        }
        Value::Bytes(b) if b.len() == 1 => Ok(Value::Int(b[0] as i64)),
        other => Err(vm.type_error(format!(
            "ord() expected string of length 1, but {} found",
            vm.type_name(other)
        ))),
    }
}

fn int_in_base(vm: &mut Vm, args: Args, fname: &str, base: u32) -> PyResult<Value> {
    exactly(vm, &args, fname, 1)?;
    let v = &args.pos[0];
    let b = match super::num::to_big(v) {
        Some(b) => b,
        None => match vm.index_of(v)? {
            Some(i) => BigInt::from(i),
            None => {
                return Err(vm.type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    vm.type_name(v)
                )))
            }
        },
    };
    Ok(Value::string(numfmt::int_to_base(&b, base, true)))
}

fn hex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    int_in_base(vm, args, "hex", 16)
}

fn oct(vm: &mut Vm, args: Args) -> PyResult<Value> {
    int_in_base(vm, args, "oct", 8)
}

fn bin(vm: &mut Vm, args: Args) -> PyResult<Value> {
    int_in_base(vm, args, "bin", 2)
}

fn format(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_kw(vm, &args, "format", &[])?;
    let spec = match args.pos.get(1) {
        Some(Value::Str(s)) => s.as_str().to_string(),
        Some(other) => {
            return Err(vm.type_error(format!(
                "format() argument 2 must be str, not {}",
                vm.type_name(other)
            )))
        }
        None => String::new(),
    };
    let Some(v) = args.pos.first() else {
        return Err(vm.type_error("format expected at least 1 argument, got 0"));
    };
    Ok(Value::string(vm.format(v, &spec)?))
}

fn attr_name(vm: &Vm, v: &Value, fname: &str) -> PyResult<Symbol> {
    match v {
        Value::Str(s) => Ok(intern(s.as_str())),
        other => Err(vm
            .type_error(format!(
                "attribute name must be string, not '{}'",
                vm.type_name(other)
            ))
            .also(fname)),
    }
}

trait Also {
    fn also(self, _: &str) -> Self;
}

impl Also for crate::vm::PyErr {
    fn also(self, _: &str) -> Self {
        self
    }
}

fn getattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_kw(vm, &args, "getattr", &[])?;
    if args.pos.len() < 2 || args.pos.len() > 3 {
        return Err(vm.type_error(format!(
            "getattr expected at least 2 arguments, got {}",
            args.pos.len()
        )));
    }
    let name = attr_name(vm, &args.pos[1], "getattr")?;
    match vm.get_attr(&args.pos[0], name) {
        Ok(v) => Ok(v),
        Err(e) if e.is_instance_of(&vm.types.attribute_error) && args.pos.len() == 3 => {
            Ok(args.pos[2].clone())
        }
        Err(e) => Err(e),
    }
}

fn setattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    exactly(vm, &args, "setattr", 3)?;
    let name = attr_name(vm, &args.pos[1], "setattr")?;
    vm.set_attr(&args.pos[0], name, args.pos[2].clone())?;
    Ok(Value::None)
}

fn hasattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    exactly(vm, &args, "hasattr", 2)?;
    let name = attr_name(vm, &args.pos[1], "hasattr")?;
    Ok(Value::bool(vm.has_attr(&args.pos[0], name)?))
}

fn delattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    exactly(vm, &args, "delattr", 2)?;
    let name = attr_name(vm, &args.pos[1], "delattr")?;
    vm.del_attr(&args.pos[0], name)?;
    Ok(Value::None)
}

pub fn is_callable(vm: &Vm, v: &Value) -> bool {
    match v {
        Value::Function(_) | Value::Builtin(_) | Value::BoundMethod(_) | Value::Class(_) => true,
        Value::Instance(_) => vm.class_of(v).lookup(sym::CALL).is_some(),
        _ => false,
    }
}

fn callable(vm: &mut Vm, args: Args) -> PyResult<Value> {
    exactly(vm, &args, "callable", 1)?;
    Ok(Value::bool(is_callable(vm, &args.pos[0])))
}

fn vars(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match args.pos.first() {
        None => locals(vm, args),
        Some(v) => match vm.get_attr_opt(v, sym::DICT)? {
            Some(d) => Ok(d),
            None => Err(vm.type_error("vars() argument must have __dict__ attribute")),
        },
    }
}

fn dir(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match args.pos.first() {
        None => {
            let names: Vec<String> = match vm.frames.last() {
                Some(f) if !f.code.flags.module => f
                    .code
                    .varnames
                    .iter()
                    .zip(f.stack.iter())
                    .filter(|(_, v)| !v.is_undef())
                    .map(|(n, _)| n.to_string())
                    .collect(),
                Some(f) => f
                    .globals
                    .globals
                    .borrow()
                    .bound()
                    .map(|(n, _)| n.to_string())
                    .collect(),
                None => vec![],
            };
            let mut names = names;
            names.sort();
            Ok(Value::list(names.into_iter().map(Value::string).collect()))
        }
        Some(v) => {
            // A user `__dir__` decides; its result is sorted.
            if let Value::Instance(inst) = v {
                if let Some(m) = inst.class.lookup(intern("__dir__")) {
                    if !matches!(&m, Value::Builtin(b) if b.owner == Some("object")) {
                        let r = vm.call_bound(m, v.clone(), &[])?;
                        let items = vm.collect(&r)?;
                        let sorted = super::list::sort_values(vm, items, &Value::None, false)?;
                        return Ok(Value::list(sorted));
                    }
                }
            }
            let names = dir_names(vm, v);
            Ok(Value::list(names.into_iter().map(Value::string).collect()))
        }
    }
}

fn input(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if let Some(prompt) = args.pos.first() {
        let p = vm.to_str(prompt)?;
        vm.write_stdout(&p)?;
    }
    vm.out.flush();
    match vm.read_stdin_line() {
        Some(line) => Ok(Value::string(line)),
        None => Err(vm.err(
            &vm.types
                .exception_by_name("EOFError")
                .unwrap_or(vm.types.exception.clone()),
            "EOF when reading a line",
        )),
    }
}

fn globals(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    let module = match vm.frames.last() {
        Some(f) => f.globals.clone(),
        None => vm.main.clone(),
    };
    globals_dict(vm, &module)
}

fn locals(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(frame) = vm.frames.last() else {
        return globals(vm, args);
    };
    if frame.code.flags.module {
        return globals(vm, args);
    }
    if let Some(ns) = frame.namespace() {
        return Ok(Value::Dict(ns.clone()));
    }
    let pairs: Vec<(String, Value)> = frame
        .code
        .varnames
        .iter()
        .zip(frame.stack.iter())
        .filter(|(_, v)| !v.is_undef())
        .map(|(n, v)| (n.to_string(), v.clone()))
        .chain(
            frame
                .code
                .cellvars
                .iter()
                .chain(frame.code.freevars.iter())
                .zip(frame.cells().iter())
                .filter(|(_, c)| !c.borrow().is_undef())
                .map(|(n, c)| (n.to_string(), c.borrow().clone())),
        )
        .collect();
    let d = Rc::new(RefCell::new(super::dict::Dict::new()));
    for (k, v) in pairs {
        vm.dict_set(&d, Value::string(k), v)?;
    }
    Ok(Value::Dict(d))
}

fn aiter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    exactly(vm, &args, "aiter", 1)?;
    vm.get_aiter(&args.pos[0])
}

fn anext(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.pos.is_empty() {
        return Err(vm.type_error("anext expected at least 1 argument, got 0"));
    }
    let awaitable = vm.get_anext(&args.pos[0])?;
    match args.pos.get(1) {
        Some(default) => Ok(new_iter(IterState::AnextDefault(
            awaitable,
            default.clone(),
        ))),
        None => Ok(awaitable),
    }
}

fn exit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let code = args.pos.first().cloned().unwrap_or(Value::None);
    let args = if code.is_none() { vec![] } else { vec![code] };
    Err(vm.err_with(&vm.types.system_exit.clone(), args))
}

// ----- constructors --------------------------------------------------------------------------

/// Wraps a builtin value for a subclass instance (`class MyList(list)`), or returns it as is.
pub(crate) fn boxed_for(vm: &Vm, cls: &Value, v: Value, base: &Rc<Class>) -> Value {
    match cls {
        Value::Class(c) if !Rc::ptr_eq(c, base) => {
            let _ = vm;
            Value::Instance(Rc::new(Instance::new(c.clone(), Payload::boxed(v))))
        }
        _ => v,
    }
}

fn int_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = args.pos.first().cloned().unwrap_or(Value::None);
    let rest = &args.pos[1..];
    check_kw(vm, &args, "int", &["base"])?;
    if rest.len() > 2 {
        return Err(vm.type_error(format!(
            "int() takes at most 2 arguments ({} given)",
            rest.len()
        )));
    }
    let base = rest.get(1).cloned().or_else(|| kwarg(&args, "base"));
    let v = match (rest.first(), base) {
        (None, None) => Value::Int(0),
        (None, Some(_)) => return Err(vm.type_error("int() missing string argument")),
        (Some(x), None) => to_int(vm, x)?,
        (Some(x), Some(b)) => {
            let b = as_int_arg(vm, &b)?;
            if b != 0 && !(2..=36).contains(&b) {
                return Err(vm.value_error("int() base must be >= 2 and <= 36, or 0"));
            }
            match x {
                Value::Str(s) => Value::from_bigint(
                    numfmt::parse_int(s.as_str(), b as u32).map_err(|e| vm.value_error(e))?,
                ),
                Value::Bytes(bytes) => {
                    let s = String::from_utf8_lossy(bytes).to_string();
                    Value::from_bigint(
                        numfmt::parse_int(&s, b as u32).map_err(|e| vm.value_error(e))?,
                    )
                }
                _ => return Err(vm.type_error("int() can't convert non-string with explicit base")),
            }
        }
    };
    Ok(boxed_for(vm, &cls, v, &vm.types.int.clone()))
}

/// `int(x)` for one argument.
pub fn to_int(vm: &mut Vm, x: &Value) -> PyResult<Value> {
    Ok(match x {
        Value::Int(_) | Value::BigInt(_) => x.clone(),
        Value::Bool(b) => Value::Int(b.get() as i64),
        Value::Float(f) => {
            Value::from_bigint(numfmt::float_to_int(f.get()).map_err(|e| vm.numfmt_error(e))?)
        }
        Value::Str(s) => {
            Value::from_bigint(numfmt::parse_int(s.as_str(), 10).map_err(|e| vm.value_error(e))?)
        }
        Value::Bytes(b) => {
            let s = String::from_utf8_lossy(b).to_string();
            Value::from_bigint(numfmt::parse_int(&s, 10).map_err(|e| vm.value_error(e))?)
        }
        other => {
            for name in [sym::INT, sym::INDEX] {
                if let Some(v) = vm.call_special(other, name, &[])? {
                    return Ok(v);
                }
            }
            if let Value::Instance(i) = other {
                if let Payload::Boxed(b) = &i.payload {
                    let inner = b.borrow().clone();
                    return to_int(vm, &inner);
                }
            }
            return Err(vm.type_error(format!(
                "int() argument must be a string, a bytes-like object or a real number, not '{}'",
                vm.type_name(other)
            )));
        }
    })
}

fn bool_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_kw(vm, &args, "bool", &[])?;
    ctor_at_most(vm, &args, "bool", 1)?;
    match args.pos.get(1) {
        Some(v) => Ok(Value::bool(vm.truthy(v)?)),
        None => Ok(Value::FALSE),
    }
}

fn float_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_kw(vm, &args, "float", &[])?;
    ctor_at_most(vm, &args, "float", 1)?;
    let cls = args.pos.first().cloned().unwrap_or(Value::None);
    let v = match args.pos.get(1) {
        None => Value::float(0.0),
        Some(x) => Value::float(to_float(vm, x)?),
    };
    Ok(boxed_for(vm, &cls, v, &vm.types.float.clone()))
}

pub fn to_float(vm: &mut Vm, x: &Value) -> PyResult<f64> {
    match x {
        Value::Float(f) => Ok(f.get()),
        Value::Int(i) => Ok(*i as f64),
        Value::Bool(b) => Ok(b.get() as i64 as f64),
        Value::BigInt(b) => super::num::big_to_f64(vm, b),
        Value::Str(s) => numfmt::parse_float(s.as_str()).map_err(|e| vm.value_error(e)),
        other => {
            if let Some(v) = vm.call_special(other, sym::FLOAT, &[])? {
                if let Value::Float(f) = v {
                    return Ok(f.get());
                }
                return Err(vm.type_error(format!(
                    "{}.__float__ returned non-float (type {})",
                    vm.type_name(other),
                    vm.type_name(&v)
                )));
            }
            if let Some(Value::Int(i)) = vm.call_special(other, sym::INDEX, &[])? {
                return Ok(i as f64);
            }
            if let Value::Instance(i) = other {
                if let Payload::Boxed(b) = &i.payload {
                    let inner = b.borrow().clone();
                    return to_float(vm, &inner);
                }
            }
            Err(vm.type_error(format!(
                "float() argument must be a string or a real number, not '{}'",
                vm.type_name(other)
            )))
        }
    }
}

fn str_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = args.pos.first().cloned().unwrap_or(Value::None);
    check_kw(vm, &args, "str", &["object", "encoding", "errors"])?;
    if args.pos.len() > 4 {
        return Err(vm.type_error(format!(
            "str() takes at most 3 arguments ({} given)",
            args.pos.len() - 1
        )));
    }
    let object = args.pos.get(1).cloned().or_else(|| kwarg(&args, "object"));
    let encoding = args
        .pos
        .get(2)
        .cloned()
        .or_else(|| kwarg(&args, "encoding"));
    let errors = args.pos.get(3).cloned().or_else(|| kwarg(&args, "errors"));
    let v = match object {
        None => {
            // Argument Clinic checks the types even when there is nothing to decode.
            str_arg(vm, encoding.as_ref(), "encoding")?;
            str_arg(vm, errors.as_ref(), "errors")?;
            Value::str("")
        }
        Some(x) if encoding.is_some() || errors.is_some() => {
            let encoding = str_arg(vm, encoding.as_ref(), "encoding")?;
            let errors = str_arg(vm, errors.as_ref(), "errors")?;
            Value::string(decode_object(
                vm,
                &x,
                encoding.as_deref().unwrap_or("utf-8"),
                errors.as_deref().unwrap_or("strict"),
            )?)
        }
        Some(x) => match x {
            Value::Str(_) => x,
            Value::Int(i) => super::str::int_value(i),
            other => Value::string(vm.to_str(&other)?),
        },
    };
    Ok(boxed_for(vm, &cls, v, &vm.types.str.clone()))
}

/// The `encoding` or `errors` argument of `str()`, which must be a str when given.
fn str_arg(vm: &Vm, v: Option<&Value>, name: &str) -> PyResult<Option<String>> {
    let Some(v) = v else {
        return Ok(None);
    };
    if let Value::Str(s) = v {
        return Ok(Some(s.as_str().to_string()));
    }
    if let Value::Instance(i) = v {
        if let Payload::Boxed(b) = &i.payload {
            if let Value::Str(s) = &*b.borrow() {
                return Ok(Some(s.as_str().to_string()));
            }
        }
    }
    Err(vm.type_error(format!(
        "str() argument '{name}' must be str, not {}",
        vm.type_name(v)
    )))
}

/// `str(object, encoding, errors)`: decodes a bytes-like object through the codecs, as
/// `bytes.decode` does (CPython's `PyUnicode_FromEncodedObject`).
fn decode_object(vm: &mut Vm, x: &Value, encoding: &str, errors: &str) -> PyResult<String> {
    if let Some(data) = super::bytes_methods::as_bytes(x) {
        return super::codecs::decode(vm, &data, encoding, errors);
    }
    let is_str = match x {
        Value::Str(_) => true,
        Value::Instance(i) => i.class.is_subclass_of(&vm.types.str),
        _ => false,
    };
    Err(vm.type_error(if is_str {
        "decoding str is not supported".to_string()
    } else {
        format!(
            "decoding to str: need a bytes-like object, {} found",
            vm.type_name(x)
        )
    }))
}

fn bytes_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let data = super::bytes_methods::bytes_from_args(vm, &args.pos[1..], args.kw, "bytes")?;
    Ok(Value::Bytes(Rc::new(data)))
}

/// `list.__new__`: an empty list (or subclass instance); `list.__init__` fills it, as in
/// CPython, so a subclass's own `__init__` decides what its arguments mean.
fn list_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = args.pos.first().cloned().unwrap_or(Value::None);
    let list = Value::list(vec![]);
    if is_exact(&cls, &vm.types.list) {
        // The exact type is filled here: the VM skips `__init__` for it.
        fill(vm, &args, list.clone(), list_init)?;
        return Ok(list);
    }
    Ok(boxed_for(vm, &cls, list, &vm.types.list.clone()))
}

/// Runs a builtin `__init__` on a fresh value with the constructor's arguments.
fn fill(vm: &mut Vm, args: &Args, target: Value, init: BuiltinFn) -> PyResult<()> {
    let mut pos = Vec::with_capacity(args.pos.len());
    pos.push(target);
    pos.extend_from_slice(&args.pos[1..]);
    init(
        vm,
        Args {
            pos: &pos,
            kw: args.kw,
            data: args.data,
        },
    )?;
    Ok(())
}

fn is_exact(cls: &Value, base: &Rc<Class>) -> bool {
    matches!(cls, Value::Class(c) if Rc::ptr_eq(c, base))
}

/// The builtin value behind `self` in `__init__` of a builtin container.
fn init_target(args: &Args) -> Value {
    match args.pos.first() {
        Some(Value::Instance(i)) => match &i.payload {
            Payload::Boxed(b) => b.borrow().clone(),
            _ => Value::None,
        },
        Some(v) => v.clone(),
        None => Value::None,
    }
}

fn list_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_kw(vm, &args, "list", &[])?;
    ctor_at_most(vm, &args, "list", 1)?;
    let Value::List(l) = init_target(&args) else {
        return Err(vm.type_error("descriptor '__init__' requires a 'list' object"));
    };
    let items = match args.pos.get(1) {
        Some(v) => vm.collect(v)?,
        None => vec![],
    };
    *l.borrow_mut() = items;
    Ok(Value::None)
}

fn dict_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    ctor_at_most(vm, &args, "dict", 1)?;
    let d = init_target(&args);
    let Value::Dict(dr) = &d else {
        return Err(vm.type_error("descriptor '__init__' requires a 'dict' object"));
    };
    if let Some(src) = args.pos.get(1) {
        vm.dict_update_from(&d, src, false)?;
    }
    for (k, v) in args.kw {
        vm.dict_set(dr, Value::str(k.as_str()), v.clone())?;
    }
    Ok(Value::None)
}

fn set_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_kw(vm, &args, "set", &[])?;
    ctor_at_most(vm, &args, "set", 1)?;
    let Value::Set(s) = init_target(&args) else {
        return Err(vm.type_error("descriptor '__init__' requires a 'set' object"));
    };
    if !s.borrow().is_empty() {
        s.borrow_mut().clear();
    }
    if let Some(src) = args.pos.get(1) {
        super::setops::update_internal(vm, &s, src)?;
    }
    Ok(Value::None)
}

fn tuple_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_kw(vm, &args, "tuple", &[])?;
    ctor_at_most(vm, &args, "tuple", 1)?;
    let cls = args.pos.first().cloned().unwrap_or(Value::None);
    let v = match args.pos.get(1) {
        Some(Value::Tuple(t)) => Value::Tuple(t.clone()),
        Some(v) => Value::tuple(vm.collect(v)?),
        None => Value::tuple(vec![]),
    };
    Ok(boxed_for(vm, &cls, v, &vm.types.tuple.clone()))
}

fn dict_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = args.pos.first().cloned().unwrap_or(Value::None);
    let d = Value::dict(super::dict::Dict::new());
    if is_exact(&cls, &vm.types.dict) {
        fill(vm, &args, d.clone(), dict_init)?;
        return Ok(d);
    }
    Ok(boxed_for(vm, &cls, d, &vm.types.dict.clone()))
}

fn set_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = args.pos.first().cloned().unwrap_or(Value::None);
    let s = Value::Set(super::setops::make_new_set(vm, None)?);
    if is_exact(&cls, &vm.types.set) {
        fill(vm, &args, s.clone(), set_init)?;
        return Ok(s);
    }
    Ok(boxed_for(vm, &cls, s, &vm.types.set.clone()))
}

fn frozenset_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_kw(vm, &args, "frozenset", &[])?;
    if args.pos.len() > 2 {
        return Err(vm.type_error(format!(
            "frozenset expected at most 1 argument, got {}",
            args.pos.len() - 1
        )));
    }
    // `frozenset(fs)` is `fs` itself.
    if let Some(v @ Value::FrozenSet(_)) = args.pos.get(1) {
        return Ok(v.clone());
    }
    let s = super::setops::make_new_set(vm, args.pos.get(1))?;
    Ok(Value::FrozenSet(s))
}

fn range_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check_kw(vm, &args, "range", &[])?;
    let rest = &args.pos[1..];
    let mut ints = Vec::with_capacity(rest.len());
    for v in rest {
        match vm.index_of(v)? {
            Some(i) => ints.push(i),
            None => {
                return Err(vm.type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    vm.type_name(v)
                )))
            }
        }
    }
    match ints.as_slice() {
        [stop] => super::seq::make_range(vm, 0, *stop, 1),
        [start, stop] => super::seq::make_range(vm, *start, *stop, 1),
        [start, stop, step] => super::seq::make_range(vm, *start, *stop, *step),
        [] => Err(vm.type_error("range expected at least 1 argument, got 0")),
        _ => Err(vm.type_error(format!(
            "range expected at most 3 arguments, got {}",
            ints.len()
        ))),
    }
}

fn slice_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let rest = &args.pos[1..];
    let (start, stop, step) = match rest {
        [stop] => (Value::None, stop.clone(), Value::None),
        [a, b] => (a.clone(), b.clone(), Value::None),
        [a, b, c] => (a.clone(), b.clone(), c.clone()),
        [] => return Err(vm.type_error("slice expected at least 1 argument, got 0")),
        _ => {
            return Err(vm.type_error(format!(
                "slice expected at most 3 arguments, got {}",
                rest.len()
            )))
        }
    };
    Ok(Value::Slice(Rc::new(crate::vm::object::Slice {
        start,
        stop,
        step,
        shared: false,
    })))
}

/// `dir(obj)` as a sorted list of names (also used for "Did you mean" suggestions).
pub fn dir_names(vm: &mut Vm, obj: &Value) -> Vec<String> {
    let mut names: Vec<String> = match obj {
        Value::Module(m) => m
            .globals
            .borrow()
            .bound()
            .map(|(n, _)| n.to_string())
            .collect(),
        Value::Class(c) => c
            .mro()
            .iter()
            .flat_map(|k| {
                k.dict
                    .borrow()
                    .keys()
                    .map(|s| s.to_string())
                    .collect::<Vec<_>>()
            })
            .collect(),
        other => {
            let mut n: Vec<String> = Vec::new();
            if let Value::Instance(i) = other {
                n.extend(super::instdict::names(i));
            }
            for c in vm.class_of(other).mro() {
                n.extend(c.dict.borrow().keys().map(|s| s.to_string()));
            }
            n
        }
    };
    names.sort();
    names.dedup();
    names
}
