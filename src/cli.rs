//! The command line: `tulip FILE [ARGS...]`, `tulip -c CODE`, `tulip -` (stdin), `tulip check
//! FILE`, `tulip doc FILE...` (check a tutorial document), options for the clock. Bad paths and unreadable input exit with status 2 and one line,
//! like python's "can't open file".

use std::io::Read;

use clap::Parser;

use crate::interp::{run_source, with_big_stack, RunOptions};
use crate::vm::ClockKind;

#[derive(Parser, Debug)]
#[command(
    name = "tulip",
    version,
    about = "An interpreter for the async subset of Python, with CPython 3.11's semantics",
    disable_help_subcommand = true
)]
struct Cli {
    /// Program passed in as a string.
    #[arg(short = 'c', value_name = "CODE", allow_hyphen_values = true)]
    code: Option<String>,
    /// Clock for asyncio sleeps and the time module: real, or virtual (instant, deterministic).
    #[arg(long, value_name = "KIND", value_parser = ["real", "virtual"])]
    clock: Option<String>,
    /// Apply unambiguous "did you mean" corrections to misspelt names and modules.
    #[arg(long)]
    lenient: bool,
    /// The program file (`-` for stdin), or `check FILE`, or `doc FILE...`; then its arguments.
    #[arg(
        value_name = "FILE",
        allow_hyphen_values = true,
        trailing_var_arg = true
    )]
    args: Vec<String>,
}

/// `tulip doc FILE...`: its own options, parsed from the words after `doc`.
#[derive(Parser, Debug)]
#[command(
    name = "tulip doc",
    about = "Run the Python snippets of tutorial documents as written and check the outputs they document"
)]
struct DocCli {
    /// Markdown or text documents with fenced Python blocks.
    #[arg(value_name = "FILE", required = true)]
    files: Vec<String>,
    /// Run each snippet alone (by default the snippets share one namespace, like notebook cells).
    #[arg(long)]
    isolated: bool,
    /// Behave exactly like CPython: no "did you mean" corrections of misspelt names.
    #[arg(long)]
    strict: bool,
    /// Apply unambiguous "did you mean" corrections (the default).
    #[arg(long, conflicts_with = "strict")]
    lenient: bool,
    /// Clock for sleeps: virtual (the default: instant, deterministic) or real.
    #[arg(long, value_name = "KIND", value_parser = ["real", "virtual"])]
    clock: Option<String>,
    /// Report format.
    #[arg(long, value_name = "FORMAT", value_parser = ["text", "json"], default_value = "text")]
    format: String,
    /// Units of work (loop iterations and calls) one snippet may use before it is stopped.
    #[arg(long, value_name = "N", default_value_t = 20_000_000)]
    max_steps: u64,
    /// Seconds of wall-clock time one snippet may take before it is stopped.
    #[arg(long, value_name = "SECS", default_value_t = 10.0)]
    timeout: f64,
}

/// Runs `tulip doc` with the words after `doc`; `clock` is the top-level `--clock`, if any.
fn doc_command(words: &[String], clock: Option<&str>) -> i32 {
    let argv = std::iter::once("tulip doc".to_string()).chain(words.iter().cloned());
    let cli = match DocCli::try_parse_from(argv) {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() { 2 } else { 0 };
        }
    };
    let clock = match cli.clock.as_deref().or(clock) {
        Some("real") => ClockKind::Real,
        _ => ClockKind::Virtual,
    };
    let color = std::io::IsTerminal::is_terminal(&std::io::stdout())
        && std::env::var_os("NO_COLOR").is_none();
    let timeout = if cli.timeout.is_finite() && cli.timeout > 0.0 {
        std::time::Duration::from_secs_f64(cli.timeout.min(1e9))
    } else {
        std::time::Duration::from_secs(10)
    };
    let cfg = crate::doc::run::RunConfig {
        clock,
        lenient: !cli.strict,
        isolated: cli.isolated,
        max_steps: cli.max_steps,
        timeout,
        color,
    };
    let format = if cli.format == "json" {
        crate::doc::Format::Json
    } else {
        crate::doc::Format::Text
    };
    crate::doc::main(cli.files, cfg, format)
}

fn clock_from(cli_value: Option<&str>) -> ClockKind {
    let env = std::env::var("TULIP_CLOCK").ok();
    match cli_value.or(env.as_deref()) {
        Some("virtual") => ClockKind::Virtual,
        _ => ClockKind::Real,
    }
}

/// Reads a program file; errors are the one-line message and exit status 2.
fn read_program(path: &str) -> Result<String, String> {
    let meta = std::fs::metadata(path).map_err(|e| {
        format!(
            "tulip: can't open file '{}': [Errno {}] {}",
            path,
            e.raw_os_error().unwrap_or(2),
            describe_io_error(&e)
        )
    })?;
    if meta.is_dir() {
        return Err(format!(
            "tulip: can't open file '{path}': [Errno 21] Is a directory"
        ));
    }
    let bytes = std::fs::read(path)
        .map_err(|e| format!("tulip: can't open file '{path}': {}", describe_io_error(&e)))?;
    decode_source(path, bytes)
}

fn describe_io_error(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "No such file or directory".into(),
        std::io::ErrorKind::PermissionDenied => "Permission denied".into(),
        _ => e.to_string(),
    }
}

fn decode_source(name: &str, bytes: Vec<u8>) -> Result<String, String> {
    if bytes.contains(&0) {
        return Err(format!(
            "tulip: can't run '{name}': source code cannot contain null bytes"
        ));
    }
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "tulip: can't run '{name}': (unicode error) 'utf-8' codec can't decode byte {:#04x} in position {}: invalid start byte",
            e.as_bytes().get(e.utf8_error().valid_up_to()).copied().unwrap_or(0),
            e.utf8_error().valid_up_to()
        )
    })
}

/// Entry point; returns the exit status.
pub fn main() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() { 2 } else { 0 };
        }
    };
    let clock = clock_from(cli.clock.as_deref());
    let color = std::io::IsTerminal::is_terminal(&std::io::stderr());
    if let Some(code) = cli.code {
        let mut argv = vec!["-c".to_string()];
        argv.extend(cli.args.iter().cloned());
        let options = RunOptions {
            clock,
            lenient: cli.lenient,
            argv,
            color,
        };
        return with_big_stack(move || run_source("<string>", &code, options));
    }
    let mut args = cli.args.clone();
    if args.first().map(String::as_str) == Some("doc") {
        return doc_command(&args[1..], cli.clock.as_deref());
    }
    if args.first().map(String::as_str) == Some("check") && args.len() >= 2 {
        return check(&args[1]);
    }
    let interactive = args.is_empty() && std::io::IsTerminal::is_terminal(&std::io::stdin());
    if interactive || args.first().map(String::as_str) == Some("repl") {
        let options = RunOptions {
            clock,
            lenient: cli.lenient,
            argv: vec![String::new()],
            color,
        };
        return with_big_stack(move || crate::repl::run(options));
    }
    if args.is_empty() {
        args.push("-".into());
    }
    let path = args[0].clone();
    let (name, source) = if path == "-" {
        let mut bytes = Vec::new();
        if std::io::stdin().read_to_end(&mut bytes).is_err() {
            eprintln!("tulip: can't read standard input");
            return 2;
        }
        match decode_source("<stdin>", bytes) {
            Ok(s) => ("<stdin>".to_string(), s),
            Err(msg) => {
                eprintln!("{msg}");
                return 2;
            }
        }
    } else {
        match read_program(&path) {
            Ok(s) => (path.clone(), s),
            Err(msg) => {
                eprintln!("{msg}");
                return 2;
            }
        }
    };
    let mut argv = args.clone();
    if path == "-" {
        argv[0] = "-".into();
    }
    let options = RunOptions {
        clock,
        lenient: cli.lenient,
        argv,
        color,
    };
    with_big_stack(move || run_source(&name, &source, options))
}

/// `tulip check FILE`: parse and compile only.
fn check(path: &str) -> i32 {
    let source = match read_program(path) {
        Ok(s) => s,
        Err(msg) => {
            eprintln!("{msg}");
            return 2;
        }
    };
    let color = std::io::IsTerminal::is_terminal(&std::io::stderr());
    let path = path.to_string();
    with_big_stack(move || {
        let file = std::rc::Rc::new(crate::compile::code::SourceFile::new(
            path.clone(),
            source.clone(),
        ));
        let module = crate::runtime::modules::new_module("__main__");
        match crate::compile::compile_source(&source, file, &module, crate::compile::Mode::File) {
            Ok(_) => 0,
            Err(e) => {
                eprint!(
                    "{}",
                    crate::diagnostics::render_syntax_error(&path, &source, &e, color)
                );
                1
            }
        }
    })
}
