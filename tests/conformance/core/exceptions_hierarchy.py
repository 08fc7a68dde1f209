for exc in [KeyError, IndexError, ZeroDivisionError, UnboundLocalError, RecursionError, NotImplementedError,
            StopIteration, StopAsyncIteration, AssertionError, KeyboardInterrupt, TimeoutError, ModuleNotFoundError,
            ExceptionGroup, BaseExceptionGroup, SystemExit, GeneratorExit, FileNotFoundError, OverflowError, UnicodeDecodeError]:
    print(exc.__name__, "->", [c.__name__ for c in exc.__mro__[1:]])
print(issubclass(KeyError, LookupError), issubclass(KeyboardInterrupt, Exception), issubclass(bool, int))
print(issubclass(ZeroDivisionError, ArithmeticError), issubclass(TimeoutError, OSError), issubclass(RecursionError, RuntimeError))
def which(exc):
    try:
        raise exc
    except LookupError:
        return "LookupError handler"
    except ArithmeticError:
        return "ArithmeticError handler"
    except Exception as e:
        return f"Exception handler ({type(e).__name__})"
    except BaseException as e:
        return f"BaseException handler ({type(e).__name__})"
for exc in [KeyError("k"), IndexError(), OverflowError(), ValueError(), SystemExit(3), KeyboardInterrupt()]:
    print(type(exc).__name__, "->", which(exc))
