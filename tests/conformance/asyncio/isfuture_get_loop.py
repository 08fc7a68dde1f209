# asyncio.isfuture is base_futures.isfuture (the class must have the attribute, errors from the
# instance's propagate); ensure_future asks a future's own get_loop() for its loop.
import asyncio
class F:
    _asyncio_future_blocking = False
    def get_loop(self): return "myloop"
class G:
    _loop = "gloop"
class H:
    @property
    def _asyncio_future_blocking(self): raise AttributeError("nope")
print(asyncio.isfuture(F()), asyncio.isfuture(F), asyncio.isfuture(G()), asyncio.isfuture(None))
try:
    asyncio.isfuture(H())
except AttributeError as e:
    print("AttributeError", e)
async def main():
    f = asyncio.get_running_loop().create_future()
    t = asyncio.ensure_future(asyncio.sleep(0))
    print(asyncio.isfuture(f), asyncio.isfuture(t), asyncio.isfuture(t.get_coro()))
    class MyFut(asyncio.Future):
        def get_loop(self): return "sub loop"
    loop = asyncio.get_running_loop()
    print(asyncio.ensure_future(f, loop=loop) is f)
    try:
        asyncio.ensure_future(MyFut(), loop=loop)
    except ValueError as e:
        print("ValueError", e)
    try:
        asyncio.ensure_future(G(), loop=loop)
    except TypeError as e:
        print("TypeError", e)
    await t
asyncio.run(main())
