//! The `tulip doc` report: one line per snippet (`file:line  verdict`), then the details of the
//! snippets that need a word — an ariadne report on each documented output that is wrong, the
//! snippet's stderr (tracebacks, warnings, lenient corrections), teaching notes and hints —
//! then the summary line. `json` gives the same facts for machines.

use ariadne::{Color, Config, IndexType, Label, Report, ReportKind, Source};

use super::compare::ClaimCheck;
use super::json::Json;
use super::markdown::{Claim, ClaimKind, Document, Expected, Snippet};
use super::run::{Failure, RunConfig, SnippetRun};
use super::{DocResult, SnippetResult, Summary, Verdict};
use crate::syntax::ast::Span;
use crate::vm::warnings::TeachingKind;

/// The text report, all at once (`tulip doc` prints the same pieces as they come).
pub fn text(docs: &[DocResult], cfg: &RunConfig) -> String {
    let mut out = String::new();
    for d in docs {
        let width = location_width(&d.doc);
        for (i, r) in d.results.iter().enumerate() {
            out.push_str(&overview_line(&d.doc, i, r, width, cfg.color));
        }
        out.push_str(&details_section(d, cfg));
    }
    out.push_str(&Summary::of(docs).line());
    out.push('\n');
    out
}

/// The width of the widest `file:line` of a document (to align the verdicts).
pub fn location_width(doc: &Document) -> usize {
    doc.snippets
        .iter()
        .map(|s| location(doc, s).len())
        .max()
        .unwrap_or(0)
}

/// `file:line  verdict` for snippet `i`.
pub fn overview_line(
    doc: &Document,
    i: usize,
    r: &SnippetResult,
    width: usize,
    color: bool,
) -> String {
    let loc = doc
        .snippets
        .get(i)
        .map(|s| location(doc, s))
        .unwrap_or_default();
    format!("{loc:<width$}  {}\n", verdict_text(r, color))
}

/// The details of the snippets that need a word, then a blank line.
pub fn details_section(d: &DocResult, cfg: &RunConfig) -> String {
    let mut out = String::new();
    for (s, r) in d.doc.snippets.iter().zip(&d.results) {
        let details = details(&d.doc, s, r, cfg);
        if !details.is_empty() {
            out.push('\n');
            out.push_str(&paint(
                &format!("── {} · {} ──", location(&d.doc, s), r.verdict.name()),
                "1",
                cfg.color,
            ));
            out.push('\n');
            out.push_str(&details);
        }
    }
    out.push('\n');
    out
}

fn location(doc: &Document, s: &Snippet) -> String {
    format!("{}:{}", doc.path, s.fence_line)
}

fn paint(text: &str, sgr: &str, color: bool) -> String {
    if color {
        format!("\u{1b}[{sgr}m{text}\u{1b}[0m")
    } else {
        text.to_string()
    }
}

fn corrections(r: &SnippetResult) -> usize {
    r.run
        .notes
        .iter()
        .filter(|n| n.kind == TeachingKind::Correction)
        .count()
}

fn verdict_text(r: &SnippetResult, color: bool) -> String {
    let mut text = match r.verdict {
        Verdict::Matches => {
            let delays: Vec<String> = r
                .checks
                .iter()
                .flat_map(|c| &c.delays)
                .map(|d| {
                    format!(
                        "{} s delay: measured {:.2} s",
                        fmt_secs(d.expected),
                        d.measured
                    )
                })
                .collect();
            let mut t = paint("matches", "32", color);
            if !delays.is_empty() {
                t.push_str(&format!(" ({})", delays.join(", ")));
            }
            t
        }
        Verdict::Differs => paint("differs", "31;1", color),
        Verdict::Error => paint(
            &format!("error: {}", failure_text(r.run.failure.as_ref())),
            "31;1",
            color,
        ),
        Verdict::NoDocumentedOutput => paint("no documented output", "2", color),
    };
    let n = corrections(r);
    if n > 0 {
        text.push_str(&format!(
            " (lenient: {n} correction{})",
            if n == 1 { "" } else { "s" }
        ));
    }
    text
}

fn failure_text(f: Option<&Failure>) -> String {
    match f {
        Some(Failure::Syntax(e)) => format!("{}: {}", e.kind.class_name(), e.message),
        Some(Failure::Exception { last_line, .. }) => last_line.clone(),
        Some(Failure::Exit(code)) => format!("exit status {code}"),
        None => String::new(),
    }
}

/// Everything worth saying about one snippet beyond its verdict ("" when nothing).
fn details(doc: &Document, s: &Snippet, r: &SnippetResult, cfg: &RunConfig) -> String {
    let mut out = String::new();
    for (claim, check) in s.claims.iter().zip(&r.checks) {
        if !check.ok() {
            out.push_str(&claim_report(doc, s, claim, check, cfg.color));
        }
    }
    out.push_str(&r.run.stderr);
    if !r.run.stderr.is_empty() && !r.run.stderr.ends_with('\n') {
        out.push('\n');
    }
    for note in r.run.notes.iter().filter(|n| !n.on_stderr) {
        out.push_str(&crate::diagnostics::render_span_report(
            &note.file.name,
            &note.file.text,
            "hint",
            &note.message,
            note.span,
            Some(note_label(note.kind)),
            Some(&note.hint),
            cfg.color,
        ));
    }
    for h in &r.hints {
        out.push_str(&format!("{} {h}\n", paint("hint:", "36;1", cfg.color)));
    }
    out
}

fn note_label(kind: TeachingKind) -> &'static str {
    match kind {
        TeachingKind::BlockingSleep => "blocks every task, not just this one",
        TeachingKind::LostTask => "this task never finished",
        TeachingKind::NeverAwaited => "never awaited",
        TeachingKind::Correction => "corrected here",
    }
}

// ----- the report on a wrong documented output --------------------------------------------------

/// An ariadne report on the document: the snippet's fence and the claim, with what the
/// document says and what the snippet printed.
fn claim_report(
    doc: &Document,
    s: &Snippet,
    claim: &Claim,
    check: &ClaimCheck,
    color: bool,
) -> String {
    let excerpt = Excerpt::new(&doc.text, &[s.fence_span, claim.span]);
    let fence = excerpt.map(s.fence_span);
    let claimed = excerpt.map(claim.span);
    let id = doc.path.clone();
    let (message, label, note) = if check.lines_match {
        let bad: Vec<String> = check
            .delays
            .iter()
            .filter(|d| !d.ok)
            .map(|d| {
                let between = match (&d.after, &d.before) {
                    (Some(a), Some(b)) => format!("between '{a}' and '{b}'"),
                    (Some(a), None) => format!("after '{a}'"),
                    (None, Some(b)) => format!("before '{b}'"),
                    (None, None) => "in the output".to_string(),
                };
                format!(
                    "documented a {} second delay {between}; measured {:.2} s",
                    fmt_secs(d.expected),
                    d.measured
                )
            })
            .collect();
        (
            "the documented timing differs from the snippet's".to_string(),
            "documented delay".to_string(),
            format!("the lines match, but {}", bad.join("; ")),
        )
    } else {
        (
            "the documented output differs from what the snippet prints".to_string(),
            "documented output".to_string(),
            expected_vs_actual(claim, check),
        )
    };
    let config = Config::default()
        .with_color(color)
        .with_index_type(IndexType::Byte);
    let kind = ReportKind::Custom("differs", if color { Color::Red } else { Color::Primary });
    let mut fence_label = Label::new((id.clone(), fence.clone())).with_message("this snippet");
    let mut claim_label = Label::new((id.clone(), claimed)).with_message(label);
    if color {
        fence_label = fence_label.with_color(Color::Blue);
        claim_label = claim_label.with_color(Color::Red);
    }
    let report = Report::build(kind, (id.clone(), fence))
        .with_config(config)
        .with_message(message)
        .with_label(fence_label)
        .with_label(claim_label)
        .with_note(note)
        .finish();
    let mut buf = Vec::new();
    let mut text = match report.write((id, Source::from(excerpt.text.as_str())), &mut buf) {
        Ok(()) => String::from_utf8_lossy(&buf).into_owned(),
        Err(_) => format!(
            "differs: the documented output at line {} differs\n",
            claim.line
        ),
    };
    if !color {
        text = crate::diagnostics::strip_ansi(&text);
    }
    if !text.ends_with('\n') {
        text.push('\n');
    }
    text
}

fn fmt_secs(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{}", x as i64)
    } else {
        format!("{x}")
    }
}

/// "documented: a, b / printed: b, a" for inline claims; the two line lists for blocks.
fn expected_vs_actual(claim: &Claim, check: &ClaimCheck) -> String {
    let printed = if check.actual.is_empty() {
        "(nothing)".to_string()
    } else {
        check.actual.join(", ")
    };
    if claim.kind == ClaimKind::Inline {
        return format!(
            "documented: {}\nprinted:    {printed}",
            check.expected.join(", ")
        );
    }
    let mut s = String::from("documented:");
    for item in &claim.expected {
        match item {
            Expected::Line(l) => s.push_str(&format!("\n    {l}")),
            Expected::Delay(secs) => {
                s.push_str(&format!("\n    <{} second delay>", fmt_secs(*secs)))
            }
        }
    }
    s.push_str("\nprinted:");
    if check.actual.is_empty() {
        s.push_str(" (nothing)");
    }
    for l in &check.actual {
        s.push_str(&format!("\n    {l}"));
    }
    if let Some(i) = (0..check.expected.len().max(check.actual.len()))
        .find(|&i| check.expected.get(i) != check.actual.get(i))
    {
        s.push_str(&format!("\nfirst difference: printed line {}", i + 1));
    }
    s
}

/// A copy of the document for ariadne that keeps only the lines the labels touch (the others
/// are emptied, so line numbers stay) and cuts long lines to a window around the labels.
struct Excerpt {
    text: String,
    /// Per document line: (document line start, excerpt line start, window start within the
    /// line, window end within the line, bytes added before the window).
    lines: Vec<(usize, usize, usize, usize, usize)>,
}

const MAX_LINE: usize = 100;
const MARGIN: usize = 30;

impl Excerpt {
    fn new(doc: &str, spans: &[Span]) -> Excerpt {
        let mut text = String::with_capacity(doc.len() / 4);
        let mut lines = Vec::new();
        let mut start = 0;
        for raw in doc.split_inclusive('\n') {
            let line = raw.strip_suffix('\n').unwrap_or(raw);
            let end = start + line.len();
            let touching: Vec<(usize, usize)> = spans
                .iter()
                .map(|s| (s.start as usize, s.end as usize))
                .filter(|&(a, b)| a <= end && b >= start)
                .map(|(a, b)| (a.max(start) - start, b.min(end) - start))
                .collect();
            let out_start = text.len();
            if touching.is_empty() {
                lines.push((start, out_start, 0, 0, 0));
            } else if line.len() <= MAX_LINE {
                text.push_str(line);
                lines.push((start, out_start, 0, line.len(), 0));
            } else {
                let lo = touching.iter().map(|t| t.0).min().unwrap_or(0);
                let hi = touching.iter().map(|t| t.1).max().unwrap_or(0);
                let a = floor_char(line, lo.saturating_sub(MARGIN));
                let b = ceil_char(line, (hi + MARGIN).min(line.len()));
                let mut added = 0;
                if a > 0 {
                    text.push_str("… ");
                    added = "… ".len();
                }
                text.push_str(&line[a..b]);
                if b < line.len() {
                    text.push_str(" …");
                }
                lines.push((start, out_start, a, b, added));
            }
            if raw.ends_with('\n') {
                text.push('\n');
            }
            start += raw.len();
        }
        Excerpt { text, lines }
    }

    /// A document span in excerpt offsets (clamped to the kept windows).
    fn map(&self, span: Span) -> std::ops::Range<usize> {
        let a = self.map_offset(span.start as usize);
        let b = self.map_offset(span.end as usize).max(a);
        if a == b && b < self.text.len() {
            a..b + 1
        } else {
            a..b
        }
    }

    fn map_offset(&self, off: usize) -> usize {
        let i = self.lines.partition_point(|l| l.0 <= off).saturating_sub(1);
        match self.lines.get(i) {
            Some(&(doc_start, out_start, a, b, added)) => {
                let col = (off - doc_start).clamp(a, b);
                out_start + added + (col - a)
            }
            None => 0,
        }
    }
}

fn floor_char(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_char(s: &str, mut i: usize) -> usize {
    while i < s.len() && !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

// ----- JSON ----------------------------------------------------------------------------------------

/// The machine-readable report.
pub fn json(docs: &[DocResult], cfg: &RunConfig) -> String {
    let summary = Summary::of(docs);
    let documents = docs
        .iter()
        .map(|d| {
            let snippets = d
                .doc
                .snippets
                .iter()
                .zip(&d.results)
                .map(|(s, r)| snippet_json(s, r))
                .collect();
            Json::Obj(vec![
                ("file", Json::str(d.doc.path.clone())),
                ("snippets", Json::Arr(snippets)),
            ])
        })
        .collect();
    Json::Obj(vec![
        (
            "options",
            Json::Obj(vec![
                ("isolated", Json::Bool(cfg.isolated)),
                ("lenient", Json::Bool(cfg.lenient)),
                (
                    "clock",
                    Json::str(match cfg.clock {
                        crate::vm::ClockKind::Virtual => "virtual",
                        crate::vm::ClockKind::Real => "real",
                    }),
                ),
            ]),
        ),
        ("documents", Json::Arr(documents)),
        (
            "summary",
            Json::Obj(vec![
                ("snippets", Json::Int(summary.snippets as i64)),
                ("match", Json::Int(summary.matches as i64)),
                ("differ", Json::Int(summary.differs as i64)),
                ("errors", Json::Int(summary.errors as i64)),
                (
                    "without_documented_output",
                    Json::Int(summary.without as i64),
                ),
            ]),
        ),
        ("exit", Json::Int(i64::from(summary.status()))),
    ])
    .render()
}

fn snippet_json(s: &Snippet, r: &SnippetResult) -> Json {
    let run: &SnippetRun = &r.run;
    let claims = s
        .claims
        .iter()
        .zip(&r.checks)
        .map(|(c, k)| {
            Json::Obj(vec![
                ("line", Json::Int(c.line as i64)),
                (
                    "kind",
                    Json::str(match c.kind {
                        ClaimKind::Block => "block",
                        ClaimKind::Inline => "inline",
                    }),
                ),
                (
                    "expected",
                    Json::Arr(k.expected.iter().map(|l| Json::str(l.clone())).collect()),
                ),
                ("matches", Json::Bool(k.ok())),
                (
                    "delays",
                    Json::Arr(
                        k.delays
                            .iter()
                            .map(|d| {
                                Json::Obj(vec![
                                    ("expected", Json::Num(d.expected)),
                                    ("measured", Json::Num(d.measured)),
                                    ("ok", Json::Bool(d.ok)),
                                ])
                            })
                            .collect(),
                    ),
                ),
            ])
        })
        .collect();
    let error = match &run.failure {
        None => Json::Null,
        Some(f) => Json::Obj(vec![
            (
                "kind",
                Json::str(match f {
                    Failure::Syntax(_) => "syntax",
                    Failure::Exception { budget: true, .. } => "budget",
                    Failure::Exception { .. } => "exception",
                    Failure::Exit(_) => "exit",
                }),
            ),
            ("message", Json::str(failure_text(Some(f)))),
            (
                "hint",
                match f {
                    Failure::Syntax(e) => Json::opt_str(e.hint.clone()),
                    _ => Json::Null,
                },
            ),
        ]),
    };
    let notes = run
        .notes
        .iter()
        .map(|n| {
            Json::Obj(vec![
                ("kind", Json::str(n.kind.name())),
                ("line", Json::Int(n.file.line_of(n.span.start) as i64)),
                ("message", Json::str(n.message.clone())),
                (
                    "hint",
                    Json::opt_str((!n.hint.is_empty()).then(|| n.hint.clone())),
                ),
            ])
        })
        .collect();
    Json::Obj(vec![
        ("line", Json::Int(s.fence_line as i64)),
        ("verdict", Json::str(r.verdict.name())),
        ("stdout", Json::str(run.stdout.clone())),
        ("exit", Json::Int(i64::from(run.exit))),
        ("stderr_last_line", Json::opt_str(run.last_stderr_line())),
        ("error", error),
        ("claims", Json::Arr(claims)),
        ("notes", Json::Arr(notes)),
        (
            "hints",
            Json::Arr(r.hints.iter().map(|h| Json::str(h.clone())).collect()),
        ),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::compare::{check, Printed};
    use crate::doc::markdown::parse;

    /// Claim reports on long lines, multi-byte text and multi-line blocks render without
    /// panicking and keep the claimed text.
    #[test]
    fn claim_reports_render() {
        let long = "é".repeat(80);
        let text = format!(
            "```python\nprint('x')\n```\n{long} This will return: ```a, b``` {long}\n\nOutput:\n\n```\nx\n<2 seconds delay>\n```\n"
        );
        let d = parse("t.md", &text);
        let s = &d.snippets[0];
        assert_eq!(s.claims.len(), 2);
        let printed = Printed {
            stdout: "x\n",
            marks: &[(0, 0.0)],
            start: 0.0,
            end: 0.5,
        };
        for claim in &s.claims {
            let c = check(claim, &printed);
            assert!(!c.ok());
            let r = claim_report(&d, s, claim, &c, false);
            assert!(r.contains("this snippet"), "{r}");
        }
        let r = claim_report(&d, s, &s.claims[0], &check(&s.claims[0], &printed), false);
        assert!(r.contains("```a, b```"), "{r}");
        assert!(r.contains("… "), "{r}");
        let r = claim_report(&d, s, &s.claims[1], &check(&s.claims[1], &printed), false);
        assert!(
            r.contains("documented a 2 second delay after 'x'; measured 0.50 s"),
            "{r}"
        );
    }
}
