//! `repr()`, `str()` and `format()` of every value, as CPython spells them, including the
//! `[...]` placeholder for containers that contain themselves.

use crate::compile::code::Conversion;
use crate::runtime::numfmt;
use crate::vm::object::{GeneratorKind, Payload};
use crate::vm::symbol::sym;
use crate::vm::value::Value;
use crate::vm::{PyResult, Vm};

/// The common f-string fields, `{n}` with an int and `{s}` with a str, without a format spec
/// (also the run loop's `FormatValue` fast path); `None` for anything else.
#[inline]
pub fn format_fast(v: &Value, conv: Conversion) -> Option<Value> {
    match (conv, v) {
        (Conversion::None | Conversion::Str, Value::Int(i)) => Some(super::str::int_value(*i)),
        (Conversion::None | Conversion::Str, Value::Str(_)) => Some(v.clone()),
        _ => None,
    }
}

impl Vm {
    pub fn repr(&mut self, v: &Value) -> PyResult<String> {
        Ok(match v {
            Value::None => "None".into(),
            Value::Bool(b) => if b.get() { "True" } else { "False" }.into(),
            Value::Int(i) => i.to_string(),
            Value::BigInt(b) => numfmt::int_to_decimal(b).map_err(|e| self.value_error(e))?,
            Value::Float(f) => numfmt::float_repr(f.get()),
            Value::Complex(z) => numfmt::complex_repr(z.re, z.im),
            Value::Str(s) => numfmt::python_str_repr(s.as_str()),
            Value::Bytes(b) => numfmt::python_bytes_repr(b),
            Value::NotImplemented => "NotImplemented".into(),
            Value::Ellipsis => "Ellipsis".into(),
            Value::Undef => "<undefined>".into(),
            Value::List(l) => {
                let items = l.borrow().clone();
                self.repr_container(v, "[", "]", &items, false)?
            }
            Value::Tuple(t) => {
                let t = t.clone();
                self.repr_container(v, "(", ")", &t, t.len() == 1)?
            }
            Value::Dict(d) => {
                let Some(ptr) = v.heap_ptr() else {
                    return Ok("{}".into());
                };
                if self.repr_stack.contains(&ptr) {
                    return Ok("{...}".into());
                }
                self.repr_stack.push(ptr);
                let items = d.borrow().items();
                let mut parts = Vec::with_capacity(items.len());
                let mut result = Ok(());
                for (k, val) in items {
                    match (self.repr(&k), self.repr(&val)) {
                        (Ok(k), Ok(val)) => parts.push(format!("{k}: {val}")),
                        (Err(e), _) | (_, Err(e)) => {
                            result = Err(e);
                            break;
                        }
                    }
                }
                self.repr_stack.pop();
                result?;
                format!("{{{}}}", parts.join(", "))
            }
            Value::Set(s) => {
                let items = s.borrow().keys();
                if items.is_empty() {
                    "set()".into()
                } else {
                    self.repr_container(v, "{", "}", &items, false)?
                }
            }
            Value::FrozenSet(s) => {
                let items = s.borrow().keys();
                if items.is_empty() {
                    "frozenset()".into()
                } else {
                    format!(
                        "frozenset({})",
                        self.repr_container(v, "{", "}", &items, false)?
                    )
                }
            }
            Value::Range(r) => {
                if r.step == 1 {
                    format!("range({}, {})", r.start, r.stop)
                } else {
                    format!("range({}, {}, {})", r.start, r.stop, r.step)
                }
            }
            Value::Slice(s) => {
                let (a, b, c) = (s.start.clone(), s.stop.clone(), s.step.clone());
                format!(
                    "slice({}, {}, {})",
                    self.repr(&a)?,
                    self.repr(&b)?,
                    self.repr(&c)?
                )
            }
            Value::Function(f) => format!(
                "<function {} at {:#x}>",
                f.qualname.borrow(),
                v.heap_ptr().unwrap_or(0)
            ),
            Value::Builtin(b) => match b.owner {
                Some(owner) => format!("<method '{}' of '{}' objects>", b.name, owner),
                None => format!("<built-in function {}>", b.name),
            },
            Value::BoundMethod(m) => {
                let recv = m.receiver.clone();
                match &m.func {
                    Value::Builtin(b) => format!(
                        "<built-in method {} of {} object at {:#x}>",
                        b.name,
                        self.type_name(&recv),
                        recv.heap_ptr().unwrap_or(0)
                    ),
                    Value::Function(f) => {
                        let r = self.repr(&recv)?;
                        format!("<bound method {} of {}>", f.qualname.borrow(), r)
                    }
                    other => {
                        let other = other.clone();
                        let r = self.repr(&recv)?;
                        format!("<bound method {} of {}>", self.repr(&other)?, r)
                    }
                }
            }
            Value::Class(c) => c.repr(),
            Value::Module(m) => format!("<module '{}' (built-in)>", m.name),
            Value::Generator(g) => format!(
                "<{} object {} at {:#x}>",
                match g.kind {
                    GeneratorKind::Generator => "generator",
                    GeneratorKind::Coroutine => "coroutine",
                    GeneratorKind::AsyncGenerator => "async_generator",
                },
                g.qualname(),
                v.heap_ptr().unwrap_or(0)
            ),
            Value::Iter(it) => {
                if super::iter::is_dict_view(it) {
                    let name = self.type_name(v);
                    let items = self.collect(v)?;
                    let inner = self.repr_container(v, "[", "]", &items, false)?;
                    format!("{name}({inner})")
                } else {
                    format!(
                        "<{} object at {:#x}>",
                        self.type_name(v),
                        v.heap_ptr().unwrap_or(0)
                    )
                }
            }
            Value::Code(c) => format!(
                "<code object {} at {:#x}, file \"{}\", line {}>",
                c.name,
                v.heap_ptr().unwrap_or(0),
                c.file.name,
                c.first_line
            ),
            Value::Cell(_) => format!("<cell at {:#x}>", v.heap_ptr().unwrap_or(0)),
            Value::Instance(inst) => {
                let cls = inst.class.clone();
                match cls.lookup(sym::REPR) {
                    Some(m) => {
                        let Some(ptr) = v.heap_ptr() else {
                            return Ok(String::new());
                        };
                        // A __repr__ that reprs itself recurses in CPython too; we only guard
                        // builtin containers, so just call it.
                        let _ = ptr;
                        let r = self.call_bound(m, v.clone(), &[])?;
                        match r {
                            Value::Str(s) => s.as_str().to_string(),
                            other => {
                                return Err(self.type_error(format!(
                                    "__repr__ returned non-string (type {})",
                                    self.type_name(&other)
                                )))
                            }
                        }
                    }
                    None => super::class::default_repr(self, v),
                }
            }
        })
    }

    fn repr_container(
        &mut self,
        v: &Value,
        open: &str,
        close: &str,
        items: &[Value],
        trailing_comma: bool,
    ) -> PyResult<String> {
        let ptr = v.heap_ptr().unwrap_or(0);
        if self.repr_stack.contains(&ptr) {
            return Ok(format!("{open}...{close}"));
        }
        if self.repr_stack.len() > crate::vm::MAX_NATIVE_DEPTH {
            return Err(self.recursion_error());
        }
        self.repr_stack.push(ptr);
        let mut out = String::from(open);
        let mut result = Ok(());
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            match self.repr(item) {
                Ok(s) => out.push_str(&s),
                Err(e) => {
                    result = Err(e);
                    break;
                }
            }
        }
        self.repr_stack.pop();
        result?;
        if trailing_comma {
            out.push(',');
        }
        out.push_str(close);
        Ok(out)
    }

    /// `str(v)`.
    pub fn to_str(&mut self, v: &Value) -> PyResult<String> {
        match v {
            Value::Str(s) => Ok(s.as_str().to_string()),
            Value::Instance(inst) => {
                let cls = inst.class.clone();
                match cls.lookup(sym::STR) {
                    Some(m) if !is_object_str(&m) => {
                        let r = self.call_bound(m, v.clone(), &[])?;
                        match r {
                            Value::Str(s) => Ok(s.as_str().to_string()),
                            other => Err(self.type_error(format!(
                                "__str__ returned non-string (type {})",
                                self.type_name(&other)
                            ))),
                        }
                    }
                    _ => {
                        if let Payload::Boxed(inner) = &inst.payload {
                            // `str` of a str subclass is the string itself (str has its own
                            // `__str__`); other builtin values use their repr.
                            let is_str = matches!(&*inner.borrow(), Value::Str(_));
                            if is_str
                                && cls
                                    .lookup(sym::REPR)
                                    .is_some_and(|r| is_builtin_named(&r, "__repr__"))
                            {
                                let inner = inner.borrow().clone();
                                return self.to_str(&inner);
                            }
                        }
                        self.repr(v)
                    }
                }
            }
            _ => self.repr(v),
        }
    }

    /// `FormatValue`: apply `!s`/`!r`/`!a` then `format(v, spec)`.
    pub fn format_value(
        &mut self,
        v: &Value,
        conv: Conversion,
        spec: Option<&Value>,
    ) -> PyResult<Value> {
        if spec.is_none() {
            if let Some(s) = format_fast(v, conv) {
                return Ok(s);
            }
        }
        let converted = match conv {
            Conversion::None => v.clone(),
            Conversion::Str => Value::string(self.to_str(v)?),
            Conversion::Repr => Value::string(self.repr(v)?),
            Conversion::Ascii => Value::string(ascii_escape(&self.repr(v)?)),
        };
        // Held by reference count: `format` may run Python code that drops the spec's owner.
        let spec = match spec {
            Some(Value::Str(s)) => Some(s.clone()),
            _ => None,
        };
        let spec = spec.as_ref().map_or("", |s| s.as_str());
        if spec.is_empty() {
            if let Value::Str(_) = converted {
                return Ok(converted);
            }
        }
        Ok(Value::string(self.format(&converted, spec)?))
    }

    /// A builtin type's format spec: ValueError for a malformed one, MemoryError for a width
    /// no machine could hold.
    fn parse_spec(
        &self,
        spec: &str,
        kind: numfmt::SpecKind,
        type_name: &str,
    ) -> PyResult<numfmt::FormatSpec> {
        let spec =
            numfmt::parse_format_spec(spec, kind, type_name).map_err(|e| self.value_error(e))?;
        super::seq::alloc_check(self, spec.width.unwrap_or(0) as u128)?;
        Ok(spec)
    }

    /// `format(v, spec)`.
    pub fn format(&mut self, v: &Value, spec: &str) -> PyResult<String> {
        use numfmt::SpecKind;
        match v {
            Value::Int(_) | Value::BigInt(_) => {
                let b = super::num::to_big(v).unwrap_or_default();
                let spec = self.parse_spec(spec, SpecKind::Int, "int")?;
                numfmt::format_int(&b, &spec).map_err(|e| self.numfmt_error(e))
            }
            Value::Bool(b) => {
                if spec.is_empty() {
                    return Ok(if b.get() { "True" } else { "False" }.into());
                }
                let spec = self.parse_spec(spec, SpecKind::Int, "bool")?;
                numfmt::format_int(&num_bigint::BigInt::from(b.get() as i64), &spec)
                    .map_err(|e| self.numfmt_error(e))
            }
            Value::Float(f) => {
                let spec = self.parse_spec(spec, SpecKind::Float, "float")?;
                numfmt::format_float(f.get(), &spec).map_err(|e| self.value_error(e))
            }
            Value::Complex(z) => {
                if spec.is_empty() {
                    return Ok(numfmt::complex_repr(z.re, z.im));
                }
                let spec = self.parse_spec(spec, SpecKind::Float, "complex")?;
                numfmt::format_complex(z.re, z.im, &spec).map_err(|e| self.value_error(e))
            }
            Value::Str(s) => {
                let spec = self.parse_spec(spec, SpecKind::Str, "str")?;
                numfmt::format_str(s.as_str(), &spec).map_err(|e| self.value_error(e))
            }
            Value::Instance(inst) => {
                let cls = inst.class.clone();
                match cls.lookup(sym::FORMAT) {
                    Some(m) if !is_builtin_named(&m, "__format__") => {
                        let r = self.call_bound(m, v.clone(), &[Value::str(spec)])?;
                        match r {
                            Value::Str(s) => Ok(s.as_str().to_string()),
                            other => Err(self.type_error(format!(
                                "__format__ must return a str, not {}",
                                self.type_name(&other)
                            ))),
                        }
                    }
                    _ => {
                        if let Payload::Boxed(inner) = &inst.payload {
                            let inner = inner.borrow().clone();
                            if !spec.is_empty() {
                                return self.format(&inner, spec);
                            }
                        }
                        if spec.is_empty() {
                            self.to_str(v)
                        } else {
                            Err(self.type_error(format!(
                                "unsupported format string passed to {}.__format__",
                                cls.name
                            )))
                        }
                    }
                }
            }
            _ => {
                if spec.is_empty() {
                    self.to_str(v)
                } else {
                    Err(self.type_error(format!(
                        "unsupported format string passed to {}.__format__",
                        self.type_name(v)
                    )))
                }
            }
        }
    }

    pub fn numfmt_error(&self, e: numfmt::PyExc) -> crate::vm::PyErr {
        let class = match e.type_name() {
            "OverflowError" => &self.types.overflow_error,
            "TypeError" => &self.types.type_error,
            "IndexError" => &self.types.index_error,
            _ => &self.types.value_error,
        };
        self.err(class, e.message().to_string())
    }
}

fn is_builtin_named(v: &Value, name: &str) -> bool {
    matches!(v, Value::Builtin(b) if b.name == name && b.owner == Some("object"))
}

fn is_object_str(v: &Value) -> bool {
    is_builtin_named(v, "__str__")
}

/// `ascii()`: escape non-ASCII characters of a repr.
pub fn ascii_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let n = c as u32;
        if n < 0x80 {
            out.push(c);
        } else if n < 0x100 {
            out.push_str(&format!("\\x{n:02x}"));
        } else if n < 0x10000 {
            out.push_str(&format!("\\u{n:04x}"));
        } else {
            out.push_str(&format!("\\U{n:08x}"));
        }
    }
    out
}
