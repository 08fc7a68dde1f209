//! Superinstructions: after code generation, a `LoadFast` that starts one of a few common
//! sequences (`i + 1`, `i += 1`, `a * b`, `if n < 2:`, `while i < n:`, `return x`), a
//! `LoadConst` that starts a comparison with a jump (`if len(w) > 5:`), or a `BinaryOp` whose
//! result is returned (`return f(x) + 1`), is replaced by a head instruction naming the
//! sequence. The sequence's other instructions stay where they were, so jumps into the middle
//! of it, exception-table ranges, source spans and the run loop's fallback (the head does only
//! its first instruction, then the rest runs one by one) all stay as they were; only the
//! common case, int and float operands (and strs for a comparison or a returned `+`), runs in
//! one dispatch.
//! CPython 3.11 does the same with `LOAD_FAST__LOAD_CONST` and `COMPARE_OP_INT_JUMP`.

use super::code::Instr;

/// Rewrites the heads of fusable sequences in `instrs` (whose jump targets are final).
pub fn mark_superinstructions(instrs: &mut [Instr]) {
    for at in 0..instrs.len() {
        let head = match instrs[at] {
            Instr::LoadFast(local) => head_for(local, &instrs[at + 1..]),
            Instr::LoadConst(konst) => const_head_for(konst, &instrs[at + 1..]),
            Instr::BinaryOp(op) if matches!(instrs.get(at + 1), Some(Instr::ReturnValue)) => {
                Some(Instr::BinaryReturn(op))
            }
            _ => None,
        };
        if let Some(head) = head {
            instrs[at] = head;
        }
    }
}

/// The head for a `LoadConst(konst)` followed by `rest`, if it starts a comparison with a
/// conditional jump and the constant's index fits in the head.
fn const_head_for(konst: u32, rest: &[Instr]) -> Option<Instr> {
    match rest {
        [Instr::Compare(kind), Instr::PopJumpIfFalse(_) | Instr::PopJumpIfTrue(_), ..] => {
            Some(Instr::LoadConstCompareJump {
                konst: u16::try_from(konst).ok()?,
                kind: *kind,
            })
        }
        _ => None,
    }
}

/// The head for a `LoadFast(local)` followed by `rest`, if it starts a fusable sequence whose
/// operands fit in the head.
fn head_for(local: u32, rest: &[Instr]) -> Option<Instr> {
    let small = |i: u32| u16::try_from(i).ok();
    let local16 = small(local);
    let binary = match rest.get(1) {
        // (A `BinaryReturn` too, so the heads do not depend on the order of the rewrites.)
        Some(Instr::BinaryOp(op) | Instr::InplaceOp(op) | Instr::BinaryReturn(op)) => Some(*op),
        _ => None,
    };
    let compare_jump = match (rest.get(1), rest.get(2)) {
        (Some(Instr::Compare(kind)), Some(Instr::PopJumpIfFalse(_) | Instr::PopJumpIfTrue(_))) => {
            Some(*kind)
        }
        _ => None,
    };
    Some(match (rest.first()?, binary, compare_jump) {
        (Instr::LoadConst(c), Some(op), _) => Instr::LoadFastConstBinary {
            local: local16?,
            konst: small(*c)?,
            op,
        },
        (Instr::LoadFast(j), Some(op), _) => Instr::LoadFastFastBinary {
            local: local16?,
            other: small(*j)?,
            op,
        },
        (Instr::LoadConst(c), _, Some(kind)) => Instr::LoadFastConstCompareJump {
            local: local16?,
            konst: small(*c)?,
            kind,
        },
        (Instr::LoadFast(j), _, Some(kind)) => Instr::LoadFastFastCompareJump {
            local: local16?,
            other: small(*j)?,
            kind,
        },
        (Instr::ReturnValue, _, _) => Instr::LoadFastReturn(local),
        _ => return None,
    })
}
