import asyncio

def make_cb(label):
    def cb(task):
        print(f"callback {label}: {task.get_name()} result={task.result()!r}")
    return cb

async def work():
    print("work running")
    await asyncio.sleep(0.01)
    print("work returning")
    return 42

async def main():
    t = asyncio.create_task(work(), name="worker")
    t.add_done_callback(make_cb("first"))
    t.add_done_callback(make_cb("second"))
    t.add_done_callback(make_cb("third"))
    result = await t
    print("main resumed with", result)
    t.add_done_callback(make_cb("late"))
    print("late callback scheduled, not yet run")
    await asyncio.sleep(0)
    print("main after sleep(0)")

asyncio.run(main())
