//! `tulip doc` end to end, through the binary.
//!
//! - The five seed documents (`tests/seeds/*.txt`, copies of the user's documents, unchanged):
//!   the full text report in the default mode (lenient, one shared namespace) and with
//!   `--strict --isolated`, and the JSON report, against snapshots next to them
//!   (`NAME.report`, `NAME.isolated.report`, `NAME.json`).
//! - With `--strict --isolated`, every snippet behaves exactly as CPython 3.11 ran it: stdout,
//!   exit status and last stderr line from `tests/conformance/seeds/` (mapped to document lines
//!   by the table in `tests/conformance/README.md`).
//! - Facts a reader checks by hand in the default mode: which claims match, the wrong claim in
//!   seed 002, the delays in seed 004, what the corrected `import asynio` snippets print.
//! - Teaching diagnostics (`tests/doc_diagnostics/`): programs run with `tulip` and documents
//!   run with `tulip doc`, output snapshotted with colour off (`NAME.txt`).
//!
//! Snapshots are rewritten when `UPDATE_SNAPSHOTS=1`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

const SEEDS: [&str; 5] = [
    "000_97bc84df50c14af7",
    "001_73af0722fc54dd8a",
    "002_3738129ae8bfcaf0",
    "003_553ac4397e5cf53c",
    "004_1e56bd4f877c7f7b",
];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs the tulip binary from the crate root: (stdout, stderr, exit status).
fn tulip(args: &[&str]) -> (String, String, i32) {
    let out = Command::new(env!("CARGO_BIN_EXE_tulip"))
        .args(args)
        .current_dir(root())
        .env("NO_COLOR", "1")
        .env_remove("TULIP_CLOCK")
        .output()
        .expect("run tulip");
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.code().unwrap_or(-1),
    )
}

fn seed_path(name: &str) -> String {
    format!("tests/seeds/{name}.txt")
}

/// Compares `actual` with the snapshot file (or rewrites it when `UPDATE_SNAPSHOTS=1`).
fn check_snapshot(path: &Path, actual: &str, failures: &mut Vec<String>) {
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(path, actual).expect("write snapshot");
        return;
    }
    let expected = std::fs::read_to_string(path).unwrap_or_default();
    if expected != actual {
        failures.push(format!(
            "{} differs (UPDATE_SNAPSHOTS=1 rewrites it)\n--- expected\n{expected}\n--- actual\n{actual}",
            path.display()
        ));
    }
}

// ----- the seed documents ---------------------------------------------------------------------

#[test]
fn seed_reports_match_snapshots() {
    let mut failures = Vec::new();
    for name in SEEDS {
        let path = seed_path(name);
        let (out, err, code) = tulip(&["doc", &path]);
        assert!(err.is_empty(), "{name}: stderr: {err}");
        let text = format!("{out}exit: {code}\n");
        check_snapshot(
            &root().join(format!("tests/seeds/{name}.report")),
            &text,
            &mut failures,
        );
        let (out, _, code) = tulip(&["doc", "--strict", "--isolated", &path]);
        let text = format!("{out}exit: {code}\n");
        check_snapshot(
            &root().join(format!("tests/seeds/{name}.isolated.report")),
            &text,
            &mut failures,
        );
        let (out, _, _) = tulip(&["doc", "--format", "json", &path]);
        parse_json(&out).unwrap_or_else(|e| panic!("{name}: invalid JSON ({e}):\n{out}"));
        check_snapshot(
            &root().join(format!("tests/seeds/{name}.json")),
            &out,
            &mut failures,
        );
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// The default report of every seed document (lenient, shared namespace), as JSON.
fn lenient_reports() -> BTreeMap<String, Json> {
    let mut map = BTreeMap::new();
    for name in SEEDS {
        let (out, _, _) = tulip(&["doc", "--format", "json", &seed_path(name)]);
        map.insert(name.to_string(), parse_json(&out).expect("JSON"));
    }
    map
}

fn snippets(report: &Json) -> Vec<&Json> {
    report["documents"][0]["snippets"].items().iter().collect()
}

fn snippet_at(report: &Json, line: i64) -> &Json {
    snippets(report)
        .into_iter()
        .find(|s| s["line"].int() == Some(line))
        .unwrap_or_else(|| panic!("no snippet at line {line}"))
}

#[test]
fn seed_002_wrong_claim_is_reported_and_the_others_confirmed() {
    let name = "002_3738129ae8bfcaf0";
    let (out, _, code) = tulip(&["doc", &seed_path(name)]);
    assert_eq!(code, 1);
    let verdicts: Vec<(i64, String)> = out
        .lines()
        .take_while(|l| !l.is_empty())
        .map(|l| {
            let (loc, verdict) = l.split_once("  ").expect("location  verdict");
            let line = loc.rsplit(':').next().and_then(|n| n.parse().ok());
            (line.expect("line"), verdict.trim().to_string())
        })
        .collect();
    let verdict = |line: i64| {
        verdicts
            .iter()
            .find(|(l, _)| *l == line)
            .map(|(_, v)| v.as_str())
            .unwrap_or("")
    };
    // CPython prints shav, text, finished for each of these; the document agrees three times...
    assert_eq!(verdict(36), "matches");
    assert_eq!(verdict(55), "matches");
    assert_eq!(verdict(76), "matches");
    // ...but claims shav, finished, text after `await asyncio.sleep(2)`.
    assert_eq!(verdict(96), "differs");
    assert!(
        out.contains("Note: documented: shav, finished, text\n"),
        "{out}"
    );
    assert!(out.contains("printed:    shav, text, finished\n"), "{out}");
    assert!(out.contains(" 112 │ … doing nothing. Now we get: ```shav, finished, text```"));
    assert!(
        out.ends_with("11 snippets: 3 match, 1 differ, 2 errors, 5 without documented output\n")
    );
}

#[test]
fn seed_004_delays_are_checked() {
    let reports = lenient_reports();
    let r = &reports["004_1e56bd4f877c7f7b"];
    for line in [24, 55, 85] {
        let s = snippet_at(r, line);
        assert_eq!(s["verdict"].str(), Some("matches"), "line {line}");
        assert_eq!(s["stdout"].str(), Some("Hello\nWorld\n"));
        let delays = s["claims"][0]["delays"].items();
        assert_eq!(delays.len(), 1, "line {line}");
        assert_eq!(delays[0]["expected"].num(), Some(1.0));
        let measured = delays[0]["measured"].num().expect("measured");
        assert!((measured - 1.0).abs() < 0.1, "line {line}: {measured}");
        assert_eq!(delays[0]["ok"], Json::Bool(true));
    }
    // A claim of two seconds for the same program is refused.
    let doc = "```python\nimport asyncio\n\nasync def hello():\n    print(\"Hello\")\n    await asyncio.sleep(1)\n    print(\"World\")\n\nasyncio.run(hello())\n```\n\nOutput:\n\n```\nHello\n<2 seconds delay>\nWorld\n```\n";
    let dir = std::env::temp_dir().join(format!("tulip-doc-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("delay.md");
    std::fs::write(&path, doc).expect("write");
    let (out, _, code) = tulip(&["doc", path.to_str().expect("utf-8 path")]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("documented a 2 second delay between 'Hello' and 'World'; measured 1.00 s"),
        "{out}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn lenient_shared_namespace_runs_the_seeds_as_documented() {
    let reports = lenient_reports();
    let r = &reports["001_73af0722fc54dd8a"];
    // `import asynio` is corrected; the "awaiting task" snippet runs both of its programs.
    let s = snippet_at(r, 101);
    assert_eq!(
        s["stdout"].str(),
        Some("Asynchronously Programming\nCompleted\ntext\nAsynchronously Programming\ntext\nCompleted\n")
    );
    assert_eq!(s["exit"].int(), Some(0));
    let corrections = s["notes"]
        .items()
        .iter()
        .filter(|n| n["kind"].str() == Some("correction"))
        .count();
    assert_eq!(corrections, 2);
    for (line, out) in [
        (60, "Asynchronously Programming\ntext\n"),
        (82, "Asynchronously Programming\ntext\nCompleted\n"),
        (135, "Asynchronously Programming\ntext\nCompleted\n"),
    ] {
        assert_eq!(
            snippet_at(r, line)["stdout"].str(),
            Some(out),
            "line {line}"
        );
    }
    // The Runner snippet runs the `main` that the snippet before it defined.
    let s = snippet_at(r, 48);
    assert_eq!(s["stdout"].str(), Some("Asynchronous Programming\n"));
    assert_eq!(s["exit"].int(), Some(0));
    let s = snippet_at(&reports["000_97bc84df50c14af7"], 46);
    assert_eq!(
        s["stdout"].str(),
        Some("Asynchronously Programming\ntext\n")
    );
    // Seed 002's inline claims: all but the wrong one are confirmed.
    let r = &reports["002_3738129ae8bfcaf0"];
    for (line, verdict) in [
        (36, "matches"),
        (55, "matches"),
        (76, "matches"),
        (96, "differs"),
    ] {
        assert_eq!(
            snippet_at(r, line)["verdict"].str(),
            Some(verdict),
            "line {line}"
        );
    }
}

#[test]
fn fragments_that_cannot_run_are_errors_with_a_hint() {
    let reports = lenient_reports();
    let cases = [
        (
            "001_73af0722fc54dd8a",
            229,
            "SyntaxError: 'async with' outside async function",
        ),
        (
            "002_3738129ae8bfcaf0",
            16,
            "SyntaxError: 'await' outside function",
        ),
        ("002_3738129ae8bfcaf0", 140, "SyntaxError: invalid syntax"),
        (
            "003_553ac4397e5cf53c",
            55,
            "SyntaxError: 'await' outside function",
        ),
    ];
    for (doc, line, message) in cases {
        let s = snippet_at(&reports[doc], line);
        assert_eq!(s["verdict"].str(), Some("error"), "{doc}:{line}");
        assert_eq!(s["error"]["message"].str(), Some(message), "{doc}:{line}");
        assert_eq!(s["stderr_last_line"].str(), Some(message), "{doc}:{line}");
    }
    // Snippets after the failing ones still ran.
    let r = &reports["002_3738129ae8bfcaf0"];
    assert_eq!(
        snippet_at(r, 163)["verdict"].str(),
        Some("no documented output")
    );
    // The hints are in the text report.
    let (out, _, _) = tulip(&["doc", &seed_path("002_3738129ae8bfcaf0")]);
    assert!(out.contains("Note: `await` only works inside an `async def` function."));
    assert!(out.contains(
        "hint: '|' looks like a stray character (a damaged copy?): without it, line 147 would \
         read `return {'data': 1}`"
    ));
    let (out, _, _) = tulip(&["doc", &seed_path("001_73af0722fc54dd8a")]);
    assert!(out.contains("Note: `async with` only works inside an `async def` function."));
}

/// `tests/conformance/README.md`'s table: (document, line) → conformance program.
fn conformance_table() -> BTreeMap<(String, i64), String> {
    let readme = std::fs::read_to_string(root().join("tests/conformance/README.md"))
        .expect("conformance README");
    let mut map = BTreeMap::new();
    for line in readme.lines() {
        // | `s000_coroutine_def.py` | `000_97bc84df50c14af7.txt` line 18 |
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        if cells.len() < 3 {
            continue;
        }
        let (Some(prog), Some(rest)) = (
            cells[1]
                .strip_prefix('`')
                .and_then(|c| c.strip_suffix(".py`")),
            cells[2].strip_prefix('`'),
        ) else {
            continue;
        };
        let Some((doc, line_no)) = rest.split_once("` line ") else {
            continue;
        };
        if let Ok(n) = line_no.trim().parse() {
            map.insert((doc.to_string(), n), prog.to_string());
        }
    }
    map
}

#[test]
fn strict_isolated_snippets_behave_exactly_as_cpython() {
    let table = conformance_table();
    assert_eq!(table.len(), 31, "the README maps 31 snippets");
    let paths: Vec<String> = SEEDS.iter().map(|n| seed_path(n)).collect();
    let mut args = vec!["doc", "--strict", "--isolated", "--format", "json"];
    args.extend(paths.iter().map(String::as_str));
    let (out, _, code) = tulip(&args);
    assert_eq!(code, 1);
    let report = parse_json(&out).expect("JSON");
    let mut checked = 0;
    let mut failures = Vec::new();
    for doc in report["documents"].items() {
        let file = doc["file"].str().expect("file");
        let doc_name = file.rsplit('/').next().unwrap_or(file);
        for s in doc["snippets"].items() {
            let line = s["line"].int().expect("line");
            let prog = table
                .get(&(doc_name.to_string(), line))
                .unwrap_or_else(|| panic!("{doc_name}:{line} is not a known snippet"));
            let base = root().join("tests/conformance/seeds").join(prog);
            let stdout = std::fs::read_to_string(base.with_extension("out")).expect(".out");
            let (exit, last) = match std::fs::read_to_string(base.with_extension("err")) {
                Ok(err) => {
                    let mut lines = err.lines();
                    let exit = lines
                        .next()
                        .and_then(|l| l.strip_prefix("exit: "))
                        .and_then(|n| n.parse().ok())
                        .expect("exit line");
                    let last = lines
                        .next()
                        .and_then(|l| l.strip_prefix("stderr: "))
                        .map(str::to_string);
                    (exit, last)
                }
                Err(_) => (0, None),
            };
            let got = (
                s["stdout"].str().map(str::to_string),
                s["exit"].int(),
                s["stderr_last_line"].str().map(str::to_string),
            );
            if got != (Some(stdout.clone()), Some(exit), last.clone()) {
                failures.push(format!(
                    "{doc_name}:{line} ({prog}): got {got:?}, CPython {:?}",
                    (stdout, exit, last)
                ));
            }
            checked += 1;
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert_eq!(checked, 31);
}

// ----- teaching diagnostics -----------------------------------------------------------------------

#[test]
fn teaching_diagnostics_snapshots() {
    let dir = root().join("tests/doc_diagnostics");
    let mut inputs: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/doc_diagnostics")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| matches!(p.extension().and_then(|e| e.to_str()), Some("py" | "md")))
        .collect();
    inputs.sort();
    assert!(inputs.len() >= 8);
    let mut failures = Vec::new();
    for input in inputs {
        let rel = format!(
            "tests/doc_diagnostics/{}",
            input.file_name().and_then(|n| n.to_str()).expect("name")
        );
        let (out, err, code) = if rel.ends_with(".py") {
            tulip(&["--clock", "virtual", &rel])
        } else {
            tulip(&["doc", &rel])
        };
        assert!(
            !out.contains('\u{1b}') && !err.contains('\u{1b}'),
            "colour in {rel}"
        );
        let text = format!("$ exit {code}\n--- stdout\n{out}--- stderr\n{err}");
        check_snapshot(&input.with_extension("txt"), &text, &mut failures);
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn unreadable_document_and_bad_options() {
    let (_, err, code) = tulip(&["doc", "tests/seeds/no_such_file.txt"]);
    assert_eq!(code, 2);
    assert_eq!(
        err,
        "tulip doc: can't open file 'tests/seeds/no_such_file.txt': No such file or directory\n"
    );
    let (_, _, code) = tulip(&["doc", "--strict", "--lenient", &seed_path(SEEDS[0])]);
    assert_eq!(code, 2);
    let (_, _, code) = tulip(&["doc"]);
    assert_eq!(code, 2);
}

// ----- a small JSON reader (to check the JSON report without dependencies) ------------------------

#[derive(Clone, Debug, PartialEq)]
enum Json {
    Null,
    Bool(bool),
    Num(f64),
    Str(String),
    Arr(Vec<Json>),
    Obj(Vec<(String, Json)>),
}

static NULL: Json = Json::Null;

impl std::ops::Index<&str> for Json {
    type Output = Json;
    fn index(&self, key: &str) -> &Json {
        match self {
            Json::Obj(fields) => fields
                .iter()
                .find(|(k, _)| k == key)
                .map_or(&NULL, |(_, v)| v),
            _ => &NULL,
        }
    }
}

impl std::ops::Index<usize> for Json {
    type Output = Json;
    fn index(&self, i: usize) -> &Json {
        match self {
            Json::Arr(items) => items.get(i).unwrap_or(&NULL),
            _ => &NULL,
        }
    }
}

impl Json {
    fn str(&self) -> Option<&str> {
        match self {
            Json::Str(s) => Some(s),
            _ => None,
        }
    }
    fn num(&self) -> Option<f64> {
        match self {
            Json::Num(n) => Some(*n),
            _ => None,
        }
    }
    fn int(&self) -> Option<i64> {
        self.num().filter(|n| n.fract() == 0.0).map(|n| n as i64)
    }
    fn items(&self) -> &[Json] {
        match self {
            Json::Arr(items) => items,
            _ => &[],
        }
    }
}

fn parse_json(text: &str) -> Result<Json, String> {
    let chars: Vec<char> = text.chars().collect();
    let mut pos = 0;
    let v = value(&chars, &mut pos)?;
    skip_ws(&chars, &mut pos);
    if pos != chars.len() {
        return Err(format!("trailing text at {pos}"));
    }
    Ok(v)
}

fn skip_ws(c: &[char], pos: &mut usize) {
    while *pos < c.len() && c[*pos].is_whitespace() {
        *pos += 1;
    }
}

fn expect(c: &[char], pos: &mut usize, ch: char) -> Result<(), String> {
    skip_ws(c, pos);
    if c.get(*pos) == Some(&ch) {
        *pos += 1;
        Ok(())
    } else {
        Err(format!("expected '{ch}' at {pos}"))
    }
}

fn value(c: &[char], pos: &mut usize) -> Result<Json, String> {
    skip_ws(c, pos);
    let rest: String = c[*pos..c.len().min(*pos + 5)].iter().collect();
    match c.get(*pos) {
        Some('{') => {
            *pos += 1;
            let mut fields = Vec::new();
            skip_ws(c, pos);
            if c.get(*pos) == Some(&'}') {
                *pos += 1;
                return Ok(Json::Obj(fields));
            }
            loop {
                skip_ws(c, pos);
                let Json::Str(k) = value(c, pos)? else {
                    return Err(format!("key expected at {pos}"));
                };
                expect(c, pos, ':')?;
                fields.push((k, value(c, pos)?));
                skip_ws(c, pos);
                match c.get(*pos) {
                    Some(',') => *pos += 1,
                    Some('}') => {
                        *pos += 1;
                        return Ok(Json::Obj(fields));
                    }
                    _ => return Err(format!("',' or '}}' expected at {pos}")),
                }
            }
        }
        Some('[') => {
            *pos += 1;
            let mut items = Vec::new();
            skip_ws(c, pos);
            if c.get(*pos) == Some(&']') {
                *pos += 1;
                return Ok(Json::Arr(items));
            }
            loop {
                items.push(value(c, pos)?);
                skip_ws(c, pos);
                match c.get(*pos) {
                    Some(',') => *pos += 1,
                    Some(']') => {
                        *pos += 1;
                        return Ok(Json::Arr(items));
                    }
                    _ => return Err(format!("',' or ']' expected at {pos}")),
                }
            }
        }
        Some('"') => {
            *pos += 1;
            let mut s = String::new();
            loop {
                match c.get(*pos) {
                    None => return Err("unterminated string".into()),
                    Some('"') => {
                        *pos += 1;
                        return Ok(Json::Str(s));
                    }
                    Some('\\') => {
                        let e = c.get(*pos + 1).ok_or("bad escape")?;
                        *pos += 2;
                        match e {
                            'n' => s.push('\n'),
                            't' => s.push('\t'),
                            'r' => s.push('\r'),
                            '"' => s.push('"'),
                            '\\' => s.push('\\'),
                            '/' => s.push('/'),
                            'u' => {
                                let hex: String = c[*pos..(*pos + 4).min(c.len())].iter().collect();
                                let n = u32::from_str_radix(&hex, 16).map_err(|e| e.to_string())?;
                                s.push(char::from_u32(n).ok_or("bad \\u")?);
                                *pos += 4;
                            }
                            other => return Err(format!("bad escape \\{other}")),
                        }
                    }
                    Some(ch) => {
                        s.push(*ch);
                        *pos += 1;
                    }
                }
            }
        }
        _ if rest.starts_with("null") => {
            *pos += 4;
            Ok(Json::Null)
        }
        _ if rest.starts_with("true") => {
            *pos += 4;
            Ok(Json::Bool(true))
        }
        _ if rest.starts_with("false") => {
            *pos += 5;
            Ok(Json::Bool(false))
        }
        _ => {
            let start = *pos;
            while *pos < c.len() && matches!(c[*pos], '-' | '+' | '.' | 'e' | 'E' | '0'..='9') {
                *pos += 1;
            }
            let s: String = c[start..*pos].iter().collect();
            s.parse::<f64>()
                .map(Json::Num)
                .map_err(|_| format!("bad value at {start}"))
        }
    }
}
