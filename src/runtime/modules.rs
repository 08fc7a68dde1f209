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
            "math" => super::math::make_math(self),
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
