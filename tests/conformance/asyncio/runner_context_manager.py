import asyncio

counter = 0

async def step(label):
    global counter
    counter += 1
    await asyncio.sleep(0.01)
    print(f"{label}: counter={counter}, task={asyncio.current_task().get_name()}")
    return asyncio.get_running_loop()

with asyncio.Runner() as runner:
    loop1 = runner.run(step("first"))
    loop2 = runner.run(step("second"))
    print("same loop for both runs:", loop1 is loop2, runner.get_loop() is loop1)
print("loop closed after with:", loop1.is_closed())
runner = asyncio.Runner()
print(runner.run(asyncio.sleep(0, result="manual runner")))
runner.close()
try:
    runner.run(step("third"))
except RuntimeError as e:
    print("RuntimeError:", e)
