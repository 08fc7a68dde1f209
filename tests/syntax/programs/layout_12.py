if x:

    # comment
    pass

# c
