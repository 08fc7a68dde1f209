async def my_function(argument):
    pass
