my_coroutine = my_function(argument)
