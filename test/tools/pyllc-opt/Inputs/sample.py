# Python with a bit of everything, for frontend-roundtrip.test.
import sys


def loops(n, step=2):
    total = 0
    for i in range(0, n, step):
        if i % 3 == 0:
            continue
        while total > 100:
            total //= 2
        total += i * 1.5
    else:
        total -= 1
    return total


def closures(xs):
    k = 10
    adders = [lambda x, j=j: x + j + k for j in xs]
    return {a(1) for a in adders}


def exceptions(d, key):
    try:
        return d[key]
    except KeyError as e:
        raise ValueError(key) from e
    finally:
        d.pop("x", None)


class Point:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x, self.y = x, y

    def __repr__(self):
        return f"Point({self.x!r}, {self.y:>4})"


def gen(n):
    yield from range(n)
    yield n * 2


def consts(x):
    return (None, True, ..., 1 << 70, 2.5, 3j, "s\n", b"\xff"), x in {1, 2}


if __name__ == "__main__":
    print(loops(20), closures([1, 2]), Point(1, 2), list(gen(3)), consts(2), file=sys.stdout)
