# wordcount.pyasm in Python: the test suite checks that both print the same.


def words(text):
    out = []
    for w in text.split():
        w = w.strip(".,;:!?\"'()").lower()
        if w:
            out.append(w)
    return out


text = ("The quick brown fox jumps over the lazy dog. The dog sleeps; the fox runs! "
        + "A fox, a dog, and the end.")
ws = words(text)
counts = {}
for w in ws:
    counts[w] = counts.get(w, 0) + 1
print(len(ws), "words,", len(counts), "distinct")

best = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:4]
most = best[0][1]
for word, n in best:
    print("{:>6} {:2} {}".format(word, n, "#" * (n * 20 // most)))

lengths = {w: len(w) for w in ws}
long = [w for w in counts if lengths[w] > 4]
total = sum(lengths[w] for w in long)
print("long words:", sorted(long), "letters:", total)
