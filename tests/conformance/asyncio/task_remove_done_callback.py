import asyncio

def noisy(task):
    print("noisy callback ran")

def quiet(task):
    print("quiet callback ran")

async def main():
    t = asyncio.create_task(asyncio.sleep(0.01, result="r"))
    t.add_done_callback(noisy)
    t.add_done_callback(quiet)
    t.add_done_callback(noisy)
    print("removed:", t.remove_done_callback(noisy))
    print("removed again:", t.remove_done_callback(noisy))
    print(await t)
    await asyncio.sleep(0)
    print("end")

asyncio.run(main())
