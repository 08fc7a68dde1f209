import sys
try:
    sys.exit(2)
except SystemExit as e:
    print("caught SystemExit", e.code, repr(e), isinstance(e, Exception))
try:
    sys.exit()
except SystemExit as e:
    print("no argument ->", e.code)
try:
    raise SystemExit("message")
except SystemExit as e:
    print("message code:", e.code)
def cleanup_demo():
    try:
        sys.exit(0)
    finally:
        print("finally runs during sys.exit")
cleanup_demo()
print("not printed")
