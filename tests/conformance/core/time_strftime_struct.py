import time
t = time.gmtime(1_000_000_000)
print(t)
print(t.tm_year, t.tm_mon, t.tm_mday, t.tm_hour, t.tm_min, t.tm_sec, t.tm_wday, t.tm_yday, t.tm_isdst, len(t), t[:3])
print(time.strftime("%Y-%m-%d %H:%M:%S", t), time.strftime("%a %A %b %B %j %p %I %y %w %U %W", t))
print(time.strftime("%c | %x | %X | %D | %T | %F | %R | %e | %%", t))
print(time.asctime(t), time.mktime(t), time.ctime(0))
print(time.strftime("%Y/%m/%d", (2000, 2, 29, 12, 0, 0, 1, 60, 0)), time.gmtime(0)[:6])
for bad in [(2000, 13, 1, 0, 0, 0, 0, 1, 0), (2000, 1, 32, 0, 0, 0, 0, 1, 0), (2000, 1, 1, 24, 0, 0, 0, 1, 0), (2000, 1, 1, 0, 60, 0, 0, 1, 0), (1, 2, 3)]:
    try:
        time.strftime("%Y", bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
try:
    time.gmtime("soon")
except TypeError as e:
    print("TypeError:", e)
try:
    time.sleep(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    time.sleep("1")
except TypeError as e:
    print("TypeError:", e)
start = time.monotonic()
time.sleep(0.01)
print(time.monotonic() - start >= 0.005, isinstance(time.time_ns(), int), time.perf_counter() > 0)
print(time.gmtime(86400 * 366 * 30 + 12345))
