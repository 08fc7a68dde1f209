raise
raise E
raise E from F
