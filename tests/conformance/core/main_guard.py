def main():
    print("running main, __name__ =", __name__)
    return 0
def helper():
    return "helper"
print("module level code runs first")
if __name__ == "__main__":
    main()
    print(helper())
else:
    print("imported")
print(__name__ == "__main__", type(__name__).__name__)
