import OfficinaApp

print("officina: not yet wired")
