import asyncio

def callback(label, log):
    print("callback", label)
    log.append(label)

async def main():
    loop = asyncio.get_running_loop()
    log = []
    loop.call_soon(callback, "one", log)
    loop.call_soon(callback, "two", log)
    handle = loop.call_soon(callback, "cancelled", log)
    loop.call_soon(callback, "three", log)
    handle.cancel()
    print("scheduled; nothing ran yet:", log)
    await asyncio.sleep(0)
    print("after one loop iteration:", log)

    def reschedule(n):
        print("reschedule", n)
        if n < 3:
            loop.call_soon(reschedule, n + 1)

    loop.call_soon(reschedule, 1)
    loop.call_soon(print, "plain print callback")
    await asyncio.sleep(0)
    print("main after sleep(0) #1")
    await asyncio.sleep(0)
    print("main after sleep(0) #2")
    await asyncio.sleep(0)
    print("main after sleep(0) #3")

asyncio.run(main())
