import asyncio

with asyncio.Runner() as runner:
    runner.run(main())
