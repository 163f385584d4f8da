"""Run by enable_runner.test: a small program whose functions are each called once."""
import sys


def primes(n):
    sieve = [True] * n
    out = []
    for i in range(2, n):
        if sieve[i]:
            out.append(i)
            for j in range(i * i, n, i):
                sieve[j] = False
    return out


class Shape:
    def __init__(self, w, h):
        self.w, self.h = w, h

    def area(self):
        return self.w * self.h


print(primes(50))
print(Shape(3, 4).area())
if "--check" in sys.argv:
    import pyllc
    fs = [primes, Shape.__init__, Shape.area]
    print("all compiled:", all(pyllc.is_compiled(f) for f in fs))
