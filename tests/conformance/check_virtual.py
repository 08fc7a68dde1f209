#!/usr/bin/env python3
"""Check that asyncio programs print the same under a virtual clock as their expected files.

Usage:  PYTHON=/path/to/python3.11 python3 tests/conformance/check_virtual.py [FILE_OR_DIR ...]

Runs each program (default: tests/conformance/asyncio/) on CPython with an event loop whose
clock is virtual: when nothing is ready the loop jumps straight to the next timer, timers with
equal deadlines fire in creation order, and time.time()/monotonic()/perf_counter()/sleep()
follow the virtual clock (time.sleep advances it).  VIRTUAL_EPSILON=1e-6 also advances the
clock by that much per loop iteration.  This is the clock tulip's suite uses, so a
program whose output differs here depends on real-time jitter and must be fixed.  Compares
stdout, exit code and the last stderr line with NAME.out / NAME.err; writes nothing.
"""
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
PYTHON = os.environ.get("PYTHON", "python3")
# Virtual seconds added per loop iteration (0 = pure virtual clock).  A tiny value such as
# 1e-6 mimics the real clock, where a timer set later in a chain fires a little later.
EPSILON = os.environ.get("VIRTUAL_EPSILON", "0")

SHIM = r'''
import asyncio, asyncio.events, asyncio.base_events, heapq, itertools, runpy, sys, time

class _Clock:
    now = 0.0
clock = _Clock()
_seq = itertools.count()
class _SeqTimerHandle(asyncio.events.TimerHandle):
    __slots__ = ("_tulip_seq",)
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._tulip_seq = next(_seq)
    def _key(self):
        return (self._when, self._tulip_seq)
    def __lt__(self, other):
        return self._key() < other._key()
    def __le__(self, other):
        return self._key() <= other._key()
    def __gt__(self, other):
        return self._key() > other._key()
    def __ge__(self, other):
        return self._key() >= other._key()
    __hash__ = asyncio.events.TimerHandle.__hash__

asyncio.events.TimerHandle = _SeqTimerHandle

class _Selector:
    def __init__(self, real, loop):
        self.real, self.loop = real, loop
    def select(self, timeout=None):
        if timeout is None or timeout > 0:
            if self.loop._scheduled:
                clock.now = max(clock.now, self.loop._scheduled[0]._when)
            elif timeout is None:
                raise RuntimeError("virtual clock: loop would block forever")
        return []
    def __getattr__(self, name):
        return getattr(self.real, name)

EPSILON = float(sys.argv[1])

class VirtualLoop(asyncio.SelectorEventLoop):
    def __init__(self):
        super().__init__()
        self._selector = _Selector(self._selector, self)
        self._clock_resolution = 1e-9
    def time(self):
        return clock.now
    def _run_once(self):
        clock.now += EPSILON
        super()._run_once()

class Policy(asyncio.DefaultEventLoopPolicy):
    _loop_factory = VirtualLoop

asyncio.set_event_loop_policy(Policy())
time.time = lambda: 1_700_000_000.0 + clock.now
time.monotonic = lambda: 1000.0 + clock.now
time.perf_counter = lambda: 2000.0 + clock.now
def _sleep(s):
    clock.now += max(0.0, s)
time.sleep = _sleep
path = sys.argv[2]
sys.argv = sys.argv[2:]
runpy.run_path(path, run_name="__main__")
'''


def expected(path):
    stem = path[:-3]
    with open(stem + ".out", "rb") as f:
        out = f.read()
    err = None
    if os.path.exists(stem + ".err"):
        with open(stem + ".err", encoding="utf-8") as f:
            err = f.read()
    return out, err


def main():
    sys.path.insert(0, HERE)
    from generate import child_env, extra_args, find_programs, last_nonempty_line
    targets = sys.argv[1:] or [os.path.join(HERE, "asyncio")]
    bad = 0
    progs = find_programs(targets)
    for path in progs:
        d, name = os.path.split(path)
        inp = path[:-3] + ".in"
        stdin = open(inp, "rb") if os.path.exists(inp) else subprocess.DEVNULL
        proc = subprocess.run([PYTHON, "-S", "-c", SHIM, EPSILON, name] + extra_args(path), cwd=d, env=child_env(),
                              stdin=stdin, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=60)
        out, err = expected(path)
        got_err = None
        if proc.returncode != 0 or proc.stderr.strip():
            got_err = f"exit: {proc.returncode}\nstderr: {last_nonempty_line(proc.stderr)}\n"
        if proc.stdout != out or got_err != err:
            bad += 1
            print(f"DIFFERS {os.path.relpath(path, HERE)}")
            if proc.stdout != out:
                print("  stdout expected:", out.decode(errors="replace").splitlines()[:50])
                print("  stdout virtual: ", proc.stdout.decode(errors="replace").splitlines()[:50])
            if got_err != err:
                print("  err expected:", repr(err), "\n  err virtual: ", repr(got_err))
    print(f"{len(progs)} programs, {bad} differ under the virtual clock")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
