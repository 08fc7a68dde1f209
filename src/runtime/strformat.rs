//! `str.format` and `str.format_map`: a port of CPython's `unicode_format.h` — the markup
//! iterator (`{{`/`}}` escapes, fields with `[...]` keys that may contain braces), field names
//! (`0`, `name`, auto-numbering, `.attr` and `[key]` chains), conversions `!r/!s/!a`, and format
//! specs with nested fields (expanded recursively, at most two levels deep), with CPython's
//! error messages.

use crate::vm::symbol::{intern, Symbol};
use crate::vm::value::Value;
use crate::vm::{PyResult, Vm};

/// Where named fields come from: keyword arguments, or any mapping (`format_map`).
enum Named<'a> {
    Kw(&'a [(Symbol, Value)]),
    Map(&'a Value),
}

#[derive(PartialEq, Eq, Clone, Copy)]
enum AutoNumber {
    Init,
    Auto,
    Manual,
}

struct Ctx<'a> {
    /// Positional arguments; `None` for `format_map`, which has none.
    args: Option<&'a [Value]>,
    named: Named<'a>,
    state: AutoNumber,
    next: usize,
}

pub fn format(vm: &mut Vm, fmt: &str, args: &[Value], kw: &[(Symbol, Value)]) -> PyResult<Value> {
    let mut ctx = Ctx {
        args: Some(args),
        named: Named::Kw(kw),
        state: AutoNumber::Init,
        next: 0,
    };
    let chars: Vec<char> = fmt.chars().collect();
    Ok(Value::string(build_string(vm, &chars, &mut ctx, 2)?))
}

pub fn format_map(vm: &mut Vm, fmt: &str, mapping: &Value) -> PyResult<Value> {
    let mut ctx = Ctx {
        args: None,
        named: Named::Map(mapping),
        state: AutoNumber::Init,
        next: 0,
    };
    let chars: Vec<char> = fmt.chars().collect();
    Ok(Value::string(build_string(vm, &chars, &mut ctx, 2)?))
}

/// One replacement field as the markup iterator finds it.
struct Field {
    name: Vec<char>,
    conversion: Option<char>,
    spec: Vec<char>,
    spec_needs_expanding: bool,
}

fn build_string(vm: &mut Vm, s: &[char], ctx: &mut Ctx, depth: i32) -> PyResult<String> {
    if depth <= 0 {
        return Err(vm.value_error("Max string recursion exceeded"));
    }
    let mut out = String::new();
    let mut pos = 0;
    while pos < s.len() {
        // Literal text up to the first brace.
        let start = pos;
        let mut c = '\0';
        let mut markup_follows = false;
        while pos < s.len() {
            c = s[pos];
            pos += 1;
            if c == '{' || c == '}' {
                markup_follows = true;
                break;
            }
        }
        let at_end = pos >= s.len();
        let mut len = pos - start;
        if c == '}' && markup_follows && (at_end || s[pos] != '}') {
            return Err(vm.value_error("Single '}' encountered in format string"));
        }
        if at_end && c == '{' && markup_follows {
            return Err(vm.value_error("Single '{' encountered in format string"));
        }
        if !at_end && markup_follows {
            if s[pos] == c {
                // An escaped brace: literal text only.
                pos += 1;
                markup_follows = false;
            } else {
                len -= 1;
            }
        }
        out.extend(&s[start..start + len]);
        if !markup_follows {
            continue;
        }
        let field = parse_field(vm, s, &mut pos)?;
        out.push_str(&render_field(vm, &field, ctx, depth)?);
    }
    Ok(out)
}

/// Parses `name[!conv][:spec]}` starting at `*pos` (just after the `{`).
fn parse_field(vm: &Vm, s: &[char], pos: &mut usize) -> PyResult<Field> {
    let name_start = *pos;
    let mut c = '\0';
    while *pos < s.len() {
        c = s[*pos];
        *pos += 1;
        match c {
            '{' => return Err(vm.value_error("unexpected '{' in field name")),
            '[' => {
                while *pos < s.len() && s[*pos] != ']' {
                    *pos += 1;
                }
                continue;
            }
            '}' | ':' | '!' => break,
            _ => continue,
        }
    }
    let mut field = Field {
        name: Vec::new(),
        conversion: None,
        spec: Vec::new(),
        spec_needs_expanding: false,
    };
    if c == '!' || c == ':' {
        field.name = s[name_start..*pos - 1].to_vec();
        if c == '!' {
            if *pos >= s.len() {
                return Err(vm.value_error("end of string while looking for conversion specifier"));
            }
            field.conversion = Some(s[*pos]);
            *pos += 1;
            if *pos < s.len() {
                let c2 = s[*pos];
                *pos += 1;
                if c2 == '}' {
                    return Ok(field);
                }
                if c2 != ':' {
                    return Err(vm.value_error("expected ':' after conversion specifier"));
                }
            }
        }
        let spec_start = *pos;
        let mut count = 1;
        while *pos < s.len() {
            let ch = s[*pos];
            *pos += 1;
            match ch {
                '{' => {
                    field.spec_needs_expanding = true;
                    count += 1;
                }
                '}' => {
                    count -= 1;
                    if count == 0 {
                        field.spec = s[spec_start..*pos - 1].to_vec();
                        return Ok(field);
                    }
                }
                _ => {}
            }
        }
        return Err(vm.value_error("unmatched '{' in format spec"));
    }
    if c != '}' {
        return Err(vm.value_error("expected '}' before end of string"));
    }
    field.name = s[name_start..*pos - 1].to_vec();
    Ok(field)
}

/// CPython's `get_integer`: a non-negative decimal index, `None` when `s` is not all digits.
fn get_integer(vm: &Vm, s: &[char]) -> PyResult<Option<usize>> {
    if s.is_empty() {
        return Ok(None);
    }
    let mut n: usize = 0;
    for &c in s {
        let Some(d) = c.to_digit(10) else {
            return Ok(None);
        };
        n = match n.checked_mul(10).and_then(|n| n.checked_add(d as usize)) {
            Some(n) if n <= isize::MAX as usize => n,
            _ => return Err(vm.value_error("Too many decimal digits in format string")),
        };
    }
    Ok(Some(n))
}

fn get_field_object(vm: &mut Vm, name: &[char], ctx: &mut Ctx) -> PyResult<Value> {
    let first_end = name
        .iter()
        .position(|&c| c == '.' || c == '[')
        .unwrap_or(name.len());
    let first = &name[..first_end];
    let mut idx = get_integer(vm, first)?;
    let empty = first.is_empty();
    if empty || idx.is_some() {
        if ctx.state == AutoNumber::Init {
            ctx.state = if empty {
                AutoNumber::Auto
            } else {
                AutoNumber::Manual
            };
        }
        if ctx.state == AutoNumber::Manual && empty {
            return Err(vm.value_error(
                "cannot switch from manual field specification to automatic field numbering",
            ));
        }
        if ctx.state == AutoNumber::Auto && !empty {
            return Err(vm.value_error(
                "cannot switch from automatic field numbering to manual field specification",
            ));
        }
        if empty {
            idx = Some(ctx.next);
            ctx.next += 1;
        }
    }
    let mut obj = match idx {
        Some(i) => match ctx.args {
            None => return Err(vm.value_error("Format string contains positional fields")),
            Some(args) => match args.get(i) {
                Some(v) => v.clone(),
                None => {
                    return Err(vm.index_error(format!(
                        "Replacement index {i} out of range for positional args tuple"
                    )))
                }
            },
        },
        None => {
            let key: String = first.iter().collect();
            match ctx.named {
                Named::Kw(kw) => {
                    let sym = intern(&key);
                    match kw.iter().find(|(k, _)| *k == sym) {
                        Some((_, v)) => v.clone(),
                        None => return Err(vm.key_error(Value::string(key))),
                    }
                }
                Named::Map(m) => vm.get_item(m, &Value::string(key))?,
            }
        }
    };
    // The `.attr` / `[key]` chain.
    let mut i = first_end;
    while i < name.len() {
        let c = name[i];
        i += 1;
        match c {
            '.' => {
                let start = i;
                while i < name.len() && name[i] != '.' && name[i] != '[' {
                    i += 1;
                }
                if start == i {
                    return Err(vm.value_error("Empty attribute in format string"));
                }
                let attr: String = name[start..i].iter().collect();
                obj = vm.get_attr(&obj, intern(&attr))?;
            }
            '[' => {
                let start = i;
                while i < name.len() && name[i] != ']' {
                    i += 1;
                }
                if i >= name.len() {
                    return Err(vm.value_error("Missing ']' in format string"));
                }
                let key = &name[start..i];
                i += 1;
                if key.is_empty() {
                    return Err(vm.value_error("Empty attribute in format string"));
                }
                let k = match get_integer(vm, key)? {
                    Some(n) => Value::Int(n as i64),
                    None => Value::string(key.iter().collect()),
                };
                obj = vm.get_item(&obj, &k)?;
            }
            _ => {
                return Err(
                    vm.value_error("Only '.' or '[' may follow ']' in format field specifier")
                )
            }
        }
    }
    Ok(obj)
}

fn render_field(vm: &mut Vm, field: &Field, ctx: &mut Ctx, depth: i32) -> PyResult<String> {
    let obj = get_field_object(vm, &field.name, ctx)?;
    let obj = match field.conversion {
        None => obj,
        Some('r') => Value::string(vm.repr(&obj)?),
        Some('s') => Value::string(vm.to_str(&obj)?),
        Some('a') => Value::string(super::repr::ascii_escape(&vm.repr(&obj)?)),
        Some(c) => {
            let n = c as u32;
            return Err(vm.value_error(if n > 32 && n < 127 {
                format!("Unknown conversion specifier {c}")
            } else {
                format!("Unknown conversion specifier \\x{n:x}")
            }));
        }
    };
    let spec: String = if field.spec_needs_expanding {
        build_string(vm, &field.spec, ctx, depth - 1)?
    } else {
        field.spec.iter().collect()
    };
    if spec.is_empty() {
        if let Value::Str(s) = &obj {
            return Ok(s.as_str().to_string());
        }
    }
    vm.format(&obj, &spec)
}
