//! Scripted REPL sessions through a pseudo-terminal: multi-line definitions, top-level await,
//! background tasks, errors that leave the session usable, Ctrl-C, and completion.

use rexpect::session::{spawn_command, PtySession};
use std::process::Command;

const TIMEOUT_MS: u64 = 20_000;

/// A session on a `dumb` terminal (plain line input, no redraw noise in the transcript).
fn start() -> PtySession {
    start_with_term("dumb")
}

fn start_with_term(term: &str) -> PtySession {
    let home = std::env::temp_dir().join(format!("tulip-repl-test-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&home);
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_tulip"));
    cmd.env("XDG_DATA_HOME", &home)
        .env("TERM", term)
        .env_remove("TULIP_CLOCK");
    let mut p = spawn_command(cmd, Some(TIMEOUT_MS)).expect("spawn tulip");
    p.exp_string(">>> ").expect("first prompt");
    p
}

#[test]
fn multiline_async_def_then_await_at_the_prompt() {
    let mut p = start();
    p.send_line("import asyncio").unwrap();
    p.exp_string(">>> ").unwrap();
    p.send_line("async def double(x):").unwrap();
    p.exp_string("... ").unwrap();
    p.send_line("    await asyncio.sleep(0.01)").unwrap();
    p.exp_string("... ").unwrap();
    p.send_line("    return x * 2").unwrap();
    p.exp_string("... ").unwrap();
    p.send_line("").unwrap();
    p.exp_string(">>> ").unwrap();
    p.send_line("await double(21)").unwrap();
    p.exp_string("42").unwrap();
    p.exp_string(">>> ").unwrap();
    p.send_line("_ + 1").unwrap();
    p.exp_string("43").unwrap();
    p.exp_string(">>> ").unwrap();
    // `_` changes with every echoed value (it is never cached as a builtin).
    p.send_line("_ * 2").unwrap();
    p.exp_string("86").unwrap();
    p.exp_string(">>> ").unwrap();
}

#[test]
fn background_task_runs_while_the_prompt_awaits() {
    let mut p = start();
    p.send_line("import asyncio").unwrap();
    p.exp_string(">>> ").unwrap();
    p.send_line("async def ticker():").unwrap();
    p.exp_string("... ").unwrap();
    p.send_line("    for i in range(3):").unwrap();
    p.exp_string("... ").unwrap();
    p.send_line("        print('tick', i)").unwrap();
    p.exp_string("... ").unwrap();
    p.send_line("        await asyncio.sleep(0.05)").unwrap();
    p.exp_string("... ").unwrap();
    p.send_line("").unwrap();
    p.exp_string(">>> ").unwrap();
    p.send_line("t = asyncio.create_task(ticker())").unwrap();
    p.exp_string(">>> ").unwrap();
    p.send_line("await asyncio.sleep(0.3); print('slept')")
        .unwrap();
    p.exp_string("tick 2").unwrap();
    p.exp_string("slept").unwrap();
    p.exp_string(">>> ").unwrap();
    p.send_line("t.done()").unwrap();
    p.exp_string("True").unwrap();
}

#[test]
fn an_error_leaves_the_session_usable() {
    let mut p = start();
    p.send_line("x = 10").unwrap();
    p.exp_string(">>> ").unwrap();
    p.send_line("1 / 0").unwrap();
    p.exp_string("ZeroDivisionError: division by zero").unwrap();
    p.exp_string(">>> ").unwrap();
    p.send_line("x + 1").unwrap();
    p.exp_string("11").unwrap();
    p.exp_string(">>> ").unwrap();
}

/// Awaits `awaited` at the prompt, presses Ctrl-C half a second later, and checks that the
/// session goes on.
fn ctrl_c_interrupts(awaited: &str) {
    let mut p = start();
    p.send_line("import asyncio").unwrap();
    p.exp_string(">>> ").unwrap();
    p.send_line(&format!("await {awaited}")).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(500));
    p.send_control('c').unwrap();
    p.exp_string("KeyboardInterrupt").unwrap();
    p.exp_string(">>> ").unwrap();
    p.send_line("print('still here')").unwrap();
    p.exp_string("still here").unwrap();
}

#[test]
fn ctrl_c_interrupts_a_long_await() {
    ctrl_c_interrupts("asyncio.sleep(100)");
}

#[test]
fn ctrl_c_interrupts_an_endless_sleep() {
    // A timer at infinity: the prompt waits a day at a time (it used to panic converting the
    // wait to a Duration).
    ctrl_c_interrupts("asyncio.sleep(float('inf'))");
}

#[test]
fn tab_completes_module_attributes() {
    // Completion needs a real terminal.
    let mut p = start_with_term("xterm");
    p.send_line("import asyncio").unwrap();
    p.exp_string(">>> ").unwrap();
    p.send("asyncio.create_t").unwrap();
    p.send("\t").unwrap();
    p.send_line("").unwrap();
    p.exp_string("<function create_task").unwrap();
}
