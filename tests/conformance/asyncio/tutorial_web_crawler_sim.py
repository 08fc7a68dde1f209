import asyncio

PAGES = {
    "/": ["/about", "/blog"],
    "/about": ["/team"],
    "/blog": ["/blog/1", "/blog/2", "/about"],
    "/team": [],
    "/blog/1": ["/"],
    "/blog/2": ["/blog/1"],
}
LATENCY = {"/": 0.01, "/about": 0.03, "/blog": 0.02, "/team": 0.01, "/blog/1": 0.02, "/blog/2": 0.04}

async def fetch(url):
    await asyncio.sleep(LATENCY[url])
    return PAGES[url]

async def crawl(start, limit):
    seen = {start}
    frontier = [start]
    sem = asyncio.Semaphore(limit)
    order = []

    async def visit(url):
        async with sem:
            links = await fetch(url)
        order.append(url)
        return links

    depth = 0
    while frontier:
        results = await asyncio.gather(*(visit(u) for u in frontier))
        print(f"depth {depth}: fetched {frontier}")
        frontier = []
        for links in results:
            for link in links:
                if link not in seen:
                    seen.add(link)
                    frontier.append(link)
        depth += 1
    return order

order = asyncio.run(crawl("/", limit=2))
print("completion order:", order)
