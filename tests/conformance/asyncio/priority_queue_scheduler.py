import asyncio

async def scheduler(pq, log):
    while True:
        priority, seq, job = await pq.get()
        await asyncio.sleep(0.05)
        log.append(job)
        print(f"ran {job} (priority {priority})")
        pq.task_done()

async def main():
    pq = asyncio.PriorityQueue()
    log = []
    runner = asyncio.create_task(scheduler(pq, log))
    for seq, (prio, job) in enumerate([(5, "backup"), (1, "page-oncall"), (3, "email"), (1, "restart-db"), (4, "report")]):
        pq.put_nowait((prio, seq, job))
    await asyncio.sleep(0.075)
    pq.put_nowait((0, 99, "urgent-fix"))
    await pq.join()
    runner.cancel()
    print(log)

asyncio.run(main())
