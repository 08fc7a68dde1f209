//! Running a document's snippets in order, capturing what each prints and how it ends.
//!
//! By default the snippets share one `__main__` namespace, like notebook cells: a snippet may
//! use what an earlier one defined. Everything else starts afresh for each snippet, as if it were
//! its own program run in that namespace: the event loop policy (so `asyncio.get_event_loop()`
//! after an `asyncio.run()` behaves as in a new process), task names, and the end-of-program
//! reports (exceptions never retrieved). `--isolated` gives each snippet its own interpreter.
//!
//! Each snippet's code is preceded by blank lines so that line numbers in tracebacks and
//! diagnostics are the document's.

use std::rc::Rc;
use std::time::{Duration, Instant};

use super::markdown::{Document, Snippet};
use crate::compile::Mode;
use crate::interp::{Interpreter, Outcome, RunOptions};
use crate::runtime::io::Output;
use crate::syntax::error::SyntaxError;
use crate::vm::symbol::intern;
use crate::vm::value::Value;
use crate::vm::warnings::{self, TeachingNote};
use crate::vm::{ClockKind, Vm};

/// How to run a document.
#[derive(Clone, Debug)]
pub struct RunConfig {
    pub clock: ClockKind,
    pub lenient: bool,
    pub isolated: bool,
    /// Units of work (loop iterations and calls) one snippet may use.
    pub max_steps: u64,
    /// Wall-clock time one snippet may take.
    pub timeout: Duration,
    pub color: bool,
}

/// How a snippet failed to run to its end.
#[derive(Clone, Debug)]
pub enum Failure {
    /// It does not compile (nothing ran).
    Syntax(SyntaxError),
    /// An uncaught exception; `budget` when it is the step or time budget stopping it.
    Exception { last_line: String, budget: bool },
    /// `sys.exit(n)` with a non-zero status.
    Exit(i32),
}

/// What running one snippet did.
pub struct SnippetRun {
    /// The code as run (blank lines first, so that line numbers are the document's).
    pub source: String,
    pub stdout: String,
    /// (byte offset into `stdout`, clock time) for each write.
    pub marks: Vec<(usize, f64)>,
    /// Clock times at the start and the end of the snippet.
    pub start: f64,
    pub end: f64,
    pub stderr: String,
    /// The exit status the snippet would have as a program.
    pub exit: i32,
    pub failure: Option<Failure>,
    /// Mistakes noticed while it ran (corrections, coroutines never awaited, ...).
    pub notes: Vec<TeachingNote>,
    /// Wall-clock time taken.
    pub elapsed: Duration,
}

impl SnippetRun {
    /// The last non-empty line of stderr (what CPython's conformance files record).
    pub fn last_stderr_line(&self) -> Option<&str> {
        self.stderr
            .lines()
            .rev()
            .map(str::trim_end)
            .find(|l| !l.is_empty())
    }
}

/// The source a snippet runs as: its code, preceded by enough blank lines that its first line
/// has the document's line number.
pub fn padded_source(snippet: &Snippet) -> String {
    let mut s = "\n".repeat(snippet.first_line.saturating_sub(1));
    s.push_str(&snippet.code);
    s
}

/// The start of the last line of a snippet stopped by its step or time budget.
const BUDGET_STOP: &str = "KeyboardInterrupt: stopped: the snippet exceeded its ";

/// Runs every snippet of `doc` in order, handing each run to `on_run` as soon as it ends.
/// Call on a thread with a big stack.
pub fn run_document(doc: &Document, cfg: &RunConfig, mut on_run: impl FnMut(usize, SnippetRun)) {
    warnings::collect_teaching(true);
    let mut shared: Option<Interpreter> = None;
    for (i, snippet) in doc.snippets.iter().enumerate() {
        let run = if cfg.isolated {
            let mut interp = new_interpreter(doc, cfg);
            let run = run_snippet(&mut interp, doc, snippet, cfg);
            drop(interp);
            warnings::discard_pending();
            run
        } else {
            let interp = shared.get_or_insert_with(|| new_interpreter(doc, cfg));
            reset_asyncio(&mut interp.vm);
            run_snippet(interp, doc, snippet, cfg)
        };
        on_run(i, run);
    }
    // Coroutines dropped with the interpreter warn too late to belong to a snippet.
    drop(shared);
    warnings::discard_pending();
    warnings::collect_teaching(false);
}

fn new_interpreter(doc: &Document, cfg: &RunConfig) -> Interpreter {
    let mut interp = Interpreter::new(RunOptions {
        clock: cfg.clock,
        lenient: cfg.lenient,
        argv: vec![doc.path.clone()],
        color: cfg.color,
    });
    interp.vm.out = Output::capture();
    interp
}

/// Starts the next snippet with no event loop set, as a new process would.
fn reset_asyncio(vm: &mut Vm) {
    if let Some(Value::Module(m)) = vm.modules.get("asyncio").cloned() {
        let mut g = m.globals.borrow_mut();
        g.set(intern("_policy"), Value::None);
    }
    crate::asyncio::reset_tasks(vm);
}

fn run_snippet(
    interp: &mut Interpreter,
    doc: &Document,
    snippet: &Snippet,
    cfg: &RunConfig,
) -> SnippetRun {
    let source = padded_source(snippet);
    let _ = warnings::take_teaching();
    let started = Instant::now();
    let start = interp.vm.clock.now();
    interp.vm.step_budget = cfg.max_steps;
    crate::vm::lenient::set_deadline(Some(started + cfg.timeout));
    let outcome = interp.run(&doc.path, &source, Mode::File);
    let end = interp.vm.clock.now();
    crate::vm::lenient::set_deadline(None);
    interp.vm.step_budget = u64::MAX;
    let (exit, failure) = match outcome {
        Outcome::Finished(_) => (0, None),
        Outcome::Exit(code) => (code, (code != 0).then_some(Failure::Exit(code))),
        Outcome::SyntaxError(text) => {
            interp.vm.write_stderr(&text);
            (
                1,
                Some(Failure::Syntax(syntax_error_of(&doc.path, &source))),
            )
        }
        Outcome::Exception(text) => {
            interp.vm.write_stderr(&text);
            // A budget stop may be followed by other errors while asyncio cleans up (the stop
            // hits the cleanup code too): the stop is what the reader needs to see.
            let stop = text
                .lines()
                .find(|l| l.starts_with(BUDGET_STOP))
                .map(|l| l.trim_end().to_string());
            let last_line = text
                .lines()
                .rev()
                .find(|l| !l.trim().is_empty())
                .unwrap_or("")
                .trim_end()
                .to_string();
            let failure = match stop {
                Some(line) => Failure::Exception {
                    last_line: line,
                    budget: true,
                },
                None => Failure::Exception {
                    last_line,
                    budget: false,
                },
            };
            (1, Some(failure))
        }
    };
    let budget_stop = matches!(failure, Some(Failure::Exception { budget: true, .. }));
    interp.finish();
    let (stdout, marks) = interp.vm.out.take_captured();
    let stderr = interp
        .vm
        .out
        .stderr_capture
        .replace(String::new())
        .unwrap_or_default();
    SnippetRun {
        source,
        stdout,
        marks,
        start,
        end,
        stderr,
        exit,
        failure,
        notes: dedup_notes(warnings::take_teaching())
            .into_iter()
            // Tasks cancelled because the snippet was stopped were not forgotten by the author.
            .filter(|n| !(budget_stop && n.kind == warnings::TeachingKind::LostTask))
            .collect(),
        elapsed: started.elapsed(),
    }
}

/// One note per mistake and place, however often it happened (a loop, a gather of workers).
fn dedup_notes(notes: Vec<TeachingNote>) -> Vec<TeachingNote> {
    let mut seen = std::collections::HashSet::new();
    notes
        .into_iter()
        .filter(|n| {
            seen.insert((
                n.kind.name(),
                Rc::as_ptr(&n.file) as usize,
                n.span.start,
                n.span.end,
            ))
        })
        .collect()
}

/// The structured syntax error of a snippet that failed to compile (compiled again, into a
/// scratch module, because the interpreter returns it rendered).
fn syntax_error_of(path: &str, source: &str) -> SyntaxError {
    let file = Rc::new(crate::compile::code::SourceFile::new(path, source));
    let module = crate::runtime::modules::new_module("__main__");
    match crate::compile::compile_source(source, file, &module, Mode::File) {
        Err(e) => e,
        Ok(_) => SyntaxError::new(
            crate::syntax::error::SyntaxErrorKind::SyntaxError,
            "invalid syntax",
            crate::syntax::ast::Span::new(0, 0),
        ),
    }
}
