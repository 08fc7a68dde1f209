//! Methods of `str` and `bytes`.

use std::rc::Rc;

use crate::vm::object::{Args, BuiltinFn, Payload};
use crate::vm::value::Value;
use crate::vm::{PyResult, Vm};

pub const METHODS: &[(&str, BuiltinFn)] = &[
    ("join", str_join),
    ("split", str_split),
    ("strip", str_strip),
    ("lstrip", str_lstrip),
    ("rstrip", str_rstrip),
    ("upper", str_upper),
    ("lower", str_lower),
    ("replace", str_replace),
    ("startswith", str_startswith),
    ("endswith", str_endswith),
    ("find", str_find),
    ("format", str_format),
    ("encode", str_encode),
];

pub const BYTES_METHODS: &[(&str, BuiltinFn)] = &[("decode", bytes_decode)];

/// The `str` receiver (also the boxed value of a `str` subclass instance).
pub fn this_str(vm: &Vm, args: &Args) -> PyResult<Rc<super::str::PyStr>> {
    match args.pos.first() {
        Some(Value::Str(s)) => Ok(s.clone()),
        Some(Value::Instance(i)) => match &i.payload {
            Payload::Boxed(b) => match &*b.borrow() {
                Value::Str(s) => Ok(s.clone()),
                _ => Err(vm.type_error("descriptor requires a 'str' object")),
            },
            _ => Err(vm.type_error("descriptor requires a 'str' object")),
        },
        _ => Err(vm.type_error("descriptor requires a 'str' object")),
    }
}

fn str_arg(vm: &Vm, v: Option<&Value>, method: &str) -> PyResult<Option<Rc<super::str::PyStr>>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(Value::Str(s)) => Ok(Some(s.clone())),
        Some(other) => Err(vm.type_error(format!(
            "{method} arg must be None or str, not {}",
            vm.type_name(other)
        ))),
    }
}

fn str_join(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let sep = this_str(vm, &args)?;
    let Some(iterable) = args.pos.get(1) else {
        return Err(vm.type_error("str.join() takes exactly one argument (0 given)"));
    };
    let items = vm.collect(iterable)?;
    let mut out = String::new();
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(sep.as_str());
        }
        match item {
            Value::Str(s) => out.push_str(s.as_str()),
            other => {
                return Err(vm.type_error(format!(
                    "sequence item {i}: expected str instance, {} found",
                    vm.type_name(other)
                )))
            }
        }
    }
    Ok(Value::string(out))
}

fn maxsplit(vm: &mut Vm, args: &Args, pos: usize) -> PyResult<i64> {
    let v = args.pos.get(pos).or_else(|| {
        args.kw
            .iter()
            .find(|(k, _)| k.as_str() == "maxsplit")
            .map(|(_, v)| v)
    });
    match v {
        Some(v) => Ok(vm.index_of(v)?.unwrap_or(-1)),
        None => Ok(-1),
    }
}

fn str_split(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this_str(vm, &args)?;
    let sep_arg = args.pos.get(1).or_else(|| {
        args.kw
            .iter()
            .find(|(k, _)| k.as_str() == "sep")
            .map(|(_, v)| v)
    });
    let sep = str_arg(vm, sep_arg, "split")?;
    let max = maxsplit(vm, &args, 2)?;
    let text = s.as_str();
    let mut out = Vec::new();
    match sep {
        None => {
            let mut rest = text.trim_start();
            let mut n = 0;
            while !rest.is_empty() {
                if max >= 0 && n >= max {
                    out.push(Value::str(rest));
                    break;
                }
                let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
                out.push(Value::str(&rest[..end]));
                rest = rest[end..].trim_start();
                n += 1;
            }
        }
        Some(sep) => {
            if sep.as_str().is_empty() {
                return Err(vm.value_error("empty separator"));
            }
            if max < 0 {
                out.extend(text.split(sep.as_str()).map(Value::str));
            } else {
                out.extend(text.splitn(max as usize + 1, sep.as_str()).map(Value::str));
            }
        }
    }
    Ok(Value::list(out))
}

fn strip_impl(vm: &mut Vm, args: &Args, left: bool, right: bool, name: &str) -> PyResult<Value> {
    let s = this_str(vm, args)?;
    let chars = str_arg(vm, args.pos.get(1), name)?;
    let text = s.as_str();
    let r = match chars {
        None => match (left, right) {
            (true, true) => text.trim(),
            (true, false) => text.trim_start(),
            _ => text.trim_end(),
        },
        Some(cs) => {
            let set: Vec<char> = cs.as_str().chars().collect();
            let f = |c: char| set.contains(&c);
            match (left, right) {
                (true, true) => text.trim_matches(f),
                (true, false) => text.trim_start_matches(f),
                _ => text.trim_end_matches(f),
            }
        }
    };
    Ok(Value::str(r))
}

fn str_strip(vm: &mut Vm, args: Args) -> PyResult<Value> {
    strip_impl(vm, &args, true, true, "strip")
}

fn str_lstrip(vm: &mut Vm, args: Args) -> PyResult<Value> {
    strip_impl(vm, &args, true, false, "lstrip")
}

fn str_rstrip(vm: &mut Vm, args: Args) -> PyResult<Value> {
    strip_impl(vm, &args, false, true, "rstrip")
}

fn str_upper(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::string(this_str(vm, &args)?.as_str().to_uppercase()))
}

fn str_lower(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::string(this_str(vm, &args)?.as_str().to_lowercase()))
}

fn str_replace(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this_str(vm, &args)?;
    let (Some(Value::Str(old)), Some(Value::Str(new))) = (args.pos.get(1), args.pos.get(2)) else {
        return Err(vm.type_error("replace() arguments must be str"));
    };
    let count = match args.pos.get(3) {
        Some(v) => vm.index_of(v)?.unwrap_or(-1),
        None => -1,
    };
    if count < 0 {
        return Ok(Value::string(
            s.as_str().replace(old.as_str(), new.as_str()),
        ));
    }
    Ok(Value::string(s.as_str().replacen(
        old.as_str(),
        new.as_str(),
        count as usize,
    )))
}

fn affix_check(vm: &mut Vm, args: &Args, name: &str, f: fn(&str, &str) -> bool) -> PyResult<Value> {
    let s = this_str(vm, args)?;
    match args.pos.get(1) {
        Some(Value::Str(p)) => Ok(Value::Bool(f(s.as_str(), p.as_str()))),
        Some(Value::Tuple(t)) => {
            for p in t.iter() {
                if let Value::Str(p) = p {
                    if f(s.as_str(), p.as_str()) {
                        return Ok(Value::Bool(true));
                    }
                }
            }
            Ok(Value::Bool(false))
        }
        Some(other) => Err(vm.type_error(format!(
            "{name} first arg must be str or a tuple of str, not {}",
            vm.type_name(other)
        ))),
        None => Err(vm.type_error(format!("{name}() takes at least 1 argument (0 given)"))),
    }
}

fn str_startswith(vm: &mut Vm, args: Args) -> PyResult<Value> {
    affix_check(vm, &args, "startswith", |s, p| s.starts_with(p))
}

fn str_endswith(vm: &mut Vm, args: Args) -> PyResult<Value> {
    affix_check(vm, &args, "endswith", |s, p| s.ends_with(p))
}

fn str_find(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this_str(vm, &args)?;
    let Some(Value::Str(sub)) = args.pos.get(1) else {
        return Err(vm.type_error("must be str"));
    };
    Ok(Value::Int(match s.as_str().find(sub.as_str()) {
        Some(b) => s.as_str()[..b].chars().count() as i64,
        None => -1,
    }))
}

fn str_format(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this_str(vm, &args)?;
    super::strformat::format(vm, s.as_str(), &args.pos[1..], args.kw)
}

fn str_encode(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this_str(vm, &args)?;
    Ok(Value::Bytes(Rc::new(s.as_str().as_bytes().to_vec())))
}

fn bytes_decode(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match args.pos.first() {
        Some(Value::Bytes(b)) => match std::str::from_utf8(b) {
            Ok(s) => Ok(Value::str(s)),
            Err(e) => Err(vm.err(
                &vm.types
                    .exception_by_name("UnicodeDecodeError")
                    .unwrap_or(vm.types.value_error.clone()),
                format!(
                    "'utf-8' codec can't decode byte {:#04x} in position {}: invalid start byte",
                    b[e.valid_up_to()],
                    e.valid_up_to()
                ),
            )),
        },
        _ => Err(vm.type_error("descriptor 'decode' requires a 'bytes' object")),
    }
}
