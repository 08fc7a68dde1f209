//! Warnings that surface on stderr outside the normal flow of output: the `RuntimeWarning` for
//! a coroutine that was never awaited (raised from a `Drop`, which cannot reach the VM, so it is
//! queued here and flushed at the next output or at exit).

use std::cell::RefCell;

use super::object::TracebackEntry;
use super::Vm;

thread_local! {
    static PENDING: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

/// CPython: `file:line: RuntimeWarning: coroutine 'f' was never awaited` then the line.
pub fn coroutine_never_awaited(qualname: &str, origin: Option<&TracebackEntry>) {
    let mut msg = String::new();
    match origin {
        Some(o) => {
            let line = o.code.line_of(o.pc);
            msg.push_str(&format!(
                "{}:{}: RuntimeWarning: coroutine '{}' was never awaited\n",
                o.code.file.name, line, qualname
            ));
            let text = o.code.file.line_text(line).trim();
            if !text.is_empty() {
                msg.push_str(&format!("  {text}\n"));
            }
        }
        None => msg.push_str(&format!(
            "RuntimeWarning: coroutine '{qualname}' was never awaited\n"
        )),
    }
    msg.push_str("RuntimeWarning: Enable tracemalloc to get the object allocation traceback\n");
    PENDING.with(|p| p.borrow_mut().push(msg));
}

pub fn has_pending() -> bool {
    PENDING.with(|p| !p.borrow().is_empty())
}

/// Writes queued warnings to stderr.
pub fn flush(vm: &mut Vm) {
    if !has_pending() {
        return;
    }
    let msgs: Vec<String> = PENDING.with(|p| std::mem::take(&mut *p.borrow_mut()));
    for m in msgs {
        vm.write_stderr(&m);
    }
}
