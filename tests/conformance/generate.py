#!/usr/bin/env python3
"""Regenerate the expected outputs of the conformance corpus with CPython 3.11.

Usage:  PYTHON=/path/to/python3.11 python3 tests/conformance/generate.py [FILE_OR_DIR ...]

For every NAME.py (default: all programs under tests/conformance/*/), runs
    $PYTHON -S NAME.py [ARGS]
with cwd = the program's directory, env PYTHONHASHSEED=0 and
PYTHONIOENCODING=utf-8, stdin from NAME.in (or /dev/null), a 60 s timeout, and
writes NAME.out (stdout, byte for byte) and, when the exit code is non-zero or
stderr is non-empty, NAME.err ("exit: N" / "stderr: <last non-empty line>").
ARGS come from an optional first line "# args: a b c".
"""
import concurrent.futures
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
PYTHON = os.environ.get("PYTHON", "python3")
TIMEOUT = 60
JOBS = int(os.environ.get("JOBS", "2"))


def child_env():
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env["PYTHONHASHSEED"] = "0"
    env["PYTHONIOENCODING"] = "utf-8"
    env.pop("TULIP_CLOCK", None)
    return env


def find_programs(targets):
    progs = []
    for t in targets:
        t = os.path.abspath(t)
        if os.path.isdir(t):
            for root, dirs, files in os.walk(t):
                dirs.sort()
                for f in files:
                    p = os.path.join(root, f)
                    if f.endswith(".py") and p != os.path.abspath(__file__):
                        progs.append(p)
        elif t.endswith(".py") and os.path.isfile(t):
            progs.append(t)
        else:
            sys.exit(f"generate.py: not a program or directory: {t}")
    return sorted(set(progs))


def extra_args(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        first = f.readline().strip()
    if first.startswith("# args:"):
        return first[len("# args:"):].split()
    return []


def last_nonempty_line(data):
    text = data.decode("utf-8", errors="replace")
    for line in reversed(text.splitlines()):
        if line.strip():
            return line.rstrip()
    return ""


def write_if_changed(path, data):
    try:
        with open(path, "rb") as f:
            if f.read() == data:
                return False
    except FileNotFoundError:
        pass
    with open(path, "wb") as f:
        f.write(data)
    return True


def run_one(path):
    d, name = os.path.split(path)
    stem = name[:-3]
    inp = os.path.join(d, stem + ".in")
    stdin = open(inp, "rb") if os.path.exists(inp) else subprocess.DEVNULL
    started = time.monotonic()
    try:
        proc = subprocess.run(
            [PYTHON, "-S", name] + extra_args(path),
            cwd=d, env=child_env(), stdin=stdin,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=TIMEOUT,
        )
    except subprocess.TimeoutExpired:
        return path, None, "timeout", TIMEOUT
    finally:
        if stdin is not subprocess.DEVNULL:
            stdin.close()
    duration = time.monotonic() - started
    changed = write_if_changed(os.path.join(d, stem + ".out"), proc.stdout)
    errp = os.path.join(d, stem + ".err")
    if proc.returncode != 0 or proc.stderr.strip():
        err = f"exit: {proc.returncode}\nstderr: {last_nonempty_line(proc.stderr)}\n"
        changed |= write_if_changed(errp, err.encode("utf-8"))
    elif os.path.exists(errp):
        os.remove(errp)
        changed = True
    return path, changed, None, duration


def main():
    ver = subprocess.run([PYTHON, "-S", "-c", "import sys; print(sys.version_info[:2])"],
                         capture_output=True, text=True, env=child_env())
    if ver.stdout.strip() != "(3, 11)":
        sys.exit(f"generate.py: {PYTHON} is not CPython 3.11 ({ver.stdout.strip() or ver.stderr.strip()}); "
                 "set PYTHON=/path/to/python3.11")
    targets = sys.argv[1:] or [os.path.join(HERE, d) for d in sorted(os.listdir(HERE))
                               if os.path.isdir(os.path.join(HERE, d))]
    progs = find_programs(targets)
    failed = 0
    changed = 0
    total = 0.0
    with concurrent.futures.ThreadPoolExecutor(JOBS) as ex:
        for path, ch, err, duration in ex.map(run_one, progs):
            total += duration
            rel = os.path.relpath(path, HERE)
            if err:
                failed += 1
                print(f"FAILED {rel}: {err}", file=sys.stderr)
            elif ch:
                changed += 1
                print(f"updated {rel}")
    print(f"{len(progs)} programs, {changed} updated, {failed} failed, {total:.1f} s of CPython time")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
