//! The public API: run Python source with options and get an exit status. The CLI, the tests,
//! the REPL and the document checker all go through `Interpreter`.

use std::rc::Rc;

use crate::compile::code::SourceFile;
use crate::compile::{compile_source, Mode};
use crate::diagnostics::render_syntax_error;
use crate::vm::dispatch::FrameResult;
use crate::vm::frame::{Frame, FrameExit};
use crate::vm::value::Value;
use crate::vm::{ClockKind, PyErr, Vm, VmOptions};

#[derive(Clone, Debug, Default)]
pub struct RunOptions {
    pub clock: ClockKind,
    pub lenient: bool,
    /// `sys.argv` (the script name first).
    pub argv: Vec<String>,
    pub color: bool,
}

/// How running a piece of code ended.
#[derive(Debug)]
pub enum Outcome {
    /// Ran to the end; the value is what an interactive expression produced.
    Finished(Option<Value>),
    /// A syntax error (already rendered to the returned text).
    SyntaxError(String),
    /// An uncaught exception (the rendered traceback).
    Exception(String),
    /// `sys.exit(code)`.
    Exit(i32),
}

pub struct Interpreter {
    pub vm: Vm,
}

impl Interpreter {
    pub fn new(options: RunOptions) -> Interpreter {
        let vm = Vm::new(VmOptions {
            clock: options.clock,
            lenient: options.lenient,
            argv: options.argv,
            color: options.color,
        });
        Interpreter { vm }
    }

    /// Parses, compiles and runs `source` in the `__main__` namespace.
    pub fn run(&mut self, file_name: &str, source: &str, mode: Mode) -> Outcome {
        let file = Rc::new(SourceFile::new(file_name, source));
        let main = self.vm.main.clone();
        let code = match compile_source(source, file, &main, mode) {
            Ok(c) => c,
            Err(e) => {
                return Outcome::SyntaxError(render_syntax_error(
                    file_name,
                    source,
                    &e,
                    self.vm.options.color,
                ))
            }
        };
        let mut frame = Box::new(Frame::new(code.clone(), main));
        frame.exit = FrameExit::Native;
        let result = if code.flags.coroutine {
            // Top-level await (REPL): run the module code as a coroutine on the event loop.
            crate::asyncio::run_toplevel_coroutine(&mut self.vm, code, frame)
        } else {
            let base = self.vm.frames.len();
            self.vm.frames.push(frame);
            match self.vm.run_frames(base) {
                Ok(FrameResult::Returned(v)) => Ok(v),
                Ok(_) => Ok(Value::None),
                Err(e) => Err(e),
            }
        };
        crate::vm::warnings::flush(&mut self.vm);
        match result {
            Ok(v) => Outcome::Finished(Some(v)),
            Err(e) => self.exception_outcome(e),
        }
    }

    fn exception_outcome(&mut self, e: PyErr) -> Outcome {
        if e.is_instance_of(&self.vm.types.system_exit.clone()) {
            let args = e.data().args.clone();
            return match args.first() {
                None | Some(Value::None) => Outcome::Exit(0),
                Some(Value::Int(i)) => Outcome::Exit(*i as i32),
                Some(Value::Bool(b)) => Outcome::Exit(b.get() as i32),
                Some(other) => {
                    let msg = self.vm.to_str(other).unwrap_or_default();
                    self.vm.write_stderr(&format!("{msg}\n"));
                    Outcome::Exit(1)
                }
            };
        }
        Outcome::Exception(self.vm.format_traceback(&e))
    }

    /// Flushes output and reports pending warnings; call before the process exits.
    pub fn finish(&mut self) {
        crate::asyncio::shutdown(&mut self.vm);
        crate::vm::warnings::flush(&mut self.vm);
        self.vm.out.flush();
    }
}

/// Runs a whole program the way `tulip FILE` does and returns the process exit status.
pub fn run_source(file_name: &str, source: &str, options: RunOptions) -> i32 {
    let mut interp = Interpreter::new(options);
    let outcome = interp.run(file_name, source, Mode::File);
    let status = match outcome {
        Outcome::Finished(_) => 0,
        Outcome::SyntaxError(text) | Outcome::Exception(text) => {
            interp.vm.out.flush();
            interp.vm.write_stderr(&text);
            1
        }
        Outcome::Exit(code) => code,
    };
    interp.finish();
    status
}

/// Runs `f` on a thread with a large stack: builtins that call back into Python (`sorted` with
/// a key, `__repr__`, ...) use Rust stack, and deep but legal programs must not overflow it.
pub fn with_big_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    let handle = std::thread::Builder::new()
        .name("tulip".into())
        .stack_size(1 << 30)
        .spawn(f);
    match handle {
        Ok(h) => match h.join() {
            Ok(v) => v,
            Err(p) => std::panic::resume_unwind(p),
        },
        Err(_) => {
            eprintln!("tulip: could not start the interpreter thread");
            std::process::exit(2)
        }
    }
}
