//! Finding the snippets of a tutorial document and what it says they print.
//!
//! Only the Markdown that tutorials use for code is understood: fenced blocks (```` ``` ```` or
//! `~~~`), at any indentation (inside list items), inside `> ` quotes; their text is taken the
//! way a reader copies it (the quote markers and the fence's indentation removed). A block is a
//! snippet when it is labelled `python` (`py`, `python3`), or unlabelled and parses as Python.
//! A block directly after an `Output:` line is documented output, even if labelled `python`,
//! and so is an inline code span after a claim such as "This will return:" — either applies
//! to the nearest preceding snippet.

use crate::syntax::ast::{ExprKind, Span, StmtKind};

/// A document split into snippets, each with the claims made about its output.
pub struct Document {
    pub path: String,
    pub text: String,
    pub snippets: Vec<Snippet>,
}

/// One runnable block.
pub struct Snippet {
    /// 1-based line of the opening fence (the snippet's location in reports).
    pub fence_line: usize,
    /// The opening fence in the document.
    pub fence_span: Span,
    /// 1-based document line of the first line of code.
    pub first_line: usize,
    /// The code as a reader would copy it.
    pub code: String,
    pub claims: Vec<Claim>,
}

/// Where a claim was written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ClaimKind {
    /// A fenced block after an `Output:` line.
    Block,
    /// An inline code span after "This will return:" and the like.
    Inline,
}

/// A documented output.
pub struct Claim {
    pub kind: ClaimKind,
    /// 1-based line where the claimed text starts.
    pub line: usize,
    /// The claimed text in the document (block contents, or the inside of the code span).
    pub span: Span,
    pub expected: Vec<Expected>,
}

/// One item of a documented output.
#[derive(Clone, Debug, PartialEq)]
pub enum Expected {
    Line(String),
    /// `<N second delay>` between the surrounding lines.
    Delay(f64),
}

impl Claim {
    /// The claimed output lines (without delay markers).
    pub fn lines(&self) -> Vec<&str> {
        self.expected
            .iter()
            .filter_map(|e| match e {
                Expected::Line(l) => Some(l.as_str()),
                Expected::Delay(_) => None,
            })
            .collect()
    }
}

/// A line of the document with its quote markers (`>`) stripped.
struct Line<'a> {
    /// How many `>` markers were removed.
    quotes: usize,
    /// Byte offset where `rest` starts.
    rest_start: usize,
    rest: &'a str,
}

fn split_lines(text: &str) -> Vec<Line<'_>> {
    let mut lines = Vec::new();
    let mut start = 0;
    for raw in text.split_inclusive('\n') {
        let content = raw.strip_suffix('\n').unwrap_or(raw);
        let content = content.strip_suffix('\r').unwrap_or(content);
        let (quotes, skip) = quote_prefix(content);
        lines.push(Line {
            quotes,
            rest_start: start + skip,
            rest: &content[skip..],
        });
        start += raw.len();
    }
    lines
}

/// The number of `>` quote markers at the start of a line and how many bytes they take (each
/// marker may be preceded by up to 3 spaces and followed by one space).
fn quote_prefix(line: &str) -> (usize, usize) {
    let bytes = line.as_bytes();
    let mut i = 0;
    let mut quotes = 0;
    loop {
        let mut j = i;
        while j < bytes.len() && j - i < 3 && bytes[j] == b' ' {
            j += 1;
        }
        if j < bytes.len() && bytes[j] == b'>' {
            j += 1;
            if j < bytes.len() && bytes[j] == b' ' {
                j += 1;
            }
            quotes += 1;
            i = j;
        } else {
            return (quotes, i);
        }
    }
}

/// An opening fence: indentation, fence character, fence length, info string.
struct Fence<'a> {
    indent: usize,
    ch: u8,
    len: usize,
    info: &'a str,
}

fn open_fence(rest: &str) -> Option<Fence<'_>> {
    let indent = rest.len() - rest.trim_start_matches([' ', '\t']).len();
    let body = &rest[indent..];
    let ch = *body.as_bytes().first()?;
    if ch != b'`' && ch != b'~' {
        return None;
    }
    let len = body.bytes().take_while(|&b| b == ch).count();
    if len < 3 {
        return None;
    }
    let info = body[len..].trim();
    // A backtick fence's info string cannot hold backticks: "```a``` b" is inline code.
    if ch == b'`' && info.contains('`') {
        return None;
    }
    Some(Fence {
        indent,
        ch,
        len,
        info,
    })
}

fn closes(fence: &Fence<'_>, rest: &str) -> bool {
    let body = rest.trim_start_matches([' ', '\t']);
    let len = body.bytes().take_while(|&b| b == fence.ch).count();
    len >= fence.len && body[len..].trim().is_empty()
}

/// Removes up to `n` columns of leading whitespace, as Markdown does for fenced content.
fn dedent(line: &str, n: usize) -> &str {
    let mut i = 0;
    for (k, b) in line.bytes().enumerate() {
        if k >= n || (b != b' ' && b != b'\t') {
            break;
        }
        i = k + 1;
    }
    &line[i..]
}

/// Is this line an `Output:` label (`Output:`, `**Output:**`, `Expected output:`, ...)?
fn is_output_label(rest: &str) -> bool {
    let t: String = rest
        .trim()
        .chars()
        .filter(|c| !matches!(c, '*' | '_' | '#'))
        .collect();
    let t = t.trim().to_lowercase();
    let Some(head) = t.strip_suffix(':') else {
        return false;
    };
    let words: Vec<&str> = head.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 5
        && words
            .iter()
            .any(|w| matches!(*w, "output" | "outputs" | "prints" | "result"))
}

const PYTHON_LABELS: &[&str] = &["python", "py", "python3", "py3"];

/// Reads a document.
pub fn parse(path: &str, text: &str) -> Document {
    let lines = split_lines(text);
    let mut snippets: Vec<Snippet> = Vec::new();
    // Saw an `Output:` line, and only blank lines since.
    let mut output_label = false;
    let mut i = 0;
    while i < lines.len() {
        let line = &lines[i];
        if let Some(fence) = open_fence(line.rest) {
            let mut j = i + 1;
            while j < lines.len() && !closes(&fence, lines[j].rest) {
                j += 1;
            }
            let body: Vec<&Line<'_>> = lines[i + 1..j.min(lines.len())].iter().collect();
            let content: Vec<&str> = body
                .iter()
                .map(|l| {
                    // A line that left the quote ends the block for Markdown; keep it as is.
                    if l.quotes < line.quotes {
                        l.rest
                    } else {
                        dedent(l.rest, fence.indent)
                    }
                })
                .collect();
            let label = fence
                .info
                .split_whitespace()
                .next()
                .unwrap_or("")
                .to_lowercase();
            let fence_span = Span::new(
                line.rest_start + fence.indent,
                line.rest_start + line.rest.len(),
            );
            if output_label {
                if let Some(s) = snippets.last_mut() {
                    s.claims.push(block_claim(text, &body, &content, i + 2));
                }
            } else if is_snippet(&label, &content) {
                let mut code = content.join("\n");
                code.push('\n');
                snippets.push(Snippet {
                    fence_line: i + 1,
                    fence_span,
                    first_line: i + 2,
                    code,
                    claims: Vec::new(),
                });
            }
            output_label = false;
            i = j + 1;
            continue;
        }
        if line.rest.trim().is_empty() {
            // Blank lines keep a pending `Output:` label.
        } else if is_output_label(line.rest) {
            output_label = true;
            inline_claims(line, i + 1, snippets.last_mut());
        } else {
            output_label = false;
            inline_claims(line, i + 1, snippets.last_mut());
        }
        i += 1;
    }
    Document {
        path: path.to_string(),
        text: text.to_string(),
        snippets,
    }
}

fn is_snippet(label: &str, content: &[&str]) -> bool {
    if PYTHON_LABELS.contains(&label) {
        return true;
    }
    if !label.is_empty() {
        return false;
    }
    let mut code = content.join("\n");
    code.push('\n');
    match crate::syntax::parser::parse_module_deferred(&code) {
        // Lines of bare words ("Hello", "World") parse too, but they are output, not code.
        Ok((module, _)) => {
            !module.body.is_empty()
                && !module.body.iter().all(|s| {
                    matches!(&s.kind, StmtKind::Expr(e)
                        if matches!(e.kind, ExprKind::Name(_) | ExprKind::Constant(_)))
                })
        }
        Err(_) => false,
    }
}

fn block_claim(text: &str, body: &[&Line<'_>], content: &[&str], first_line: usize) -> Claim {
    let span = match (body.first(), body.last()) {
        (Some(a), Some(b)) => Span::new(a.rest_start, b.rest_start + b.rest.len()),
        _ => Span::new(text.len(), text.len()),
    };
    let mut expected: Vec<Expected> = content
        .iter()
        .map(|l| match delay_marker(l) {
            Some(secs) => Expected::Delay(secs),
            None => Expected::Line(l.trim_end().to_string()),
        })
        .collect();
    while matches!(expected.last(), Some(Expected::Line(l)) if l.is_empty()) {
        expected.pop();
    }
    Claim {
        kind: ClaimKind::Block,
        line: first_line,
        span,
        expected,
    }
}

/// `<1 second delay>`, `<2 seconds delay>`, `<0.5 second delay>`.
pub fn delay_marker(line: &str) -> Option<f64> {
    let inner = line.trim().strip_prefix('<')?.strip_suffix('>')?;
    let words: Vec<&str> = inner.split_whitespace().collect();
    match words.as_slice() {
        [n, unit, "delay"] if matches!(*unit, "second" | "seconds" | "sec" | "secs" | "s") => {
            n.parse::<f64>().ok().filter(|v| v.is_finite() && *v >= 0.0)
        }
        _ => None,
    }
}

/// Words that make "…: `text`" a claim about output.
const CLAIM_WORDS: &[&str] = &[
    "return", "get", "print", "output", "see", "show", "display", "produce", "result",
];

fn is_claim_word(word: &str) -> bool {
    CLAIM_WORDS.iter().any(|w| {
        word == *w
            || word
                .strip_prefix(w)
                .is_some_and(|rest| matches!(rest, "s" | "ed" | "es"))
    })
}

/// Inline code spans in a prose line that state an output ("This will return: ```a, b```").
fn inline_claims(line: &Line<'_>, line_no: usize, snippet: Option<&mut Snippet>) {
    let Some(snippet) = snippet else {
        return;
    };
    let rest = line.rest;
    let bytes = rest.as_bytes();
    let mut i = 0;
    let mut prose_start = 0;
    while i < bytes.len() {
        if bytes[i] != b'`' {
            i += 1;
            continue;
        }
        let n = bytes[i..].iter().take_while(|&&b| b == b'`').count();
        let open_end = i + n;
        // The closing run: exactly n backticks.
        let mut k = open_end;
        let mut close = None;
        while k < bytes.len() {
            if bytes[k] == b'`' {
                let m = bytes[k..].iter().take_while(|&&b| b == b'`').count();
                if m == n {
                    close = Some(k);
                    break;
                }
                k += m;
            } else {
                k += 1;
            }
        }
        let Some(close) = close else {
            break;
        };
        let prose = &rest[prose_start..i];
        let code = &rest[open_end..close];
        if is_claim_prose(prose) && !code.trim().is_empty() {
            let lead = code.len() - code.trim_start().len();
            let start = line.rest_start + open_end + lead;
            let span = Span::new(start, start + code.trim().len());
            let expected = code
                .split(',')
                .map(|p| Expected::Line(p.trim().to_string()))
                .collect();
            snippet.claims.push(Claim {
                kind: ClaimKind::Inline,
                line: line_no,
                span,
                expected,
            });
        }
        i = close + n;
        prose_start = i;
    }
}

/// Does the prose before a code span announce an output? It must end with a colon, and its
/// last sentence must use a word like "return", "get", "print" or "output".
fn is_claim_prose(prose: &str) -> bool {
    let Some(head) = prose.trim_end().strip_suffix(':') else {
        return false;
    };
    let sentence = head
        .rsplit(['.', '!', '?'])
        .next()
        .unwrap_or(head)
        .to_lowercase();
    sentence
        .split(|c: char| !c.is_alphabetic())
        .any(is_claim_word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fenced_quoted_and_indented_blocks() {
        let text = "intro\n\n  ```python\n  x = 1\n    y = 2\n  ```\n\n> ```python\n> print(1)\n>\n> ```\n";
        let d = parse("d.md", text);
        assert_eq!(d.snippets.len(), 2);
        assert_eq!(d.snippets[0].code, "x = 1\n  y = 2\n");
        assert_eq!(d.snippets[0].fence_line, 3);
        assert_eq!(d.snippets[1].code, "print(1)\n\n");
    }

    #[test]
    fn output_blocks_and_inline_claims() {
        let text = "```python\nprint('a')\n```\n\n    Output:\n\n```python\na\n<1 second delay>\nb\n```\nThis will return: ```a, b``` and more. Pass ```x``` on.\n";
        let d = parse("d.md", text);
        assert_eq!(d.snippets.len(), 1);
        let claims = &d.snippets[0].claims;
        assert_eq!(claims.len(), 2);
        assert_eq!(
            claims[0].expected,
            vec![
                Expected::Line("a".into()),
                Expected::Delay(1.0),
                Expected::Line("b".into())
            ]
        );
        assert_eq!(claims[1].kind, ClaimKind::Inline);
        assert_eq!(claims[1].lines(), vec!["a", "b"]);
        assert_eq!(
            &text[claims[1].span.start as usize..claims[1].span.end as usize],
            "a, b"
        );
    }

    #[test]
    fn unlabelled_blocks() {
        let text = "```\nasync def f(x):\n    pass\n```\n```\nHello\nWorld\n```\n```\nnot python at all!\n```\n";
        let d = parse("d.md", text);
        assert_eq!(d.snippets.len(), 1);
    }

    #[test]
    fn delay_markers() {
        assert_eq!(delay_marker("<1 second delay>"), Some(1.0));
        assert_eq!(delay_marker(" <2 seconds delay> "), Some(2.0));
        assert_eq!(delay_marker("<0.5 second delay>"), Some(0.5));
        assert_eq!(delay_marker("<a second delay>"), None);
        assert_eq!(delay_marker("Hello"), None);
    }

    #[test]
    fn claim_prose() {
        assert!(is_claim_prose("This will return: "));
        assert!(is_claim_prose("doing nothing. Now we get: "));
        assert!(!is_claim_prose("By writing "));
        assert!(!is_claim_prose("We need: "));
    }
}

#[cfg(test)]
mod fuzz {
    use super::*;

    /// Documents made of Markdown-ish pieces never panic the reader, and every span it returns
    /// lies inside the text on character boundaries.
    #[test]
    fn random_documents() {
        let pieces = [
            "`",
            "```",
            "```python",
            "~~~",
            "> ",
            ">",
            " ",
            "  ",
            "\n",
            "\n\n",
            "é",
            "Output:",
            "a",
            ":",
            ",",
            "<1 second delay>",
            "This will return: ",
            "print(1)",
            "\t",
            "\r\n",
            "    ",
            "x = (",
            "```async```",
            "``",
            "€",
        ];
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        for _ in 0..3000 {
            let mut text = String::new();
            let n = (seed % 40) as usize;
            for _ in 0..n {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                text.push_str(pieces[(seed % pieces.len() as u64) as usize]);
            }
            let d = parse("f.md", &text);
            for s in &d.snippets {
                check_span(&text, s.fence_span);
                for c in &s.claims {
                    check_span(&text, c.span);
                }
            }
        }
    }

    fn check_span(text: &str, span: Span) {
        let (a, b) = (span.start as usize, span.end as usize);
        assert!(a <= b && b <= text.len(), "{span:?} in {text:?}");
        assert!(text.is_char_boundary(a) && text.is_char_boundary(b));
    }
}
