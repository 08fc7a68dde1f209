//! `tulip doc FILE...`: runs the Python snippets of tutorial documents as written and checks
//! what the documents say they print.
//!
//! The pipeline: `markdown` finds the snippets and their documented outputs, `run` runs them
//! (one shared namespace, or `--isolated`), `compare` checks each claim against the printed
//! lines and the clock, `hints` adds document-specific advice for failures, and `report`
//! prints the verdicts (text with ariadne reports, or `json`).

pub mod compare;
pub mod hints;
pub mod json;
pub mod markdown;
pub mod report;
pub mod run;

use compare::{ClaimCheck, Printed};
use markdown::Document;
use run::{RunConfig, SnippetRun};

/// What tulip concludes about one snippet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// It ran, and printed what the document says.
    Matches,
    /// It ran, and printed something else (or with other delays).
    Differs,
    /// It did not run to its end (syntax error, exception, budget, non-zero exit).
    Error,
    /// It ran, and the document does not say what it prints.
    NoDocumentedOutput,
}

impl Verdict {
    pub fn name(self) -> &'static str {
        match self {
            Verdict::Matches => "matches",
            Verdict::Differs => "differs",
            Verdict::Error => "error",
            Verdict::NoDocumentedOutput => "no documented output",
        }
    }
}

/// One snippet's run and verdict.
pub struct SnippetResult {
    pub run: SnippetRun,
    /// One check per documented output, in document order.
    pub checks: Vec<ClaimCheck>,
    pub verdict: Verdict,
    pub hints: Vec<String>,
}

/// A checked document.
pub struct DocResult {
    pub doc: Document,
    pub results: Vec<SnippetResult>,
}

/// Counts for the summary line.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    pub snippets: usize,
    pub matches: usize,
    pub differs: usize,
    pub errors: usize,
    pub without: usize,
}

impl Summary {
    pub fn of(docs: &[DocResult]) -> Summary {
        let mut s = Summary::default();
        for r in docs.iter().flat_map(|d| &d.results) {
            s.snippets += 1;
            match r.verdict {
                Verdict::Matches => s.matches += 1,
                Verdict::Differs => s.differs += 1,
                Verdict::Error => s.errors += 1,
                Verdict::NoDocumentedOutput => s.without += 1,
            }
        }
        s
    }

    /// `N snippets: A match, B differ, C errors, D without documented output`.
    pub fn line(&self) -> String {
        format!(
            "{} snippet{}: {} match, {} differ, {} error{}, {} without documented output",
            self.snippets,
            if self.snippets == 1 { "" } else { "s" },
            self.matches,
            self.differs,
            self.errors,
            if self.errors == 1 { "" } else { "s" },
            self.without
        )
    }

    /// Exit status: 0 when nothing differs and nothing errored.
    pub fn status(&self) -> i32 {
        i32::from(self.differs > 0 || self.errors > 0)
    }
}

/// Runs and checks one document, handing each snippet's result to `progress` as soon as it is
/// known. Call on a thread with a big stack.
pub fn check_document(
    doc: Document,
    cfg: &RunConfig,
    mut progress: impl FnMut(&Document, usize, &SnippetResult),
) -> DocResult {
    let mut results = Vec::new();
    run::run_document(&doc, cfg, |i, run| {
        let result = judge(&doc, i, run, cfg);
        progress(&doc, i, &result);
        results.push(result);
    });
    DocResult { doc, results }
}

/// Compares a run with the snippet's documented outputs.
fn judge(doc: &Document, i: usize, run: SnippetRun, cfg: &RunConfig) -> SnippetResult {
    let snippet = &doc.snippets[i];
    let printed = Printed {
        stdout: &run.stdout,
        marks: &run.marks,
        start: run.start,
        end: run.end,
    };
    let checks: Vec<ClaimCheck> = snippet
        .claims
        .iter()
        .map(|c| compare::check(c, &printed))
        .collect();
    let verdict = if run.failure.is_some() {
        Verdict::Error
    } else if checks.is_empty() {
        Verdict::NoDocumentedOutput
    } else if checks.iter().all(ClaimCheck::ok) {
        Verdict::Matches
    } else {
        Verdict::Differs
    };
    let hints = hints::hints(doc, i, &run, cfg);
    SnippetResult {
        run,
        checks,
        verdict,
        hints,
    }
}

/// Output format of the report.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Text,
    Json,
}

/// `tulip doc`: reads the documents, checks them, prints the report; returns the exit status
/// (0 when nothing differs and nothing errored, 1 otherwise, 2 when a file cannot be read).
pub fn main(files: Vec<String>, cfg: RunConfig, format: Format) -> i32 {
    let mut docs = Vec::new();
    for path in &files {
        match std::fs::read(path) {
            Ok(bytes) => {
                let text = String::from_utf8_lossy(&bytes).into_owned();
                docs.push((path.clone(), text));
            }
            Err(e) => {
                let why = match e.kind() {
                    std::io::ErrorKind::NotFound => "No such file or directory".to_string(),
                    std::io::ErrorKind::PermissionDenied => "Permission denied".to_string(),
                    _ => e.to_string(),
                };
                eprintln!("tulip doc: can't open file '{path}': {why}");
                return 2;
            }
        }
    }
    crate::interp::with_big_stack(move || {
        use std::io::Write;
        let mut results = Vec::new();
        for (path, text) in docs {
            let doc = markdown::parse(&path, &text);
            let result = match format {
                // Verdict lines appear as the snippets finish (`--clock real` takes a while).
                Format::Text => {
                    let width = report::location_width(&doc);
                    let r = check_document(doc, &cfg, |doc, i, r| {
                        let line = report::overview_line(doc, i, r, width, cfg.color);
                        let mut out = std::io::stdout().lock();
                        let _ = out.write_all(line.as_bytes());
                        let _ = out.flush();
                    });
                    let details = report::details_section(&r, &cfg);
                    let mut out = std::io::stdout().lock();
                    let _ = out.write_all(details.as_bytes());
                    let _ = out.flush();
                    r
                }
                Format::Json => check_document(doc, &cfg, |_, _, _| {}),
            };
            results.push(result);
        }
        let summary = Summary::of(&results);
        let text = match format {
            Format::Text => format!("{}\n", summary.line()),
            Format::Json => report::json(&results, &cfg),
        };
        let mut out = std::io::stdout().lock();
        let _ = out.write_all(text.as_bytes());
        let _ = out.flush();
        summary.status()
    })
}
