import asyncio

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    fut.add_done_callback(lambda f: print("cb1 sees", f.result()))
    fut.add_done_callback(lambda f: print("cb2 sees", f.result()))
    print("setting result")
    fut.set_result(10)
    print("callbacks not run yet (they go through call_soon)")
    await asyncio.sleep(0)
    print("after sleep(0)")
    done_fut = loop.create_future()
    done_fut.set_result("x")
    done_fut.add_done_callback(lambda f: print("callback added after done still runs via call_soon"))
    print("added")
    await asyncio.sleep(0)
    c = loop.create_future()
    c.add_done_callback(lambda f: print("cancelled future callback, cancelled =", f.cancelled()))
    c.cancel()
    await asyncio.sleep(0)
    print("end")

asyncio.run(main())
