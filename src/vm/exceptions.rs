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
        if x.to_ascii_lowercase() == y.to_ascii_lowercase() {
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
    /// The qualified class name the last traceback line starts with.
    pub fn exception_type_name(&self, err: &PyErr) -> String {
        let cls = err.class();
        if cls.module == "builtins" {
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
        let mut out = String::new();
        let mut seen = Vec::new();
        self.format_chain(err, &mut out, &mut seen);
        out
    }

    fn format_chain(&mut self, err: &PyErr, out: &mut String, seen: &mut Vec<usize>) {
        let ptr = std::rc::Rc::as_ptr(&err.exc) as usize;
        if seen.contains(&ptr) {
            return;
        }
        seen.push(ptr);
        let (cause, context, suppress) = {
            let d = err.data();
            (d.cause.clone(), d.context.clone(), d.suppress_context)
        };
        if let Some(Value::Instance(c)) = &cause {
            if matches!(c.payload, Payload::Exception(_)) {
                self.format_chain(&PyErr { exc: c.clone() }, out, seen);
                out.push_str(
                    "\nThe above exception was the direct cause of the following exception:\n\n",
                );
            }
        } else if let (Some(Value::Instance(c)), false) = (&context, suppress) {
            if matches!(c.payload, Payload::Exception(_)) {
                self.format_chain(&PyErr { exc: c.clone() }, out, seen);
                out.push_str(
                    "\nDuring handling of the above exception, another exception occurred:\n\n",
                );
            }
        }
        let tb = err.data().traceback.clone();
        if !tb.is_empty() {
            out.push_str("Traceback (most recent call last):\n");
            // CPython prints a run of identical entries three times, then a count.
            let mut last: Option<(usize, usize, usize)> = None;
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
                let key = (
                    std::rc::Rc::as_ptr(&entry.code.file) as usize,
                    line,
                    std::rc::Rc::as_ptr(&entry.code) as usize,
                );
                if last == Some(key) {
                    repeats += 1;
                    if repeats > 3 {
                        continue;
                    }
                } else {
                    flush(out, repeats);
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
            flush(out, repeats);
            // Point at the failing expression in the innermost frame of the user's code.
            if let Some(entry) = tb.iter().find(|e| {
                !e.code.file.name.starts_with('<')
                    || e.code.file.name == "<string>"
                    || e.code.file.name == "<stdin>"
            }) {
                let span = entry.code.span_of(entry.pc);
                if span.end > span.start {
                    let label = format!("{} raised here", self.exception_type_name(err));
                    let hint = match err.exc.dict.borrow().get(&super::lenient::hint_symbol()) {
                        Some(Value::Str(s)) => Some(s.as_str().to_string()),
                        _ => None,
                    };
                    let report = crate::diagnostics::render_span_report(
                        &entry.code.file.name,
                        &entry.code.file.text,
                        "Traceback",
                        &format!("in {}", entry.code.name),
                        span,
                        Some(&label),
                        hint.as_deref(),
                        self.options.color,
                    );
                    out.push_str(&report);
                }
            }
        }
        out.push_str(&self.exception_summary(err));
        out.push('\n');
    }
}
