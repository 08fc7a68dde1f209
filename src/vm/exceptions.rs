//! Reporting uncaught exceptions: CPython's traceback layout (chained exceptions, one entry per
//! frame with its source line, the final `Type: message` line), plus "Did you mean" suggestions
//! for NameError and AttributeError as CPython 3.11's traceback module prints them.

use super::object::Payload;
use super::symbol::sym;
use super::value::Value;
use super::{PyErr, Vm};

/// CPython's `Python/suggestions.c` Levenshtein distance (moves cost 2, case changes 1).
pub fn suggestion_distance(a: &str, b: &str, max_cost: usize) -> usize {
    const MOVE: usize = 2;
    let mut a = a.as_bytes();
    let mut b = b.as_bytes();
    if a == b {
        return 0;
    }
    while !a.is_empty() && !b.is_empty() && a[0] == b[0] {
        a = &a[1..];
        b = &b[1..];
    }
    while !a.is_empty() && !b.is_empty() && a[a.len() - 1] == b[b.len() - 1] {
        a = &a[..a.len() - 1];
        b = &b[..b.len() - 1];
    }
    if a.is_empty() || b.is_empty() {
        return (a.len() + b.len()) * MOVE;
    }
    if a.len() > 40 || b.len() > 40 {
        return max_cost + 1;
    }
    if b.len() < a.len() {
        std::mem::swap(&mut a, &mut b);
    }
    if (b.len() - a.len()) * MOVE > max_cost {
        return max_cost + 1;
    }
    let subst = |x: u8, y: u8| -> usize {
        if (x & 31) != (y & 31) {
            return MOVE;
        }
        if x == y {
            return 0;
        }
        if x.eq_ignore_ascii_case(&y) {
            1
        } else {
            MOVE
        }
    };
    let mut buffer: Vec<usize> = (1..=a.len()).map(|i| i * MOVE).collect();
    let mut result = 0;
    for (bi, &code) in b.iter().enumerate() {
        let mut distance = bi * MOVE;
        result = distance;
        let mut minimum = usize::MAX;
        for (ai, &ac) in a.iter().enumerate() {
            let substitute = distance + subst(code, ac);
            distance = buffer[ai];
            let insert_delete = result.min(distance) + MOVE;
            result = insert_delete.min(substitute);
            buffer[ai] = result;
            minimum = minimum.min(result);
        }
        if minimum > max_cost {
            return max_cost + 1;
        }
    }
    result
}

/// The closest candidate, by CPython's rules (no more than a third of the characters change).
pub fn best_suggestion<'a>(
    name: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let mut best: Option<&str> = None;
    let mut best_distance = usize::MAX;
    for item in candidates {
        if item == name {
            continue;
        }
        let mut max = (name.len() + item.len() + 3) * 2 / 6;
        max = max.min(best_distance.saturating_sub(1));
        let d = suggestion_distance(name, item, max);
        if d > max {
            continue;
        }
        if best.is_none() || d < best_distance {
            best = Some(item);
            best_distance = d;
        }
    }
    best
}

impl Vm {
    /// The qualified class name the last traceback line starts with (no module prefix for
    /// builtins and `__main__`, as CPython's `print_exception` does).
    pub fn exception_type_name(&self, err: &PyErr) -> String {
        let cls = err.class();
        if cls.module == "builtins" || cls.module == "__main__" {
            cls.qualname.clone()
        } else {
            format!("{}.{}", cls.module, cls.qualname)
        }
    }

    /// `Type: message` (or just `Type`), with CPython 3.11's suggestions.
    pub fn exception_summary(&mut self, err: &PyErr) -> String {
        let name = self.exception_type_name(err);
        let msg = match self.to_str(&err.value()) {
            Ok(s) => s,
            Err(_) => "<exception str() failed>".to_string(),
        };
        let mut line = if msg.is_empty() {
            name
        } else {
            format!("{name}: {msg}")
        };
        if let Some(s) = self.suggestion_for(err) {
            line.push_str(&format!(". Did you mean: '{s}'?"));
        }
        line
    }

    /// "Did you mean" for NameError / AttributeError, as CPython 3.11 prints it.
    pub fn suggestion_for(&mut self, err: &PyErr) -> Option<String> {
        let cls = err.class().clone();
        let name = match err.exc.dict.borrow().get(&sym::NAME_PLAIN) {
            Some(Value::Str(s)) => s.as_str().to_string(),
            _ => return None,
        };
        if cls.is_subclass_of(&self.types.name_error) {
            let tb = err.data().traceback.first().cloned();
            if let Some(entry) = &tb {
                let names: Vec<&str> = entry.code.varnames.iter().map(|s| s.as_str()).collect();
                if let Some(s) = best_suggestion(&name, names) {
                    return Some(s.to_string());
                }
            }
            let globals: Vec<&'static str> = self
                .main
                .globals
                .borrow()
                .bound()
                .map(|(k, _)| k.as_str())
                .collect();
            if let Some(s) = best_suggestion(&name, globals) {
                return Some(s.to_string());
            }
            let builtins: Vec<&'static str> = self.builtins.keys().map(|k| k.as_str()).collect();
            let mut builtins = builtins;
            builtins.sort();
            return best_suggestion(&name, builtins).map(|s| s.to_string());
        }
        if cls.is_subclass_of(&self.types.attribute_error) {
            let obj = err
                .exc
                .dict
                .borrow()
                .get(&super::symbol::intern("obj"))
                .cloned()?;
            let names = crate::runtime::builtins::dir_names(self, &obj);
            let refs: Vec<&str> = names.iter().map(|s| s.as_str()).collect();
            return best_suggestion(&name, refs).map(|s| s.to_string());
        }
        None
    }

    /// The full report for an uncaught exception, as CPython prints it to stderr.
    pub fn format_traceback(&mut self, err: &PyErr) -> String {
        let mut ctx = PrintContext::default();
        self.format_exception(err, &mut ctx);
        ctx.out
    }

    /// CPython's `TracebackException.format`: the chain of causes/contexts oldest first, then
    /// this exception; an exception group gets a boxed section per sub-exception.
    fn format_exception(&mut self, err: &PyErr, ctx: &mut PrintContext) {
        // Walk the chain from this exception back to its oldest cause or context; each entry
        // carries the message that introduces it after the older one.
        let mut chain: Vec<(Option<&'static str>, PyErr)> = Vec::new();
        let mut current = Some(err.clone());
        while let Some(e) = current.take() {
            ctx.seen.push(std::rc::Rc::as_ptr(&e.exc) as usize);
            let (cause, context, suppress) = {
                let d = e.data();
                (d.cause.clone(), d.context.clone(), d.suppress_context)
            };
            let unseen = |v: &Option<Value>, seen: &[usize]| -> Option<PyErr> {
                match v {
                    Some(Value::Instance(c))
                        if matches!(c.payload, Payload::Exception(_))
                            && !seen.contains(&(std::rc::Rc::as_ptr(c) as usize)) =>
                    {
                        Some(PyErr { exc: c.clone() })
                    }
                    _ => None,
                }
            };
            let mut msg = None;
            if let Some(c) = unseen(&cause, &ctx.seen) {
                msg = Some(CAUSE_MESSAGE);
                current = Some(c);
            } else if !suppress {
                if let Some(c) = unseen(&context, &ctx.seen) {
                    msg = Some(CONTEXT_MESSAGE);
                    current = Some(c);
                }
            }
            chain.push((msg, e));
        }
        for (msg, e) in chain.iter().rev() {
            if let Some(m) = msg {
                ctx.emit(m, None);
            }
            self.format_single(e, ctx);
        }
    }

    fn format_stack(&self, err: &PyErr) -> String {
        let mut out = String::new();
        let tb = err.data().traceback.clone();
        // CPython prints a run of identical entries three times, then a count.
        let mut last: Option<(usize, usize)> = None;
        let mut repeats = 0usize;
        let flush = |out: &mut String, repeats: usize| {
            if repeats > 3 {
                let n = repeats - 3;
                out.push_str(&format!(
                    "  [Previous line repeated {} more time{}]\n",
                    n,
                    if n == 1 { "" } else { "s" }
                ));
            }
        };
        for entry in tb.iter().rev() {
            let line = entry.code.line_of(entry.pc);
            let key = (std::rc::Rc::as_ptr(&entry.code) as usize, line);
            if last == Some(key) {
                repeats += 1;
                if repeats > 3 {
                    continue;
                }
            } else {
                flush(&mut out, repeats);
                last = Some(key);
                repeats = 1;
            }
            out.push_str(&format!(
                "  File \"{}\", line {}, in {}\n",
                entry.code.file.name, line, entry.code.name
            ));
            let text = entry.code.file.line_text(line).trim();
            if !text.is_empty() {
                out.push_str(&format!("    {text}\n"));
            }
        }
        flush(&mut out, repeats);
        out.push_str(&self.failing_span_report(err));
        out
    }

    /// An ariadne report pointing at the failing expression in the innermost frame of the
    /// user's code (not the asyncio module's), with any "did you mean" hint as a note.
    fn failing_span_report(&self, err: &PyErr) -> String {
        let tb = err.data().traceback.clone();
        let Some(entry) = tb.iter().find(|e| {
            let name = &e.code.file.name;
            !name.starts_with('<') || name == "<string>" || name == "<stdin>"
        }) else {
            return String::new();
        };
        let span = entry.code.span_of(entry.pc);
        if span.end <= span.start {
            return String::new();
        }
        let label = format!("{} raised here", self.exception_type_name(err));
        let hint = match crate::runtime::instdict::get(&err.exc, super::lenient::hint_symbol()) {
            Some(Value::Str(s)) => Some(s.as_str().to_string()),
            _ => None,
        };
        crate::diagnostics::render_span_report(
            &entry.code.file.name,
            &entry.code.file.text,
            "Traceback",
            &format!("in {}", entry.code.name),
            span,
            Some(&label),
            hint.as_deref(),
            self.options.color,
        )
    }

    /// `Type: message` and the exception's notes, one line each.
    fn format_exception_only(&mut self, err: &PyErr) -> String {
        let mut out = self.exception_summary(err);
        out.push('\n');
        let notes = crate::runtime::instdict::get(&err.exc, sym::NOTES);
        match notes {
            None => {}
            Some(Value::List(l)) => {
                let items = l.borrow().clone();
                for note in items {
                    let text = match &note {
                        Value::Str(s) => s.as_str().to_string(),
                        other => self
                            .to_str(other)
                            .unwrap_or_else(|_| "<note str() failed>".to_string()),
                    };
                    for line in text.split('\n') {
                        out.push_str(line);
                        out.push('\n');
                    }
                }
            }
            Some(other) => {
                let text = self
                    .repr(&other)
                    .unwrap_or_else(|_| "<__notes__ repr() failed>".to_string());
                out.push_str(&text);
                out.push('\n');
            }
        }
        out
    }

    fn format_single(&mut self, err: &PyErr, ctx: &mut PrintContext) {
        let group_members = if err.class().is_subclass_of(&self.types.base_exception_group) {
            Some(crate::runtime::exceptions::group_exceptions(&err.value()))
        } else {
            None
        };
        let has_stack = !err.data().traceback.is_empty();
        let Some(members) = group_members else {
            if has_stack {
                ctx.emit("Traceback (most recent call last):\n", None);
                let stack = self.format_stack(err);
                ctx.emit(&stack, None);
            }
            let only = self.format_exception_only(err);
            ctx.emit(&only, None);
            return;
        };
        if ctx.depth > MAX_GROUP_DEPTH {
            ctx.emit(
                &format!("... (max_group_depth is {MAX_GROUP_DEPTH})\n"),
                None,
            );
            return;
        }
        let toplevel = ctx.depth == 0;
        if toplevel {
            ctx.depth += 1;
        }
        if has_stack {
            ctx.emit(
                "Exception Group Traceback (most recent call last):\n",
                if toplevel { Some('+') } else { None },
            );
            let stack = self.format_stack(err);
            ctx.emit(&stack, None);
        }
        let only = self.format_exception_only(err);
        ctx.emit(&only, None);
        let num = members.len();
        let n = if num <= MAX_GROUP_WIDTH {
            num
        } else {
            MAX_GROUP_WIDTH + 1
        };
        ctx.need_close = false;
        for (i, member) in members.iter().take(n).enumerate() {
            let last = i == n - 1;
            if last {
                ctx.need_close = true;
            }
            let truncated = i >= MAX_GROUP_WIDTH;
            let title = if truncated {
                "...".to_string()
            } else {
                (i + 1).to_string()
            };
            let line = format!(
                "{}{}+---------------- {title} ----------------\n",
                ctx.indent(),
                if i == 0 { "+-" } else { "  " }
            );
            ctx.out.push_str(&line);
            ctx.depth += 1;
            if !truncated {
                match member {
                    Value::Instance(inst) if matches!(inst.payload, Payload::Exception(_)) => {
                        self.format_exception(&PyErr { exc: inst.clone() }, ctx);
                    }
                    _ => {}
                }
            } else {
                let remaining = num - MAX_GROUP_WIDTH;
                ctx.emit(
                    &format!(
                        "and {remaining} more exception{}\n",
                        if remaining > 1 { "s" } else { "" }
                    ),
                    None,
                );
            }
            if last && ctx.need_close {
                let line = format!("{}+------------------------------------\n", ctx.indent());
                ctx.out.push_str(&line);
                ctx.need_close = false;
            }
            ctx.depth -= 1;
        }
        if toplevel {
            ctx.depth = 0;
        }
    }
}

const CAUSE_MESSAGE: &str =
    "\nThe above exception was the direct cause of the following exception:\n\n";
const CONTEXT_MESSAGE: &str =
    "\nDuring handling of the above exception, another exception occurred:\n\n";
/// `traceback.TracebackException`'s defaults.
const MAX_GROUP_WIDTH: usize = 15;
const MAX_GROUP_DEPTH: usize = 10;

/// CPython's `_ExceptionPrintContext`: nesting depth of exception groups and the output.
#[derive(Default)]
struct PrintContext {
    out: String,
    depth: usize,
    need_close: bool,
    seen: Vec<usize>,
}

impl PrintContext {
    fn indent(&self) -> String {
        " ".repeat(2 * self.depth)
    }

    /// Appends `text`, each line prefixed by the indent and, inside a group, a margin.
    fn emit(&mut self, text: &str, margin: Option<char>) {
        let mut prefix = self.indent();
        if self.depth > 0 {
            prefix.push(margin.unwrap_or('|'));
            prefix.push(' ');
        }
        for line in text.split_inclusive('\n') {
            self.out.push_str(&prefix);
            self.out.push_str(line);
        }
    }
}
