import asyncio

async def noop():
    await asyncio.sleep(0)

async def main():
    me = asyncio.current_task()
    print("main:", me.get_name())
    t1 = asyncio.create_task(noop())
    t2 = asyncio.create_task(noop(), name="explicit")
    t3 = asyncio.create_task(noop())
    loop = asyncio.get_running_loop()
    t4 = loop.create_task(noop(), name="via-loop")
    t5 = loop.create_task(noop())
    print([t.get_name() for t in (t1, t2, t3, t4, t5)])
    t1.set_name("renamed")
    t3.set_name(42)
    print(t1.get_name(), repr(t3.get_name()))
    await asyncio.gather(t1, t2, t3, t4, t5)

asyncio.run(main())
asyncio.run(main())
