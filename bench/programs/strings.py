# Strings, dicts and method calls: mostly time inside CPython's C code.
def words(n):
    counts = {}
    for i in range(n):
        w = "w" + str(i % 97)
        counts[w] = counts.get(w, 0) + 1
    return sorted(counts.items())[:3]


print(words(300_000))
