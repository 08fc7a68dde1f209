import asyncio

async def numbers():
    try:
        for i in range(100):
            yield i
    finally:
        print("numbers: finally (finalized at loop shutdown)")

gen_ref = None

async def main():
    global gen_ref
    gen_ref = numbers()
    print(await anext(gen_ref), await anext(gen_ref))
    print("main returns with the generator suspended")

asyncio.run(main())
print("after run")
