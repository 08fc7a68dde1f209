//! Near-miss names in tutorials (`import asynio`, `asyncio.lock`, `return_exception=True`):
//! every such error carries a "did you mean" hint, and in lenient mode (`--lenient`, on by
//! default in `tulip doc`) an unambiguous correction is applied with a warning that points at
//! the source. Also the step and time budgets that stop runaway snippets.

use super::symbol::{intern, Symbol};
use super::value::Value;
use super::{PyErr, Vm};

/// Plain Levenshtein distance (insertions, deletions, substitutions all cost 1).
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != cb);
            cur[j + 1] = sub.min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

/// The unambiguous correction for `name`: a case-only difference, or the single candidate at
/// the smallest edit distance when that distance is at most 2.
pub fn unambiguous_match<'a>(name: &str, candidates: &[&'a str]) -> Option<&'a str> {
    let lower = name.to_lowercase();
    let case_only: Vec<&&str> = candidates
        .iter()
        .filter(|c| **c != name && c.to_lowercase() == lower)
        .collect();
    if case_only.len() == 1 {
        return Some(case_only[0]);
    }
    let mut best: Option<&str> = None;
    let mut best_d = usize::MAX;
    let mut tie = false;
    for c in candidates {
        if *c == name {
            continue;
        }
        let d = edit_distance(name, c);
        if d < best_d {
            best_d = d;
            best = Some(c);
            tie = false;
        } else if d == best_d {
            tie = true;
        }
    }
    if best_d <= 2 && !tie {
        best
    } else {
        None
    }
}

/// The symbol of the "hint" an exception carries for its diagnostic.
pub fn hint_symbol() -> Symbol {
    intern("__tulip_hint__")
}

impl Vm {
    /// Attaches a "did you mean" note to an error (shown in the diagnostic, not the last line,
    /// which stays CPython's).
    pub fn attach_hint(&self, err: &PyErr, hint: String) {
        err.exc
            .dict
            .borrow_mut()
            .insert(hint_symbol(), Value::string(hint));
    }

    /// Prints a lenient-mode warning pointing at the instruction being executed.
    pub fn lenient_warning(&mut self, message: &str) {
        let report = match self.frames.last() {
            Some(frame) => {
                let span = frame.code.span_of(frame.current_pc());
                // One warning per place, however often it runs.
                let key = (
                    std::rc::Rc::as_ptr(&frame.code.file) as usize,
                    span.start,
                    span.end,
                );
                if !self.warned_at.insert(key) {
                    return;
                }
                super::warnings::teach(super::warnings::TeachingNote {
                    kind: super::warnings::TeachingKind::Correction,
                    file: frame.code.file.clone(),
                    span,
                    message: message.to_string(),
                    hint: String::new(),
                    on_stderr: true,
                });
                crate::diagnostics::render_span_report(
                    &frame.code.file.name,
                    &frame.code.file.text,
                    "warning",
                    message,
                    span,
                    Some("corrected here"),
                    Some("tulip applied this correction because --lenient is on; CPython would raise an error"),
                    self.options.color,
                )
            }
            None => format!("warning: {message}\n"),
        };
        self.write_stderr(&report);
    }

    /// Counts a unit of work against the snippet budget; errors when it is used up.
    #[inline(always)]
    pub fn charge_step(&mut self) -> Result<(), PyErr> {
        if self.step_budget == u64::MAX {
            return Ok(());
        }
        self.charge_budgeted_step()
    }

    /// `charge_step` when a budget is set (snippets run by `tulip doc`, the REPL).
    #[inline(never)]
    fn charge_budgeted_step(&mut self) -> Result<(), PyErr> {
        if let Some(io) = &self.repl {
            if io
                .interrupted
                .swap(false, std::sync::atomic::Ordering::SeqCst)
            {
                return Err(self.err(&self.types.keyboard_interrupt.clone(), ""));
            }
        }
        if self.step_budget == 0 {
            return Err(self.err(
                &self.types.keyboard_interrupt.clone(),
                "stopped: the snippet exceeded its step budget (an endless loop?)",
            ));
        }
        self.step_budget -= 1;
        // The wall-clock budget (`tulip doc --timeout`), checked every 1024 steps.
        if self.step_budget & 0x3ff == 0 && past_deadline() {
            return Err(self.time_budget_error());
        }
        Ok(())
    }

    fn time_budget_error(&self) -> PyErr {
        self.err(
            &self.types.keyboard_interrupt.clone(),
            "stopped: the snippet exceeded its time budget (an endless loop?)",
        )
    }

    /// Before a real-clock wait of `secs`: when it would outlast the time budget, waits only
    /// until the deadline and stops the snippet there.
    pub fn wait_within_budget(&mut self, secs: f64) -> Result<(), PyErr> {
        if self.clock.is_virtual() {
            return Ok(());
        }
        let Some(deadline) = DEADLINE.with(|d| d.get()) else {
            return Ok(());
        };
        let left = deadline.saturating_duration_since(std::time::Instant::now());
        if secs > left.as_secs_f64() {
            self.out.flush();
            std::thread::sleep(left);
            return Err(self.time_budget_error());
        }
        Ok(())
    }
}

thread_local! {
    /// When the running snippet must stop (`tulip doc`); only checked while a step budget is set.
    static DEADLINE: std::cell::Cell<Option<std::time::Instant>> = const { std::cell::Cell::new(None) };
}

/// Sets (or clears) the wall-clock deadline for the code run on this thread.
pub fn set_deadline(deadline: Option<std::time::Instant>) {
    DEADLINE.with(|d| d.set(deadline));
}

fn past_deadline() -> bool {
    DEADLINE.with(|d| d.get().is_some_and(|t| std::time::Instant::now() >= t))
}
