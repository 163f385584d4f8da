# The demo of pyllc's README: two small functions, compiled to machine code.


def pick(a, b):
    return a + b if a < b else a - b


def total(n):
    s = 0
    for i in range(n):
        s += i
    return s


print(pick(2, 3), pick(5, 3))
print(total(1_000_000))
print(pick(2**70, 2**71))
