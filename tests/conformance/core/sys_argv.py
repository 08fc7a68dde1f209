# args: alpha 42 --flag x=1
import sys
print(sys.argv)
print(len(sys.argv), sys.argv[0])
for i, arg in enumerate(sys.argv[1:], 1):
    print(i, arg, arg.isdigit())
flags = [a for a in sys.argv if a.startswith("--")]
print(flags)
