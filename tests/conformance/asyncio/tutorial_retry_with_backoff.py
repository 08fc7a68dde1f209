import asyncio

attempts = {"count": 0}

async def flaky_request():
    attempts["count"] += 1
    await asyncio.sleep(0.005)
    if attempts["count"] < 4:
        raise ConnectionError(f"attempt {attempts['count']} failed")
    return "200 OK"

async def with_retries(func, retries, base_delay):
    for attempt in range(1, retries + 1):
        try:
            return await func()
        except ConnectionError as e:
            delay = base_delay * 2 ** (attempt - 1)
            print(f"{e}; retrying in {delay:.2f}s")
            await asyncio.sleep(delay)
    raise RuntimeError(f"gave up after {retries} attempts")

async def main():
    print(await with_retries(flaky_request, 5, 0.01))
    attempts["count"] = -10
    try:
        await with_retries(flaky_request, 2, 0.01)
    except RuntimeError as e:
        print("RuntimeError:", e)

asyncio.run(main())
