//! Warnings that surface on stderr outside the normal flow of output: the `RuntimeWarning` for
//! a coroutine that was never awaited (raised from a `Drop`, which cannot reach the VM, so it is
//! queued here and flushed at the next output or at exit).
//!
//! Also the teaching notes that `tulip doc` collects: classic asyncio mistakes noticed while a
//! snippet runs (a coroutine never awaited, `time.sleep` in `async def`, a task cancelled at
//! exit, a lenient correction), each with the source span to point at.

use std::cell::RefCell;
use std::rc::Rc;

use super::object::TracebackEntry;
use super::Vm;
use crate::compile::code::{Code, SourceFile};
use crate::syntax::ast::Span;

/// A never-awaited coroutine, rendered when flushed (the VM's colour setting is known then).
struct NeverAwaited {
    qualname: String,
    origin: Option<(Rc<Code>, u32)>,
}

thread_local! {
    static PENDING: RefCell<Vec<NeverAwaited>> = const { RefCell::new(Vec::new()) };
}

/// CPython: `file:line: RuntimeWarning: coroutine 'f' was never awaited` then the line.
pub fn coroutine_never_awaited(qualname: &str, origin: Option<&TracebackEntry>) {
    let entry = NeverAwaited {
        qualname: qualname.to_string(),
        origin: origin.map(|o| (o.code.clone(), o.pc)),
    };
    PENDING.with(|p| p.borrow_mut().push(entry));
}

pub fn has_pending() -> bool {
    PENDING.with(|p| !p.borrow().is_empty())
}

/// Forgets queued warnings (`tulip doc`, after dropping a snippet's interpreter: a process
/// would have ended before they were printed).
pub fn discard_pending() {
    PENDING.with(|p| p.borrow_mut().clear());
}

/// Writes queued warnings to stderr.
pub fn flush(vm: &mut Vm) {
    if !has_pending() {
        return;
    }
    let entries: Vec<NeverAwaited> = PENDING.with(|p| std::mem::take(&mut *p.borrow_mut()));
    for e in entries {
        let text = render_never_awaited(&e, vm.options.color);
        vm.write_stderr(&text);
    }
}

/// CPython's three lines, with a teaching report (pointing at the call) before the last one,
/// which stays CPython's.
fn render_never_awaited(e: &NeverAwaited, color: bool) -> String {
    let qualname = &e.qualname;
    let mut msg = String::new();
    match &e.origin {
        Some((code, pc)) => {
            let line = code.line_of(*pc);
            msg.push_str(&format!(
                "{}:{}: RuntimeWarning: coroutine '{}' was never awaited\n",
                code.file.name, line, qualname
            ));
            let text = code.file.line_text(line).trim();
            if !text.is_empty() {
                msg.push_str(&format!("  {text}\n"));
            }
            let span = code.span_of(*pc);
            let call = code
                .file
                .text
                .get(span.start as usize..span.end as usize)
                .filter(|t| !t.contains('\n') && t.len() <= 60)
                .map(str::to_string);
            let (message, label, hint) = never_awaited_teaching(qualname, call);
            let name = &code.file.name;
            let user_code = !name.starts_with('<') || name == "<string>" || name == "<stdin>";
            if span.end > span.start && user_code {
                msg.push_str(&crate::diagnostics::render_span_report(
                    &code.file.name,
                    &code.file.text,
                    "hint",
                    &message,
                    span,
                    Some(&label),
                    Some(&hint),
                    color,
                ));
            }
            teach(TeachingNote {
                kind: TeachingKind::NeverAwaited,
                file: code.file.clone(),
                span,
                message,
                hint,
                on_stderr: true,
            });
        }
        None => msg.push_str(&format!(
            "RuntimeWarning: coroutine '{qualname}' was never awaited\n"
        )),
    }
    msg.push_str("RuntimeWarning: Enable tracemalloc to get the object allocation traceback\n");
    msg
}

fn never_awaited_teaching(qualname: &str, call: Option<String>) -> (String, String, String) {
    let short = qualname.rsplit('.').next().unwrap_or(qualname);
    let call = call.unwrap_or_else(|| format!("{short}(...)"));
    (
        format!("coroutine '{qualname}' was never awaited"),
        "this coroutine object was created here, and nothing ever awaited it".to_string(),
        format!(
            "calling an `async def` function only creates a coroutine object; its body runs \
             when the coroutine is awaited. Write `await {call}` inside an `async def`, or start \
             it from the top level with `asyncio.run({call})`"
        ),
    )
}

// ----- teaching notes (`tulip doc`) ----------------------------------------------------------

/// Which classic mistake a teaching note is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TeachingKind {
    /// A coroutine object was created and dropped without being awaited.
    NeverAwaited,
    /// `time.sleep` called inside `async def`: it blocks the whole event loop.
    BlockingSleep,
    /// A task was still pending when `asyncio.run()` finished, so it was cancelled.
    LostTask,
    /// Lenient mode applied a "did you mean" correction.
    Correction,
}

impl TeachingKind {
    pub fn name(self) -> &'static str {
        match self {
            TeachingKind::NeverAwaited => "never-awaited",
            TeachingKind::BlockingSleep => "blocking-sleep",
            TeachingKind::LostTask => "lost-task",
            TeachingKind::Correction => "correction",
        }
    }
}

/// One mistake noticed while running, with the source span it is about.
#[derive(Clone)]
pub struct TeachingNote {
    pub kind: TeachingKind,
    pub file: Rc<SourceFile>,
    pub span: Span,
    pub message: String,
    pub hint: String,
    /// Already written to stderr (the report need not render it again).
    pub on_stderr: bool,
}

thread_local! {
    /// `None` unless `tulip doc` asked for notes (plain runs collect nothing).
    static TEACHING: RefCell<Option<Vec<TeachingNote>>> = const { RefCell::new(None) };
}

/// Starts (or stops) collecting teaching notes on this thread.
pub fn collect_teaching(on: bool) {
    TEACHING.with(|t| *t.borrow_mut() = if on { Some(Vec::new()) } else { None });
}

/// Records a note when collecting.
pub fn teach(note: TeachingNote) {
    TEACHING.with(|t| {
        if let Some(v) = t.borrow_mut().as_mut() {
            v.push(note);
        }
    });
}

/// Is anyone collecting notes? (Saves building notes nobody reads.)
pub fn teaching_enabled() -> bool {
    TEACHING.with(|t| t.borrow().is_some())
}

/// The notes collected since the last call.
pub fn take_teaching() -> Vec<TeachingNote> {
    TEACHING.with(|t| {
        t.borrow_mut()
            .as_mut()
            .map(std::mem::take)
            .unwrap_or_default()
    })
}
