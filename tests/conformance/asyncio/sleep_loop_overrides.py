# asyncio.sleep(d) asks the running loop for create_future() and call_later(): overrides on
# the loop's class or on the instance, made before or while tasks sleep, are called.
import asyncio

log = []


async def napper(name, delay):
    await asyncio.sleep(delay)
    log.append(name)
    return name


async def main():
    loop = asyncio.get_running_loop()
    print(await napper("plain", 0.01))

    original_call_later = loop.call_later

    def counting_call_later(delay, callback, *args, **kwargs):
        log.append(("call_later", delay))
        return original_call_later(delay, callback, *args, **kwargs)

    loop.call_later = counting_call_later
    print(await napper("instance call_later", 0.02))
    del loop.call_later
    print(await napper("restored", 0.01))

    cls = type(loop)
    original_create_future = cls.create_future

    def counting_create_future(self):
        log.append("create_future")
        return original_create_future(self)

    cls.create_future = counting_create_future
    try:
        print(await asyncio.gather(napper("class a", 0.02), napper("class b", 0.01)))
    finally:
        cls.create_future = original_create_future
    print(await napper("after class", 0.01))
    for entry in log:
        print(entry)


asyncio.run(main())
