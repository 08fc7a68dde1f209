import asyncio
import sys

async def main():
    print("main decides to exit with status 3")
    try:
        sys.exit(3)
    finally:
        print("finally still runs")

asyncio.run(main())
print("never printed")
