//! `str.format`: replacement fields `{}`, `{0}`, `{name}`, `{0.attr}`, `{0[key]}`, conversions
//! `!r/!s/!a`, and nested format specs `{:{width}}`.

use crate::vm::symbol::{intern, Symbol};
use crate::vm::value::Value;
use crate::vm::{PyResult, Vm};

pub fn format(vm: &mut Vm, fmt: &str, args: &[Value], kw: &[(Symbol, Value)]) -> PyResult<Value> {
    let mut auto = 0usize;
    let mut manual = false;
    let out = format_inner(vm, fmt, args, kw, &mut auto, &mut manual, 0)?;
    Ok(Value::string(out))
}

fn format_inner(
    vm: &mut Vm,
    fmt: &str,
    args: &[Value],
    kw: &[(Symbol, Value)],
    auto: &mut usize,
    manual: &mut bool,
    depth: usize,
) -> PyResult<String> {
    if depth > 2 {
        return Err(vm.value_error("Max string recursion exceeded"));
    }
    let chars: Vec<char> = fmt.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '{' {
            if chars.get(i + 1) == Some(&'{') {
                out.push('{');
                i += 2;
                continue;
            }
            // Find the matching close brace, allowing one level of nesting in the spec.
            let mut j = i + 1;
            let mut nest = 1;
            while j < chars.len() {
                if chars[j] == '{' {
                    nest += 1;
                } else if chars[j] == '}' {
                    nest -= 1;
                    if nest == 0 {
                        break;
                    }
                }
                j += 1;
            }
            if j >= chars.len() {
                return Err(vm.value_error("expected '}' before end of string"));
            }
            let field: String = chars[i + 1..j].iter().collect();
            out.push_str(&render_field(vm, &field, args, kw, auto, manual, depth)?);
            i = j + 1;
        } else if c == '}' {
            if chars.get(i + 1) == Some(&'}') {
                out.push('}');
                i += 2;
                continue;
            }
            return Err(vm.value_error("Single '}' encountered in format string"));
        } else {
            out.push(c);
            i += 1;
        }
    }
    Ok(out)
}

fn render_field(
    vm: &mut Vm,
    field: &str,
    args: &[Value],
    kw: &[(Symbol, Value)],
    auto: &mut usize,
    manual: &mut bool,
    depth: usize,
) -> PyResult<String> {
    // Split "name!conv:spec".
    let (name_conv, spec) = match field.find(':') {
        Some(p) => (&field[..p], &field[p + 1..]),
        None => (field, ""),
    };
    let (name, conv) = match name_conv.find('!') {
        Some(p) => (&name_conv[..p], Some(&name_conv[p + 1..])),
        None => (name_conv, None),
    };
    // First part of the name: index or keyword; then .attr / [key] accessors.
    let first_end = name.find(['.', '[']).unwrap_or(name.len());
    let first = &name[..first_end];
    let mut value = if first.is_empty() {
        if *manual {
            return Err(vm.value_error(
                "cannot switch from manual field specification to automatic field numbering",
            ));
        }
        let v = args.get(*auto).cloned().ok_or_else(|| {
            vm.index_error(format!(
                "Replacement index {} out of range for positional args tuple",
                *auto
            ))
        })?;
        *auto += 1;
        v
    } else if let Ok(n) = first.parse::<usize>() {
        if *auto > 0 {
            return Err(vm.value_error(
                "cannot switch from automatic field numbering to manual field specification",
            ));
        }
        *manual = true;
        args.get(n).cloned().ok_or_else(|| {
            vm.index_error(format!(
                "Replacement index {n} out of range for positional args tuple"
            ))
        })?
    } else {
        let sym = intern(first);
        kw.iter()
            .find(|(k, _)| *k == sym)
            .map(|(_, v)| v.clone())
            .ok_or_else(|| vm.key_error(Value::str(first)))?
    };
    let mut rest = &name[first_end..];
    while !rest.is_empty() {
        if let Some(r) = rest.strip_prefix('.') {
            let end = r.find(['.', '[']).unwrap_or(r.len());
            value = vm.get_attr(&value, intern(&r[..end]))?;
            rest = &r[end..];
        } else if let Some(r) = rest.strip_prefix('[') {
            let end = r
                .find(']')
                .ok_or_else(|| vm.value_error("Missing ']' in format string"))?;
            let key = &r[..end];
            let k = match key.parse::<i64>() {
                Ok(n) => Value::Int(n),
                Err(_) => Value::str(key),
            };
            value = vm.get_item(&value, &k)?;
            rest = &r[end + 1..];
        } else {
            return Err(vm.value_error("Only '.' or '[' may follow ']' in format field specifier"));
        }
    }
    let value = match conv {
        None => value,
        Some("r") => Value::string(vm.repr(&value)?),
        Some("s") => Value::string(vm.to_str(&value)?),
        Some("a") => Value::string(super::repr::ascii_escape(&vm.repr(&value)?)),
        Some(other) => {
            return Err(vm.value_error(format!(
                "Unknown conversion specifier {}",
                other.chars().next().unwrap_or(' ')
            )))
        }
    };
    let spec = if spec.contains('{') {
        format_inner(vm, spec, args, kw, auto, manual, depth + 1)?
    } else {
        spec.to_string()
    };
    vm.format(&value, &spec)
}
