//! Where Python's output goes: the process's stdout (buffered, flushed at exit and before
//! anything is written to stderr or read from stdin), or a capture buffer (`tulip doc`), which
//! also records the clock time of each write so documented delays can be checked.

use std::io::{BufRead, Write};

pub enum Sink {
    Stdout(std::io::BufWriter<std::io::Stdout>),
    Capture(Vec<u8>),
}

pub struct Output {
    pub sink: Sink,
    /// For captures: (byte offset, clock time) at each write.
    pub marks: Vec<(usize, f64)>,
    /// Lines of stdin for `input()`, when the program itself did not come from stdin.
    stdin_done: bool,
    /// When set, stderr text (tracebacks, warnings) is collected here instead of printed.
    pub stderr_capture: Option<String>,
}

impl Output {
    pub fn stdout() -> Output {
        Output {
            sink: Sink::Stdout(std::io::BufWriter::with_capacity(
                1 << 16,
                std::io::stdout(),
            )),
            marks: Vec::new(),
            stdin_done: false,
            stderr_capture: None,
        }
    }

    pub fn capture() -> Output {
        Output {
            sink: Sink::Capture(Vec::new()),
            marks: Vec::new(),
            stdin_done: true,
            stderr_capture: Some(String::new()),
        }
    }

    pub fn write(&mut self, s: &str, now: f64) -> std::io::Result<()> {
        match &mut self.sink {
            Sink::Stdout(w) => w.write_all(s.as_bytes()),
            Sink::Capture(buf) => {
                self.marks.push((buf.len(), now));
                buf.extend_from_slice(s.as_bytes());
                Ok(())
            }
        }
    }

    pub fn flush(&mut self) {
        if let Sink::Stdout(w) = &mut self.sink {
            let _ = w.flush();
        }
    }

    /// Takes the captured text (captures only).
    pub fn take_captured(&mut self) -> (String, Vec<(usize, f64)>) {
        match &mut self.sink {
            Sink::Capture(buf) => (
                String::from_utf8_lossy(&std::mem::take(buf)).into_owned(),
                std::mem::take(&mut self.marks),
            ),
            Sink::Stdout(_) => (String::new(), Vec::new()),
        }
    }

    pub fn read_line(&mut self) -> Option<String> {
        if self.stdin_done {
            return None;
        }
        self.flush();
        let mut line = String::new();
        match std::io::stdin().lock().read_line(&mut line) {
            Ok(0) | Err(_) => {
                self.stdin_done = true;
                None
            }
            Ok(_) => {
                if line.ends_with('\n') {
                    line.pop();
                    if line.ends_with('\r') {
                        line.pop();
                    }
                }
                Some(line)
            }
        }
    }

    pub fn disable_stdin(&mut self) {
        self.stdin_done = true;
    }
}

impl crate::vm::Vm {
    pub fn write_stdout(&mut self, s: &str) -> crate::vm::PyResult<()> {
        crate::vm::warnings::flush(self);
        let now = self.clock.now();
        match self.out.write(s, now) {
            Ok(()) => Ok(()),
            // A closed pipe (`tulip x.py | head`) ends output quietly, as CPython nearly does.
            Err(_) => Ok(()),
        }
    }

    /// Writes to stderr, after flushing stdout so the two streams interleave sensibly.
    pub fn write_stderr(&mut self, s: &str) {
        if let Some(buf) = &mut self.out.stderr_capture {
            buf.push_str(s);
            return;
        }
        self.out.flush();
        let mut err = std::io::stderr().lock();
        let _ = err.write_all(s.as_bytes());
        let _ = err.flush();
    }

    pub fn read_stdin_line(&mut self) -> Option<String> {
        self.out.read_line()
    }
}
