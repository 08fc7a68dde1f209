//! `Value`: what a Python variable holds. Small immutable values (None, bools, small ints,
//! floats) live inline; everything else is a reference-counted heap object, so copying a value is
//! one increment and dropping the last reference frees the object at once — as in CPython, which
//! the never-awaited-coroutine warning and `__del__`-free cleanup rely on.

use std::cell::RefCell;
use std::fmt;
use std::rc::Rc;

use num_bigint::BigInt;

use super::object::{
    BoundMethod, Builtin, Class, Function, Generator, Instance, Module, NativeIter, Range, Slice,
};
use crate::compile::code::Code;
use crate::runtime::complex::Complex;
use crate::runtime::dict::Dict;
use crate::runtime::set::Set;
use crate::runtime::str::PyStr;

pub type ListRef = Rc<RefCell<Vec<Value>>>;
pub type DictRef = Rc<RefCell<Dict>>;
pub type SetRef = Rc<RefCell<Set>>;

pub enum Value {
    /// Internal only: an unbound local, an empty stack slot, "no self" in a method call. Never
    /// reaches Python code.
    Undef,
    None,
    NotImplemented,
    Ellipsis,
    Bool(Flag),
    /// Ints that fit in 64 bits; arithmetic that overflows moves to `BigInt`.
    Int(i64),
    Float(FloatBits),
    // The variants above own nothing (see `is_inline`); keep them first and together so that
    // test is one comparison of the tag.
    /// Invariant: never holds a value that fits in an `i64` (see `Value::from_bigint`).
    BigInt(Rc<BigInt>),
    /// A `complex`; boxed, as two floats would make every value bigger.
    Complex(Rc<Complex>),
    Str(PyStr),
    Bytes(Rc<Vec<u8>>),
    Tuple(Rc<Vec<Value>>),
    List(ListRef),
    Dict(DictRef),
    Set(SetRef),
    FrozenSet(SetRef),
    Range(Rc<Range>),
    Slice(Rc<Slice>),
    Function(Rc<Function>),
    Builtin(Rc<Builtin>),
    BoundMethod(Rc<BoundMethod>),
    Class(Rc<Class>),
    /// User-class instances, exceptions, and natively implemented objects (see `Payload`).
    Instance(Rc<Instance>),
    Module(Rc<Module>),
    /// Generators, coroutines and async generators.
    Generator(Rc<Generator>),
    /// Iterators over builtin containers, `map`, `zip`, ...
    Iter(Rc<NativeIter>),
    /// A code object, as a constant for `MakeFunction`.
    Code(Rc<Code>),
    /// Internal only: a closure cell travelling from `LoadClosure` to `MakeFunction`, or the
    /// `__class__` cell a class body returns.
    Cell(super::object::CellRef),
}

// Every value is two words; heap payloads (a complex too) go behind an `Rc`.
const _: () = assert!(std::mem::size_of::<Value>() == 16);
const _: () = assert!(std::mem::size_of::<Option<Value>>() == 16);

/// A bool held in a whole word. With every payload of `Value` an 8-byte integer or pointer,
/// rustc lays `Value` out as a pair of scalars (tag, word): it is returned in two registers
/// and copied as two words. A `bool` or `f64` payload makes it an opaque 16-byte blob instead,
/// written in pieces and read back whole, which stalls the processor's store forwarding.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
#[repr(transparent)]
pub struct Flag(u64);

impl Flag {
    pub const TRUE: Flag = Flag(1);
    pub const FALSE: Flag = Flag(0);

    #[inline(always)]
    pub fn get(self) -> bool {
        self.0 != 0
    }
}

impl From<bool> for Flag {
    #[inline(always)]
    fn from(b: bool) -> Flag {
        Flag(b as u64)
    }
}

impl fmt::Debug for Flag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.get().fmt(f)
    }
}

/// An `f64` held as its bits, for the layout reason `Flag` gives.
#[derive(Clone, Copy)]
#[repr(transparent)]
pub struct FloatBits(u64);

impl FloatBits {
    #[inline(always)]
    pub fn get(self) -> f64 {
        f64::from_bits(self.0)
    }
}

impl From<f64> for FloatBits {
    #[inline(always)]
    fn from(x: f64) -> FloatBits {
        FloatBits(x.to_bits())
    }
}

impl fmt::Debug for FloatBits {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.get().fmt(f)
    }
}

/// The variants that own no heap object, as a pattern shared by `is_inline` and
/// `with_heap_rc!`, which treats them as unreachable: the two must name the same variants.
macro_rules! inline_variants {
    () => {
        Value::Undef
            | Value::None
            | Value::NotImplemented
            | Value::Ellipsis
            | Value::Bool(_)
            | Value::Int(_)
            | Value::Float(_)
    };
}

/// `$body` with `$r` bound to the handle (`Rc` or `PyStr`) of a heap value (the caller has
/// checked that `$value` is not inline). Every arm is the same code for a different type, with
/// the strong count at the same place, so the compiler emits it once: inline in `discard`,
/// with no dispatch on the type; in `add_heap_ref` behind a jump table that picks between
/// `Rc`'s and `PyStr`'s increments (their checks for a count that wrapped differ in shape).
macro_rules! with_heap_rc {
    ($value:expr, $r:ident => $body:expr) => {
        match $value {
            // SAFETY: callers test `is_inline` first.
            inline_variants!() => unsafe { std::hint::unreachable_unchecked() },
            Value::BigInt($r) => $body,
            Value::Complex($r) => $body,
            Value::Str($r) => $body,
            Value::Bytes($r) => $body,
            Value::Tuple($r) => $body,
            Value::List($r) => $body,
            Value::Dict($r) => $body,
            Value::Set($r) => $body,
            Value::FrozenSet($r) => $body,
            Value::Range($r) => $body,
            Value::Slice($r) => $body,
            Value::Function($r) => $body,
            Value::Builtin($r) => $body,
            Value::BoundMethod($r) => $body,
            Value::Class($r) => $body,
            Value::Instance($r) => $body,
            Value::Module($r) => $body,
            Value::Generator($r) => $body,
            Value::Iter($r) => $body,
            Value::Code($r) => $body,
            Value::Cell($r) => $body,
        }
    };
}

/// The reference count of a heap value's handle, as `add_heap_ref` and `discard` use it. Both
/// kinds of handle (`Rc` and `PyStr`) keep the count first in their allocation, so the code the
/// compiler makes for each type is mostly the same and `with_heap_rc!` can share it.
trait HeapCount {
    fn count(&self) -> usize;
    /// # Safety
    /// The caller makes one bitwise copy of the handle, which owns the added reference.
    unsafe fn increment(&self);
    /// # Safety
    /// Another reference must remain; the caller forgets one copy of the handle.
    unsafe fn decrement_shared(&self);
}

impl<T: ?Sized> HeapCount for Rc<T> {
    #[inline(always)]
    fn count(&self) -> usize {
        Rc::strong_count(self)
    }
    #[inline(always)]
    unsafe fn increment(&self) {
        // SAFETY: the pointer comes from a live `Rc`; the caller's copy owns the count.
        unsafe { Rc::increment_strong_count(Rc::as_ptr(self)) }
    }
    #[inline(always)]
    unsafe fn decrement_shared(&self) {
        // SAFETY: the `Rc` is live and has other owners, so this only decrements.
        unsafe { Rc::decrement_strong_count(Rc::as_ptr(self)) }
    }
}

impl HeapCount for PyStr {
    #[inline(always)]
    fn count(&self) -> usize {
        self.strong_count()
    }
    #[inline(always)]
    unsafe fn increment(&self) {
        // SAFETY: as the caller promises.
        unsafe { self.increment_strong_count() }
    }
    #[inline(always)]
    unsafe fn decrement_shared(&self) {
        // SAFETY: as the caller promises.
        unsafe { self.decrement_shared_count() }
    }
}

impl Clone for Value {
    // The inline variants are copied bitwise without a call; the rest increment a count.
    #[inline(always)]
    fn clone(&self) -> Value {
        if self.is_inline() {
            // SAFETY: inline variants own no heap object, so a bitwise copy is a valid value
            // and dropping both copies does nothing.
            unsafe { std::ptr::read(self) }
        } else {
            self.clone_heap()
        }
    }
}

impl Value {
    pub const TRUE: Value = Value::Bool(Flag::TRUE);
    pub const FALSE: Value = Value::Bool(Flag::FALSE);

    #[inline(always)]
    pub fn bool(b: bool) -> Value {
        Value::Bool(Flag::from(b))
    }

    #[inline(always)]
    pub fn float(x: f64) -> Value {
        Value::Float(FloatBits::from(x))
    }

    /// True for the variants that own no heap object (None, bools, small ints, floats, ...):
    /// copying one is a bitwise copy and dropping one does nothing.
    #[inline(always)]
    pub fn is_inline(&self) -> bool {
        matches!(self, inline_variants!())
    }

    // The count goes up, then the value is copied whole: built variant by variant, the copy
    // would be written as a tag byte and a pointer, and a caller reading those 16 bytes back
    // at once would stall until both stores reached the cache (no store forwarding).
    fn clone_heap(&self) -> Value {
        self.add_heap_ref();
        // SAFETY: the bitwise copy owns the reference just added.
        unsafe { std::ptr::read(self) }
    }

    /// One more reference to a heap value, for a bitwise copy the caller makes (see
    /// `frame::push_copy`); nothing for an inline value.
    #[inline(always)]
    pub fn add_ref(&self) {
        if !self.is_inline() {
            self.add_heap_ref();
        }
    }

    #[inline(never)]
    fn add_heap_ref(&self) {
        // SAFETY: the pointer comes from a live `Rc`; the caller makes the copy that owns the
        // added count.
        with_heap_rc!(self, r => unsafe { HeapCount::increment(r) });
    }

    /// Drops `self`, deciding the common cases inline: an inline value owns nothing, and a
    /// heap value whose `Rc` has other owners only loses a count. Only the last owner takes
    /// the out-of-line drop, which dispatches on the type. (The compiler's drop glue for
    /// `Value` dispatches on the type first, through a jump table, for every heap value.)
    #[inline(always)]
    pub fn discard(self) {
        if self.is_inline() {
            std::mem::forget(self);
        } else if with_heap_rc!(&self, r => HeapCount::count(r)) > 1 {
            // SAFETY: the `Rc` is live and has other owners, so this only decrements; `self`,
            // whose count this was, is forgotten.
            with_heap_rc!(&self, r => unsafe { HeapCount::decrement_shared(r) });
            std::mem::forget(self);
        } else {
            drop_heap(self);
        }
    }
}

#[inline(never)]
fn drop_heap(v: Value) {
    drop(v);
}

impl Value {
    pub fn str(s: &str) -> Value {
        Value::Str(PyStr::new(s))
    }

    pub fn string(s: String) -> Value {
        Value::Str(PyStr::from_string(s))
    }

    pub fn tuple(items: Vec<Value>) -> Value {
        Value::Tuple(Rc::new(items))
    }

    pub fn list(items: Vec<Value>) -> Value {
        Value::List(Rc::new(RefCell::new(items)))
    }

    pub fn complex(re: f64, im: f64) -> Value {
        Value::Complex(Rc::new(Complex { re, im }))
    }

    pub fn dict(d: Dict) -> Value {
        Value::Dict(Rc::new(RefCell::new(d)))
    }

    /// Normalises: a big integer that fits in an `i64` becomes `Int`.
    pub fn from_bigint(b: BigInt) -> Value {
        use num_traits::ToPrimitive;
        match b.to_i64() {
            Some(i) => Value::Int(i),
            None => Value::BigInt(Rc::new(b)),
        }
    }

    pub fn is_none(&self) -> bool {
        matches!(self, Value::None)
    }

    pub fn is_undef(&self) -> bool {
        matches!(self, Value::Undef)
    }

    /// Python's `is`: identity for heap objects, equality of the immediate for the rest
    /// (CPython caches small ints and shares `None`/`True`/`False`, so `x is None` works).
    pub fn is(&self, other: &Value) -> bool {
        use Value::*;
        match (self, other) {
            (Undef, Undef)
            | (None, None)
            | (NotImplemented, NotImplemented)
            | (Ellipsis, Ellipsis) => true,
            (Bool(a), Bool(b)) => a == b,
            (Int(a), Int(b)) => a == b,
            (Float(a), Float(b)) => a.get().to_bits() == b.get().to_bits(),
            _ => match (self.heap_ptr(), other.heap_ptr()) {
                (Some(a), Some(b)) => a == b,
                _ => false,
            },
        }
    }

    /// The address of the heap object, used for `is`, `id()` and default hashes and reprs.
    pub fn heap_ptr(&self) -> Option<usize> {
        use Value::*;
        Some(match self {
            BigInt(r) => Rc::as_ptr(r) as *const u8 as usize,
            Complex(r) => Rc::as_ptr(r) as *const u8 as usize,
            Str(r) => r.addr(),
            Bytes(r) => Rc::as_ptr(r) as *const u8 as usize,
            Tuple(r) => Rc::as_ptr(r) as *const u8 as usize,
            List(r) => Rc::as_ptr(r) as *const u8 as usize,
            Dict(r) => Rc::as_ptr(r) as *const u8 as usize,
            Set(r) | FrozenSet(r) => Rc::as_ptr(r) as *const u8 as usize,
            Range(r) => Rc::as_ptr(r) as *const u8 as usize,
            Slice(r) => Rc::as_ptr(r) as *const u8 as usize,
            Function(r) => Rc::as_ptr(r) as *const u8 as usize,
            Builtin(r) => Rc::as_ptr(r) as *const u8 as usize,
            BoundMethod(r) => Rc::as_ptr(r) as *const u8 as usize,
            Class(r) => Rc::as_ptr(r) as *const u8 as usize,
            Instance(r) => Rc::as_ptr(r) as *const u8 as usize,
            Module(r) => Rc::as_ptr(r) as *const u8 as usize,
            Generator(r) => Rc::as_ptr(r) as *const u8 as usize,
            Iter(r) => Rc::as_ptr(r) as *const u8 as usize,
            Code(r) => Rc::as_ptr(r) as *const u8 as usize,
            Cell(r) => Rc::as_ptr(r) as *const u8 as usize,
            Undef | None | NotImplemented | Ellipsis | Bool(_) | Int(_) | Float(_) => {
                return Option::None
            }
        })
    }

    pub fn as_str(&self) -> Option<&PyStr> {
        match self {
            Value::Str(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_class(&self) -> Option<&Rc<Class>> {
        match self {
            Value::Class(c) => Some(c),
            _ => None,
        }
    }

    pub fn as_instance(&self) -> Option<&Rc<Instance>> {
        match self {
            Value::Instance(i) => Some(i),
            _ => None,
        }
    }
}

impl fmt::Debug for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Undef => write!(f, "<undef>"),
            Value::None => write!(f, "None"),
            Value::Bool(b) => write!(f, "{}", if b.get() { "True" } else { "False" }),
            Value::Int(i) => write!(f, "{i}"),
            Value::BigInt(b) => write!(f, "{b}"),
            Value::Float(x) => write!(f, "{x:?}"),
            Value::Complex(z) => write!(f, "({:?}+{:?}j)", z.re, z.im),
            Value::Str(s) => write!(f, "{:?}", s.as_str()),
            Value::Tuple(t) => f.debug_list().entries(t.iter()).finish(),
            Value::List(l) => match l.try_borrow() {
                Ok(l) => f.debug_list().entries(l.iter()).finish(),
                Err(_) => write!(f, "[<borrowed>]"),
            },
            Value::Class(c) => write!(f, "<class {}>", c.name),
            Value::Function(func) => write!(f, "<function {}>", func.code.qualname),
            other => write!(f, "<{}>", other.variant_name()),
        }
    }
}

impl Value {
    fn variant_name(&self) -> &'static str {
        use Value::*;
        match self {
            Undef => "undef",
            None => "None",
            NotImplemented => "NotImplemented",
            Ellipsis => "Ellipsis",
            Bool(_) => "bool",
            Int(_) | BigInt(_) => "int",
            Float(_) => "float",
            Complex(_) => "complex",
            Str(_) => "str",
            Bytes(_) => "bytes",
            Tuple(_) => "tuple",
            List(_) => "list",
            Dict(_) => "dict",
            Set(_) => "set",
            FrozenSet(_) => "frozenset",
            Range(_) => "range",
            Slice(_) => "slice",
            Function(_) => "function",
            Builtin(_) => "builtin_function_or_method",
            BoundMethod(_) => "method",
            Class(_) => "type",
            Instance(_) => "instance",
            Module(_) => "module",
            Generator(_) => "generator",
            Iter(_) => "iterator",
            Code(_) => "code",
            Cell(_) => "cell",
        }
    }
}
