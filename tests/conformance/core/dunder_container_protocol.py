class Playlist:
    def __init__(self, *songs):
        self.songs = list(songs)
    def __len__(self):
        return len(self.songs)
    def __getitem__(self, index):
        if isinstance(index, slice):
            return Playlist(*self.songs[index])
        return self.songs[index]
    def __setitem__(self, index, value):
        print(f"  set [{index}] = {value}")
        self.songs[index] = value
    def __delitem__(self, index):
        print(f"  del [{index}]")
        del self.songs[index]
    def __contains__(self, song):
        return song.lower() in (s.lower() for s in self.songs)
    def __iter__(self):
        return iter(self.songs)
    def __reversed__(self):
        return reversed(self.songs)
    def __repr__(self):
        return f"Playlist{tuple(self.songs)}"
p = Playlist("Intro", "Song A", "Song B", "Outro")
print(len(p), p[0], p[-1], p[1:3], bool(p), bool(Playlist()))
p[1] = "Song Z"
del p[0]
print(p, "song z" in p, "intro" in p, list(reversed(p)), [s.upper() for s in p])
print(sorted(p), max(p, key=len), "-".join(p), list(enumerate(p, 1)))
try:
    p[10]
except IndexError as e:
    print("IndexError:", e)
class Grid:
    def __init__(self):
        self.cells = {}
    def __getitem__(self, key):
        row, col = key
        return self.cells.get(key, ".")
    def __setitem__(self, key, value):
        self.cells[key] = value
g = Grid()
g[0, 1] = "X"
g[(2, 2)] = "O"
print("\n".join("".join(g[r, c] for c in range(3)) for r in range(3)))
class Sized:
    def __len__(self):
        return 0
print(bool(Sized()), len(Sized()))
