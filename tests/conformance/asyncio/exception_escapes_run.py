import asyncio

async def fetch(url):
    await asyncio.sleep(0.01)
    if "bad" in url:
        raise ConnectionError(f"could not reach {url}")
    return f"<html from {url}>"

async def main():
    print(await fetch("good.example"))
    print(await fetch("bad.example"))
    print("not reached")

asyncio.run(main())
print("not reached either")
