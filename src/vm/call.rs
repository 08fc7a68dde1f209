//! Calling: argument binding (CPython's rules and error messages), Python-function frames,
//! builtins, bound methods, class instantiation (`__new__` then `__init__`), and the entry
//! points Rust code uses to call Python callables.

use std::cell::RefCell;
use std::rc::Rc;

use smallvec::SmallVec;

use super::dispatch::FrameResult;
use super::frame::{Frame, FrameExit};
use super::object::{
    Args, BoundMethod, Class, Function, GenBody, Generator, GeneratorKind, Instance, Layout,
    Payload, TracebackEntry,
};
use super::symbol::{sym, Symbol};
use super::value::Value;
use super::{PyResult, Vm};

pub type ArgVec = SmallVec<[Value; 8]>;
/// Keyword arguments of one call, in call order.
pub type KwVec = SmallVec<[(Symbol, Value); 4]>;

/// The result of a call started from bytecode: a value now, or a frame to run.
pub enum Called {
    Value(Value),
    Frame(Box<Frame>),
}

impl Vm {
    /// `Call`/`CallMethod`/`CallKw`: the callable sits at `stack[at]` (followed by the receiver
    /// slot for method calls) and the arguments above it.
    pub(crate) fn call_from_stack(
        &mut self,
        at: usize,
        argc: usize,
        kwnames: Option<&Rc<[Symbol]>>,
        method: bool,
    ) -> PyResult<()> {
        if kwnames.is_none() {
            if let Value::Builtin(_) = &self.frames.last().expect("frame").stack[at] {
                return self.call_builtin_from_stack(at, method);
            }
            if let Some(done) = self.call_simple_function(at, argc, method)? {
                return Ok(done);
            }
        }
        let frame = self.frames.last_mut().expect("frame");
        let callable = std::mem::replace(&mut frame.stack[at], Value::Undef);
        let first_arg = if method { at + 2 } else { at + 1 };
        let mut args: ArgVec = SmallVec::with_capacity(argc + 1);
        if method {
            let receiver = std::mem::replace(&mut frame.stack[at + 1], Value::Undef);
            if !receiver.is_undef() {
                args.push(receiver);
            }
        }
        args.extend(frame.stack.drain(first_arg..));
        frame.stack.truncate(at);
        let kw: KwVec = match kwnames {
            Some(names) => {
                let split = args.len() - names.len();
                names.iter().copied().zip(args.drain(split..)).collect()
            }
            None => KwVec::new(),
        };
        match self.call_prepare(callable, args, &kw)? {
            Called::Value(v) => self.frames.last_mut().expect("frame").push(v),
            Called::Frame(f) => self.frames.push(f),
        }
        Ok(())
    }

    /// The common case of a call from bytecode: a plain Python function (or method) called with
    /// positional arguments only, no more than it has parameters and enough that defaults fill
    /// the rest. Arguments move straight from the caller's stack into the new frame (a
    /// generator or coroutine function gets its object made from that frame). Returns `None`
    /// when the call needs the general path.
    #[inline]
    fn call_simple_function(
        &mut self,
        at: usize,
        argc: usize,
        method: bool,
    ) -> PyResult<Option<()>> {
        let frame = self.frames.last_mut().expect("frame");
        let Value::Function(func) = &frame.stack[at] else {
            return Ok(None);
        };
        let has_self = method && !frame.stack[at + 1].is_undef();
        let code = &func.code;
        let nargs = argc + has_self as usize;
        let argcount = code.argcount as usize;
        if !code.plain_positional
            || nargs > argcount
            || nargs + func.defaults.len() < argcount
            || func.kwdefaults.iter().any(Value::is_undef)
        {
            return Ok(None);
        }
        let func = func.clone();
        if self.frames.len() >= self.recursion_limit {
            return Err(self.recursion_error());
        }
        self.charge_step()?;
        if func.code.native_path.get() {
            // An asyncio.py function Rust runs without a frame when it can (asyncio::stepped):
            // a coroutine it steps, or a whole method call.
            let first = if method && !has_self { at + 2 } else { at + 1 };
            let caller = self.frames.last().expect("frame");
            let args = caller.stack.get(first..first + nargs).unwrap_or_default();
            let result = if func.code.flags.coroutine {
                crate::asyncio::stepped::body_for(self, &func, args)
                    .map(|body| Ok(self.new_generator(&func, body)))
            } else {
                let args: ArgVec = args.iter().cloned().collect();
                crate::asyncio::stepped::call(self, &func, &args)
            };
            if let Some(result) = result {
                let caller = self.frames.last_mut().expect("frame");
                while caller.stack.len() > at {
                    caller.pop().discard();
                }
                self.frames.last_mut().expect("frame").push(result?);
                return Ok(Some(()));
            }
        }
        let nlocals = func.code.nlocals();
        let mut new = self.empty_frame(&func.code, &func.globals);
        let caller = self.frames.last_mut().expect("frame");
        // The arguments, with the receiver of a method call, are contiguous on the stack.
        let first = if method && !has_self { at + 2 } else { at + 1 };
        if caller.stack.len() != first + nargs {
            // Cannot happen (the compiler put `argc` arguments there); not worth trusting.
            return Err(self.runtime_error("internal error: call arguments out of place"));
        }
        super::dispatch::move_values(&mut caller.stack, first, &mut new.stack);
        // The callable, and the empty receiver slot of a plain function called as a method.
        while caller.stack.len() > at {
            caller.pop().discard();
        }
        if nargs < argcount {
            // Defaults belong to the last parameters.
            let defaults = &func.defaults[func.defaults.len() - (argcount - nargs)..];
            new.stack.extend(defaults.iter().cloned());
        }
        // Keyword-only parameters follow the positional ones; all have defaults (checked above).
        new.stack.extend(func.kwdefaults.iter().cloned());
        for _ in new.stack.len()..nlocals {
            new.stack.push(Value::Undef);
        }
        if !func.code.cellvars.is_empty() || !func.closure.is_empty() {
            self.make_cells(&func, &mut new);
        }
        if func.code.is_async_or_generator() {
            let generator = self.make_generator(&func, new);
            self.frames.last_mut().expect("frame").push(generator);
        } else {
            self.frames.push(new);
        }
        Ok(Some(()))
    }

    /// A builtin called from bytecode with positional arguments only. The builtin and its
    /// arguments (with the receiver of a method call, which sits just below them) move off the
    /// caller's stack, so the call copies no reference counts; up to `INLINE_ARGS` arguments
    /// go to a buffer on the Rust stack, more to a reused `Vec`, so the call allocates nothing.
    fn call_builtin_from_stack(&mut self, at: usize, method: bool) -> PyResult<()> {
        const INLINE_ARGS: usize = 4;
        let frame = self.frames.last_mut().expect("frame");
        // `[.., builtin, receiver?, args..]`: a method call without a receiver leaves an
        // empty slot (`Undef`) between the builtin and its arguments.
        let first = if method && frame.stack[at + 1].is_undef() {
            at + 2
        } else {
            at + 1
        };
        let n = frame.stack.len().saturating_sub(first);
        let result = if n <= INLINE_ARGS {
            let mut buf = [const { std::mem::MaybeUninit::<Value>::uninit() }; INLINE_ARGS];
            // SAFETY: the stack is cut to `at` first, so each value from `at` on has one owner
            // after the moves: the builtin and the arguments move out, and the empty receiver
            // slot, if any, holds `Undef`, which owns nothing.
            let callable = unsafe {
                let src = frame.stack.as_ptr();
                frame.stack.set_len(at);
                for (k, slot) in buf.iter_mut().enumerate().take(n) {
                    slot.write(std::ptr::read(src.add(first + k)));
                }
                std::ptr::read(src.add(at))
            };
            // SAFETY: the first `n` entries of `buf` were written just above.
            let args = unsafe { std::slice::from_raw_parts(buf.as_ptr().cast::<Value>(), n) };
            let result = match &callable {
                Value::Builtin(b) => (b.func)(self, Args::positional(args, &b.data)),
                _ => Err(self.runtime_error("internal error: builtin call without a builtin")),
            };
            for slot in buf.iter_mut().take(n) {
                // SAFETY: written above and read once here.
                unsafe { slot.assume_init_read() }.discard();
            }
            callable.discard();
            result
        } else {
            let mut args = std::mem::take(&mut self.arg_scratch);
            let frame = self.frames.last_mut().expect("frame");
            super::dispatch::move_values(&mut frame.stack, first, &mut args);
            frame.stack.truncate(at + 1);
            let callable = frame.stack.pop().unwrap_or(Value::Undef);
            let result = match &callable {
                Value::Builtin(b) => (b.func)(self, Args::positional(&args, &b.data)),
                _ => Err(self.runtime_error("internal error: builtin call without a builtin")),
            };
            args.clear();
            callable.discard();
            // A builtin that called back into Python may have left a buffer here; keep the
            // larger.
            if args.capacity() > self.arg_scratch.capacity() {
                self.arg_scratch = args;
            }
            result
        };
        let v = result?;
        self.frames.last_mut().expect("frame").push(v);
        Ok(())
    }

    /// `CallEx`: `f(*args, **kwargs)`.
    pub(crate) fn call_ex(
        &mut self,
        func: Value,
        args: Value,
        kwargs: Option<Value>,
    ) -> PyResult<()> {
        let args: ArgVec = match &args {
            Value::Tuple(t) => t.iter().cloned().collect(),
            other => self.collect(other)?.into_iter().collect(),
        };
        let mut kw = Vec::new();
        if let Some(Value::Dict(d)) = kwargs {
            for (k, v) in d.borrow().items() {
                match k {
                    Value::Str(s) => kw.push((super::symbol::intern(s.as_str()), v)),
                    _ => return Err(self.type_error("keywords must be strings")),
                }
            }
        }
        match self.call_prepare(func, args, &kw)? {
            Called::Value(v) => self.frames.last_mut().expect("frame").push(v),
            Called::Frame(f) => self.frames.push(f),
        }
        Ok(())
    }

    /// Prepares a call: Python functions become a frame to push (exit mode `Push`); everything
    /// else is called now.
    pub(crate) fn call_prepare(
        &mut self,
        callable: Value,
        mut args: ArgVec,
        kw: &[(Symbol, Value)],
    ) -> PyResult<Called> {
        match &callable {
            Value::Function(f) => {
                let f = f.clone();
                self.function_frame(&f, args, kw)
            }
            Value::Builtin(b) => {
                let b = b.clone();
                let r = (b.func)(
                    self,
                    Args {
                        pos: &args,
                        kw,
                        data: &b.data,
                    },
                )?;
                Ok(Called::Value(r))
            }
            Value::BoundMethod(m) => {
                let m = m.clone();
                args.insert(0, m.receiver.clone());
                self.call_prepare(m.func.clone(), args, kw)
            }
            Value::Class(c) => {
                let c = c.clone();
                self.instantiate(&c, args, kw)
            }
            Value::Instance(inst) => {
                let cls = inst.class.clone();
                match cls.lookup(sym::CALL) {
                    Some(call) => {
                        args.insert(0, callable.clone());
                        self.call_prepare(call, args, kw)
                    }
                    None => Err(self.not_callable(&callable)),
                }
            }
            _ => Err(self.not_callable(&callable)),
        }
    }

    fn not_callable(&self, v: &Value) -> super::PyErr {
        self.type_error(format!("'{}' object is not callable", self.type_name(v)))
    }

    /// Builds the frame for a Python function call, or the generator/coroutine object when the
    /// function is one.
    fn function_frame(
        &mut self,
        f: &Rc<Function>,
        args: ArgVec,
        kw: &[(Symbol, Value)],
    ) -> PyResult<Called> {
        if self.frames.len() >= self.recursion_limit {
            return Err(self.recursion_error());
        }
        self.charge_step()?;
        let mut frame = self.new_frame(&f.code, &f.globals);
        self.bind_args(f, &mut frame, args, kw)?;
        if f.code.is_async_or_generator() {
            return Ok(Called::Value(self.make_generator(f, frame)));
        }
        Ok(Called::Frame(frame))
    }

    pub(crate) fn make_generator(&mut self, f: &Rc<Function>, frame: Box<Frame>) -> Value {
        let code = &f.code;
        if code.native_path.get() {
            let args = frame
                .stack
                .get(..code.argcount as usize)
                .unwrap_or_default();
            if let Some(body) = crate::asyncio::stepped::body_for(self, f, args) {
                self.recycle(frame);
                return self.new_generator(f, body);
            }
        }
        self.new_generator(f, GenBody::Frame(frame))
    }

    fn new_generator(&self, f: &Rc<Function>, body: GenBody) -> Value {
        let code = &f.code;
        let kind = if code.flags.coroutine {
            GeneratorKind::Coroutine
        } else if code.flags.async_generator {
            GeneratorKind::AsyncGenerator
        } else {
            GeneratorKind::Generator
        };
        let origin = self.frames.last().map(|fr| TracebackEntry {
            code: fr.code.clone(),
            pc: fr.current_pc(),
        });
        Value::Generator(Rc::new(Generator::new(
            kind,
            code.clone(),
            &f.name.borrow(),
            &f.qualname.borrow(),
            body,
            origin,
        )))
    }

    /// Binds call arguments to parameter slots (CPython's `initialize_locals`), with CPython's
    /// error messages, then creates cells.
    pub(crate) fn bind_args(
        &mut self,
        f: &Function,
        frame: &mut Frame,
        args: ArgVec,
        kw: &[(Symbol, Value)],
    ) -> PyResult<()> {
        let code = &f.code;
        let argcount = code.argcount as usize;
        let kwonly = code.kwonlyargcount as usize;
        let npos = args.len();
        let fname = f.qualname.borrow().clone();
        // Fast path: exact positional call, no cells, no *args.
        if kw.is_empty()
            && npos == argcount
            && !code.flags.varargs
            && !code.flags.varkw
            && kwonly == 0
        {
            for (slot, v) in frame.stack.iter_mut().zip(args) {
                *slot = v;
            }
            self.make_cells(f, frame);
            return Ok(());
        }
        let mut args = args;
        let extra: Vec<Value> = if npos > argcount {
            args.drain(argcount..).collect()
        } else {
            Vec::new()
        };
        let given_positional = args.len();
        for (i, v) in args.into_iter().enumerate() {
            frame.stack[i] = v;
        }
        let mut slot = argcount + kwonly;
        if code.flags.varargs {
            frame.stack[slot] = Value::tuple(extra);
            slot += 1;
        } else if !extra.is_empty() {
            return Err(self.too_many_positional(&fname, f, npos, kw));
        }
        let kwdict = if code.flags.varkw {
            let d = Value::dict(crate::runtime::dict::Dict::new());
            frame.stack[slot] = d.clone();
            Some(d)
        } else {
            None
        };
        let posonly = code.posonlyargcount as usize;
        let mut posonly_as_kw: Vec<Symbol> = Vec::new();
        for (name, value) in kw {
            let found = code.varnames[posonly..argcount + kwonly]
                .iter()
                .position(|n| n == name)
                .map(|i| i + posonly);
            match found {
                Some(i) => {
                    if !frame.stack[i].is_undef() {
                        return Err(self.type_error(format!(
                            "{fname}() got multiple values for argument '{name}'"
                        )));
                    }
                    frame.stack[i] = value.clone();
                }
                None => match &kwdict {
                    Some(Value::Dict(d)) => {
                        self.dict_set(d, Value::str(name.as_str()), value.clone())?;
                    }
                    _ => {
                        if code.varnames[..posonly].contains(name) {
                            posonly_as_kw.push(*name);
                            continue;
                        }
                        let params: Vec<&str> = code.varnames[posonly..argcount + kwonly]
                            .iter()
                            .map(|s| s.as_str())
                            .collect();
                        let fix = super::lenient::unambiguous_match(name.as_str(), &params)
                            .map(|s| s.to_string());
                        if let (Some(fix), true) = (&fix, self.options.lenient) {
                            let i = posonly + params.iter().position(|p| p == fix).unwrap_or(0);
                            if frame.stack[i].is_undef() {
                                self.lenient_warning(&format!(
                                    "{fname}() has no parameter '{name}'; using '{fix}'"
                                ));
                                frame.stack[i] = value.clone();
                                continue;
                            }
                        }
                        let err = self.unexpected_keyword(&fname, *name);
                        if let Some(fix) = fix {
                            self.attach_hint(&err, format!("did you mean '{fix}='?"));
                        }
                        return Err(err);
                    }
                },
            }
        }
        if !posonly_as_kw.is_empty() {
            let names: Vec<String> = posonly_as_kw.iter().map(|n| n.to_string()).collect();
            return Err(self.type_error(format!(
                "{fname}() got some positional-only arguments passed as keyword arguments: '{}'",
                names.join(", ")
            )));
        }
        // Defaults for missing positional parameters.
        let ndefaults = f.defaults.len();
        let first_default = argcount.saturating_sub(ndefaults);
        let mut missing = Vec::new();
        for i in given_positional..argcount {
            if frame.stack[i].is_undef() {
                if i >= first_default {
                    frame.stack[i] = f.defaults[i - first_default].clone();
                } else {
                    missing.push(code.varnames[i]);
                }
            }
        }
        if !missing.is_empty() {
            return Err(self.missing_args(&fname, &missing, "positional"));
        }
        let mut missing_kw = Vec::new();
        for i in argcount..argcount + kwonly {
            if frame.stack[i].is_undef() {
                match f.kwdefaults.get(i - argcount) {
                    Some(d) if !d.is_undef() => frame.stack[i] = d.clone(),
                    _ => missing_kw.push(code.varnames[i]),
                }
            }
        }
        if !missing_kw.is_empty() {
            return Err(self.missing_args(&fname, &missing_kw, "keyword-only"));
        }
        self.make_cells(f, frame);
        Ok(())
    }

    fn make_cells(&self, f: &Function, frame: &mut Frame) {
        let code = &f.code;
        if code.cellvars.is_empty() && f.closure.is_empty() {
            return;
        }
        // The frame's buffer is reused (a pooled frame keeps its capacity).
        let (cells, stack) = frame.cells_and_stack_mut();
        cells.clear();
        for _ in 0..code.cellvars.len() {
            cells.push(Rc::new(RefCell::new(Value::Undef)));
        }
        for &(cell, param) in &code.cell_params {
            let v = std::mem::replace(&mut stack[param as usize], Value::Undef);
            *cells[cell as usize].borrow_mut() = v;
        }
        cells.extend(f.closure.iter().cloned());
    }

    fn too_many_positional(
        &self,
        fname: &str,
        f: &Function,
        given: usize,
        kw: &[(Symbol, Value)],
    ) -> super::PyErr {
        let code = &f.code;
        let argcount = code.argcount as usize;
        let ndefaults = f.defaults.len();
        let kwonly_given = kw
            .iter()
            .filter(|(n, _)| {
                code.varnames[argcount..argcount + code.kwonlyargcount as usize].contains(n)
            })
            .count();
        let takes = if ndefaults > 0 {
            format!(
                "from {} to {} positional arguments",
                argcount - ndefaults,
                argcount
            )
        } else {
            format!(
                "{} positional argument{}",
                argcount,
                if argcount == 1 { "" } else { "s" }
            )
        };
        let was = if given == 1 && kwonly_given == 0 {
            "was"
        } else {
            "were"
        };
        let kw_part = if kwonly_given > 0 {
            format!(
                " positional argument{} (and {} keyword-only argument{})",
                if given == 1 { "" } else { "s" },
                kwonly_given,
                if kwonly_given == 1 { "" } else { "s" }
            )
        } else {
            String::new()
        };
        self.type_error(format!(
            "{fname}() takes {takes} but {given}{kw_part} {was} given"
        ))
    }

    fn unexpected_keyword(&self, fname: &str, name: Symbol) -> super::PyErr {
        self.type_error(format!(
            "{fname}() got an unexpected keyword argument '{name}'"
        ))
    }

    fn missing_args(&self, fname: &str, names: &[Symbol], kind: &str) -> super::PyErr {
        let quoted: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
        let list = match quoted.len() {
            1 => quoted[0].clone(),
            2 => format!("{} and {}", quoted[0], quoted[1]),
            n => format!("{}, and {}", quoted[..n - 1].join(", "), quoted[n - 1]),
        };
        self.type_error(format!(
            "{fname}() missing {} required {kind} argument{}: {list}",
            names.len(),
            if names.len() == 1 { "" } else { "s" }
        ))
    }

    /// `cls(*args, **kw)`: `__new__`, then `__init__` when the result is an instance of `cls`.
    fn instantiate(
        &mut self,
        cls: &Rc<Class>,
        args: ArgVec,
        kw: &[(Symbol, Value)],
    ) -> PyResult<Called> {
        if Rc::ptr_eq(cls, &self.types.type_) && args.len() == 1 && kw.is_empty() {
            return Ok(Called::Value(Value::Class(self.class_of(&args[0]))));
        }
        let new = cls.lookup(sym::NEW);
        let object_new = new.as_ref().is_none_or(|n| n.is(&self.types.object_new));
        let init = cls.lookup(sym::INIT);
        let object_init = init.as_ref().is_none_or(|i| i.is(&self.types.object_init));
        let obj = if object_new {
            if object_init && (!args.is_empty() || !kw.is_empty()) && cls.layout == Layout::Object {
                return Err(self.type_error(format!("{}() takes no arguments", cls.name)));
            }
            self.new_plain_instance(cls, &args)
        } else {
            let new = new.unwrap_or(Value::None);
            // `__new__` is a static method: call it with the class first.
            let new = match &new {
                Value::Instance(i) => match &i.payload {
                    Payload::StaticMethod(f) => (**f).clone(),
                    _ => new.clone(),
                },
                _ => new.clone(),
            };
            let mut new_args: ArgVec = SmallVec::with_capacity(args.len() + 1);
            new_args.push(Value::Class(cls.clone()));
            new_args.extend(args.iter().cloned());
            self.call_kw(&new, &new_args, kw)?
        };
        // An exact builtin type whose `__new__` built a plain value (`list(x)`, `dict(...)`)
        // is complete: its `__init__` only matters for subclasses.
        if object_init
            || !self.isinstance(&obj, cls)
            || (cls.is_builtin && !matches!(obj, Value::Instance(_)))
        {
            return Ok(Called::Value(obj));
        }
        let init = init.unwrap_or(Value::None);
        let mut init_args: ArgVec = SmallVec::with_capacity(args.len() + 1);
        init_args.push(obj.clone());
        init_args.extend(args);
        match &init {
            Value::Function(f) => {
                let f = f.clone();
                match self.function_frame(&f, init_args, kw)? {
                    Called::Frame(mut frame) => {
                        frame.exit = FrameExit::Init(obj);
                        Ok(Called::Frame(frame))
                    }
                    Called::Value(v) => {
                        // A generator `__init__`: CPython complains it returned a generator.
                        Err(self.type_error(format!(
                            "__init__() should return None, not '{}'",
                            self.type_name(&v)
                        )))
                    }
                }
            }
            _ => {
                let r = self.call_kw(&init, &init_args, kw)?;
                if !r.is_none() {
                    return Err(self.type_error(format!(
                        "__init__() should return None, not '{}'",
                        self.type_name(&r)
                    )));
                }
                Ok(Called::Value(obj))
            }
        }
    }

    /// `object.__new__(cls)` for plain classes and exception classes.
    pub fn new_plain_instance(&self, cls: &Rc<Class>, args: &[Value]) -> Value {
        let payload = match cls.layout {
            Layout::Exception => {
                Payload::Exception(Box::new(RefCell::new(super::object::ExceptionData {
                    args: args.to_vec(),
                    ..Default::default()
                })))
            }
            _ => Payload::Plain,
        };
        Value::Instance(Rc::new(Instance::new(cls.clone(), payload)))
    }

    // ----- calls from Rust -----------------------------------------------------------------

    /// Calls `f(*args)` from Rust and runs it to completion.
    pub fn call(&mut self, f: &Value, args: &[Value]) -> PyResult<Value> {
        self.call_kw(f, args, &[])
    }

    pub fn call_kw(
        &mut self,
        f: &Value,
        args: &[Value],
        kw: &[(Symbol, Value)],
    ) -> PyResult<Value> {
        if let Value::Builtin(b) = f {
            // Native callbacks (done-callbacks, task wake-ups, timer callbacks) take the
            // arguments where they are.
            return (b.func)(
                self,
                Args {
                    pos: args,
                    kw,
                    data: &b.data,
                },
            );
        }
        let args: ArgVec = args.iter().cloned().collect();
        match self.call_prepare(f.clone(), args, kw)? {
            Called::Value(v) => Ok(v),
            Called::Frame(frame) => self.run_frame_to_completion(frame),
        }
    }

    /// Runs a prepared frame from Rust until it returns.
    pub fn run_frame_to_completion(&mut self, mut frame: Box<Frame>) -> PyResult<Value> {
        if self.native_depth >= super::MAX_NATIVE_DEPTH {
            return Err(self.recursion_error());
        }
        let init_obj = match std::mem::replace(&mut frame.exit, FrameExit::Native) {
            FrameExit::Init(obj) => Some(obj),
            _ => None,
        };
        let base = self.frames.len();
        self.frames.push(frame);
        self.native_depth += 1;
        let r = self.run_frames(base);
        self.native_depth -= 1;
        match r? {
            FrameResult::Returned(v) => match init_obj {
                Some(obj) => {
                    if !v.is_none() {
                        return Err(self.type_error(format!(
                            "__init__() should return None, not '{}'",
                            self.type_name(&v)
                        )));
                    }
                    Ok(obj)
                }
                None => Ok(v),
            },
            FrameResult::Yielded(_) | FrameResult::AsyncGenYielded(_) => {
                Err(self.runtime_error("internal error: a function frame yielded"))
            }
        }
    }

    /// Calls a class attribute found by look-up as a method of `receiver`.
    pub fn call_bound(&mut self, func: Value, receiver: Value, args: &[Value]) -> PyResult<Value> {
        if matches!(func, Value::Function(_) | Value::Builtin(_)) {
            // What binding would do, without allocating the bound method.
            return self.call_with_receiver(func, receiver, args);
        }
        let bound = self.bind_method(func, receiver)?;
        self.call(&bound, args)
    }

    /// `obj.name(*args)`.
    pub fn call_method(&mut self, obj: &Value, name: Symbol, args: &[Value]) -> PyResult<Value> {
        let (callable, receiver) = self.load_method(obj.clone(), name)?;
        if receiver.is_undef() {
            self.call(&callable, args)
        } else {
            self.call_with_receiver(callable, receiver, args)
        }
    }

    /// `func(receiver, *args)`, run to completion.
    fn call_with_receiver(
        &mut self,
        func: Value,
        receiver: Value,
        args: &[Value],
    ) -> PyResult<Value> {
        let mut all: ArgVec = SmallVec::with_capacity(args.len() + 1);
        all.push(receiver);
        all.extend(args.iter().cloned());
        match self.call_prepare(func, all, &[])? {
            Called::Value(v) => Ok(v),
            Called::Frame(frame) => self.run_frame_to_completion(frame),
        }
    }

    /// Looks up a special method on the type (not the instance), as CPython does for dunders.
    pub fn lookup_special(&self, obj: &Value, name: Symbol) -> Option<Value> {
        self.class_of(obj).lookup(name)
    }

    /// Calls a special method if the type defines it.
    pub fn call_special(
        &mut self,
        obj: &Value,
        name: Symbol,
        args: &[Value],
    ) -> PyResult<Option<Value>> {
        match self.lookup_special(obj, name) {
            Some(f) => {
                let r = self.call_bound(f, obj.clone(), args)?;
                Ok(Some(r))
            }
            None => Ok(None),
        }
    }

    /// Applies the descriptor protocol to a class attribute found for `receiver`.
    pub fn bind_method(&mut self, func: Value, receiver: Value) -> PyResult<Value> {
        Ok(match &func {
            _ if super::attr::binds(&func) => {
                Value::BoundMethod(Rc::new(BoundMethod { func, receiver }))
            }
            Value::Builtin(_) => func.clone(),
            Value::Instance(inst) => match &inst.payload {
                Payload::StaticMethod(f) => (**f).clone(),
                Payload::ClassMethod(f) => Value::BoundMethod(Rc::new(BoundMethod {
                    func: (**f).clone(),
                    receiver: Value::Class(self.class_of(&receiver)),
                })),
                _ => {
                    let cls = inst.class.clone();
                    match cls.lookup(sym::GET) {
                        Some(get) => {
                            let owner = Value::Class(self.class_of(&receiver));
                            self.call_bound(get, func.clone(), &[receiver, owner])?
                        }
                        None => func.clone(),
                    }
                }
            },
            _ => func.clone(),
        })
    }
}
