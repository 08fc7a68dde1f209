//! The clock behind `time.time()`, `time.monotonic()`, `loop.time()` and `asyncio.sleep`: the
//! real clock, or a virtual one that only moves when the event loop jumps to the next timer or
//! the program calls `time.sleep` — so sleeps are instant and output is deterministic.

use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use crate::vm::ClockKind;

pub struct Clock {
    pub kind: ClockKind,
    start: Instant,
    /// Seconds since the epoch when the clock started (for `time.time()`).
    epoch_offset: f64,
    /// Virtual clock: seconds elapsed.
    virtual_now: f64,
}

impl Clock {
    pub fn new(kind: ClockKind) -> Clock {
        let epoch_offset = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_secs_f64())
            .unwrap_or(0.0);
        Clock {
            kind,
            start: Instant::now(),
            epoch_offset,
            virtual_now: 0.0,
        }
    }

    pub fn is_virtual(&self) -> bool {
        self.kind == ClockKind::Virtual
    }

    /// Monotonic seconds (the event loop's time base).
    pub fn now(&self) -> f64 {
        match self.kind {
            ClockKind::Real => self.start.elapsed().as_secs_f64(),
            ClockKind::Virtual => self.virtual_now,
        }
    }

    /// `time.time()`.
    pub fn wall(&self) -> f64 {
        self.epoch_offset + self.now()
    }

    /// Blocks (real) or advances (virtual) by `secs`.
    pub fn sleep(&mut self, secs: f64) {
        if secs <= 0.0 || !secs.is_finite() {
            return;
        }
        match self.kind {
            ClockKind::Real => std::thread::sleep(Duration::from_secs_f64(secs)),
            ClockKind::Virtual => self.virtual_now += secs,
        }
    }

    /// Moves the virtual clock forward to `t` (never backwards); the real clock sleeps until then.
    pub fn advance_to(&mut self, t: f64) {
        match self.kind {
            ClockKind::Virtual => {
                if t > self.virtual_now {
                    self.virtual_now = t;
                }
            }
            ClockKind::Real => {
                let now = self.now();
                if t > now {
                    std::thread::sleep(Duration::from_secs_f64(t - now));
                }
            }
        }
    }
}
