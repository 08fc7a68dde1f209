def parse(text):
    try:
        value = int(text)
    except ValueError as e:
        print(f"  could not parse {text!r}: {e}")
        return None
    else:
        print(f"  parsed {text!r} ok")
        return value
    finally:
        print("  finally for", repr(text))
for t in ["10", "ten", "-3"]:
    print(parse(t))
def multi(x):
    try:
        if x == 0:
            raise KeyError("k")
        if x == 1:
            raise IndexError("i")
        if x == 2:
            raise TypeError("t")
        return "no error"
    except (KeyError, IndexError) as e:
        return f"lookup problem: {type(e).__name__} {e}"
    except Exception as e:
        return f"other: {e!r}"
print([multi(i) for i in range(4)])
def bare():
    try:
        raise SystemExit(4)
    except:
        return "bare except catches SystemExit too"
print(bare())
try:
    try:
        raise ValueError("first")
    except ValueError:
        print("handling first")
        raise
except ValueError as e:
    print("re-raised:", e)
try:
    pass
except Exception:
    print("never")
else:
    print("else without exception")
e = "outer"
try:
    raise ValueError("x")
except ValueError as e:
    pass
try:
    print(e)
except NameError as err:
    print("NameError:", err)
