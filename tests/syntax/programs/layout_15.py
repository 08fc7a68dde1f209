if x:
    pass
