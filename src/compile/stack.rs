//! Stack-depth analysis: walks every path through a unit's instructions (including the edges
//! into exception handlers) to find the value-stack depth at each instruction, which gives the
//! frame's stack size and each handler's depth.

use super::code::Instr;

/// The stack effect of `instr`, on the fall-through path and (if it jumps) on the jump.
pub fn stack_effect(instr: &Instr) -> (i32, Option<i32>) {
    use Instr::*;
    let n = |x: u32| x as i32;
    match *instr {
        Nop | Swap(_) | Unary(_) | ListToTuple | GetIter | GetAIter | GetAwaitable
        | GetYieldFromIter | YieldValue | CheckExcMatch | CheckEgMatch | ToBool | LoadAttr(_) => {
            (0, None)
        }
        Pop | StoreFast(_) | StoreDeref(_) | StoreGlobal(_) | StoreName(_) | DeleteAttr(_)
        | BinaryOp(_) | BinaryReturn(_) | InplaceOp(_) | Compare(_) | IsOp(_) | ContainsOp(_)
        | BinarySubscr | ListAppend(_) | SetAdd(_) | ListExtend(_) | SetUpdate(_)
        | DictUpdate(_) | DictMerge(_) | Send | PopExcept | PrepReraiseStar | ImportStar
        | PopAnnotation | PrintExpr => (-1, None),
        Copy(_)
        | BuildConstSet(_)
        | LoadConst(_)
        | LoadConstCompareJump { .. }
        | LoadFast(_)
        | LoadFastConstBinary { .. }
        | LoadFastFastBinary { .. }
        | LoadFastConstCompareJump { .. }
        | LoadFastFastCompareJump { .. }
        | LoadFastReturn(_)
        | LoadClosure(_)
        | LoadDeref(_)
        | LoadClassDeref(_)
        | LoadGlobal(_)
        | LoadName(_)
        | LoadMethod(_)
        | GetANext
        | PushExcInfo
        | WithExceptStart
        | BeforeWith
        | BeforeAsyncWith
        | LoadAssertionError
        | ImportName(_)
        | ImportFrom(_)
        | LoadBuildClass
        | LoadFastAttr(..) => (1, None),
        LoadFastMethod(..) => (2, None),
        LoadSuperMethod(_) => (1, None),
        DeleteFast(_) | DeleteDeref(_) | DeleteGlobal(_) | DeleteName(_) => (0, None),
        StoreAttr(_) | DeleteSubscr | MapAdd(_) => (-2, None),
        StoreSubscr => (-3, None),
        BuildSlice(k) => (1 - n(k), None),
        BuildTuple(k) | BuildList(k) | BuildSet(k) | BuildString(k) => (1 - n(k), None),
        BuildMap(k) => (1 - 2 * n(k), None),
        FormatValue(_, spec) => (if spec { -1 } else { 0 }, None),
        UnpackSequence(k) => (n(k) - 1, None),
        UnpackEx(k) => (n(k >> 8) + n(k & 0xff), None),
        Jump(_) => (0, Some(0)),
        PopJumpIfFalse(_) | PopJumpIfTrue(_) | PopJumpIfNone(_) | PopJumpIfNotNone(_) => {
            (-1, Some(-1))
        }
        JumpIfFalseOrPop(_) | JumpIfTrueOrPop(_) => (-1, Some(0)),
        ForIter(_) => (1, Some(-1)),
        EndAsyncFor => (-2, None),
        Call(k) => (-n(k), None),
        CallMethod(k) => (-n(k) - 1, None),
        // The shape's argc is not visible here; `compute_stack_depths` is told by the caller.
        CallKw(_) => (0, None),
        CallEx(kw) => (if kw { -2 } else { -1 }, None),
        MakeFunction(flags) => (-(flags.count_ones() as i32), None),
        ReturnValue => (-1, None),
        Raise(k) => (-n(k), None),
        Reraise => (-1, None),
    }
}

fn is_terminal(instr: &Instr) -> bool {
    matches!(
        instr,
        Instr::Jump(_) | Instr::ReturnValue | Instr::Raise(_) | Instr::Reraise
    )
}

fn jump_target(instr: &Instr) -> Option<u32> {
    match *instr {
        Instr::Jump(t)
        | Instr::PopJumpIfFalse(t)
        | Instr::PopJumpIfTrue(t)
        | Instr::PopJumpIfNone(t)
        | Instr::PopJumpIfNotNone(t)
        | Instr::JumpIfFalseOrPop(t)
        | Instr::JumpIfTrueOrPop(t)
        | Instr::ForIter(t) => Some(t),
        _ => None,
    }
}

/// Returns the depth at entry of each reachable instruction and the maximum depth.
/// `handler(h)` gives handler `h`'s (target, setup instruction, depth adjustment);
/// `call_kw_effect(i)` the effect of the `CallKw` at instruction `i`.
pub fn compute_stack_depths(
    instrs: &[Instr],
    handler_of: &[Option<u32>],
    handler: &dyn Fn(u32) -> (u32, u32, i32),
    call_kw_effect: &dyn Fn(u32) -> i32,
) -> (Vec<Option<u32>>, u32) {
    let mut depth: Vec<Option<u32>> = vec![None; instrs.len() + 1];
    let mut max = 0i32;
    let mut work = vec![(0usize, 0i32)];
    while let Some((start, d0)) = work.pop() {
        let mut i = start;
        let mut d = d0;
        loop {
            if i >= instrs.len() {
                break;
            }
            if depth[i].is_some() {
                break;
            }
            depth[i] = Some(d.max(0) as u32);
            let instr = &instrs[i];
            if let Some(h) = handler_of[i] {
                let (target, setup_at, adjust) = handler(h);
                let base = depth
                    .get(setup_at as usize)
                    .copied()
                    .flatten()
                    .map(|x| x as i32)
                    .unwrap_or(d);
                let hd = base + adjust + 1;
                max = max.max(hd);
                if depth[target as usize].is_none() {
                    work.push((target as usize, hd));
                }
            }
            let (fall, jump) = match instr {
                Instr::CallKw(shape) => (call_kw_effect(*shape), None),
                other => stack_effect(other),
            };
            if let (Some(t), Some(j)) = (jump_target(instr), jump) {
                let jd = d + j;
                max = max.max(jd);
                if depth[t as usize].is_none() {
                    work.push((t as usize, jd));
                }
            }
            // ForIter pushes on the fall-through path; account for the peak.
            d += fall;
            max = max.max(d);
            if is_terminal(instr) {
                break;
            }
            i += 1;
        }
    }
    // (No slack on top: every instruction stays within its stack effect, handlers included,
    // and a suspended coroutine keeps a stack this big, a million of them at once.)
    (depth, max.max(0) as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `async def sleeper(d): await asyncio.sleep(d); return d`: a million of these may be
    /// suspended at once, each keeping a stack of the size computed here, so it is the deepest
    /// point (the method, its receiver and `d`) and no more.
    #[test]
    fn depth_is_the_deepest_point_without_slack() {
        let instrs = [
            Instr::LoadGlobal(0),
            Instr::LoadMethod(0),
            Instr::LoadFast(0),
            Instr::CallMethod(1),
            Instr::GetAwaitable,
            Instr::LoadConst(0),
            Instr::Send,
            Instr::Pop,
            Instr::LoadFastReturn(0),
            Instr::ReturnValue,
        ];
        let handler_of = vec![None; instrs.len()];
        let (depths, max) = compute_stack_depths(&instrs, &handler_of, &|_| unreachable!(), &|_| 0);
        assert_eq!(max, 3);
        assert_eq!(depths[3], Some(3));
        assert_eq!(depths[9], Some(1));
    }
}
