//! CPython 3.11's `list.sort` (`Objects/listobject.c`): timsort with binary insertion for
//! short runs, galloping merges and the powersort merge order. It is ported step by step
//! because the exact sequence of `<` comparisons is observable (a user `__lt__` that prints or
//! raises, inconsistent orderings), and when a comparison raises, the list is left in the same
//! partially sorted state as CPython's.
//!
//! Items are `(key, value)` pairs; only keys are compared.

use crate::compile::code::CompareKind;
use crate::vm::value::Value;
use crate::vm::{PyResult, Vm};

type Item = (Value, Value);

const MIN_GALLOP: usize = 7;

/// `a < b` with Python semantics.
fn lt(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<bool> {
    if let Some(r) = crate::vm::ops::fast_compare(CompareKind::Lt, a, b) {
        return Ok(r);
    }
    if let (Value::Tuple(x), Value::Tuple(y)) = (a, b) {
        if let Some(r) = tuple_lt(x, y) {
            return Ok(r);
        }
    }
    let r = vm.compare(CompareKind::Lt, a, b)?;
    match r {
        Value::Bool(b) => Ok(b.get()),
        other => vm.truthy(&other),
    }
}

/// `a < b` for tuples (sort keys like `(-count, word)`) when no element comparison can run
/// Python code: as CPython, the first items that are not equal decide, else the lengths.
/// `None` sends the caller to the general comparison, which redoes this work with no side
/// effects lost.
fn tuple_lt(x: &[Value], y: &[Value]) -> Option<bool> {
    for (p, q) in x.iter().zip(y.iter()) {
        if p.is(q) {
            continue;
        }
        if !crate::runtime::dict::fast_eq(p, q)? {
            return match (p, q) {
                (Value::Tuple(p), Value::Tuple(q)) => tuple_lt(p, q),
                _ => crate::vm::ops::fast_compare(CompareKind::Lt, p, q),
            };
        }
    }
    Some(x.len() < y.len())
}

struct Run {
    base: usize,
    len: usize,
    power: u32,
}

struct MergeState<'v> {
    vm: &'v mut Vm,
    min_gallop: usize,
    pending: Vec<Run>,
    tmp: Vec<Item>,
    listlen: usize,
}

/// Sorts `items` in place (stable, by key). On error the items are left as CPython leaves them.
pub fn sort(vm: &mut Vm, items: &mut [Item]) -> PyResult<()> {
    let n = items.len();
    if n < 2 {
        return Ok(());
    }
    let mut ms = MergeState {
        vm,
        min_gallop: MIN_GALLOP,
        pending: Vec::new(),
        tmp: Vec::new(),
        listlen: n,
    };
    let minrun = compute_minrun(n);
    let mut lo = 0;
    let mut nremaining = n;
    while nremaining > 0 {
        let (mut run, descending) = count_run(&mut ms, items, lo, lo + nremaining)?;
        if descending {
            items[lo..lo + run].reverse();
        }
        if run < minrun {
            let force = nremaining.min(minrun);
            binarysort(&mut ms, items, lo, lo + force, lo + run)?;
            run = force;
        }
        found_new_run(&mut ms, items, run)?;
        ms.pending.push(Run {
            base: lo,
            len: run,
            power: 0,
        });
        lo += run;
        nremaining -= run;
    }
    merge_force_collapse(&mut ms, items)
}

fn compute_minrun(mut n: usize) -> usize {
    let mut r = 0;
    while n >= 64 {
        r |= n & 1;
        n >>= 1;
    }
    n + r
}

/// The length of the run starting at `lo` (before `hi`) and whether it is strictly descending.
fn count_run(ms: &mut MergeState, a: &[Item], lo: usize, hi: usize) -> PyResult<(usize, bool)> {
    let mut p = lo + 1;
    if p == hi {
        return Ok((1, false));
    }
    let mut n = 2;
    if lt(ms.vm, &a[p].0, &a[p - 1].0)? {
        p += 1;
        while p < hi {
            if !lt(ms.vm, &a[p].0, &a[p - 1].0)? {
                break;
            }
            p += 1;
            n += 1;
        }
        Ok((n, true))
    } else {
        p += 1;
        while p < hi {
            if lt(ms.vm, &a[p].0, &a[p - 1].0)? {
                break;
            }
            p += 1;
            n += 1;
        }
        Ok((n, false))
    }
}

/// Binary insertion sort of `a[lo..hi]`, whose prefix `a[lo..start]` is already sorted.
fn binarysort(
    ms: &mut MergeState,
    a: &mut [Item],
    lo: usize,
    hi: usize,
    mut start: usize,
) -> PyResult<()> {
    if lo == start {
        start += 1;
    }
    while start < hi {
        let pivot = a[start].0.clone();
        let (mut l, mut r) = (lo, start);
        loop {
            let p = l + ((r - l) >> 1);
            if lt(ms.vm, &pivot, &a[p].0)? {
                r = p;
            } else {
                l = p + 1;
            }
            if l >= r {
                break;
            }
        }
        a[l..=start].rotate_right(1);
        start += 1;
    }
    Ok(())
}

/// Powersort's "power" of the run boundary between runs `[s1, s1+n1)` and `[s1+n1, +n2)`.
fn powerloop(s1: usize, n1: usize, n2: usize, n: usize) -> u32 {
    let mut result = 0;
    let mut a = 2 * s1 + n1;
    let mut b = a + n1 + n2;
    loop {
        result += 1;
        if a >= n {
            a -= n;
            b -= n;
        } else if b >= n {
            break;
        }
        a <<= 1;
        b <<= 1;
    }
    result
}

fn found_new_run(ms: &mut MergeState, a: &mut [Item], n2: usize) -> PyResult<()> {
    if let Some(top) = ms.pending.last() {
        let power = powerloop(top.base, top.len, n2, ms.listlen);
        while ms.pending.len() > 1 && ms.pending[ms.pending.len() - 2].power > power {
            let i = ms.pending.len() - 2;
            merge_at(ms, a, i)?;
        }
        if let Some(top) = ms.pending.last_mut() {
            top.power = power;
        }
    }
    Ok(())
}

fn merge_force_collapse(ms: &mut MergeState, a: &mut [Item]) -> PyResult<()> {
    while ms.pending.len() > 1 {
        let mut n = ms.pending.len() - 2;
        if n > 0 && ms.pending[n - 1].len < ms.pending[n + 1].len {
            n -= 1;
        }
        merge_at(ms, a, n)?;
    }
    Ok(())
}

/// Merges pending runs `i` and `i + 1`.
fn merge_at(ms: &mut MergeState, a: &mut [Item], i: usize) -> PyResult<()> {
    let (mut base_a, mut na) = (ms.pending[i].base, ms.pending[i].len);
    let (base_b, nb) = (ms.pending[i + 1].base, ms.pending[i + 1].len);
    ms.pending[i].len = na + nb;
    ms.pending.remove(i + 1);

    // Where does b start in a? Elements of a before that are already in place.
    let key = a[base_b].0.clone();
    let k = gallop_right(ms.vm, &key, &a[base_a..base_a + na], 0)?;
    base_a += k;
    na -= k;
    if na == 0 {
        return Ok(());
    }
    // Where does a end in b? Elements of b after that are already in place.
    let key = a[base_a + na - 1].0.clone();
    let nb = gallop_left(ms.vm, &key, &a[base_b..base_b + nb], nb - 1)?;
    if nb == 0 {
        return Ok(());
    }
    if na <= nb {
        merge_lo(ms, a, base_a, na, base_b, nb)
    } else {
        merge_hi(ms, a, base_a, na, base_b, nb)
    }
}

/// The leftmost position in sorted `run` where `key` belongs (`run[k-1] < key <= run[k]`),
/// searched by galloping from `hint`.
fn gallop_left(vm: &mut Vm, key: &Value, run: &[Item], hint: usize) -> PyResult<usize> {
    let n = run.len();
    let mut lastofs: isize;
    let mut ofs: isize;
    if lt(vm, &run[hint].0, key)? {
        // Gallop right until run[hint+lastofs] < key <= run[hint+ofs].
        let maxofs = (n - hint) as isize;
        lastofs = 0;
        ofs = 1;
        while ofs < maxofs {
            if lt(vm, &run[hint + ofs as usize].0, key)? {
                lastofs = ofs;
                ofs = (ofs << 1) + 1;
            } else {
                break;
            }
        }
        if ofs > maxofs {
            ofs = maxofs;
        }
        lastofs += hint as isize;
        ofs += hint as isize;
    } else {
        // Gallop left until run[hint-ofs] < key <= run[hint-lastofs].
        let maxofs = (hint + 1) as isize;
        lastofs = 0;
        ofs = 1;
        while ofs < maxofs {
            if lt(vm, &run[hint - ofs as usize].0, key)? {
                break;
            }
            lastofs = ofs;
            ofs = (ofs << 1) + 1;
        }
        if ofs > maxofs {
            ofs = maxofs;
        }
        let k = lastofs;
        lastofs = hint as isize - ofs;
        ofs = hint as isize - k;
    }
    lastofs += 1;
    while lastofs < ofs {
        let m = lastofs + ((ofs - lastofs) >> 1);
        if lt(vm, &run[m as usize].0, key)? {
            lastofs = m + 1;
        } else {
            ofs = m;
        }
    }
    Ok(ofs as usize)
}

/// The rightmost position in sorted `run` where `key` belongs (`run[k-1] <= key < run[k]`).
fn gallop_right(vm: &mut Vm, key: &Value, run: &[Item], hint: usize) -> PyResult<usize> {
    let n = run.len();
    let mut lastofs: isize;
    let mut ofs: isize;
    if lt(vm, key, &run[hint].0)? {
        // Gallop left until run[hint-ofs] <= key < run[hint-lastofs].
        let maxofs = (hint + 1) as isize;
        lastofs = 0;
        ofs = 1;
        while ofs < maxofs {
            if lt(vm, key, &run[hint - ofs as usize].0)? {
                lastofs = ofs;
                ofs = (ofs << 1) + 1;
            } else {
                break;
            }
        }
        if ofs > maxofs {
            ofs = maxofs;
        }
        let k = lastofs;
        lastofs = hint as isize - ofs;
        ofs = hint as isize - k;
    } else {
        // Gallop right until run[hint+lastofs] <= key < run[hint+ofs].
        let maxofs = (n - hint) as isize;
        lastofs = 0;
        ofs = 1;
        while ofs < maxofs {
            if lt(vm, key, &run[hint + ofs as usize].0)? {
                break;
            }
            lastofs = ofs;
            ofs = (ofs << 1) + 1;
        }
        if ofs > maxofs {
            ofs = maxofs;
        }
        lastofs += hint as isize;
        ofs += hint as isize;
    }
    lastofs += 1;
    while lastofs < ofs {
        let m = lastofs + ((ofs - lastofs) >> 1);
        if lt(vm, key, &run[m as usize].0)? {
            ofs = m;
        } else {
            lastofs = m + 1;
        }
    }
    Ok(ofs as usize)
}

/// Merges `a[pa..pa+na]` and the run right after it, `na <= nb`, through a copy of the first.
fn merge_lo(
    ms: &mut MergeState,
    a: &mut [Item],
    pa0: usize,
    na: usize,
    pb0: usize,
    nb: usize,
) -> PyResult<()> {
    let mut tmp = std::mem::take(&mut ms.tmp);
    tmp.clear();
    tmp.extend_from_slice(&a[pa0..pa0 + na]);
    let r = merge_lo_inner(ms, a, &tmp, pa0, na, pb0, nb);
    ms.tmp = tmp;
    r
}

fn merge_lo_inner(
    ms: &mut MergeState,
    a: &mut [Item],
    tmp: &[Item],
    dest0: usize,
    mut na: usize,
    pb0: usize,
    mut nb: usize,
) -> PyResult<()> {
    let mut dest = dest0;
    let mut pa = 0; // into tmp
    let mut pb = pb0; // into a
                      // Copies what is left of run a back into place; used on success and on failure.
    macro_rules! finish {
        ($result:expr) => {{
            if na > 0 {
                a[dest..dest + na].clone_from_slice(&tmp[pa..pa + na]);
            }
            return $result;
        }};
    }
    macro_rules! copy_b {
        () => {{
            // na == 1: the last element of a belongs after what remains of b.
            for i in 0..nb {
                a[dest + i] = a[pb + i].clone();
            }
            a[dest + nb] = tmp[pa].clone();
            return Ok(());
        }};
    }
    a[dest] = a[pb].clone();
    dest += 1;
    pb += 1;
    nb -= 1;
    if nb == 0 {
        finish!(Ok(()));
    }
    if na == 1 {
        copy_b!();
    }
    let mut min_gallop = ms.min_gallop;
    loop {
        let mut acount = 0;
        let mut bcount = 0;
        loop {
            let b_first = match lt(ms.vm, &a[pb].0, &tmp[pa].0) {
                Ok(r) => r,
                Err(e) => finish!(Err(e)),
            };
            if b_first {
                a[dest] = a[pb].clone();
                dest += 1;
                pb += 1;
                bcount += 1;
                acount = 0;
                nb -= 1;
                if nb == 0 {
                    finish!(Ok(()));
                }
                if bcount >= min_gallop {
                    break;
                }
            } else {
                a[dest] = tmp[pa].clone();
                dest += 1;
                pa += 1;
                acount += 1;
                bcount = 0;
                na -= 1;
                if na == 1 {
                    copy_b!();
                }
                if acount >= min_gallop {
                    break;
                }
            }
        }
        min_gallop += 1;
        loop {
            min_gallop -= (min_gallop > 1) as usize;
            ms.min_gallop = min_gallop;
            let key = a[pb].0.clone();
            let k = match gallop_right(ms.vm, &key, &tmp[pa..pa + na], 0) {
                Ok(k) => k,
                Err(e) => finish!(Err(e)),
            };
            acount = k;
            if k > 0 {
                a[dest..dest + k].clone_from_slice(&tmp[pa..pa + k]);
                dest += k;
                pa += k;
                na -= k;
                if na == 1 {
                    copy_b!();
                }
                if na == 0 {
                    finish!(Ok(()));
                }
            }
            a[dest] = a[pb].clone();
            dest += 1;
            pb += 1;
            nb -= 1;
            if nb == 0 {
                finish!(Ok(()));
            }
            let key = tmp[pa].0.clone();
            let k = match gallop_left(ms.vm, &key, &a[pb..pb + nb], 0) {
                Ok(k) => k,
                Err(e) => finish!(Err(e)),
            };
            bcount = k;
            if k > 0 {
                for i in 0..k {
                    a[dest + i] = a[pb + i].clone();
                }
                dest += k;
                pb += k;
                nb -= k;
                if nb == 0 {
                    finish!(Ok(()));
                }
            }
            a[dest] = tmp[pa].clone();
            dest += 1;
            pa += 1;
            na -= 1;
            if na == 1 {
                copy_b!();
            }
            if acount < MIN_GALLOP && bcount < MIN_GALLOP {
                break;
            }
        }
        min_gallop += 1;
        ms.min_gallop = min_gallop;
    }
}

/// Merges `a[pa..pa+na]` and the run right after it, `na > nb`, from the right, through a
/// copy of the second.
fn merge_hi(
    ms: &mut MergeState,
    a: &mut [Item],
    pa0: usize,
    na: usize,
    pb0: usize,
    nb: usize,
) -> PyResult<()> {
    let mut tmp = std::mem::take(&mut ms.tmp);
    tmp.clear();
    tmp.extend_from_slice(&a[pb0..pb0 + nb]);
    let r = merge_hi_inner(ms, a, &tmp, pa0, na, pb0, nb);
    ms.tmp = tmp;
    r
}

fn merge_hi_inner(
    ms: &mut MergeState,
    a: &mut [Item],
    tmp: &[Item],
    base_a: usize,
    mut na: usize,
    pb0: usize,
    mut nb: usize,
) -> PyResult<()> {
    // Positions are of the *last* element of each part; `dest` is the next slot to fill,
    // moving left.
    let mut dest = pb0 + nb - 1;
    let mut pa = base_a + na - 1; // into a
    let mut pb = nb - 1; // into tmp
    macro_rules! finish {
        ($result:expr) => {{
            if nb > 0 {
                // Copy what is left of run b (tmp[0..nb]) to a[dest-(nb-1)..=dest].
                let start = dest + 1 - nb;
                a[start..=dest].clone_from_slice(&tmp[..nb]);
            }
            return $result;
        }};
    }
    macro_rules! copy_a {
        () => {{
            // nb == 1: the first element of b belongs before what remains of a.
            for i in (0..na).rev() {
                a[dest - na + 1 + i] = a[pa - na + 1 + i].clone();
            }
            dest = dest.wrapping_sub(na);
            a[dest] = tmp[pb].clone();
            return Ok(());
        }};
    }
    a[dest] = a[pa].clone();
    dest = dest.wrapping_sub(1);
    na -= 1;
    if na == 0 {
        finish!(Ok(()));
    }
    pa -= 1;
    if nb == 1 {
        copy_a!();
    }
    let mut min_gallop = ms.min_gallop;
    loop {
        let mut acount = 0;
        let mut bcount = 0;
        loop {
            let b_smaller = match lt(ms.vm, &tmp[pb].0, &a[pa].0) {
                Ok(r) => r,
                Err(e) => finish!(Err(e)),
            };
            if b_smaller {
                a[dest] = a[pa].clone();
                dest = dest.wrapping_sub(1);
                acount += 1;
                bcount = 0;
                na -= 1;
                if na == 0 {
                    finish!(Ok(()));
                }
                pa -= 1;
                if acount >= min_gallop {
                    break;
                }
            } else {
                a[dest] = tmp[pb].clone();
                dest = dest.wrapping_sub(1);
                bcount += 1;
                acount = 0;
                nb -= 1;
                if nb == 1 {
                    pb -= 1;
                    copy_a!();
                }
                pb -= 1;
                if bcount >= min_gallop {
                    break;
                }
            }
        }
        min_gallop += 1;
        loop {
            min_gallop -= (min_gallop > 1) as usize;
            ms.min_gallop = min_gallop;
            let key = tmp[pb].0.clone();
            let k = match gallop_right(ms.vm, &key, &a[base_a..base_a + na], na - 1) {
                Ok(k) => na - k,
                Err(e) => finish!(Err(e)),
            };
            acount = k;
            if k > 0 {
                // Move a[pa-k+1..=pa] to a[dest-k+1..=dest], from the right.
                for i in 0..k {
                    a[dest - i] = a[pa - i].clone();
                }
                dest = dest.wrapping_sub(k);
                na -= k;
                if na == 0 {
                    finish!(Ok(()));
                }
                pa -= k;
            }
            a[dest] = tmp[pb].clone();
            dest = dest.wrapping_sub(1);
            nb -= 1;
            if nb == 1 {
                pb -= 1;
                copy_a!();
            }
            pb -= 1;
            let key = a[pa].0.clone();
            let k = match gallop_left(ms.vm, &key, &tmp[..nb], nb - 1) {
                Ok(k) => nb - k,
                Err(e) => finish!(Err(e)),
            };
            bcount = k;
            if k > 0 {
                for i in 0..k {
                    a[dest - i] = tmp[pb - i].clone();
                }
                dest = dest.wrapping_sub(k);
                nb -= k;
                if nb == 1 {
                    pb -= k;
                    copy_a!();
                }
                if nb == 0 {
                    finish!(Ok(()));
                }
                pb -= k;
            }
            a[dest] = a[pa].clone();
            dest = dest.wrapping_sub(1);
            na -= 1;
            if na == 0 {
                finish!(Ok(()));
            }
            pa -= 1;
            if acount < MIN_GALLOP && bcount < MIN_GALLOP {
                break;
            }
        }
        min_gallop += 1;
        ms.min_gallop = min_gallop;
    }
}
