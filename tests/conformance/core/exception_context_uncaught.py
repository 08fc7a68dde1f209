def cleanup():
    raise OSError("disk not ready")
try:
    result = {}["missing"]
except KeyError:
    print("handling KeyError")
    cleanup()
