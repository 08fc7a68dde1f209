//! The loop's timer queue: a priority queue (greatest first, by `Ord`, like `BinaryHeap`) that
//! stays cache-friendly with a million pending timers, and warms what comes due next.
//!
//! A binary heap of a million timers is 20 levels deep, and each `pop` misses the cache at most
//! of the levels below the first few. Here the recent pushes sit in a small 4-ary heap
//! (`fresh`, which is all a program with few timers ever uses); when it is full it is sorted
//! into a run. Runs of similar size are merged, up to a cap, and a small heap over the runs'
//! greatest entries picks the next one (a k-way merge, as in Sanders' sequence heaps). A `pop`
//! then reads entries sequentially from the end of a run, and the entries right behind it are
//! the ones that come due next from that run.
//! The queue calls `Warm::warm` on them, deeper for those closer to the end, so that by the
//! time one comes due the objects its callback touches are in the cache, each loaded while the
//! loop ran earlier timers (every object of a task woken in random order is otherwise a
//! cache miss in turn).
//!
//! Entries compare as a total order (the loop's are unique: a deadline, then a sequence number
//! for equal deadlines), so the order of pops is the same as any other priority queue's, the
//! 4-ary heap this replaced included.

/// Entries at most in `fresh` (32 KiB of 32-byte timers, so it stays in the L1/L2 cache).
const FRESH_MAX: usize = 1024;

/// Entries at most in a run made by merging (2 MiB of timers).
const RUN_MAX: usize = 64 * FRESH_MAX;

/// Children per node of the two heaps.
const D: usize = 4;

/// How many entries behind the end of a run get warmed after a `pop` from it: the one `k`
/// places behind the new end is warmed to depth `WARM_AHEAD - 1 - k`.
const WARM_AHEAD: usize = 8;

/// What the queue calls on entries that come due soon: `depth` 0 asks to prefetch the object
/// the entry points to, 1 the object that one points to, and so on. The queue usually calls
/// the depths of an entry in increasing order, one `pop` of its run apart, so the objects above
/// `depth` are usually in the cache when an implementation reads them to find the one at
/// `depth` (it must follow real pointers: a merge or `retain` skips depths). It must not change
/// anything the program can observe. `Context` is whatever else it may look at.
pub trait Warm {
    type Context;
    fn warm(&self, depth: usize, cx: &Self::Context);
}

pub struct TimerQueue<T> {
    /// The latest pushes: a 4-ary heap, greatest first.
    fresh: Vec<T>,
    /// Older pushes in runs, oldest first, each sorted ascending (its greatest entry last) and
    /// none empty.
    runs: Vec<Vec<T>>,
    /// Indices of `runs`, as a 4-ary heap ordered by their last entry, greatest first.
    order: Vec<u32>,
    len: usize,
}

impl<T> Default for TimerQueue<T> {
    fn default() -> Self {
        TimerQueue {
            fresh: Vec::new(),
            runs: Vec::new(),
            order: Vec::new(),
            len: 0,
        }
    }
}

/// Asks the processor to start loading the cache line at `p` (a hint: it never faults).
#[inline(always)]
pub fn prefetch<T>(p: *const T) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: a prefetch changes nothing the program can observe and never faults, whatever
    // the address.
    unsafe {
        std::arch::x86_64::_mm_prefetch::<{ std::arch::x86_64::_MM_HINT_T0 }>(p as *const i8);
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = p;
}

impl<T: Ord + Warm> TimerQueue<T> {
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    pub fn peek(&self) -> Option<&T> {
        match (self.fresh.first(), self.best_run()) {
            (Some(f), Some(r)) => Some(if *f >= *r { f } else { r }),
            (f, r) => f.or(r),
        }
    }

    pub fn clear(&mut self) {
        *self = TimerQueue::default();
    }

    pub fn push(&mut self, item: T) {
        self.len += 1;
        self.fresh.push(item);
        sift_up_last(&mut self.fresh, |a, b| a > b);
        if self.fresh.len() >= FRESH_MAX {
            let mut run = std::mem::take(&mut self.fresh);
            run.sort_unstable();
            self.add_run(run);
        }
    }

    /// The greatest entry; `cx` is handed to `Warm::warm`.
    pub fn pop(&mut self, cx: &T::Context) -> Option<T> {
        let from_fresh = match (self.fresh.first(), self.best_run()) {
            (Some(f), Some(r)) => *f >= *r,
            (Some(_), None) => true,
            (None, Some(_)) => false,
            (None, None) => return None,
        };
        self.len -= 1;
        if from_fresh {
            let last = self.fresh.pop()?;
            if self.fresh.is_empty() {
                return Some(last);
            }
            let top = std::mem::replace(&mut self.fresh[0], last);
            sift_down(&mut self.fresh, 0, |a, b| a > b);
            return Some(top);
        }
        let at = self.order[0] as usize;
        let run = &mut self.runs[at];
        let top = run.pop();
        if run.is_empty() {
            self.runs.remove(at);
            self.reorder();
            return top;
        }
        if run.len() * 4 < run.capacity() && run.capacity() > 64 {
            run.shrink_to(run.len() * 2);
        }
        for (k, entry) in run.iter().rev().take(WARM_AHEAD).enumerate() {
            entry.warm(WARM_AHEAD - 1 - k, cx);
        }
        let runs = &self.runs;
        sift_down(&mut self.order, 0, |a, b| ends_greater(runs, *a, *b));
        top
    }

    /// Keeps the entries for which `keep` is true.
    pub fn retain(&mut self, mut keep: impl FnMut(&T) -> bool) {
        self.fresh.retain(&mut keep);
        for i in (0..self.fresh.len() / D + 1).rev() {
            sift_down(&mut self.fresh, i, |a, b| a > b);
        }
        for run in &mut self.runs {
            run.retain(&mut keep);
            run.shrink_to_fit();
        }
        self.runs.retain(|run| !run.is_empty());
        self.len = self.fresh.len() + self.runs.iter().map(Vec::len).sum::<usize>();
        self.reorder();
    }

    fn best_run(&self) -> Option<&T> {
        let slot = *self.order.first()? as usize;
        self.runs[slot].last()
    }

    /// Adds a sorted, non-empty run (its entries already counted in `len`), merging it into
    /// the runs before it while they are at most twice its size (and the result at most
    /// `RUN_MAX`): there are then about log(RUN_MAX / FRESH_MAX) + len / RUN_MAX runs, so each
    /// gets a `pop` often enough that what `warm` loaded is still in the cache when it is
    /// used, and a merge never copies more than `RUN_MAX` entries.
    fn add_run(&mut self, mut run: Vec<T>) {
        while let Some(prev) = self.runs.last() {
            if prev.len() > 2 * run.len() || prev.len() + run.len() > RUN_MAX {
                break;
            }
            let prev = self.runs.pop().expect("just seen");
            run = merge(prev, run);
        }
        self.runs.push(run);
        self.reorder();
    }

    /// Rebuilds the heap of runs (after runs were added, merged or removed: once per
    /// `FRESH_MAX` pushes at most, or per run drained).
    fn reorder(&mut self) {
        self.order.clear();
        self.order.extend(0..self.runs.len() as u32);
        let runs = &self.runs;
        for i in (0..self.order.len() / D + 1).rev() {
            sift_down(&mut self.order, i, |a, b| ends_greater(runs, *a, *b));
        }
    }
}

/// Two ascending runs as one.
fn merge<T: Ord>(a: Vec<T>, b: Vec<T>) -> Vec<T> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut a, mut b) = (a.into_iter().peekable(), b.into_iter().peekable());
    loop {
        let take_a = match (a.peek(), b.peek()) {
            (Some(x), Some(y)) => x <= y,
            (Some(_), None) => true,
            (None, Some(_)) => false,
            (None, None) => return out,
        };
        out.extend(if take_a { a.next() } else { b.next() });
    }
}

/// Does run `a` end with a greater entry than run `b`? (Both are non-empty.)
fn ends_greater<T: Ord>(runs: &[Vec<T>], a: u32, b: u32) -> bool {
    runs[a as usize].last() > runs[b as usize].last()
}

/// Moves the last item up while it is greater than its parent (`greater(a, b)`: a above b).
fn sift_up_last<E>(items: &mut [E], greater: impl Fn(&E, &E) -> bool) {
    let Some(mut i) = items.len().checked_sub(1) else {
        return;
    };
    while i > 0 {
        let parent = (i - 1) / D;
        if !greater(&items[i], &items[parent]) {
            break;
        }
        items.swap(i, parent);
        i = parent;
    }
}

/// Moves `items[i]` down while a child is greater.
fn sift_down<E>(items: &mut [E], mut i: usize, greater: impl Fn(&E, &E) -> bool) {
    let len = items.len();
    loop {
        let first = i * D + 1;
        if first >= len {
            break;
        }
        let mut best = first;
        for c in first + 1..(first + D).min(len) {
            if greater(&items[c], &items[best]) {
                best = c;
            }
        }
        if !greater(&items[best], &items[i]) {
            break;
        }
        items.swap(i, best);
        i = best;
    }
}

#[cfg(test)]
mod tests {
    use super::{TimerQueue, Warm, FRESH_MAX};
    use std::cell::Cell;

    thread_local! {
        static WARMED: Cell<usize> = const { Cell::new(0) };
    }

    impl Warm for u64 {
        type Context = ();
        fn warm(&self, _depth: usize, _cx: &()) {
            WARMED.with(|w| w.set(w.get() + 1));
        }
    }

    /// Pushes, pops and retains against a sorted vector, through phases that keep everything
    /// in `fresh`, that make hundreds of runs, and that drain them.
    #[test]
    fn pops_greatest_first_through_pushes_pops_and_retain() {
        let mut queue = TimerQueue::default();
        let mut model: Vec<u64> = Vec::new();
        let mut x: u64 = 12345;
        let phases = [
            (200, 2),
            (30 * FRESH_MAX, 7),
            (5000, 3),
            (40 * FRESH_MAX, 2),
            (300, 1),
        ];
        for (phase, &(rounds, pop_every)) in phases.iter().enumerate() {
            for round in 0..rounds {
                x = x
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                let v = (x >> 33) % 100_000;
                if round % pop_every == pop_every - 1 || (phase == 3 && round % 5 == 0) {
                    let popped = queue.pop(&());
                    model.sort_unstable();
                    assert_eq!(popped, model.pop());
                } else {
                    queue.push(v);
                    model.push(v);
                }
                if round % 4999 == 4998 {
                    queue.retain(|v| v % 7 != 0);
                    model.retain(|v| v % 7 != 0);
                }
                assert_eq!(queue.len(), model.len());
                assert_eq!(queue.peek().copied(), model.iter().copied().max());
            }
        }
        model.sort_unstable();
        while let Some(v) = queue.pop(&()) {
            assert_eq!(Some(v), model.pop());
        }
        assert!(queue.is_empty() && model.is_empty());
        assert!(WARMED.with(Cell::get) > 0, "runs were made and drained");
        queue.push(3);
        queue.clear();
        assert_eq!((queue.len(), queue.pop(&())), (0, None));
    }
}
