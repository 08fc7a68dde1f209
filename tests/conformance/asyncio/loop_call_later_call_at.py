import asyncio

async def main():
    loop = asyncio.get_running_loop()
    done = loop.create_future()
    events = []

    def record(label):
        events.append(label)
        print("fired", label)
        if label == "last":
            done.set_result(events)

    loop.call_later(0.03, record, "at 0.03")
    loop.call_later(0.01, record, "at 0.01")
    h = loop.call_later(0.02, record, "cancelled")
    loop.call_at(loop.time() + 0.02, record, "call_at 0.02")
    loop.call_later(0, record, "call_later(0)")
    loop.call_soon(record, "call_soon")
    loop.call_later(0.05, record, "last")
    h.cancel()
    print("handle cancelled:", h.cancelled())
    print(await done)
    t0 = loop.time()
    print("loop.time() is monotonic:", loop.time() >= t0, type(t0).__name__)

asyncio.run(main())
