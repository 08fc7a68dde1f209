//! The loop's timer queue: a 4-ary heap (greatest first, by `Ord`, like `BinaryHeap`).
//!
//! With a million pending timers a binary heap is 20 levels deep and every `pop` misses the
//! cache at most of them; four children per node halve the depth and keep siblings on one or
//! two cache lines. (CPython's `heapq` is binary, over pointers to handle objects.)

/// Children per node.
const D: usize = 4;

pub struct TimerHeap<T> {
    items: Vec<T>,
}

impl<T> Default for TimerHeap<T> {
    fn default() -> Self {
        TimerHeap { items: Vec::new() }
    }
}

impl<T: Ord> TimerHeap<T> {
    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub fn peek(&self) -> Option<&T> {
        self.items.first()
    }

    pub fn clear(&mut self) {
        self.items.clear();
    }

    pub fn push(&mut self, item: T) {
        self.items.push(item);
        self.sift_up(self.items.len() - 1);
    }

    pub fn pop(&mut self) -> Option<T> {
        let last = self.items.pop()?;
        if self.items.is_empty() {
            return Some(last);
        }
        let top = std::mem::replace(&mut self.items[0], last);
        self.sift_down(0);
        Some(top)
    }

    /// Keeps the items for which `keep` is true (and restores the heap order).
    pub fn retain(&mut self, keep: impl FnMut(&T) -> bool) {
        self.items.retain(keep);
        for i in (0..self.items.len() / D + 1).rev() {
            self.sift_down(i);
        }
    }

    fn sift_up(&mut self, mut i: usize) {
        while i > 0 {
            let parent = (i - 1) / D;
            if self.items[i] <= self.items[parent] {
                break;
            }
            self.items.swap(i, parent);
            i = parent;
        }
    }

    fn sift_down(&mut self, mut i: usize) {
        let len = self.items.len();
        loop {
            let first = i * D + 1;
            if first >= len {
                break;
            }
            let mut best = first;
            for c in first + 1..(first + D).min(len) {
                if self.items[c] > self.items[best] {
                    best = c;
                }
            }
            if self.items[best] <= self.items[i] {
                break;
            }
            self.items.swap(i, best);
            i = best;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::TimerHeap;

    #[test]
    fn pops_greatest_first_through_pushes_pops_and_retain() {
        let mut heap = TimerHeap::default();
        let mut model: Vec<u64> = Vec::new();
        let mut x: u64 = 12345;
        for round in 0..5000 {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let v = (x >> 33) % 1000;
            if round % 3 == 2 {
                let popped = heap.pop();
                model.sort_unstable();
                assert_eq!(popped, model.pop());
            } else {
                heap.push(v);
                model.push(v);
            }
            if round % 1000 == 999 {
                heap.retain(|v| v % 7 != 0);
                model.retain(|v| v % 7 != 0);
            }
            assert_eq!(heap.len(), model.len());
            assert_eq!(heap.peek().copied(), model.iter().copied().max());
        }
        model.sort_unstable();
        while let Some(v) = heap.pop() {
            assert_eq!(Some(v), model.pop());
        }
        assert!(heap.is_empty() && model.is_empty());
    }
}
