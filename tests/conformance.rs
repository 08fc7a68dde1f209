//! The conformance suite: every `tests/conformance/<suite>/NAME.py` is one named test that runs
//! the `tulip` binary on the program and compares its stdout, exit status and last stderr line
//! with what CPython 3.11 printed (`NAME.out`, `NAME.err`). asyncio programs and seed snippets
//! run on the virtual clock, except those whose name contains `_real`.
//!
//! `tests/conformance/known_failures.txt` lists programs tulip does not yet run correctly, each
//! with the reason. They still run: a listed program must fail (strict "expected failure"), and
//! one that starts passing fails the suite until it is taken off the list.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use libtest_mimic::{Arguments, Failed, Trial};

const SUITES: &[&str] = &["core", "asyncio", "seeds"];
const TIMEOUT: Duration = Duration::from_secs(60);

struct Expected {
    stdout: String,
    exit: i32,
    last_stderr: Option<String>,
}

fn read_expected(py: &Path) -> Expected {
    let out = std::fs::read_to_string(py.with_extension("out")).unwrap_or_default();
    let (mut exit, mut last) = (0, None);
    if let Ok(err) = std::fs::read_to_string(py.with_extension("err")) {
        for line in err.lines() {
            if let Some(code) = line.strip_prefix("exit: ") {
                exit = code.trim().parse().unwrap_or(0);
            } else if let Some(text) = line.strip_prefix("stderr: ") {
                last = Some(text.to_string());
            }
        }
    }
    Expected {
        stdout: out,
        exit,
        last_stderr: last,
    }
}

fn run_case(py: PathBuf, suite: &'static str) -> Result<(), Failed> {
    let expected = read_expected(&py);
    let source = std::fs::read_to_string(&py).map_err(|e| format!("read: {e}"))?;
    let name = py
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("")
        .to_string();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_tulip"));
    if suite != "core" && !name.contains("_real") {
        cmd.arg("--clock").arg("virtual");
    }
    cmd.arg(&name);
    if let Some(first) = source.lines().next() {
        if let Some(args) = first.strip_prefix("# args:") {
            cmd.args(args.split_whitespace());
        }
    }
    cmd.current_dir(py.parent().unwrap_or(Path::new(".")))
        .env_remove("TULIP_CLOCK")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().map_err(|e| format!("spawn: {e}"))?;
    let input = std::fs::read(py.with_extension("in")).unwrap_or_default();
    if let Some(mut stdin) = child.stdin.take() {
        let _ = stdin.write_all(&input);
    }
    let mut stdout = child.stdout.take().ok_or("no stdout")?;
    let mut stderr = child.stderr.take().ok_or("no stderr")?;
    let out_thread = std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = stdout.read_to_end(&mut s);
        s
    });
    let err_thread = std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = stderr.read_to_end(&mut s);
        s
    });
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().map_err(|e| format!("wait: {e}"))? {
            break status;
        }
        if start.elapsed() > TIMEOUT {
            let _ = child.kill();
            return Err(format!("timed out after {TIMEOUT:?}").into());
        }
        std::thread::sleep(Duration::from_millis(2));
    };
    let stdout = String::from_utf8_lossy(&out_thread.join().unwrap_or_default()).into_owned();
    let stderr = String::from_utf8_lossy(&err_thread.join().unwrap_or_default()).into_owned();
    let code = status.code().unwrap_or(-1);
    let mut problems = Vec::new();
    if stdout != expected.stdout {
        problems.push(format!(
            "stdout differs\n--- expected\n{}\n--- actual\n{}",
            expected.stdout, stdout
        ));
    }
    if code != expected.exit {
        problems.push(format!("exit status {code}, expected {}", expected.exit));
    }
    let last = stderr
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .map(|l| l.trim_end().to_string());
    if let Some(want) = &expected.last_stderr {
        // `stderr: ` with nothing after it means CPython wrote no (non-blank) stderr line.
        if last.as_deref().unwrap_or("") != want.as_str() {
            problems.push(format!(
                "last stderr line {:?}, expected {:?}",
                last.unwrap_or_default(),
                want
            ));
        }
    } else if expected.exit == 0 && !stderr.trim().is_empty() {
        problems.push(format!("unexpected stderr:\n{stderr}"));
    }
    if problems.is_empty() {
        Ok(())
    } else {
        if !stderr.is_empty() && expected.last_stderr.is_none() {
            problems.push(format!("stderr:\n{stderr}"));
        }
        Err(problems.join("\n").into())
    }
}

/// `suite::name` → reason, from `known_failures.txt` (`suite::name  reason...` per line).
fn known_failures(root: &Path) -> std::collections::HashMap<String, String> {
    let text = std::fs::read_to_string(root.join("known_failures.txt")).unwrap_or_default();
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| match l.split_once(char::is_whitespace) {
            Some((name, reason)) => (name.to_string(), reason.trim().to_string()),
            None => (l.to_string(), String::new()),
        })
        .collect()
}

fn main() {
    let args = Arguments::from_args();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/conformance");
    let known = known_failures(&root);
    let mut trials = Vec::new();
    for suite in SUITES {
        let dir = root.join(suite);
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        let mut files: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "py"))
            .collect();
        files.sort();
        for py in files {
            let stem = py
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or("")
                .to_string();
            let name = format!("{suite}::{stem}");
            let trial = if known.contains_key(&name) {
                // Strict expected failure: passing means the list is out of date.
                Trial::test(name, move || match run_case(py, suite) {
                    Ok(()) => Err(
                        "listed in known_failures.txt but passes now: take it off the list".into(),
                    ),
                    Err(_) => Ok(()),
                })
            } else {
                Trial::test(name, move || run_case(py, suite))
            };
            trials.push(trial);
        }
    }
    libtest_mimic::run(&args, trials).exit();
}
