import sys
def main():
    print("checking configuration")
    sys.exit("fatal: configuration missing")
main()
