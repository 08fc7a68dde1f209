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
            ClockKind::Real => {
                // (`time.sleep` refuses what does not fit in nanoseconds as an i64.)
                std::thread::sleep(Duration::try_from_secs_f64(secs).unwrap_or(Duration::MAX))
            }
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
                if let Some(wait) = wait_until(t, self.now()) {
                    std::thread::sleep(wait);
                }
            }
        }
    }
}

/// The longest the loop waits at once, as CPython's `MAXIMUM_SELECT_TIMEOUT` (a day): a timer
/// further away (even at infinity) is waited for a day at a time, and the loop looks again.
const LONGEST_WAIT: f64 = 24.0 * 3600.0;

/// How long to sleep now to reach `t` (None: already there, or `t` is NaN).
pub fn wait_until(t: f64, now: f64) -> Option<Duration> {
    let secs = t - now;
    (secs > 0.0).then(|| Duration::from_secs_f64(secs.min(LONGEST_WAIT)))
}

#[cfg(test)]
mod tests {
    use super::wait_until;
    use std::time::Duration;

    #[test]
    fn waits_at_most_a_day_and_never_for_nan_or_the_past() {
        assert_eq!(wait_until(10.5, 10.0), Some(Duration::from_millis(500)));
        assert_eq!(
            wait_until(f64::INFINITY, 1.0),
            Some(Duration::from_secs(86_400))
        );
        assert_eq!(wait_until(1e20, 1.0), Some(Duration::from_secs(86_400)));
        assert_eq!(wait_until(f64::NAN, 1.0), None);
        assert_eq!(wait_until(1.0, 2.0), None);
        assert_eq!(wait_until(f64::NEG_INFINITY, 2.0), None);
    }
}
