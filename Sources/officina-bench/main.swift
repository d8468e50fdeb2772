print("officina-bench: not yet written")
