//! Superinstructions: after code generation, a `LoadFast` that starts one of a few common
//! sequences (`i + 1`, `i += 1`, `a * b`, `if n < 2:`, `while i < n:`, `return x`) is replaced by a head
//! instruction naming the sequence. The sequence's other instructions stay where they were, so
//! jumps into the middle of it, exception-table ranges, source spans and the run loop's
//! fallback (the head does only its `LoadFast`, then the rest runs one by one) all stay as
//! they were; only the common case, int and float operands (and strs for a comparison), runs
//! in one dispatch.
//! CPython 3.11 does the same with `LOAD_FAST__LOAD_CONST` and `COMPARE_OP_INT_JUMP`.

use super::code::Instr;

/// Rewrites the heads of fusable sequences in `instrs` (whose jump targets are final).
pub fn mark_superinstructions(instrs: &mut [Instr]) {
    for at in 0..instrs.len() {
        let Instr::LoadFast(local) = instrs[at] else {
            continue;
        };
        let next = |k: usize| instrs.get(at + k).copied();
        let binary = matches!(next(2), Some(Instr::BinaryOp(_) | Instr::InplaceOp(_)));
        let compare_jump = matches!(next(2), Some(Instr::Compare(_)))
            && matches!(
                next(3),
                Some(Instr::PopJumpIfFalse(_) | Instr::PopJumpIfTrue(_))
            );
        let head = match next(1) {
            Some(Instr::LoadConst(_)) if binary => Instr::LoadFastConstBinary(local),
            Some(Instr::LoadFast(_)) if binary => Instr::LoadFastFastBinary(local),
            Some(Instr::LoadConst(_)) if compare_jump => Instr::LoadFastConstCompareJump(local),
            Some(Instr::LoadFast(_)) if compare_jump => Instr::LoadFastFastCompareJump(local),
            Some(Instr::ReturnValue) => Instr::LoadFastReturn(local),
            _ => continue,
        };
        instrs[at] = head;
    }
}
