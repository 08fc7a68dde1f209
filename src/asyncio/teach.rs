//! Teaching notes from the event loop for `tulip doc` (see `vm::warnings::TeachingNote`):
//! `time.sleep` inside `async def` blocks the loop, and a task still pending when
//! `asyncio.run()` finishes is cancelled with its result lost. Plain runs print nothing extra:
//! these notes are only collected when `tulip doc` asks for them.

use crate::vm::object::{Args, GeneratorState};
use crate::vm::value::Value;
use crate::vm::warnings::{teach, teaching_enabled, TeachingKind, TeachingNote};
use crate::vm::{PyResult, Vm};

/// `time.sleep(secs)` was called: a note when the caller is a coroutine.
pub fn blocking_sleep(vm: &mut Vm, secs: f64) {
    if !teaching_enabled() {
        return;
    }
    let Some(frame) = vm.frames.last() else {
        return;
    };
    if !frame.code.flags.coroutine {
        return;
    }
    let span = frame.code.span_of(frame.current_pc());
    let secs_text = if secs.fract() == 0.0 && secs.abs() < 1e15 {
        format!("{}", secs as i64)
    } else {
        crate::runtime::numfmt::float_repr(secs)
    };
    teach(TeachingNote {
        kind: TeachingKind::BlockingSleep,
        file: frame.code.file.clone(),
        span,
        message: format!("time.sleep({secs_text}) blocks the event loop"),
        hint: format!(
            "inside `async def`, `time.sleep` stops every task for {secs_text} s: nothing else \
             runs meanwhile. Use `await asyncio.sleep({secs_text})` to pause only this coroutine"
        ),
        on_stderr: false,
    });
}

/// `_tulip.lost_task(coro, name)`: `asyncio.run()` is about to cancel a task that is still
/// pending because nothing awaited it.
pub fn lost_task(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if !teaching_enabled() {
        return Ok(Value::None);
    }
    let (Some(Value::Generator(g)), Some(name)) = (args.pos.first(), args.pos.get(1)) else {
        return Ok(Value::None);
    };
    let Some(origin) = g.origin() else {
        return Ok(Value::None);
    };
    let name = vm.to_str(name)?;
    let func = g.qualname().clone();
    let where_ = match g.state.get() {
        GeneratorState::Suspended => {
            let line = super::native::suspended_pc(vm, g).map(|pc| g.code.line_of(pc));
            match line {
                Some(l) => {
                    let text = strip_comment(g.code.file.line_text(l)).trim().to_string();
                    format!("while {func}() was still waiting at line {l} (`{text}`)")
                }
                None => format!("while {func}() was still running"),
            }
        }
        _ => format!("before {func}() even started"),
    };
    teach(TeachingNote {
        kind: TeachingKind::LostTask,
        file: origin.code.file.clone(),
        span: origin.code.span_of(origin.pc),
        message: format!("task '{name}' running {func}() was cancelled at exit"),
        hint: format!(
            "asyncio.run() was finishing {where_}, so it cancelled the task and the rest of \
             {func}() never ran. Keep the task and `await` it (or use asyncio.gather / \
             asyncio.TaskGroup) before the main coroutine returns"
        ),
        on_stderr: false,
    });
    Ok(Value::None)
}

/// A line of code without its trailing `# comment` (a `#` inside a string literal stays).
fn strip_comment(line: &str) -> &str {
    let mut quote: Option<char> = None;
    let mut escaped = false;
    for (i, c) in line.char_indices() {
        match quote {
            Some(q) => {
                if escaped {
                    escaped = false;
                } else if c == '\\' {
                    escaped = true;
                } else if c == q {
                    quote = None;
                }
            }
            None => match c {
                '#' => return &line[..i],
                '\'' | '"' => quote = Some(c),
                _ => {}
            },
        }
    }
    line
}

#[cfg(test)]
mod tests {
    #[test]
    fn comments_are_stripped() {
        assert_eq!(super::strip_comment("await x # y"), "await x ");
        assert_eq!(super::strip_comment("print('#') # z"), "print('#') ");
        assert_eq!(super::strip_comment("f(\"a\\\"#\")"), "f(\"a\\\"#\")");
    }
}
