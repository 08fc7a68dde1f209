import asyncio
async def main():
    print('shav')
