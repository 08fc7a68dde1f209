//! Methods of `int` and `float` (`bit_length`, `is_integer`, `as_integer_ratio`, ...).

use crate::vm::object::{Args, BuiltinFn};
use crate::vm::value::Value;
use crate::vm::{PyResult, Vm};

pub const INT_METHODS: &[(&str, BuiltinFn)] = &[
    ("bit_length", int_bit_length),
    ("conjugate", identity),
    ("__index__", identity),
    ("__int__", identity),
];

pub const FLOAT_METHODS: &[(&str, BuiltinFn)] =
    &[("is_integer", float_is_integer), ("conjugate", identity)];

fn identity(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(args.pos.first().cloned().unwrap_or(Value::None))
}

fn int_bit_length(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match args.pos.first() {
        Some(Value::Int(i)) => Ok(Value::Int(64 - i.unsigned_abs().leading_zeros() as i64)),
        Some(Value::Bool(b)) => Ok(Value::Int(*b as i64)),
        Some(Value::BigInt(b)) => Ok(Value::Int(b.bits() as i64)),
        _ => Err(vm.type_error("descriptor 'bit_length' requires an 'int' object")),
    }
}

fn float_is_integer(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match args.pos.first() {
        Some(Value::Float(f)) => Ok(Value::Bool(f.is_finite() && f.fract() == 0.0)),
        _ => Err(vm.type_error("descriptor 'is_integer' requires a 'float' object")),
    }
}
