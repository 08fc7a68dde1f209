//! Advice about a failed snippet that only makes sense in a document: a name another snippet
//! defines, a placeholder name nothing defines, a stray character that broke a copied line, a
//! budget that stopped a runaway snippet. (Advice that holds for any program — `await` outside
//! `async def` and the like — is in the interpreter's own diagnostics.)

use super::markdown::{Document, Snippet};
use super::run::{Failure, RunConfig, SnippetRun};
use crate::syntax::error::SyntaxError;

/// Hints for snippet `index` of `doc`, given how it ran.
pub fn hints(doc: &Document, index: usize, run: &SnippetRun, cfg: &RunConfig) -> Vec<String> {
    let mut out = Vec::new();
    match &run.failure {
        Some(Failure::Syntax(e)) => {
            if let Some(h) = stray_character(&run.source, e) {
                out.push(h);
            }
        }
        Some(Failure::Exception { last_line, budget }) => {
            if *budget {
                out.push(format!(
                    "a snippet may take {} steps and {} s; raise --max-steps or --timeout if \
                     this one is meant to run longer",
                    cfg.max_steps,
                    cfg.timeout.as_secs_f64()
                ));
            } else if let Some(name) = missing_name(last_line) {
                if let Some(h) = name_hint(doc, index, &name, cfg.isolated) {
                    out.push(h);
                }
            } else if !cfg.lenient && last_line.starts_with("ModuleNotFoundError: ") {
                out.push(
                    "without --strict, tulip doc applies an unambiguous correction of a \
                     misspelt module name and runs on"
                        .to_string(),
                );
            }
        }
        _ => {}
    }
    out
}

/// `NameError: name 'x' is not defined[. Did you mean ...]` → `x`.
fn missing_name(last_line: &str) -> Option<String> {
    let rest = last_line.strip_prefix("NameError: name '")?;
    let end = rest.find("' is not defined")?;
    Some(rest[..end].to_string())
}

fn name_hint(doc: &Document, index: usize, name: &str, isolated: bool) -> Option<String> {
    let definers: Vec<&Snippet> = doc
        .snippets
        .iter()
        .enumerate()
        .filter(|(i, s)| *i != index && defined_names(&s.code).iter().any(|n| n == name))
        .map(|(_, s)| s)
        .collect();
    let this_line = doc.snippets.get(index).map_or(0, |s| s.fence_line);
    // The nearest definer before this snippet, else the first one after it.
    let earlier = definers.iter().rev().find(|s| s.fence_line < this_line);
    let later = definers.iter().find(|s| s.fence_line > this_line);
    match (earlier, later) {
        (None, None) => Some(placeholder(name)),
        (Some(s), _) | (None, Some(s)) if isolated => Some(format!(
            "'{name}' is defined by the snippet at line {}; --isolated runs each snippet alone \
             (without it, snippets share one namespace, like notebook cells)",
            s.fence_line
        )),
        (None, Some(s)) => Some(format!(
            "'{name}' is only defined later, by the snippet at line {}",
            s.fence_line
        )),
        (Some(s), _) => Some(format!(
            "'{name}' is defined by the snippet at line {}, which stopped before defining it",
            s.fence_line
        )),
    }
}

fn placeholder(name: &str) -> String {
    format!(
        "no snippet in this document defines '{name}': it stands for something of your own, \
         to define before running this code"
    )
}

/// The names a snippet binds at its top level: `def`, `class`, `import`, simple assignments.
pub fn defined_names(code: &str) -> Vec<String> {
    let mut names = Vec::new();
    let ident = |s: &str| -> Option<String> {
        let s = s.trim();
        let n: String = s
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        (!n.is_empty() && !n.starts_with(|c: char| c.is_ascii_digit())).then_some(n)
    };
    for line in code.lines() {
        if line.starts_with([' ', '\t', '#']) {
            continue;
        }
        let line = line.split('#').next().unwrap_or("");
        let words: Vec<&str> = line.split_whitespace().collect();
        match words.as_slice() {
            ["async", "def", rest @ ..] | ["def", rest @ ..] | ["class", rest @ ..] => {
                if let Some(n) = rest.first().and_then(|w| ident(w)) {
                    names.push(n);
                }
            }
            ["import", ..] => {
                let list = line.trim_start().strip_prefix("import").unwrap_or("");
                for part in list.split(',') {
                    let p: Vec<&str> = part.split_whitespace().collect();
                    match p.as_slice() {
                        [_, "as", alias] => names.extend(ident(alias)),
                        [module] => names.extend(module.split('.').next().and_then(ident)),
                        _ => {}
                    }
                }
            }
            ["from", _, "import", ..] => {
                let list = line.split(" import ").nth(1).unwrap_or("");
                for part in list.trim_matches(|c| c == '(' || c == ')').split(',') {
                    let p: Vec<&str> = part.split_whitespace().collect();
                    match p.as_slice() {
                        [_, "as", alias] => names.extend(ident(alias)),
                        [n] => names.extend(ident(n)),
                        _ => {}
                    }
                }
            }
            _ => {
                // `a = ...`, `a, b = ...`, `a: int = ...` (not `==`).
                if let Some(eq) = line.find('=') {
                    let after = line[eq + 1..].chars().next();
                    let before = line[..eq].chars().last();
                    if after != Some('=') && !matches!(before, Some('=' | '!' | '<' | '>')) {
                        let target = line[..eq].split(':').next().unwrap_or("");
                        for t in target.split(',') {
                            let t = t.trim().trim_matches(|c| c == '(' || c == ')');
                            if let Some(n) = ident(t).filter(|n| n.len() == t.len()) {
                                names.push(n);
                            }
                        }
                    }
                }
            }
        }
    }
    names
}

/// "invalid syntax" at one odd character (`return|{...}`, a damaged copy): if the line parses
/// without it, say so.
fn stray_character(source: &str, e: &SyntaxError) -> Option<String> {
    if e.message != "invalid syntax" {
        return None;
    }
    let (start, end) = (e.span.start as usize, e.span.end as usize);
    let bad = source.get(start..end)?;
    let mut chars = bad.chars();
    let c = chars.next()?;
    if chars.next().is_some() || c.is_alphanumeric() || c.is_whitespace() || c == '_' {
        return None;
    }
    // Between two words the character stands for a space (`return|{`); else it is just extra.
    let spaced = |c: Option<char>| c.is_some_and(|c| !c.is_whitespace());
    let between_words =
        spaced(source[..start].chars().last()) && spaced(source[end..].chars().next());
    let mut fixed = String::with_capacity(source.len());
    fixed.push_str(&source[..start]);
    if between_words {
        fixed.push(' ');
    }
    fixed.push_str(&source[end..]);
    let line_start = source[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = fixed[start..].find('\n').map_or(fixed.len(), |i| start + i);
    let line_no = source[..start].matches('\n').count() + 1;
    let next = crate::syntax::parser::parse_module(&fixed).err();
    if next
        .as_ref()
        .is_some_and(|n| (n.span.start as usize) <= line_end)
    {
        return None;
    }
    let repaired = fixed[line_start..line_end].trim();
    let mut hint = format!(
        "'{c}' looks like a stray character (a damaged copy?): without it, line {line_no} \
         would read `{repaired}`"
    );
    if let Some(n) = next {
        let n_line = fixed[..(n.span.start as usize).min(fixed.len())]
            .matches('\n')
            .count()
            + 1;
        hint.push_str(&format!(
            ". The block has more damage: line {n_line} then fails with \"{}\"",
            n.message
        ));
    }
    Some(hint)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn odd_whitespace_does_not_panic() {
        let _ = defined_names("\u{a0}\u{a0}\u{2003}import x\n");
    }

    #[test]
    fn names_bound_at_top_level() {
        let code = "import asyncio\nimport a.b, c as d\nfrom x import (y, z as w)\nasync def main():\n    q = 1\nclass K: pass\nx, y2 = 1, 2\nn: int = 3\nif a == b: pass\n";
        assert_eq!(
            defined_names(code),
            vec!["asyncio", "a", "d", "y", "w", "main", "K", "x", "y2", "n"]
        );
    }

    #[test]
    fn stray_character_is_found() {
        let src = "def f():\n    return|{'data': 1}\n";
        let e = crate::syntax::parser::parse_module(src).unwrap_err();
        let h = stray_character(src, &e).expect("a hint");
        assert!(h.contains("`return {'data': 1}`"), "{h}");
    }
}
