import asynio

async def main():
    print("never runs")

asynio.run(main())
