# Future.add_done_callback(fn, /, *, context=None) and remove_done_callback(fn, /): the
# callback is positional only; wrong counts and keyword names raise CPython's messages, for
# futures and tasks alike.
import asyncio


def attempt(label, call):
    try:
        print(label, call())
    except TypeError as e:
        print(label, "TypeError", e)


async def main():
    f = asyncio.get_running_loop().create_future()
    attempt("fn=", lambda: f.add_done_callback(fn=print))
    attempt("none", lambda: f.add_done_callback())
    attempt("context", lambda: f.add_done_callback(lambda fut: print("done", fut.result()), context=None))
    attempt("two", lambda: f.add_done_callback(print, None))
    attempt("foo=", lambda: f.add_done_callback(print, foo=1))
    attempt("three", lambda: f.add_done_callback(print, context=None, foo=1))
    attempt("fn twice", lambda: f.add_done_callback(print, fn=print))
    attempt("keywords only", lambda: f.add_done_callback(a=1, b=2, c=3))
    attempt("remove none", lambda: f.remove_done_callback())
    attempt("remove two", lambda: f.remove_done_callback(print, print))
    attempt("remove fn=", lambda: f.remove_done_callback(fn=print))
    attempt("remove kw", lambda: f.remove_done_callback(print, fn=1))
    attempt("remove absent", lambda: f.remove_done_callback(print))
    f.set_result(7)
    await asyncio.sleep(0)

    t = asyncio.ensure_future(asyncio.sleep(0, "slept"))
    attempt("task fn=", lambda: t.add_done_callback(fn=print))
    attempt("task remove fn=", lambda: t.remove_done_callback(fn=print))
    attempt("task remove none", lambda: t.remove_done_callback())
    t.add_done_callback(lambda task: print("task done", task.result()))
    await t
    await asyncio.sleep(0)


asyncio.run(main())
