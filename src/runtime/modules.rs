//! `import`: the builtin modules a script may use (`sys`, `math`, `time`, `random`, `asyncio`)
//! and nothing else — tulip runs untrusted snippets, so there is no file system import.

use std::cell::RefCell;
use std::rc::Rc;

use num_bigint::BigInt;

use super::random_core::Seed;
use super::types::builtin_value;
use crate::vm::object::{Args, BuiltinFn, Globals, Module};
use crate::vm::symbol::{intern, Symbol};
use crate::vm::value::Value;
use crate::vm::{PyResult, Vm};

/// Modules `import` can load.
pub const KNOWN_MODULES: &[&str] = &["sys", "math", "time", "random", "asyncio"];

pub fn new_module(name: &str) -> Rc<Module> {
    Rc::new(Module {
        name: name.to_string(),
        globals: RefCell::new(Globals::default()),
    })
}

pub fn add_functions(m: &Module, owner: &'static str, fns: &[(&'static str, BuiltinFn)]) {
    let _ = owner;
    let mut g = m.globals.borrow_mut();
    for (name, f) in fns {
        g.set(intern(name), builtin_value(name, None, *f));
    }
}

impl Vm {
    pub(crate) fn import_module(&mut self, name: &str) -> PyResult<Value> {
        if let Some(m) = self.modules.get(name) {
            return Ok(m.clone());
        }
        let first = name.split('.').next().unwrap_or(name);
        let module = match first {
            "sys" => make_sys(self),
            "math" => make_math(self),
            "time" => make_time(self),
            "random" => make_random(self),
            "asyncio" => crate::asyncio::make_module(self)?,
            "_tulip" => crate::asyncio::native::make_module(self),
            _ => {
                let fix = crate::vm::lenient::unambiguous_match(first, KNOWN_MODULES);
                if let Some(fix) = fix {
                    if self.options.lenient {
                        self.lenient_warning(&format!("no module named '{first}'; using '{fix}'"));
                        let m = self.import_module(fix)?;
                        // Later code names the module correctly (`asyncio.run`): bind that too.
                        if let Some(f) = self.frames.last() {
                            f.globals.globals.borrow_mut().set(intern(fix), m.clone());
                        }
                        return Ok(m);
                    }
                    let err = self.module_not_found(name);
                    self.attach_hint(&err, format!("did you mean '{fix}'?"));
                    return Err(err);
                }
                return Err(self.module_not_found(name));
            }
        };
        let v = Value::Module(module);
        self.modules.insert(first.to_string(), v.clone());
        if name != first {
            return Err(self.module_not_found(name));
        }
        Ok(v)
    }

    fn module_not_found(&mut self, name: &str) -> crate::vm::PyErr {
        let e = self.err(
            &self.types.module_not_found_error.clone(),
            format!("No module named '{name}'"),
        );
        e.exc
            .dict
            .borrow_mut()
            .insert(crate::vm::symbol::sym::NAME_PLAIN, Value::str(name));
        e
    }

    pub(crate) fn import_from(&mut self, module: &Value, name: Symbol) -> PyResult<Value> {
        match self.get_attr_opt(module, name)? {
            Some(v) => Ok(v),
            None => {
                let mname = match module {
                    Value::Module(m) => m.name.clone(),
                    _ => "?".into(),
                };
                Err(self.err(
                    &self.types.import_error.clone(),
                    format!("cannot import name '{name}' from '{mname}' (unknown location)"),
                ))
            }
        }
    }

    pub(crate) fn import_star(&mut self, module: &Value) -> PyResult<()> {
        let Value::Module(m) = module else {
            return Ok(());
        };
        let items: Vec<(Symbol, Value)> = m
            .globals
            .borrow()
            .bound()
            .filter(|(k, _)| !k.as_str().starts_with('_'))
            .map(|(k, v)| (k, v.clone()))
            .collect();
        let target = match self.frames.last() {
            Some(f) => f.globals.clone(),
            None => self.main.clone(),
        };
        let mut g = target.globals.borrow_mut();
        for (k, v) in items {
            g.set(k, v);
        }
        Ok(())
    }
}

/// `print(..., file=sys.stderr)` and `sys.stdout.write`.
pub fn write_to_file_object(vm: &mut Vm, file: &Value, text: &str) -> PyResult<()> {
    match stream_of(file) {
        Some(1) => vm.write_stdout(text),
        Some(2) => {
            vm.write_stderr(text);
            Ok(())
        }
        _ => {
            vm.call_method(file, intern("write"), &[Value::str(text)])?;
            Ok(())
        }
    }
}

/// 1 for sys.stdout, 2 for sys.stderr objects.
fn stream_of(v: &Value) -> Option<i64> {
    match v {
        Value::Module(m) if m.name == "sys.stdout" => Some(1),
        Value::Module(m) if m.name == "sys.stderr" => Some(2),
        _ => None,
    }
}

// ----- sys ---------------------------------------------------------------------------------

fn make_stream(name: &str, write: BuiltinFn) -> Value {
    let m = new_module(name);
    add_functions(&m, "stream", &[("write", write), ("flush", stream_flush)]);
    Value::Module(m)
}

fn stdout_write(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = match args.pos.first() {
        Some(Value::Str(s)) => s.clone(),
        Some(other) => {
            return Err(vm.type_error(format!(
                "write() argument must be str, not {}",
                vm.type_name(other)
            )))
        }
        None => return Err(vm.type_error("write() takes exactly one argument (0 given)")),
    };
    vm.write_stdout(s.as_str())?;
    Ok(Value::Int(s.char_len() as i64))
}

fn stderr_write(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = match args.pos.first() {
        Some(Value::Str(s)) => s.clone(),
        _ => return Err(vm.type_error("write() argument must be str")),
    };
    vm.write_stderr(s.as_str());
    Ok(Value::Int(s.char_len() as i64))
}

fn stream_flush(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    vm.out.flush();
    Ok(Value::None)
}

fn make_sys(vm: &mut Vm) -> Rc<Module> {
    let m = new_module("sys");
    add_functions(
        &m,
        "sys",
        &[
            ("exit", sys_exit),
            ("getrecursionlimit", sys_getrecursionlimit),
            ("setrecursionlimit", sys_setrecursionlimit),
            ("exc_info", sys_exc_info),
            ("exception", sys_exception),
            ("getsizeof", sys_getsizeof),
            ("intern", sys_intern),
        ],
    );
    {
        let mut g = m.globals.borrow_mut();
        let argv: Vec<Value> = vm.options.argv.iter().map(|a| Value::str(a)).collect();
        g.set(intern("argv"), Value::list(argv));
        g.set(intern("stdout"), make_stream("sys.stdout", stdout_write));
        g.set(intern("stderr"), make_stream("sys.stderr", stderr_write));
        g.set(intern("version"), Value::str("3.11.7 (tulip)"));
        g.set(
            intern("version_info"),
            Value::tuple(vec![
                Value::Int(3),
                Value::Int(11),
                Value::Int(7),
                Value::str("final"),
                Value::Int(0),
            ]),
        );
        g.set(intern("platform"), Value::str("linux"));
        g.set(intern("maxsize"), Value::Int(i64::MAX));
        g.set(intern("byteorder"), Value::str("little"));
        g.set(intern("implementation"), Value::str("tulip"));
        let modules = Value::dict(super::dict::Dict::new());
        g.set(intern("modules"), modules);
        g.set(intern("path"), Value::list(vec![]));
    }
    m
}

fn sys_exit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let code = args.pos.first().cloned().unwrap_or(Value::None);
    let args = if code.is_none() { vec![] } else { vec![code] };
    Err(vm.err_with(&vm.types.system_exit.clone(), args))
}

fn sys_getrecursionlimit(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Int(vm.recursion_limit as i64))
}

fn sys_setrecursionlimit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(v) = args.pos.first() else {
        return Err(vm.type_error("setrecursionlimit() takes exactly one argument (0 given)"));
    };
    let n = match v {
        Value::Int(n) => *n,
        other => {
            return Err(vm.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                vm.type_name(other)
            )))
        }
    };
    if n < 1 {
        return Err(vm.value_error("recursion limit must be greater or equal than 1"));
    }
    if (n as usize) <= vm.frames.len() {
        return Err(vm.err(
            &vm.types.recursion_error.clone(),
            format!(
                "cannot set the recursion limit to {} at the recursion depth {}: the limit is too low",
                n,
                vm.frames.len()
            ),
        ));
    }
    // The VM's frames live on the heap; cap at a size that still fits comfortably in memory.
    vm.recursion_limit = (n as usize).min(1_000_000);
    Ok(Value::None)
}

fn sys_exc_info(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    match vm.handled_exception() {
        Some(e) => {
            let cls = Value::Class(vm.class_of(&e));
            Ok(Value::tuple(vec![cls, e, Value::None]))
        }
        None => Ok(Value::tuple(vec![Value::None, Value::None, Value::None])),
    }
}

fn sys_exception(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(vm.handled_exception().unwrap_or(Value::None))
}

fn sys_getsizeof(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let n = match args.pos.first() {
        Some(v) => 48 + 8 * vm.len(v).unwrap_or(0) as i64,
        None => 0,
    };
    Ok(Value::Int(n))
}

fn sys_intern(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(args.pos.first().cloned().unwrap_or(Value::None))
}

// ----- math --------------------------------------------------------------------------------

fn float_arg(vm: &mut Vm, args: &Args, i: usize, fname: &str) -> PyResult<f64> {
    match args.pos.get(i) {
        Some(v) => super::builtins::to_float(vm, v)
            .map_err(|_| vm.type_error(format!("must be real number, not {}", vm.type_name(v)))),
        None => Err(vm.type_error(format!(
            "math.{fname}() takes exactly one argument ({} given)",
            args.pos.len()
        ))),
    }
}

macro_rules! math_fn1 {
    ($name:ident, $pyname:expr, $f:expr) => {
        fn $name(vm: &mut Vm, args: Args) -> PyResult<Value> {
            let x = float_arg(vm, &args, 0, $pyname)?;
            let f: fn(f64) -> f64 = $f;
            let r = f(x);
            if r.is_nan() && !x.is_nan() {
                return Err(vm.value_error("math domain error"));
            }
            if r.is_infinite() && x.is_finite() {
                return Err(vm.overflow_error("math range error"));
            }
            Ok(Value::Float(r))
        }
    };
}

math_fn1!(math_sin, "sin", f64::sin);
math_fn1!(math_cos, "cos", f64::cos);
math_fn1!(math_tan, "tan", f64::tan);
math_fn1!(math_asin, "asin", f64::asin);
math_fn1!(math_acos, "acos", f64::acos);
math_fn1!(math_atan, "atan", f64::atan);
math_fn1!(math_exp, "exp", f64::exp);
math_fn1!(math_sinh, "sinh", f64::sinh);
math_fn1!(math_cosh, "cosh", f64::cosh);
math_fn1!(math_tanh, "tanh", f64::tanh);
math_fn1!(math_log2, "log2", f64::log2);
math_fn1!(math_log10, "log10", f64::log10);
math_fn1!(math_fabs, "fabs", f64::abs);
math_fn1!(math_degrees, "degrees", f64::to_degrees);
math_fn1!(math_radians, "radians", f64::to_radians);

fn math_sqrt(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let x = float_arg(vm, &args, 0, "sqrt")?;
    if x < 0.0 {
        return Err(vm.value_error("math domain error"));
    }
    Ok(Value::Float(x.sqrt()))
}

fn math_log(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let x = match args.pos.first() {
        Some(v @ (Value::Int(_) | Value::BigInt(_))) => {
            let b = super::num::to_big(v).unwrap_or_default();
            use num_traits::Signed;
            if !b.is_positive() {
                return Err(vm.value_error("math domain error"));
            }
            // log of huge ints: use bit length to avoid overflow.
            let bits = b.bits() as i64;
            if bits > 1000 {
                let shifted = &b >> (bits - 60) as usize;
                let f = super::num::big_to_f64(vm, &shifted)?;
                f.ln() + (bits - 60) as f64 * std::f64::consts::LN_2
            } else {
                super::num::big_to_f64(vm, &b)?.ln()
            }
        }
        _ => {
            let x = float_arg(vm, &args, 0, "log")?;
            if x <= 0.0 {
                return Err(vm.value_error("math domain error"));
            }
            x.ln()
        }
    };
    match args.pos.get(1) {
        Some(b) => {
            let b = super::builtins::to_float(vm, b)?;
            if b <= 0.0 {
                return Err(vm.value_error("math domain error"));
            }
            let d = b.ln();
            if d == 0.0 {
                return Err(vm.zero_division("float division by zero"));
            }
            Ok(Value::Float(x / d))
        }
        None => Ok(Value::Float(x)),
    }
}

fn math_pow(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let x = float_arg(vm, &args, 0, "pow")?;
    let y = float_arg(vm, &args, 1, "pow")?;
    if x == 0.0 && y < 0.0 {
        return Err(vm.value_error("math domain error"));
    }
    let r = x.powf(y);
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(vm.value_error("math domain error"));
    }
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(vm.overflow_error("math range error"));
    }
    Ok(Value::Float(r))
}

fn math_atan2(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let y = float_arg(vm, &args, 0, "atan2")?;
    let x = float_arg(vm, &args, 1, "atan2")?;
    Ok(Value::Float(y.atan2(x)))
}

fn math_hypot(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let mut acc = 0.0f64;
    for i in 0..args.pos.len() {
        let v = float_arg(vm, &args, i, "hypot")?;
        acc = acc.hypot(v);
    }
    Ok(Value::Float(acc))
}

fn to_integral(vm: &mut Vm, args: &Args, fname: &str, f: fn(f64) -> f64) -> PyResult<Value> {
    match args.pos.first() {
        Some(v @ (Value::Int(_) | Value::BigInt(_))) => Ok(v.clone()),
        Some(Value::Bool(b)) => Ok(Value::Int(*b as i64)),
        Some(Value::Float(x)) => super::numfmt::float_to_int(f(*x))
            .map(Value::from_bigint)
            .map_err(|e| vm.numfmt_error(e)),
        Some(other) => {
            let name = match fname {
                "floor" => "__floor__",
                "ceil" => "__ceil__",
                _ => "__trunc__",
            };
            match vm.call_special(other, intern(name), &[])? {
                Some(v) => Ok(v),
                None => {
                    let x = super::builtins::to_float(vm, other)?;
                    super::numfmt::float_to_int(f(x))
                        .map(Value::from_bigint)
                        .map_err(|e| vm.numfmt_error(e))
                }
            }
        }
        None => Err(vm.type_error(format!(
            "math.{fname}() takes exactly one argument (0 given)"
        ))),
    }
}

fn math_floor(vm: &mut Vm, args: Args) -> PyResult<Value> {
    to_integral(vm, &args, "floor", f64::floor)
}

fn math_ceil(vm: &mut Vm, args: Args) -> PyResult<Value> {
    to_integral(vm, &args, "ceil", f64::ceil)
}

fn math_trunc(vm: &mut Vm, args: Args) -> PyResult<Value> {
    to_integral(vm, &args, "trunc", f64::trunc)
}

fn int_arg(vm: &mut Vm, v: &Value, fname: &str) -> PyResult<BigInt> {
    match super::num::to_big(v) {
        Some(b) => Ok(b),
        None => match v {
            Value::Float(_) => Err(vm.type_error(format!(
                "'float' object cannot be interpreted as an integer"
            ))),
            _ => Err(vm.type_error(format!(
                "'{}' object cannot be interpreted as an integer{}",
                vm.type_name(v),
                if fname.is_empty() { "" } else { "" }
            ))),
        },
    }
}

fn math_factorial(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(v) = args.pos.first() else {
        return Err(vm.type_error("math.factorial() takes exactly one argument (0 given)"));
    };
    let n = int_arg(vm, v, "factorial")?;
    use num_traits::{Signed, ToPrimitive};
    if n.is_negative() {
        return Err(vm.value_error("factorial() not defined for negative values"));
    }
    let n = n.to_u64().unwrap_or(u64::MAX);
    if n > 100_000 {
        return Err(vm.overflow_error("factorial() argument should not exceed 100000"));
    }
    let mut acc = BigInt::from(1);
    for i in 2..=n {
        acc *= i;
    }
    Ok(Value::from_bigint(acc))
}

fn math_gcd(vm: &mut Vm, args: Args) -> PyResult<Value> {
    use num_integer::Integer;
    let mut acc = BigInt::from(0);
    for v in args.pos {
        let b = int_arg(vm, v, "gcd")?;
        acc = acc.gcd(&b);
    }
    Ok(Value::from_bigint(acc))
}

fn math_lcm(vm: &mut Vm, args: Args) -> PyResult<Value> {
    use num_integer::Integer;
    let mut acc = BigInt::from(1);
    for v in args.pos {
        let b = int_arg(vm, v, "lcm")?;
        acc = acc.lcm(&b);
    }
    Ok(Value::from_bigint(acc))
}

fn math_isqrt(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(v) = args.pos.first() else {
        return Err(vm.type_error("math.isqrt() takes exactly one argument (0 given)"));
    };
    let n = int_arg(vm, v, "isqrt")?;
    use num_traits::Signed;
    if n.is_negative() {
        return Err(vm.value_error("isqrt() argument must be nonnegative"));
    }
    Ok(Value::from_bigint(n.sqrt()))
}

fn bool_result(vm: &mut Vm, args: &Args, fname: &str, f: fn(f64) -> bool) -> PyResult<Value> {
    let x = float_arg(vm, args, 0, fname)?;
    Ok(Value::Bool(f(x)))
}

fn math_isnan(vm: &mut Vm, args: Args) -> PyResult<Value> {
    bool_result(vm, &args, "isnan", f64::is_nan)
}

fn math_isinf(vm: &mut Vm, args: Args) -> PyResult<Value> {
    bool_result(vm, &args, "isinf", f64::is_infinite)
}

fn math_isfinite(vm: &mut Vm, args: Args) -> PyResult<Value> {
    bool_result(vm, &args, "isfinite", f64::is_finite)
}

fn math_copysign(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let x = float_arg(vm, &args, 0, "copysign")?;
    let y = float_arg(vm, &args, 1, "copysign")?;
    Ok(Value::Float(x.copysign(y)))
}

fn math_fmod(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let x = float_arg(vm, &args, 0, "fmod")?;
    let y = float_arg(vm, &args, 1, "fmod")?;
    if y == 0.0 && !x.is_nan() {
        return Err(vm.value_error("math domain error"));
    }
    Ok(Value::Float(x % y))
}

fn math_fsum(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(it) = args.pos.first() else {
        return Err(vm.type_error("math.fsum() takes exactly one argument (0 given)"));
    };
    // Shewchuk's algorithm, as CPython's msum.
    let mut partials: Vec<f64> = Vec::new();
    for v in vm.collect(it)? {
        let mut x = super::builtins::to_float(vm, &v)?;
        let mut i = 0;
        for j in 0..partials.len() {
            let mut y = partials[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                partials[i] = lo;
                i += 1;
            }
            x = hi;
        }
        partials.truncate(i);
        partials.push(x);
    }
    let mut total = 0.0;
    let mut n = partials.len();
    if n > 0 {
        n -= 1;
        total = partials[n];
        while n > 0 {
            let x = total;
            n -= 1;
            let y = partials[n];
            total = x + y;
            let yr = total - x;
            let lo = y - yr;
            if lo != 0.0 {
                if n > 0
                    && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0))
                {
                    let y2 = lo * 2.0;
                    let x2 = total + y2;
                    let yr2 = x2 - total;
                    if y2 == yr2 {
                        total = x2;
                    }
                }
                break;
            }
        }
    }
    Ok(Value::Float(total))
}

fn math_prod(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(it) = args.pos.first() else {
        return Err(vm.type_error("prod() missing required argument"));
    };
    let mut acc = args
        .kw
        .iter()
        .find(|(k, _)| k.as_str() == "start")
        .map(|(_, v)| v.clone())
        .unwrap_or(Value::Int(1));
    for v in vm.collect(it)? {
        acc = vm.binary_op(crate::syntax::ast::BinOp::Mult, &acc, &v)?;
    }
    Ok(acc)
}

fn math_comb(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (Some(n), Some(k)) = (args.pos.first(), args.pos.get(1)) else {
        return Err(vm.type_error("comb expected 2 arguments"));
    };
    let n = int_arg(vm, n, "comb")?;
    let k = int_arg(vm, k, "comb")?;
    use num_traits::{Signed, ToPrimitive};
    if n.is_negative() || k.is_negative() {
        return Err(vm.value_error("n must be a non-negative integer"));
    }
    if k > n {
        return Ok(Value::Int(0));
    }
    let k = k.to_u64().unwrap_or(0).min((&n - &k).to_u64().unwrap_or(0));
    let mut acc = BigInt::from(1);
    for i in 0..k {
        acc = acc * (&n - i) / (i + 1);
    }
    Ok(Value::from_bigint(acc))
}

fn math_perm(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(n) = args.pos.first() else {
        return Err(vm.type_error("perm expected at least 1 argument"));
    };
    let n = int_arg(vm, n, "perm")?;
    let k = match args.pos.get(1) {
        Some(k) if !k.is_none() => int_arg(vm, k, "perm")?,
        _ => n.clone(),
    };
    use num_traits::ToPrimitive;
    if k > n {
        return Ok(Value::Int(0));
    }
    let mut acc = BigInt::from(1);
    for i in 0..k.to_u64().unwrap_or(0) {
        acc *= &n - i;
    }
    Ok(Value::from_bigint(acc))
}

fn math_isclose(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = float_arg(vm, &args, 0, "isclose")?;
    let b = float_arg(vm, &args, 1, "isclose")?;
    let mut rel = 1e-9;
    let mut abs_tol = 0.0;
    for (k, v) in args.kw {
        let f = super::builtins::to_float(vm, v)?;
        match k.as_str() {
            "rel_tol" => rel = f,
            "abs_tol" => abs_tol = f,
            _ => {}
        }
    }
    if a == b {
        return Ok(Value::Bool(true));
    }
    if a.is_infinite() || b.is_infinite() {
        return Ok(Value::Bool(false));
    }
    let diff = (b - a).abs();
    Ok(Value::Bool(
        diff <= (rel * b).abs() || diff <= (rel * a).abs() || diff <= abs_tol,
    ))
}

fn math_modf(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let x = float_arg(vm, &args, 0, "modf")?;
    let int = x.trunc();
    Ok(Value::tuple(vec![
        Value::Float((x - int).copysign(x)),
        Value::Float(int),
    ]))
}

fn math_frexp(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let x = float_arg(vm, &args, 0, "frexp")?;
    if x == 0.0 || !x.is_finite() {
        return Ok(Value::tuple(vec![Value::Float(x), Value::Int(0)]));
    }
    let e = x.abs().log2().floor() as i32 + 1;
    let mut m = x / 2f64.powi(e);
    let mut e = e;
    if m.abs() >= 1.0 {
        m /= 2.0;
        e += 1;
    }
    if m.abs() < 0.5 {
        m *= 2.0;
        e -= 1;
    }
    Ok(Value::tuple(vec![Value::Float(m), Value::Int(e as i64)]))
}

fn math_ldexp(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let x = float_arg(vm, &args, 0, "ldexp")?;
    let e = match args.pos.get(1) {
        Some(Value::Int(i)) => *i,
        _ => return Err(vm.type_error("Expected an int as second argument to ldexp.")),
    };
    Ok(Value::Float(x * 2f64.powi(e.clamp(-2000, 2000) as i32)))
}

fn math_dist(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (Some(p), Some(q)) = (args.pos.first(), args.pos.get(1)) else {
        return Err(vm.type_error("dist expected 2 arguments"));
    };
    let p = vm.collect(p)?;
    let q = vm.collect(q)?;
    let mut acc = 0.0f64;
    for (a, b) in p.iter().zip(q.iter()) {
        let a = super::builtins::to_float(vm, a)?;
        let b = super::builtins::to_float(vm, b)?;
        acc = acc.hypot(a - b);
    }
    Ok(Value::Float(acc))
}

fn make_math(_vm: &mut Vm) -> Rc<Module> {
    let m = new_module("math");
    add_functions(
        &m,
        "math",
        &[
            ("sqrt", math_sqrt),
            ("sin", math_sin),
            ("cos", math_cos),
            ("tan", math_tan),
            ("asin", math_asin),
            ("acos", math_acos),
            ("atan", math_atan),
            ("atan2", math_atan2),
            ("sinh", math_sinh),
            ("cosh", math_cosh),
            ("tanh", math_tanh),
            ("exp", math_exp),
            ("log", math_log),
            ("log2", math_log2),
            ("log10", math_log10),
            ("pow", math_pow),
            ("fabs", math_fabs),
            ("floor", math_floor),
            ("ceil", math_ceil),
            ("trunc", math_trunc),
            ("factorial", math_factorial),
            ("gcd", math_gcd),
            ("lcm", math_lcm),
            ("isqrt", math_isqrt),
            ("isnan", math_isnan),
            ("isinf", math_isinf),
            ("isfinite", math_isfinite),
            ("copysign", math_copysign),
            ("fmod", math_fmod),
            ("fsum", math_fsum),
            ("prod", math_prod),
            ("comb", math_comb),
            ("perm", math_perm),
            ("isclose", math_isclose),
            ("hypot", math_hypot),
            ("degrees", math_degrees),
            ("radians", math_radians),
            ("modf", math_modf),
            ("frexp", math_frexp),
            ("ldexp", math_ldexp),
            ("dist", math_dist),
        ],
    );
    {
        let mut g = m.globals.borrow_mut();
        g.set(intern("pi"), Value::Float(std::f64::consts::PI));
        g.set(intern("e"), Value::Float(std::f64::consts::E));
        g.set(intern("tau"), Value::Float(std::f64::consts::TAU));
        g.set(intern("inf"), Value::Float(f64::INFINITY));
        g.set(intern("nan"), Value::Float(f64::NAN));
    }
    m
}

// ----- time --------------------------------------------------------------------------------

fn time_time(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Float(vm.clock.wall()))
}

fn time_monotonic(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Float(vm.clock.now() + 1000.0))
}

fn time_time_ns(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Int((vm.clock.wall() * 1e9) as i64))
}

fn time_monotonic_ns(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Int(((vm.clock.now() + 1000.0) * 1e9) as i64))
}

fn time_sleep(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(v) = args.pos.first() else {
        return Err(vm.type_error("time.sleep() takes exactly one argument (0 given)"));
    };
    let secs = super::builtins::to_float(vm, v).map_err(|_| {
        vm.type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            vm.type_name(v)
        ))
    })?;
    if secs < 0.0 {
        return Err(vm.value_error("sleep length must be non-negative"));
    }
    crate::asyncio::note_blocking_sleep(vm, secs);
    vm.wait_within_budget(secs)?;
    vm.out.flush();
    vm.clock.sleep(secs);
    Ok(Value::None)
}

fn time_strftime(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(Value::Str(fmt)) = args.pos.first() else {
        return Err(vm.type_error("strftime() argument 1 must be str"));
    };
    let t = vm.clock.wall() as i64;
    let fields = civil_from_unix(t);
    Ok(Value::string(strftime(fmt.as_str(), &fields)))
}

/// (year, month, day, hour, minute, second, weekday Mon=0, yearday 1-based) in UTC.
fn civil_from_unix(t: i64) -> [i64; 8] {
    let days = t.div_euclid(86400);
    let secs = t.rem_euclid(86400);
    let z = days + 719468;
    let era = z.div_euclid(146097);
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = if m <= 2 { y + 1 } else { y };
    let weekday = (days + 3).rem_euclid(7);
    let is_leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let cum = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
    let yday = cum[(m - 1) as usize] + d + if is_leap && m > 2 { 1 } else { 0 };
    [
        y,
        m,
        d,
        secs / 3600,
        (secs / 60) % 60,
        secs % 60,
        weekday,
        yday,
    ]
}

fn strftime(fmt: &str, f: &[i64; 8]) -> String {
    const DAYS: [&str; 7] = [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ];
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let mut out = String::new();
    let mut chars = fmt.chars();
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('Y') => out.push_str(&f[0].to_string()),
            Some('y') => out.push_str(&format!("{:02}", f[0] % 100)),
            Some('m') => out.push_str(&format!("{:02}", f[1])),
            Some('d') => out.push_str(&format!("{:02}", f[2])),
            Some('H') => out.push_str(&format!("{:02}", f[3])),
            Some('I') => out.push_str(&format!(
                "{:02}",
                if f[3] % 12 == 0 { 12 } else { f[3] % 12 }
            )),
            Some('M') => out.push_str(&format!("{:02}", f[4])),
            Some('S') => out.push_str(&format!("{:02}", f[5])),
            Some('p') => out.push_str(if f[3] < 12 { "AM" } else { "PM" }),
            Some('A') => out.push_str(DAYS[f[6] as usize]),
            Some('a') => out.push_str(&DAYS[f[6] as usize][..3]),
            Some('B') => out.push_str(MONTHS[(f[1] - 1) as usize]),
            Some('b') => out.push_str(&MONTHS[(f[1] - 1) as usize][..3]),
            Some('j') => out.push_str(&format!("{:03}", f[7])),
            Some('%') => out.push('%'),
            Some(other) => {
                out.push('%');
                out.push(other);
            }
            None => out.push('%'),
        }
    }
    out
}

fn make_time(_vm: &mut Vm) -> Rc<Module> {
    let m = new_module("time");
    add_functions(
        &m,
        "time",
        &[
            ("time", time_time),
            ("monotonic", time_monotonic),
            ("perf_counter", time_monotonic),
            ("process_time", time_monotonic),
            ("time_ns", time_time_ns),
            ("monotonic_ns", time_monotonic_ns),
            ("perf_counter_ns", time_monotonic_ns),
            ("sleep", time_sleep),
            ("strftime", time_strftime),
        ],
    );
    m
}

// ----- random ------------------------------------------------------------------------------

/// The module-level generator of `random`.
pub struct RandomState {
    pub rng: Option<super::random_core::Random>,
}

impl RandomState {
    pub fn new() -> RandomState {
        RandomState { rng: None }
    }
}

impl Default for RandomState {
    fn default() -> Self {
        RandomState::new()
    }
}

fn rng(vm: &mut Vm) -> &mut super::random_core::Random {
    vm.random
        .rng
        .get_or_insert_with(super::random_core::Random::from_time_and_pid_free_entropy)
}

fn random_seed(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.pos.first().cloned().unwrap_or(Value::None);
    match &a {
        Value::None => rng(vm).seed(Seed::None),
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => {
            let b = super::num::to_big(&a).unwrap_or_default();
            rng(vm).seed(Seed::Int(&b));
        }
        Value::Float(f) => rng(vm).seed(Seed::Float(*f)),
        Value::Str(s) => {
            let s = s.clone();
            rng(vm).seed(Seed::Str(s.as_str()));
        }
        Value::Bytes(b) => {
            let b = b.clone();
            rng(vm).seed(Seed::Bytes(&b));
        }
        other => {
            return Err(vm
                .type_error(format!(
                "The only supported seed types are: None,\nint, float, str, bytes, and bytearray."
            ))
                .tap(other))
        }
    }
    Ok(Value::None)
}

trait Tap {
    fn tap(self, _: &Value) -> Self;
}

impl Tap for crate::vm::PyErr {
    fn tap(self, _: &Value) -> Self {
        self
    }
}

fn random_random(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Float(rng(vm).random()))
}

fn big_arg(vm: &mut Vm, v: &Value, fname: &str) -> PyResult<BigInt> {
    match v {
        Value::Float(f) if f.fract() == 0.0 => Ok(BigInt::from(*f as i64)),
        Value::Float(_) => Err(vm.value_error(format!("non-integer arg 1 for {fname}()"))),
        other => super::num::to_big(other).ok_or_else(|| {
            vm.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                vm.type_name(other)
            ))
        }),
    }
}

fn random_randint(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (Some(a), Some(b)) = (args.pos.first(), args.pos.get(1)) else {
        return Err(vm.type_error(format!(
            "Random.randint() missing {} required positional argument{}",
            2 - args.pos.len(),
            if args.pos.is_empty() {
                "s: 'a' and 'b'"
            } else {
                ": 'b'"
            }
        )));
    };
    let a = big_arg(vm, a, "randrange")?;
    let b = big_arg(vm, b, "randrange")?;
    match rng(vm).randint(&a, &b) {
        Ok(v) => Ok(Value::from_bigint(v)),
        Err(e) => Err(vm.numfmt_error(e)),
    }
}

fn random_randrange(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let start = match args.pos.first() {
        Some(v) => big_arg(vm, v, "randrange")?,
        None => return Err(vm.type_error("randrange expected at least 1 argument")),
    };
    let stop = match args.pos.get(1) {
        Some(Value::None) | None => None,
        Some(v) => Some(big_arg(vm, v, "randrange")?),
    };
    let step = match args.pos.get(2) {
        Some(v) => big_arg(vm, v, "randrange")?,
        None => BigInt::from(1),
    };
    match rng(vm).randrange(&start, stop.as_ref(), &step) {
        Ok(v) => Ok(Value::from_bigint(v)),
        Err(e) => Err(vm.numfmt_error(e)),
    }
}

fn random_uniform(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (Some(a), Some(b)) = (args.pos.first(), args.pos.get(1)) else {
        return Err(vm.type_error("uniform() missing required arguments"));
    };
    let a = super::builtins::to_float(vm, a)?;
    let b = super::builtins::to_float(vm, b)?;
    Ok(Value::Float(rng(vm).uniform(a, b)))
}

fn random_choice(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(seq) = args.pos.first() else {
        return Err(vm.type_error("choice() missing 1 required positional argument: 'seq'"));
    };
    let n = vm.len(seq)?;
    let i = rng(vm).choice_index(n).map_err(|e| vm.numfmt_error(e))?;
    vm.get_item(seq, &Value::Int(i as i64))
}

fn random_shuffle(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(Value::List(l)) = args.pos.first() else {
        return Err(vm.type_error("shuffle() argument must be a mutable sequence"));
    };
    let l = l.clone();
    let mut items = std::mem::take(&mut *l.borrow_mut());
    rng(vm).shuffle(&mut items);
    *l.borrow_mut() = items;
    Ok(Value::None)
}

fn random_sample(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (Some(pop), Some(k)) = (
        args.pos.first(),
        args.pos.get(1).cloned().or_else(|| {
            args.kw
                .iter()
                .find(|(n, _)| n.as_str() == "k")
                .map(|(_, v)| v.clone())
        }),
    ) else {
        return Err(vm.type_error("sample() missing required arguments"));
    };
    if matches!(pop, Value::Set(_) | Value::FrozenSet(_) | Value::Dict(_)) {
        return Err(
            vm.type_error("Population must be a sequence.  For dicts or sets, use sorted(d).")
        );
    }
    let items = vm.collect(pop)?;
    let k = match vm.index_of(&k)? {
        Some(k) => k,
        None => return Err(vm.type_error("sample size must be an integer")),
    };
    let idx = rng(vm)
        .sample_indices(items.len(), k)
        .map_err(|e| vm.numfmt_error(e))?;
    Ok(Value::list(
        idx.into_iter().map(|i| items[i].clone()).collect(),
    ))
}

fn random_choices(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(pop) = args.pos.first() else {
        return Err(vm.type_error("choices() missing required argument 'population'"));
    };
    let items = vm.collect(pop)?;
    let mut k = 1i64;
    let mut weights: Option<Vec<f64>> = None;
    let mut cum: Option<Vec<f64>> = None;
    if let Some(w) = args.pos.get(1) {
        if !w.is_none() {
            let ws = vm.collect(w)?;
            let mut out = Vec::new();
            for x in ws {
                out.push(super::builtins::to_float(vm, &x)?);
            }
            weights = Some(out);
        }
    }
    for (name, v) in args.kw {
        match name.as_str() {
            "k" => k = vm.index_of(v)?.unwrap_or(1),
            "weights" if !v.is_none() => {
                let ws = vm.collect(v)?;
                let mut out = Vec::new();
                for x in ws {
                    out.push(super::builtins::to_float(vm, &x)?);
                }
                weights = Some(out);
            }
            "cum_weights" if !v.is_none() => {
                let ws = vm.collect(v)?;
                let mut out = Vec::new();
                for x in ws {
                    out.push(super::builtins::to_float(vm, &x)?);
                }
                cum = Some(out);
            }
            _ => {}
        }
    }
    let idx = match (weights, cum) {
        (Some(w), None) => rng(vm)
            .choices_weighted(items.len(), &w, k)
            .map_err(|e| vm.numfmt_error(e))?,
        (None, Some(c)) => rng(vm)
            .choices_cum_weights(items.len(), &c, k)
            .map_err(|e| vm.numfmt_error(e))?,
        (Some(_), Some(_)) => {
            return Err(vm.type_error("Cannot specify both weights and cumulative weights"))
        }
        (None, None) => rng(vm).choices_indices(items.len(), k),
    };
    if items.is_empty() && k > 0 {
        return Err(vm.index_error("list index out of range"));
    }
    Ok(Value::list(
        idx.into_iter().map(|i| items[i].clone()).collect(),
    ))
}

fn random_gauss(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let mu = match args.pos.first() {
        Some(v) => super::builtins::to_float(vm, v)?,
        None => 0.0,
    };
    let sigma = match args.pos.get(1) {
        Some(v) => super::builtins::to_float(vm, v)?,
        None => 1.0,
    };
    Ok(Value::Float(rng(vm).gauss(mu, sigma)))
}

fn random_getrandbits(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let k = match args.pos.first() {
        Some(v) => vm.index_of(v)?.unwrap_or(0),
        None => return Err(vm.type_error("getrandbits() takes exactly one argument")),
    };
    let b = rng(vm).getrandbits(k).map_err(|e| vm.numfmt_error(e))?;
    Ok(Value::from_bigint(BigInt::from(b)))
}

fn make_random(_vm: &mut Vm) -> Rc<Module> {
    let m = new_module("random");
    add_functions(
        &m,
        "random",
        &[
            ("seed", random_seed),
            ("random", random_random),
            ("randint", random_randint),
            ("randrange", random_randrange),
            ("uniform", random_uniform),
            ("choice", random_choice),
            ("shuffle", random_shuffle),
            ("sample", random_sample),
            ("choices", random_choices),
            ("gauss", random_gauss),
            ("getrandbits", random_getrandbits),
        ],
    );
    m
}
