//! printf-style formatting: `"%s has %d items" % (name, n)`.

use crate::vm::value::Value;
use crate::vm::{PyResult, Vm};

/// `fmt % args` with CPython's conversion rules for `%s %r %a %d %i %u %x %X %o %e %E %f %F
/// %g %G %c %%`, flags `-+ #0`, width and precision (including `*`), and `%(name)s` mappings.
pub fn percent_format(vm: &mut Vm, fmt: &str, args: &Value) -> PyResult<Value> {
    let (items, mapping): (Vec<Value>, Option<Value>) = match args {
        Value::Tuple(t) => (t.to_vec(), None),
        Value::Dict(_) => (vec![args.clone()], Some(args.clone())),
        other => (vec![other.clone()], None),
    };
    let mut out = String::new();
    let mut next = 0usize;
    let chars: Vec<char> = fmt.chars().collect();
    let mut i = 0;
    let take = |vm: &mut Vm, next: &mut usize| -> PyResult<Value> {
        let v = items
            .get(*next)
            .cloned()
            .ok_or_else(|| vm.type_error("not enough arguments for format string"))?;
        *next += 1;
        Ok(v)
    };
    while i < chars.len() {
        let c = chars[i];
        if c != '%' {
            out.push(c);
            i += 1;
            continue;
        }
        i += 1;
        let mut key: Option<String> = None;
        if chars.get(i) == Some(&'(') {
            let start = i + 1;
            let mut depth = 1;
            let mut j = start;
            while j < chars.len() && depth > 0 {
                if chars[j] == '(' {
                    depth += 1;
                } else if chars[j] == ')' {
                    depth -= 1;
                }
                j += 1;
            }
            key = Some(chars[start..j - 1].iter().collect());
            i = j;
        }
        let mut flags = String::new();
        while let Some(&f) = chars.get(i) {
            if "-+ #0".contains(f) {
                flags.push(f);
                i += 1;
            } else {
                break;
            }
        }
        let mut width = String::new();
        if chars.get(i) == Some(&'*') {
            let w = take(vm, &mut next)?;
            width = vm.to_str(&w)?;
            i += 1;
        }
        while let Some(&d) = chars.get(i) {
            if d.is_ascii_digit() {
                width.push(d);
                i += 1;
            } else {
                break;
            }
        }
        let mut precision: Option<String> = None;
        if chars.get(i) == Some(&'.') {
            i += 1;
            let mut p = String::new();
            if chars.get(i) == Some(&'*') {
                let w = take(vm, &mut next)?;
                p = vm.to_str(&w)?;
                i += 1;
            }
            while let Some(&d) = chars.get(i) {
                if d.is_ascii_digit() {
                    p.push(d);
                    i += 1;
                } else {
                    break;
                }
            }
            precision = Some(p);
        }
        let Some(&conv) = chars.get(i) else {
            return Err(vm.value_error("incomplete format"));
        };
        i += 1;
        if conv == '%' {
            out.push('%');
            continue;
        }
        let value = match (&key, &mapping) {
            (Some(k), Some(m)) => vm.get_item(m, &Value::str(k))?,
            (Some(_), None) => return Err(vm.type_error("format requires a mapping")),
            _ => take(vm, &mut next)?,
        };
        let left = flags.contains('-');
        let mut spec = String::new();
        let numeric = "diouxXeEfFgG".contains(conv);
        if left {
            spec.push('<');
        } else if numeric {
            spec.push('>');
        }
        if flags.contains('+') {
            spec.push('+');
        } else if flags.contains(' ') {
            spec.push(' ');
        }
        if flags.contains('#') {
            spec.push('#');
        }
        if flags.contains('0') && !left && numeric {
            spec.pop_if_align();
            spec.push('0');
        }
        spec.push_str(&width);
        let piece = match conv {
            's' => {
                let s = vm.to_str(&value)?;
                let s = match &precision {
                    Some(p) => s.chars().take(p.parse().unwrap_or(0)).collect(),
                    None => s,
                };
                vm.format(&Value::string(s), &spec)?
            }
            'r' | 'a' => {
                let s = vm.repr(&value)?;
                vm.format(&Value::string(s), &spec)?
            }
            'c' => {
                let s = match &value {
                    Value::Int(n) => char::from_u32(*n as u32)
                        .map(String::from)
                        .unwrap_or_default(),
                    Value::Str(s) => s.as_str().to_string(),
                    _ => return Err(vm.type_error("%c requires int or char")),
                };
                vm.format(&Value::string(s), &spec)?
            }
            'd' | 'i' | 'u' => {
                let n = to_int(vm, &value, conv)?;
                if let Some(p) = &precision {
                    spec.push('.');
                    spec.push_str(p);
                    let _ = p;
                }
                vm.format(&n, spec.split('.').next().unwrap_or(""))?
            }
            'x' | 'X' | 'o' => {
                let n = to_int(vm, &value, conv)?;
                spec.push(conv);
                vm.format(&n, &spec)?
            }
            'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
                let f = match &value {
                    Value::Float(f) => Value::Float(*f),
                    Value::Int(i) => Value::Float(*i as f64),
                    Value::Bool(b) => Value::Float(*b as i64 as f64),
                    other => {
                        return Err(vm.type_error(format!(
                            "must be real number, not {}",
                            vm.type_name(other)
                        )))
                    }
                };
                spec.push('.');
                spec.push_str(precision.as_deref().unwrap_or("6"));
                spec.push(conv);
                vm.format(&f, &spec)?
            }
            other => {
                return Err(vm.value_error(format!(
                    "unsupported format character '{}' ({:#x}) at index {}",
                    other,
                    other as u32,
                    i - 1
                )))
            }
        };
        out.push_str(&piece);
    }
    if mapping.is_none() && next < items.len() && !matches!(args, Value::Dict(_)) {
        return Err(vm.type_error("not all arguments converted during string formatting"));
    }
    Ok(Value::string(out))
}

trait PopAlign {
    fn pop_if_align(&mut self);
}

impl PopAlign for String {
    fn pop_if_align(&mut self) {
        if self.starts_with('>') {
            self.remove(0);
        }
    }
}

fn to_int(vm: &mut Vm, v: &Value, conv: char) -> PyResult<Value> {
    match v {
        Value::Int(_) | Value::BigInt(_) => Ok(v.clone()),
        Value::Bool(b) => Ok(Value::Int(*b as i64)),
        Value::Float(f) if "diu".contains(conv) => Ok(Value::Int(f.trunc() as i64)),
        other => Err(vm.type_error(format!(
            "%{} format: {} is required, not {}",
            conv,
            if "diu".contains(conv) {
                "a real number"
            } else {
                "an integer"
            },
            vm.type_name(other)
        ))),
    }
}
