//! The interactive prompt: `>>> `/`... ` prompts with rustyline (history in the user's data
//! directory, Emacs or Vi keys, completion, highlighting, a closing-bracket hint), multi-line
//! entries decided by the parser's completeness check, results echoed with `repr` and bound to
//! `_`, and top-level `await`.
//!
//! As in `python -m asyncio`, one event loop lives for the whole session: a task created at one
//! prompt keeps running while later prompts await, and while the prompt waits for input. The
//! line editor runs on its own thread; the interpreter thread runs the loop between entries,
//! waking when a line arrives, a timer is due, or Ctrl-C is pressed.

use std::borrow::Cow;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{channel, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use rustyline::completion::{Completer, Pair};
use rustyline::error::ReadlineError;
use rustyline::highlight::{CmdKind, Highlighter};
use rustyline::hint::Hinter;
use rustyline::validate::Validator;
use rustyline::{Config, Context, EditMode, Editor, Helper};

use crate::compile::Mode;
use crate::interp::{Interpreter, Outcome, RunOptions};
use crate::vm::symbol::intern;
use crate::vm::value::Value;
use crate::vm::Vm;

/// Messages from the line editor to the interpreter.
pub enum Input {
    Entry(String),
    Eof,
}

/// The interpreter side of the conversation, kept in the VM while the REPL runs so that the
/// event loop's idle wait can notice input and Ctrl-C.
pub struct ReplIo {
    pub rx: Receiver<Input>,
    pub pending: Option<Input>,
    pub interrupted: Arc<AtomicBool>,
}

impl ReplIo {
    /// Waits up to `timeout` for input (stashing it) or Ctrl-C. Returns true on Ctrl-C. With
    /// `until_input`, input ends the wait early.
    pub fn wait_for(&mut self, timeout: Duration, until_input: bool) -> bool {
        let deadline = std::time::Instant::now() + timeout;
        loop {
            if self.interrupted.swap(false, Ordering::SeqCst) {
                return true;
            }
            if self.pending.is_some() {
                if until_input {
                    return false;
                }
                let now = std::time::Instant::now();
                if now >= deadline {
                    return false;
                }
                std::thread::sleep((deadline - now).min(Duration::from_millis(50)));
                continue;
            }
            let now = std::time::Instant::now();
            if now >= deadline {
                return false;
            }
            let slice = (deadline - now).min(Duration::from_millis(50));
            match self.rx.recv_timeout(slice) {
                Ok(msg) => {
                    self.pending = Some(msg);
                    if until_input {
                        return false;
                    }
                }
                Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => {
                    self.pending = Some(Input::Eof);
                    if until_input {
                        return false;
                    }
                }
            }
        }
    }

    pub fn wait(&mut self, timeout: Duration) -> bool {
        self.wait_for(timeout, true)
    }
}

const KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield",
];

struct ReplHelper {
    /// Names (and `module.attr` paths) the interpreter last reported as in scope.
    names: Arc<Mutex<Vec<String>>>,
}

impl Completer for ReplHelper {
    type Candidate = Pair;

    fn complete(
        &self,
        line: &str,
        pos: usize,
        _ctx: &Context<'_>,
    ) -> rustyline::Result<(usize, Vec<Pair>)> {
        let before = &line[..pos];
        let start = before
            .rfind(|c: char| !(c.is_alphanumeric() || c == '_' || c == '.'))
            .map(|i| i + 1)
            .unwrap_or(0);
        let word = &before[start..];
        if word.is_empty() {
            return Ok((pos, vec![]));
        }
        let names = self.names.lock().map(|n| n.clone()).unwrap_or_default();
        let mut out: Vec<Pair> = names
            .iter()
            .map(String::as_str)
            .chain(KEYWORDS.iter().copied())
            .filter(|n| n.starts_with(word) && (word.contains('.') || !n.contains('.')))
            .map(|n| Pair {
                display: n.rsplit('.').next().unwrap_or(n).to_string(),
                replacement: n.to_string(),
            })
            .collect();
        out.sort_by(|a, b| a.replacement.cmp(&b.replacement));
        out.dedup_by(|a, b| a.replacement == b.replacement);
        Ok((start, out))
    }
}

impl Hinter for ReplHelper {
    type Hint = String;

    /// Suggests the brackets still open on this line, innermost first.
    fn hint(&self, line: &str, pos: usize, _ctx: &Context<'_>) -> Option<String> {
        if pos < line.len() {
            return None;
        }
        let mut stack = Vec::new();
        let mut quote: Option<char> = None;
        for c in line.chars() {
            match quote {
                Some(q) if c == q => quote = None,
                Some(_) => {}
                None => match c {
                    '\'' | '"' => quote = Some(c),
                    '(' => stack.push(')'),
                    '[' => stack.push(']'),
                    '{' => stack.push('}'),
                    ')' | ']' | '}' => {
                        stack.pop();
                    }
                    '#' => break,
                    _ => {}
                },
            }
        }
        if stack.is_empty() || quote.is_some() {
            return None;
        }
        Some(stack.iter().rev().collect())
    }
}

impl Highlighter for ReplHelper {
    fn highlight<'l>(&self, line: &'l str, _pos: usize) -> Cow<'l, str> {
        Cow::Owned(highlight_python(line))
    }

    fn highlight_hint<'h>(&self, hint: &'h str) -> Cow<'h, str> {
        Cow::Owned(format!("\x1b[2m{hint}\x1b[0m"))
    }

    fn highlight_char(&self, _line: &str, _pos: usize, _kind: CmdKind) -> bool {
        true
    }
}

impl Validator for ReplHelper {}

impl Helper for ReplHelper {}

/// Colours keywords, strings, numbers and comments with ANSI escapes.
pub fn highlight_python(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 16);
    let chars: Vec<char> = line.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '#' {
            let rest: String = chars[i..].iter().collect();
            out.push_str(&format!("\x1b[2m{rest}\x1b[0m"));
            break;
        }
        if c == '\'' || c == '"' {
            let start = i;
            i += 1;
            while i < chars.len() && chars[i] != c {
                if chars[i] == '\\' {
                    i += 1;
                }
                i += 1;
            }
            let end = (i + 1).min(chars.len());
            let s: String = chars[start..end].iter().collect();
            out.push_str(&format!("\x1b[32m{s}\x1b[0m"));
            i = end;
            continue;
        }
        if c.is_ascii_digit() {
            let start = i;
            while i < chars.len()
                && (chars[i].is_ascii_alphanumeric() || chars[i] == '.' || chars[i] == '_')
            {
                i += 1;
            }
            let s: String = chars[start..i].iter().collect();
            out.push_str(&format!("\x1b[36m{s}\x1b[0m"));
            continue;
        }
        if c.is_alphabetic() || c == '_' {
            let start = i;
            while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
            let w: String = chars[start..i].iter().collect();
            if KEYWORDS.contains(&w.as_str()) {
                out.push_str(&format!("\x1b[1;35m{w}\x1b[0m"));
            } else {
                out.push_str(&w);
            }
            continue;
        }
        out.push(c);
        i += 1;
    }
    out
}

fn history_path() -> Option<std::path::PathBuf> {
    let base = match std::env::var_os("XDG_DATA_HOME") {
        Some(d) if !d.is_empty() => std::path::PathBuf::from(d),
        _ => std::path::PathBuf::from(std::env::var_os("HOME")?).join(".local/share"),
    };
    let dir = base.join("tulip");
    std::fs::create_dir_all(&dir).ok()?;
    Some(dir.join("history"))
}

/// The line-editor thread: reads complete entries (asking the parser whether the buffer is
/// finished) and sends them to the interpreter; waits for `ready` before each prompt.
fn editor_thread(tx: Sender<Input>, ready: Receiver<()>, names: Arc<Mutex<Vec<String>>>) {
    let edit_mode = match std::env::var("TULIP_EDIT_MODE").as_deref() {
        Ok("vi") => EditMode::Vi,
        _ => EditMode::Emacs,
    };
    let config = Config::builder()
        .edit_mode(edit_mode)
        .auto_add_history(false)
        .build();
    let mut editor: Editor<ReplHelper, rustyline::history::DefaultHistory> =
        match Editor::with_config(config) {
            Ok(e) => e,
            Err(_) => {
                let _ = tx.send(Input::Eof);
                return;
            }
        };
    editor.set_helper(Some(ReplHelper { names }));
    let history = history_path();
    if let Some(h) = &history {
        let _ = editor.load_history(h);
    }
    while ready.recv().is_ok() {
        let mut buffer = String::new();
        let mut prompt = ">>> ";
        loop {
            match editor.readline(prompt) {
                Ok(line) => {
                    buffer.push_str(&line);
                    buffer.push('\n');
                    match crate::syntax::check_completeness(&buffer) {
                        crate::syntax::Completeness::Incomplete => prompt = "... ",
                        _ => break,
                    }
                }
                Err(ReadlineError::Interrupted) => {
                    println!("KeyboardInterrupt");
                    buffer.clear();
                    prompt = ">>> ";
                }
                Err(_) => {
                    if let Some(h) = &history {
                        let _ = editor.save_history(h);
                    }
                    let _ = tx.send(Input::Eof);
                    return;
                }
            }
        }
        let entry = buffer.trim_end().to_string();
        if !entry.trim().is_empty() {
            let _ = editor.add_history_entry(entry.as_str());
            if let Some(h) = &history {
                let _ = editor.append_history(h);
            }
        }
        if tx.send(Input::Entry(buffer)).is_err() {
            return;
        }
    }
}

/// Names for completion: globals, builtins, and `module.attr` for modules in scope.
fn completion_names(vm: &mut Vm) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let globals: Vec<(crate::vm::symbol::Symbol, Value)> = vm
        .main
        .globals
        .borrow()
        .bound()
        .map(|(k, v)| (k, v.clone()))
        .collect();
    for (name, value) in &globals {
        out.push(name.to_string());
        if matches!(
            value,
            Value::Module(_) | Value::Class(_) | Value::Instance(_)
        ) {
            for attr in crate::runtime::builtins::dir_names(vm, value)
                .into_iter()
                .take(300)
            {
                if !attr.starts_with('_') {
                    out.push(format!("{name}.{attr}"));
                }
            }
        }
    }
    out.extend(vm.builtins.keys().map(|k| k.to_string()));
    out
}

/// Runs one iteration of the session loop (timers, callbacks), as the prompt idles.
fn run_loop_once(interp: &mut Interpreter, lp: &Value) {
    let vm = &mut interp.vm;
    let r = vm.call_method(lp, intern("_run_once_idle"), &[]);
    if let Err(e) = r {
        let text = vm.format_traceback(&e);
        vm.write_stderr(&text);
    }
    vm.out.flush();
}

/// Runs the REPL until Ctrl-D; returns the exit status.
pub fn run(options: RunOptions) -> i32 {
    let (tx, rx) = channel::<Input>();
    let (ready_tx, ready_rx) = channel::<()>();
    let names = Arc::new(Mutex::new(Vec::<String>::new()));
    let interrupted = Arc::new(AtomicBool::new(false));
    let _ = signal_hook::flag::register(signal_hook::consts::SIGINT, interrupted.clone());
    let editor_names = names.clone();
    let editor = std::thread::spawn(move || editor_thread(tx, ready_rx, editor_names));

    let mut interp = Interpreter::new(options);
    interp.vm.repl = Some(ReplIo {
        rx,
        pending: None,
        interrupted,
    });
    // Ctrl-C is checked where the step budget is charged.
    interp.vm.step_budget = u64::MAX - 1;
    println!(
        "tulip {} (Python 3.11 compatible) — asyncio REPL: use \"await\" directly.",
        env!("CARGO_PKG_VERSION")
    );
    let session_loop = start_session_loop(&mut interp);
    let mut status = 0;
    loop {
        if let Ok(mut n) = names.lock() {
            *n = completion_names(&mut interp.vm);
        }
        interp.vm.out.flush();
        if ready_tx.send(()).is_err() {
            break;
        }
        // Wait for the next entry, letting background tasks run meanwhile.
        let entry = loop {
            let pending = interp.vm.repl.as_mut().and_then(|io| io.pending.take());
            if let Some(msg) = pending {
                break msg;
            }
            match &session_loop {
                Some(lp) if crate::asyncio::events::loop_has_work(lp) => {
                    run_loop_once(&mut interp, lp)
                }
                _ => {
                    let io = interp.vm.repl.as_mut().expect("repl io");
                    io.wait(Duration::from_secs(3600));
                }
            }
        };
        let source = match entry {
            Input::Entry(s) => s,
            Input::Eof => break,
        };
        if source.trim().is_empty() {
            continue;
        }
        let outcome = interp.run("<stdin>", &source, Mode::Interactive);
        interp.vm.out.flush();
        match outcome {
            Outcome::Finished(_) => {}
            Outcome::SyntaxError(text) | Outcome::Exception(text) => interp.vm.write_stderr(&text),
            Outcome::Exit(code) => {
                status = code;
                break;
            }
        }
    }
    println!();
    interp.finish();
    drop(ready_tx);
    drop(editor);
    status
}

/// Creates the session's event loop (CPython's `python -m asyncio` keeps one running).
fn start_session_loop(interp: &mut Interpreter) -> Option<Value> {
    let vm = &mut interp.vm;
    let module = vm.import_module("asyncio").ok()?;
    let lp = vm
        .call_method(&module, intern("_repl_session_loop"), &[])
        .ok()?;
    Some(lp)
}
