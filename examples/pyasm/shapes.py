# shapes.pyasm in Python: the test suite checks that both print the same.


class Rect:
    def __init__(self, w, h):
        self.w = w
        self.h = h

    def area(self):
        return self.w * self.h

    def __repr__(self):
        return "Rect({}, {})".format(self.w, self.h)


class Square(Rect):
    def __init__(self, side):
        super(Square, self).__init__(side, side)

    def __repr__(self):
        return "Square({})".format(self.w)


def make(n):
    shapes = []
    i = 1
    while i <= n:
        if i % 2 == 0:
            shapes.append(Rect(i, i * 2))
        else:
            shapes.append(Square(i))
        i = i + 1
    return shapes


def summary(shapes):
    total = 0
    best = None
    for s in shapes:
        a = s.area()
        total = total + a
        if best is None or a > best.area():
            best = s
    return total, best


shapes = make(7)
print(shapes)
result = summary(shapes)
print("total area", result[0], "largest", result[1])
for s, k in zip(shapes, range(1, 100)):
    if k > 3:
        break
    print(k, type(s).__name__, s.area())
squares = 0
for s in shapes:
    if isinstance(s, Square):
        squares = squares + 1
print("squares:", squares)
