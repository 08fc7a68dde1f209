result = await my_function(argument)
