//! Async generator methods (`__anext__`, `asend`, `athrow`, `aclose`).

use crate::vm::object::Args;
use crate::vm::value::Value;
use crate::vm::{PyResult, Vm};

pub fn agen_anext(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Err(vm.runtime_error("async generators are not supported yet"))
}

pub fn agen_asend(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Err(vm.runtime_error("async generators are not supported yet"))
}

pub fn agen_athrow(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Err(vm.runtime_error("async generators are not supported yet"))
}

pub fn agen_aclose(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Err(vm.runtime_error("async generators are not supported yet"))
}
