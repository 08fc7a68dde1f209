import asyncio

async def job(i):
    await asyncio.sleep(0.01 * i)
    if i % 2:
        raise ValueError(f"job {i} failed")
    return i * 10

async def main():
    results = await asyncio.gather(*(job(i) for i in range(5)), return_exceptions=True)
    for i, r in enumerate(results):
        kind = "error" if isinstance(r, Exception) else "ok"
        print(i, kind, repr(r))
    good = [r for r in results if not isinstance(r, BaseException)]
    print("successes:", good)

asyncio.run(main())
