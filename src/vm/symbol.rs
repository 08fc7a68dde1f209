//! Interned identifiers. Names that code uses for attributes, globals and keyword arguments are
//! turned into `Symbol`s once, at compile time, so run-time look-ups compare and hash a `u32`
//! instead of a string. The interner is per thread: the interpreter runs on one thread.

use std::cell::RefCell;
use std::fmt;

use rustc_hash::FxHashMap;

#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Symbol(pub u32);

struct Interner {
    map: FxHashMap<&'static str, Symbol>,
    names: Vec<&'static str>,
}

thread_local! {
    static INTERNER: RefCell<Interner> = RefCell::new(Interner::with_well_known());
}

macro_rules! well_known {
    ($($konst:ident = $text:expr),* $(,)?) => {
        #[allow(non_camel_case_types, clippy::upper_case_acronyms, dead_code)]
        #[repr(u32)]
        enum WellKnownIndex { $($konst),* }
        /// Symbols the runtime needs by name, interned first so they are constants.
        pub mod sym {
            use super::{Symbol, WellKnownIndex};
            $(pub const $konst: Symbol = Symbol(WellKnownIndex::$konst as u32);)*
        }
        const WELL_KNOWN: &[&str] = &[$($text),*];
    };
}

well_known! {
    INIT = "__init__", NEW = "__new__", REPR = "__repr__", STR = "__str__", CALL = "__call__",
    EQ = "__eq__", NE = "__ne__", LT = "__lt__", LE = "__le__", GT = "__gt__", GE = "__ge__",
    HASH = "__hash__", LEN = "__len__", BOOL = "__bool__", ITER = "__iter__", NEXT = "__next__",
    GETITEM = "__getitem__", SETITEM = "__setitem__", DELITEM = "__delitem__",
    CONTAINS = "__contains__", ENTER = "__enter__", EXIT = "__exit__", AENTER = "__aenter__",
    AEXIT = "__aexit__", AITER = "__aiter__", ANEXT = "__anext__", AWAIT = "__await__",
    GETATTR = "__getattr__", GETATTRIBUTE = "__getattribute__", SETATTR = "__setattr__",
    DELATTR = "__delattr__", GET = "__get__", SET = "__set__", DELETE = "__delete__",
    NAME = "__name__", QUALNAME = "__qualname__", MODULE = "__module__", DOC = "__doc__",
    CLASS = "__class__", DICT = "__dict__", MRO = "__mro__", BASES = "__bases__",
    INIT_SUBCLASS = "__init_subclass__", SET_NAME = "__set_name__", FORMAT = "__format__",
    INDEX = "__index__", INT = "__int__", FLOAT = "__float__", NEG = "__neg__", POS = "__pos__",
    INVERT = "__invert__", ABS = "__abs__", ROUND = "__round__", REVERSED = "__reversed__",
    MISSING = "__missing__", CLASS_GETITEM = "__class_getitem__",
    ADD = "__add__", SUB = "__sub__", MUL = "__mul__", MATMUL = "__matmul__",
    TRUEDIV = "__truediv__", FLOORDIV = "__floordiv__", MOD = "__mod__", POW = "__pow__",
    LSHIFT = "__lshift__", RSHIFT = "__rshift__", AND = "__and__", XOR = "__xor__", OR = "__or__",
    RADD = "__radd__", RSUB = "__rsub__", RMUL = "__rmul__", RMATMUL = "__rmatmul__",
    RTRUEDIV = "__rtruediv__", RFLOORDIV = "__rfloordiv__", RMOD = "__rmod__",
    RPOW = "__rpow__", RLSHIFT = "__rlshift__", RRSHIFT = "__rrshift__", RAND = "__rand__",
    RXOR = "__rxor__", ROR = "__ror__",
    IADD = "__iadd__", ISUB = "__isub__", IMUL = "__imul__", IMATMUL = "__imatmul__",
    ITRUEDIV = "__itruediv__", IFLOORDIV = "__ifloordiv__", IMOD = "__imod__",
    IPOW = "__ipow__", ILSHIFT = "__ilshift__", IRSHIFT = "__irshift__", IAND = "__iand__",
    IXOR = "__ixor__", IOR = "__ior__",
    DIVMOD = "__divmod__", RDIVMOD = "__rdivmod__",
    ARGS = "args", SEND = "send", THROW = "throw", CLOSE = "close", SELF = "self",
    MAIN = "__main__", BUILD_CLASS = "__build_class__", ANNOTATIONS = "__annotations__",
    CAUSE = "__cause__", CONTEXT = "__context__", TRACEBACK = "__traceback__",
    SUPPRESS_CONTEXT = "__suppress_context__", NOTES = "__notes__", VALUE = "value",
    KEY = "key", REVERSE = "reverse", DEFAULT = "default", SEP = "sep", END = "end",
    FILE = "file", FLUSH = "flush", START = "start", STOP = "stop", STEP = "step",
    FGET = "fget", FSET = "fset", FDEL = "fdel", GETTER = "getter", SETTER = "setter",
    DELETER = "deleter", ASYNCIO_FUTURE_BLOCKING = "_asyncio_future_blocking",
    ADD_DONE_CALLBACK = "add_done_callback", RESULT = "result", EXCEPTION = "exception",
    CANCEL = "cancel", EXCEPTIONS = "exceptions", MESSAGE = "message", NAME_PLAIN = "name",
    CODE = "code", KEYS = "keys", ITEMS = "items", VALUES = "values", COPY = "copy",
    SPLIT = "split", DERIVE = "derive", WITH_TRACEBACK = "with_traceback", LOOP = "loop",
    CONTEXT_KW = "context", CHECK_CLOSED = "_check_closed", CLOSED_FLAG = "_closed", STOPPING_FLAG = "_stopping", TASK_FACTORY = "_task_factory",
    GET_LOOP = "get_loop", LOOP_ATTR = "_loop", CREATE_TASK = "create_task",
    FUT_WAITER = "_fut_waiter",
    SET_NAME_METHOD = "set_name", CREATE_FUTURE = "create_future", CALL_LATER = "call_later",
}

impl Interner {
    fn with_well_known() -> Interner {
        let mut interner = Interner {
            map: FxHashMap::default(),
            names: Vec::new(),
        };
        for name in WELL_KNOWN {
            interner.intern(name);
        }
        interner
    }

    fn intern(&mut self, name: &str) -> Symbol {
        if let Some(&sym) = self.map.get(name) {
            return sym;
        }
        // Interned names live for the whole run; leaking them lets `as_str` hand out `&'static`.
        let leaked: &'static str = Box::leak(name.to_owned().into_boxed_str());
        let sym = Symbol(self.names.len() as u32);
        self.names.push(leaked);
        self.map.insert(leaked, sym);
        sym
    }
}

pub fn intern(name: &str) -> Symbol {
    INTERNER.with(|i| i.borrow_mut().intern(name))
}

/// The symbol for `name` if it was ever interned (no attribute can have a never-interned name).
pub fn lookup(name: &str) -> Option<Symbol> {
    INTERNER.with(|i| i.borrow().map.get(name).copied())
}

impl Symbol {
    pub fn as_str(self) -> &'static str {
        INTERNER.with(|i| i.borrow().names[self.0 as usize])
    }

    pub fn is_dunder(self) -> bool {
        let s = self.as_str();
        s.len() > 4 && s.starts_with("__") && s.ends_with("__")
    }
}

impl fmt::Debug for Symbol {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.as_str())
    }
}

impl fmt::Display for Symbol {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn well_known_symbols_are_constants() {
        assert_eq!(sym::INIT.as_str(), "__init__");
        assert_eq!(intern("__init__"), sym::INIT);
        assert_eq!(sym::CONTEXT_KW.as_str(), "context");
        let s = intern("some_new_name");
        assert_eq!(s.as_str(), "some_new_name");
        assert_eq!(lookup("some_new_name"), Some(s));
    }
}
