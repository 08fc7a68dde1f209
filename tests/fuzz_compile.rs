//! Fuzz-style test of the compiler: mutated versions of the conformance programs (deleted,
//! duplicated and swapped lines and characters, from a seeded generator) that still parse must
//! compile or be rejected with a SyntaxError — never panic.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;
use std::rc::Rc;

use tulip::compile::code::SourceFile;
use tulip::compile::{compile_module, Mode};

/// xorshift64*: deterministic, dependency-free.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545F4914F6CDD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

fn mutate(src: &str, rng: &mut Rng) -> String {
    let mut lines: Vec<String> = src.lines().map(str::to_string).collect();
    for _ in 0..1 + rng.below(3) {
        if lines.is_empty() {
            break;
        }
        let i = rng.below(lines.len());
        match rng.below(5) {
            0 => {
                lines.remove(i);
            }
            1 => {
                let l = lines[i].clone();
                lines.insert(rng.below(lines.len()), l);
            }
            2 => {
                let j = rng.below(lines.len());
                lines.swap(i, j);
            }
            3 => {
                let l = &mut lines[i];
                if !l.is_empty() {
                    let mut chars: Vec<char> = l.chars().collect();
                    chars.remove(rng.below(chars.len()));
                    *l = chars.into_iter().collect();
                }
            }
            _ => {
                let l = &mut lines[i];
                let tokens = [
                    "await ",
                    "yield ",
                    "return ",
                    "break",
                    "nonlocal x",
                    "global y",
                    "*",
                    "async ",
                    "lambda: ",
                    ":=",
                    "del x",
                ];
                let t = tokens[rng.below(tokens.len())];
                let pos = rng.below(l.len() + 1);
                if l.is_char_boundary(pos) {
                    l.insert_str(pos, t);
                }
            }
        }
    }
    lines.join("\n") + "\n"
}

#[test]
fn mutated_programs_never_panic_the_compiler() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/conformance");
    let mut sources = Vec::new();
    for suite in ["core", "asyncio"] {
        let Ok(dir) = std::fs::read_dir(root.join(suite)) else {
            continue;
        };
        let mut files: Vec<_> = dir.filter_map(|e| e.ok().map(|e| e.path())).collect();
        files.sort();
        for p in files {
            if p.extension().is_some_and(|e| e == "py") {
                if let Ok(s) = std::fs::read_to_string(&p) {
                    sources.push(s);
                }
            }
        }
    }
    assert!(!sources.is_empty(), "no conformance programs found");
    let mut rng = Rng(0x9E3779B97F4A7C15);
    let mut compiled = 0;
    for round in 0..4000 {
        let src = mutate(&sources[round % sources.len()], &mut rng);
        let Ok(ast) = tulip::syntax::parse_module(&src) else {
            continue;
        };
        let module = tulip::runtime::modules::new_module("__main__");
        let file = Rc::new(SourceFile::new("fuzz.py", src.clone()));
        let result = catch_unwind(AssertUnwindSafe(|| {
            compile_module(&ast, file, &module, Mode::File)
        }));
        match result {
            Ok(_) => compiled += 1,
            Err(_) => panic!("compiler panicked on:\n{src}"),
        }
    }
    assert!(compiled > 1000, "too few mutants parsed ({compiled})");
}
