//! Rendering of diagnostics for people, with ariadne: syntax errors now, traceback frames
//! later. Owns presentation only; what an error *is* comes from `syntax::error`.

use ariadne::{Color, Config, IndexType, Label, Report, ReportKind, Source};

use crate::syntax::ast::Span;
use crate::syntax::error::SyntaxError;

/// Renders a syntax error: the file and line, the source with the span marked and labelled,
/// the hint as a note, then a last line identical to CPython's last line on stderr
/// (`SyntaxError: invalid syntax`).
pub fn render_syntax_error(
    file_name: &str,
    source: &str,
    err: &SyntaxError,
    color: bool,
) -> String {
    let class = err.kind.class_name();
    let label = err.label.as_deref().unwrap_or(&err.message);
    let mut out = render_span_report(
        file_name,
        source,
        class,
        &err.message,
        err.span,
        Some(label),
        err.hint.as_deref(),
        color,
    );
    out.push_str(&format!("{class}: {}\n", err.message));
    out
}

/// Renders one report pointing at `span` of `source`: a `kind_title: message` header, the
/// source lines with the span underlined and `label` attached, and `note` if given. Spans are
/// byte offsets (clamped to the source); the output ends with a newline.
#[allow(clippy::too_many_arguments)]
pub fn render_span_report(
    file_name: &str,
    source: &str,
    kind_title: &str,
    message: &str,
    span: Span,
    label: Option<&str>,
    note: Option<&str>,
    color: bool,
) -> String {
    let range = clamp(source, span);
    let config = Config::default()
        .with_color(color)
        .with_index_type(IndexType::Byte);
    // ariadne does not filter a custom kind's colour when colour is off.
    let kind_color = if color { Color::Red } else { Color::Primary };
    let id = file_name.to_string();
    let mut builder = Report::build(
        ReportKind::Custom(kind_title, kind_color),
        (id.clone(), range.clone()),
    )
    .with_config(config)
    .with_message(message);
    let mut l = Label::new((id.clone(), range));
    if let Some(text) = label {
        l = l.with_message(text);
    }
    if color {
        l = l.with_color(Color::Red);
    }
    builder = builder.with_label(l);
    if let Some(n) = note {
        builder = builder.with_note(n);
    }
    let mut buf = Vec::new();
    let written = builder.finish().write((id, Source::from(source)), &mut buf);
    let mut text = String::from_utf8_lossy(&buf).into_owned();
    if written.is_err() {
        text = format!("{kind_title}: {message}\n  --> {file_name}\n");
    }
    if !color {
        text = strip_ansi(&text);
    }
    if !text.ends_with('\n') {
        text.push('\n');
    }
    text
}

/// Removes ANSI escape sequences (`ESC [ ... letter`): ariadne colours a custom report kind
/// even when colour is off.
pub fn strip_ansi(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' && chars.peek() == Some(&'[') {
            chars.next();
            for d in chars.by_ref() {
                if d.is_ascii_alphabetic() {
                    break;
                }
            }
            continue;
        }
        out.push(c);
    }
    out
}

/// Keeps a span inside the source and on character boundaries; an empty span at the end of
/// input is widened to one byte where possible so that there is something to point at.
fn clamp(source: &str, span: Span) -> std::ops::Range<usize> {
    let len = source.len();
    let mut start = (span.start as usize).min(len);
    let mut end = (span.end as usize).clamp(start, len);
    while start > 0 && !source.is_char_boundary(start) {
        start -= 1;
    }
    while end < len && !source.is_char_boundary(end) {
        end += 1;
    }
    if start == end && end < len {
        end += source[end..].chars().next().map_or(1, char::len_utf8);
    }
    start..end
}
