# One long loop in a function called once: needs loop-entry compilation to speed up.
def total(n):
    s = 0
    for i in range(n):
        s += i * 2 % 7
    return s


print(total(5_000_000))
