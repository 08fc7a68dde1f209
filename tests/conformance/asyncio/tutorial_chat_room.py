import asyncio

class ChatRoom:
    def __init__(self):
        self.queues = {}

    def join(self, name):
        self.queues[name] = asyncio.Queue()
        return self.queues[name]

    async def broadcast(self, sender, text):
        for name, q in self.queues.items():
            if name != sender:
                await q.put(f"{sender}: {text}")

async def client(room, name, script):
    inbox = room.join(name)
    await asyncio.sleep(0.01)
    for delay, text in script:
        await asyncio.sleep(delay)
        await room.broadcast(name, text)
    await asyncio.sleep(0.1)
    received = []
    while not inbox.empty():
        received.append(inbox.get_nowait())
    return name, received

async def main():
    room = ChatRoom()
    results = await asyncio.gather(
        client(room, "ann", [(0.01, "hi all"), (0.04, "bye")]),
        client(room, "bob", [(0.02, "hello ann")]),
        client(room, "cy", [(0.03, "hey")]),
    )
    for name, msgs in results:
        print(name, "received", msgs)

asyncio.run(main())
