café = "naïve" + 'ÿ€😀'
日本 = 1
_private = __dunder__
match = case = 1
async def main(): await x
