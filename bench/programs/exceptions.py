# Exceptions caught inside a hot loop: parsing with int() that fails half the time, dict
# lookups that miss (KeyError), attribute probes (AttributeError) and a with-block whose
# __exit__ swallows. Before compiled handlers, the first exception of each call handed
# the rest of the call to the interpreter.
class Quiet:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return True


def parse(items):
    good = bad = 0
    for s in items:
        try:
            good += int(s)
        except ValueError:
            bad += 1
    return good, bad


def lookups(d, n):
    hits = misses = 0
    for i in range(n):
        try:
            hits += d[i]
        except KeyError:
            misses += 1
    return hits, misses


def probes(objs):
    found = 0
    for o in objs:
        try:
            found += o.real
        except AttributeError:
            found -= 1
        finally:
            found += 1
    return found


def swallowed(n):
    count = 0
    for i in range(n):
        with Quiet():
            count += 1
            if i % 2:
                raise ValueError(i)
    return count


def main():
    items = [str(i) if i % 2 else "x%d" % i for i in range(200_000)]
    d = {i: i for i in range(0, 200_000, 3)}
    objs = [i if i % 2 else "s" for i in range(200_000)]
    for _ in range(3):
        print(parse(items), lookups(d, 200_000), probes(objs), swallowed(100_000))


main()
