//! Comparing what a snippet printed with what the document says it prints: line by line
//! (trailing whitespace and trailing blank lines ignored), then each `<N second delay>` marker
//! against the clock times recorded for the writes: the time between the surrounding lines must
//! be N seconds within 10%.

use super::markdown::{Claim, Expected};

/// How a measured delay compares with a documented one.
#[derive(Clone, Debug, PartialEq)]
pub struct DelayCheck {
    pub expected: f64,
    pub measured: f64,
    /// The documented lines around the marker (`None` at the start or end of the output).
    pub after: Option<String>,
    pub before: Option<String>,
    pub ok: bool,
}

/// The result of checking one claim.
#[derive(Clone, Debug, PartialEq)]
pub struct ClaimCheck {
    pub lines_match: bool,
    /// The claimed lines and the printed lines, as compared.
    pub expected: Vec<String>,
    pub actual: Vec<String>,
    /// Delays are checked only when the lines match.
    pub delays: Vec<DelayCheck>,
}

impl ClaimCheck {
    pub fn ok(&self) -> bool {
        self.lines_match && self.delays.iter().all(|d| d.ok)
    }
}

/// What a snippet printed: the text and the clock time of each write.
pub struct Printed<'a> {
    pub stdout: &'a str,
    pub marks: &'a [(usize, f64)],
    /// Clock times when the snippet started and ended.
    pub start: f64,
    pub end: f64,
}

/// Lines of printed text with the byte offset where each starts.
fn printed_lines(stdout: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut start = 0;
    for raw in stdout.split_inclusive('\n') {
        let line = raw.strip_suffix('\n').unwrap_or(raw);
        out.push((start, line.trim_end().to_string()));
        start += raw.len();
    }
    while matches!(out.last(), Some((_, l)) if l.is_empty()) {
        out.pop();
    }
    out
}

/// The clock time of the write that produced the byte at `offset`.
fn time_at(marks: &[(usize, f64)], offset: usize, fallback: f64) -> f64 {
    let i = marks.partition_point(|(o, _)| *o <= offset);
    if i == 0 {
        fallback
    } else {
        marks[i - 1].1
    }
}

/// Is `measured` within 10% of `expected`?
pub fn delay_ok(expected: f64, measured: f64) -> bool {
    (measured - expected).abs() <= expected * 0.1 + 1e-9
}

pub fn check(claim: &Claim, printed: &Printed<'_>) -> ClaimCheck {
    let lines = printed_lines(printed.stdout);
    let actual: Vec<String> = lines.iter().map(|(_, l)| l.clone()).collect();
    let mut expected: Vec<String> = claim.lines().iter().map(|l| l.to_string()).collect();
    while matches!(expected.last(), Some(l) if l.is_empty()) {
        expected.pop();
    }
    let lines_match = expected == actual;
    let mut delays = Vec::new();
    if lines_match {
        let mut k: usize = 0; // documented lines before the marker
        for item in &claim.expected {
            match item {
                Expected::Line(_) => k += 1,
                Expected::Delay(secs) => {
                    // (`k` may pass the printed lines: blank documented lines are not compared.)
                    let t0 = match k.checked_sub(1).and_then(|i| lines.get(i)) {
                        Some((off, _)) => time_at(printed.marks, *off, printed.start),
                        None if k == 0 => printed.start,
                        None => printed.end,
                    };
                    let t1 = match lines.get(k) {
                        Some((off, _)) => time_at(printed.marks, *off, printed.end),
                        None => printed.end,
                    };
                    let measured = t1 - t0;
                    delays.push(DelayCheck {
                        expected: *secs,
                        measured,
                        after: k.checked_sub(1).and_then(|i| expected.get(i).cloned()),
                        before: expected.get(k).cloned(),
                        ok: delay_ok(*secs, measured),
                    });
                }
            }
        }
    }
    ClaimCheck {
        lines_match,
        expected,
        actual,
        delays,
    }
}

#[cfg(test)]
mod tests {
    use super::super::markdown::ClaimKind;
    use super::*;
    use crate::syntax::ast::Span;

    fn claim(items: Vec<Expected>) -> Claim {
        Claim {
            kind: ClaimKind::Block,
            line: 1,
            span: Span::new(0, 0),
            expected: items,
        }
    }

    #[test]
    fn delays_are_measured_between_lines() {
        let c = claim(vec![
            Expected::Line("Hello".into()),
            Expected::Delay(1.0),
            Expected::Line("World".into()),
        ]);
        let marks = [(0, 0.0), (5, 0.0), (6, 1.02), (11, 1.02)];
        let p = Printed {
            stdout: "Hello\nWorld\n",
            marks: &marks,
            start: 0.0,
            end: 1.1,
        };
        let r = check(&c, &p);
        assert!(r.ok(), "{r:?}");
        let marks = [(0, 0.0), (6, 0.5)];
        let p = Printed {
            stdout: "Hello\nWorld\n",
            marks: &marks,
            start: 0.0,
            end: 1.1,
        };
        let r = check(&c, &p);
        assert!(r.lines_match && !r.ok());
    }

    #[test]
    fn a_delay_after_trailing_blank_lines_does_not_panic() {
        let c = claim(vec![
            Expected::Line("a".into()),
            Expected::Line("".into()),
            Expected::Line("".into()),
            Expected::Delay(1.0),
        ]);
        let p = Printed {
            stdout: "a\n",
            marks: &[(0, 0.0)],
            start: 0.0,
            end: 1.0,
        };
        let r = check(&c, &p);
        assert!(r.lines_match && !r.ok());
    }

    #[test]
    fn trailing_space_and_blank_lines_do_not_count() {
        let c = claim(vec![Expected::Line("a".into()), Expected::Line("".into())]);
        let p = Printed {
            stdout: "a  \n\n",
            marks: &[],
            start: 0.0,
            end: 0.0,
        };
        assert!(check(&c, &p).ok());
    }
}
