print("mnist-repl")
