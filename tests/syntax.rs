//! Front-end tests: lexer goldens, ASTs compared with CPython's, the CPython error-message
//! table, rendered diagnostics, the REPL completeness check, robustness (fuzzing, deep nesting)
//! and speed.
//!
//! Golden files live in `tests/syntax/`. Files produced by tulip itself (`lexer/*.tokens`,
//! `diagnostics/*.txt`) are rewritten when `UPDATE_SNAPSHOTS=1`; files that record CPython's
//! behaviour (`programs/*.ast`, `error_table.rs`) come from `python3 tests/syntax/generate.py`.

#[path = "syntax/sexpr.rs"]
mod sexpr;

mod table {
    include!("syntax/error_table.rs");
}

use std::fs;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};

use tulip::diagnostics::render_syntax_error;
use tulip::syntax::ast::{ExprKind, StmtKind};
use tulip::syntax::indent::{Mode, TokenStream};
use tulip::syntax::{check_completeness, parse_module, Completeness};

fn dir(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/syntax")
        .join(name)
}

fn files(name: &str, ext: &str) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = fs::read_dir(dir(name))
        .expect("golden directory")
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == ext))
        .collect();
    v.sort();
    v
}

fn updating() -> bool {
    std::env::var_os("UPDATE_SNAPSHOTS").is_some_and(|v| v == "1")
}

/// Compares `actual` with the golden file, or rewrites it under `UPDATE_SNAPSHOTS=1`.
fn check_golden(path: &Path, actual: &str, failures: &mut Vec<String>) {
    if updating() {
        fs::write(path, actual).expect("write golden");
        return;
    }
    let expected = fs::read_to_string(path).unwrap_or_default();
    if expected != actual {
        failures.push(format!(
            "{} differs\n--- expected\n{expected}\n--- actual\n{actual}",
            path.display()
        ));
    }
}

fn line_col(source: &str, pos: usize) -> (usize, usize) {
    let pos = pos.min(source.len());
    let line = source[..pos].matches('\n').count() + 1;
    let line_start = source[..pos].rfind('\n').map_or(0, |i| i + 1);
    (line, source[line_start..pos].chars().count() + 1)
}

// ---- Lexer ----------------------------------------------------------------------------------

fn token_dump(source: &str) -> String {
    let mut out = String::new();
    for item in TokenStream::new(source, Mode::Module) {
        match item {
            Ok((start, tok, end)) => {
                let (line, col) = line_col(source, start);
                let slice = &source[start..end];
                out.push_str(&format!("{line}:{col}\t{tok:?}\t{slice:?}\n"));
            }
            Err(f) => {
                let (line, col) = line_col(source, f.error.span.start as usize);
                out.push_str(&format!("{line}:{col}\terror: {}\n", f.error.message));
                break;
            }
        }
    }
    out
}

#[test]
fn lexer_goldens() {
    let mut failures = Vec::new();
    for path in files("lexer", "py") {
        let source = fs::read_to_string(&path).expect("read");
        check_golden(
            &path.with_extension("tokens"),
            &token_dump(&source),
            &mut failures,
        );
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn lexer_values() {
    let m = parse_module("x = 0x_ff + 1_000 + 0o17 + 0b101 + 123456789012345678901234567890\n")
        .expect("parses");
    let text = sexpr::module(&m);
    assert!(text.contains("(int 255)"), "{text}");
    assert!(
        text.contains("(int 123456789012345678901234567890)"),
        "{text}"
    );
    let m = parse_module("x = 'a\\x41\\u00e9\\N{BULLET}' \"b\"\n").expect("parses");
    let StmtKind::Assign { value, .. } = &m.body[0].kind else {
        panic!("assignment expected")
    };
    assert_eq!(
        value.kind,
        ExprKind::Constant(tulip::syntax::ast::Constant::Str("aAé•b".into()))
    );
}

// ---- Parser ---------------------------------------------------------------------------------

#[test]
fn ast_matches_cpython() {
    let mut failures = Vec::new();
    for path in files("programs", "py") {
        let source = fs::read_to_string(&path).expect("read");
        let expected = fs::read_to_string(path.with_extension("ast")).expect("expected AST");
        match parse_module(&source) {
            Ok(m) => {
                let actual = sexpr::module(&m);
                if actual != expected {
                    for (a, e) in actual.lines().zip(expected.lines()) {
                        if a != e {
                            failures.push(format!(
                                "{}:\n  cpython: {e}\n  tulip:   {a}",
                                path.display()
                            ));
                            break;
                        }
                    }
                    if actual.lines().count() != expected.lines().count() {
                        failures.push(format!("{}: statement count differs", path.display()));
                    }
                }
            }
            Err(e) => failures.push(format!("{}: {e:?}", path.display())),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn spans_point_into_the_source() {
    let src = "x = f'{a + b:>{width}}' + g(h)\n";
    let m = parse_module(src).expect("parses");
    let StmtKind::Assign { value, .. } = &m.body[0].kind else {
        panic!("assignment expected")
    };
    let ExprKind::BinOp { left, right, .. } = &value.kind else {
        panic!("binop expected")
    };
    assert_eq!(&src[right.span.range()], "g(h)");
    let ExprKind::JoinedStr(parts) = &left.kind else {
        panic!("f-string expected")
    };
    let tulip::syntax::ast::FStringPart::Expr {
        value, format_spec, ..
    } = &parts[0]
    else {
        panic!("field expected")
    };
    assert_eq!(&src[value.span.range()], "a + b");
    let Some(spec) = format_spec else {
        panic!("format spec expected")
    };
    let tulip::syntax::ast::FStringPart::Expr { value, .. } = &spec[1] else {
        panic!("nested field expected: {spec:?}")
    };
    assert_eq!(&src[value.span.range()], "width");
    // Statement spans cover the whole statement; a def's name has its own span.
    let src = "@d\nasync def f(a, b=1):\n    return a\n\nx = 1\n";
    let m = parse_module(src).expect("parses");
    assert_eq!(
        &src[m.body[0].span.range()],
        "@d\nasync def f(a, b=1):\n    return a"
    );
    let StmtKind::FunctionDef(f) = &m.body[0].kind else {
        panic!("def expected")
    };
    assert_eq!(&src[f.name_span.range()], "f");
    assert_eq!(&src[f.params.args[1].span.range()], "b");
}

#[test]
fn compiler_level_errors_still_parse() {
    // CPython reports these from its compiler; the front end must hand the compiler a tree.
    for src in [
        "await x\n",
        "return 1\n",
        "yield 1\n",
        "break\n",
        "continue\n",
        "async with a: pass\n",
        "async for x in y: pass\n",
        "nonlocal x\n",
        "x = [await y for y in z]\n",
        "def f():\n    x = 1\n    global x\n",
    ] {
        assert!(parse_module(src).is_ok(), "{src:?} should parse");
    }
    let m = parse_module("await x\n").expect("parses");
    let StmtKind::Expr(e) = &m.body[0].kind else {
        panic!("expression statement expected")
    };
    assert!(matches!(e.kind, ExprKind::Await(_)));
}

// ---- Errors ---------------------------------------------------------------------------------

#[test]
fn errors_match_cpython() {
    let mut failures = Vec::new();
    let mut checked = 0;
    for &(src, stage, class, message, line) in table::CASES {
        let result = catch_unwind(|| parse_module(src));
        let Ok(result) = result else {
            failures.push(format!("{src:?}: panicked"));
            continue;
        };
        match (stage, result) {
            ("ok", Ok(_)) => {}
            ("ok", Err(e)) => {
                failures.push(format!("{src:?}: CPython accepts it, tulip says {e:?}"))
            }
            // The compiler reports these; a few (duplicate arguments, repeated keywords,
            // starred targets) the front end checks for it, and then the message must agree.
            ("compiler", Ok(_)) => {}
            (_, Err(e)) => {
                checked += 1;
                let got_line = line_col(src, e.span.start as usize).0;
                if (e.kind.class_name(), e.message.as_str(), got_line) != (class, message, line) {
                    failures.push(format!(
                        "{src:?}\n  cpython: {class}: {message} (line {line})\n  tulip:   {}: {} (line {got_line})",
                        e.kind.class_name(),
                        e.message
                    ));
                }
            }
            (_, Ok(_)) => failures.push(format!(
                "{src:?}: CPython says {class}: {message}, tulip accepts it"
            )),
        }
    }
    assert!(checked > 400, "only {checked} error cases checked");
    // Known gaps: the message may differ, but the input must still be rejected.
    for &(src, class, message, _) in table::GAPS {
        if parse_module(src).is_ok() {
            failures.push(format!(
                "{src:?}: CPython says {class}: {message}, tulip accepts it"
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} mismatches:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn compiler_stage_errors_can_be_deferred() {
    use tulip::syntax::{parse_module_deferred, CompilerPhase};
    let src = "f(a=1, a=2)\ndef g(x, x): pass\nx = *y\n";
    let (module, checks) = parse_module_deferred(src).expect("parses");
    assert_eq!(module.body.len(), 3);
    let got: Vec<(CompilerPhase, &str)> = checks
        .iter()
        .map(|c| (c.phase, c.error.message.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            (
                CompilerPhase::SymbolTable,
                "duplicate argument 'x' in function definition"
            ),
            (
                CompilerPhase::CodeGeneration,
                "keyword argument repeated: a"
            ),
            (
                CompilerPhase::CodeGeneration,
                "can't use starred expression here"
            ),
        ]
    );
    // parse_module reports the first, as CPython's compiler would.
    let e = parse_module(src).expect_err("error");
    assert_eq!(e.message, "duplicate argument 'x' in function definition");
    let e = parse_module("match x:\n    case 1: pass\n").expect_err("no match statement");
    assert_eq!(e.message, "invalid syntax");
    assert!(e.hint.is_some());
}

#[test]
fn errors_generated_in_code() {
    let deep = "(".repeat(201);
    let e = parse_module(&deep).expect_err("too deep");
    assert_eq!(e.message, "too many nested parentheses");
    assert_eq!(e.span.start, 200);
    let ok = format!("x = {}1{}\n", "(".repeat(200), ")".repeat(200));
    assert!(parse_module(&ok).is_ok());
    let e = parse_module(&format!("x = {}\n", "[".repeat(10_000))).expect_err("too deep");
    assert_eq!(e.message, "too many nested parentheses");
    let e = parse_module(&format!("x = {}\n", "1".repeat(5000))).expect_err("too long");
    assert!(
        e.message.starts_with("Exceeds the limit (4300 digits)"),
        "{}",
        e.message
    );
    assert!(parse_module(&format!("x = 0x{}\n", "f".repeat(5000))).is_ok());
    let e = parse_module("x = 1\ny = \0\n").expect_err("NUL");
    assert_eq!(e.message, "source code cannot contain null bytes");
    assert_eq!(line_col("x = 1\ny = \0\n", e.span.start as usize).0, 2);
    assert!(parse_module("x = 1j + 2.5J + 1_0e1_0j\n").is_ok());
    let e = parse_module("x = 1jx\n").expect_err("bad imaginary");
    assert_eq!(e.message, "invalid imaginary literal");
    let e = parse_module("if True:\n".repeat(101).as_str()).expect_err("deep blocks");
    assert_eq!(
        e.message,
        "expected an indented block after 'if' statement on line 1"
    );
    let mut src = String::new();
    for i in 0..101 {
        src.push_str(&" ".repeat(i));
        src.push_str("if x:\n");
    }
    src.push_str(&" ".repeat(101));
    src.push_str("pass\n");
    let e = parse_module(&src).expect_err("too many indentation levels");
    assert_eq!(e.message, "too many levels of indentation");
}

// ---- Diagnostics ----------------------------------------------------------------------------

#[test]
fn diagnostics_snapshots() {
    let mut failures = Vec::new();
    for path in files("diagnostics", "py") {
        let source = fs::read_to_string(&path).expect("read");
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("x.py");
        let rendered = match parse_module(&source) {
            Ok(_) => "no error\n".to_string(),
            Err(e) => render_syntax_error(name, &source, &e, false),
        };
        assert!(
            !rendered.contains('\u{1b}'),
            "colour codes with colour off: {rendered}"
        );
        check_golden(&path.with_extension("txt"), &rendered, &mut failures);
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn diagnostics_last_line_is_cpythons() {
    let src = "def f():\nreturn 1\n";
    let e = parse_module(src).expect_err("error");
    let text = render_syntax_error("x.py", src, &e, false);
    assert_eq!(
        text.lines().last(),
        Some("IndentationError: expected an indented block after function definition on line 1")
    );
    let coloured = render_syntax_error("x.py", src, &e, true);
    assert!(coloured.contains('\u{1b}'));
    assert!(coloured.ends_with(
        "IndentationError: expected an indented block after function definition on line 1\n"
    ));
    // Spans at the very end of the input and inside multi-byte text render without panicking.
    for src in ["x = (", "x = 'é", "é = = 1", "x = 1 +", "\u{20ac}"] {
        let e = parse_module(src).expect_err("error");
        let text = render_syntax_error("x.py", src, &e, false);
        assert!(text.ends_with(&format!("{}: {}\n", e.kind.class_name(), e.message)));
    }
}

// ---- REPL completeness ----------------------------------------------------------------------

#[test]
fn completeness() {
    use Completeness::*;
    let incomplete = [
        "def f():",
        "def f():\n",
        "x = (1,",
        "x = (1,\n\n",
        "\"\"\"abc",
        "'''abc\n\n",
        "x = 1 + \\",
        "if x:\n  pass\n",
        "if x:\n  pass",
        "if x: pass",
        "@deco",
        "@deco\n",
        "class A:\n  def f(self):\n    pass\n",
        "for x in y:\n  print(x)\nelse:",
        "async def main():\n    await asyncio.sleep(1)\n",
        "try:\n  x\n",
        "f(1,\n  2,",
    ];
    for src in incomplete {
        assert_eq!(check_completeness(src), Incomplete, "{src:?}");
    }
    let complete = [
        "x = 1",
        "x = 1\n",
        "if x:\n  pass\n\n",
        "",
        "\n",
        "# comment",
        "print('a')\n",
        "await x",
    ];
    for src in complete {
        assert_eq!(check_completeness(src), Complete, "{src:?}");
    }
    let invalid = [
        ")",
        "x = = 1",
        "x = 1 +\n",
        "def f():\n\n",
        "if x:\npass\n",
        "x = 'abc",
        "€",
    ];
    for src in invalid {
        assert!(
            matches!(check_completeness(src), Invalid(_)),
            "{src:?}: {:?}",
            check_completeness(src)
        );
    }
}

// ---- Robustness -----------------------------------------------------------------------------

/// xorshift64*: a small deterministic PRNG for the fuzz test.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn must_not_panic(src: &str, failures: &mut Vec<String>) {
    let r = catch_unwind(AssertUnwindSafe(|| {
        let _ = parse_module(src);
        let _ = check_completeness(src);
        let _ = parse_module(src).map_err(|e| render_syntax_error("f.py", src, &e, false));
    }));
    if r.is_err() {
        failures.push(format!("{src:?}"));
    }
}

#[test]
fn fuzz_never_panics() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut failures = Vec::new();
    let started = std::time::Instant::now();
    // Random bytes (made valid UTF-8 lossily, as a file loader would reject the rest).
    for _ in 0..2000 {
        let len = rng.below(60);
        let bytes: Vec<u8> = (0..len).map(|_| (rng.next() & 0xff) as u8).collect();
        must_not_panic(&String::from_utf8_lossy(&bytes), &mut failures);
    }
    // Random ASCII.
    for _ in 0..2000 {
        let len = rng.below(80);
        let s: String = (0..len)
            .map(|_| (32 + rng.below(95)) as u8 as char)
            .collect();
        must_not_panic(&s, &mut failures);
    }
    // Token soups.
    const VOCAB: &[&str] = &[
        "x",
        "y",
        "f",
        "1",
        "0x1f",
        "1.5",
        "'s'",
        "f'{x}'",
        "f'{x!r:>{w}}'",
        "b'b'",
        "\"\"\"t\"\"\"",
        "(",
        ")",
        "[",
        "]",
        "{",
        "}",
        ",",
        ":",
        ";",
        ".",
        "...",
        "=",
        "==",
        ":=",
        "->",
        "+",
        "-",
        "*",
        "**",
        "/",
        "//",
        "%",
        "@",
        "<",
        ">",
        "!=",
        "|",
        "&",
        "^",
        "~",
        "+=",
        "if",
        "else",
        "elif",
        "for",
        "in",
        "while",
        "def",
        "class",
        "return",
        "yield",
        "from",
        "import",
        "as",
        "try",
        "except",
        "finally",
        "with",
        "async",
        "await",
        "lambda",
        "not",
        "and",
        "or",
        "is",
        "None",
        "True",
        "pass",
        "break",
        "del",
        "global",
        "nonlocal",
        "raise",
        "assert",
        "\n",
        "\n    ",
        "\n\t",
        "\\\n",
        "#c\n",
        " ",
        "$",
        "€",
    ];
    for _ in 0..3000 {
        let n = rng.below(25);
        let s: String = (0..n)
            .map(|_| VOCAB[rng.below(VOCAB.len())])
            .collect::<Vec<_>>()
            .join(" ");
        must_not_panic(&s, &mut failures);
        let s: String = (0..n).map(|_| VOCAB[rng.below(VOCAB.len())]).collect();
        must_not_panic(&s, &mut failures);
    }
    // Mutations of valid programs.
    let programs: Vec<String> = files("programs", "py")
        .iter()
        .map(|p| fs::read_to_string(p).expect("read"))
        .collect();
    for _ in 0..1500 {
        let base = &programs[rng.below(programs.len())];
        let mut chars: Vec<char> = base.chars().collect();
        for _ in 0..1 + rng.below(4) {
            if chars.is_empty() {
                break;
            }
            let at = rng.below(chars.len());
            match rng.below(3) {
                0 => {
                    let len = 1 + rng.below(8);
                    chars.drain(at..(at + len).min(chars.len()));
                }
                1 => {
                    let tok = VOCAB[rng.below(VOCAB.len())];
                    for (k, c) in tok.chars().enumerate() {
                        chars.insert(at + k, c);
                    }
                }
                _ => {
                    let other = chars[rng.below(chars.len())];
                    chars[at] = other;
                }
            }
        }
        let s: String = chars.into_iter().collect();
        must_not_panic(&s, &mut failures);
    }
    assert!(failures.is_empty(), "panicked on:\n{}", failures.join("\n"));
    assert!(
        started.elapsed().as_secs() < 60,
        "fuzzing took {:?}",
        started.elapsed()
    );
}

/// Runs `f` on a thread with a generous stack, like the interpreter's main thread will have.
fn with_big_stack(f: impl FnOnce() + Send + 'static) {
    std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(f)
        .expect("spawn")
        .join()
        .expect("thread");
}

#[test]
fn long_chains_parse_and_drop() {
    with_big_stack(|| {
        let src = format!("x = 1{}\n", "+1".repeat(100_000));
        let m = parse_module(&src).expect("parses");
        drop(m);
        let src = format!("x = {}1\n", "-".repeat(100_000));
        let m = parse_module(&src).expect("parses");
        drop(m);
        let src = format!("x = a{}\n", ".b".repeat(100_000));
        let m = parse_module(&src).expect("parses");
        drop(m);
    });
}

#[test]
fn ten_thousand_lines_parse_quickly() {
    let mut src = String::new();
    for i in 0..2000 {
        src.push_str(&format!(
            "async def task_{i}(x, *, delay=0.{i}):\n    await asyncio.sleep(delay)\n    return [y * 2 for y in range(x) if y % 3 == {i} % 3]\n\nresult_{i} = f\"{{task_{i}!r}}: {{x + {i}}}\"\n"
        ));
    }
    assert!(src.lines().count() >= 10_000);
    let started = std::time::Instant::now();
    let m = parse_module(&src).expect("parses");
    let elapsed = started.elapsed();
    assert_eq!(m.body.len(), 4000);
    // Generous for unoptimised test builds; a release build takes a few milliseconds.
    assert!(
        elapsed.as_millis() < 3000,
        "parsing 10k lines took {elapsed:?}"
    );
}
