print("forma")
