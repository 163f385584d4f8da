# Example (c): inline .pyasm (pyllc.asm) in a hot Python loop. Run it with
#     PYTHONPATH=build/python python3.11 examples/pyasm/inline_hot_loop.py
# histogram() runs in the interpreter: each pyllc.asm() call passes the function's
# variables through a dict to the compiled .pyasm code and back (about 3.6 us a call).
# checksum() is compiled by pyllc.jit: its .pyasm code is spliced into the function's
# own code, on its own variables (about 0.1 us a call, bench/asm_inline.py; plain Python
# `t = t + i` takes 0.08 us). inline_hot_loop_plain.py computes the same in plain
# Python; test/Examples/inline_hot_loop.test checks that both print the same.
import pyllc


def histogram(values, buckets, width):
    """Counts the values per bucket of `width`; values past the last bucket go to it."""
    counts = [0] * buckets
    last = buckets - 1
    k = 0  # the .pyasm code uses the function's variables: k must be one
    for v in values:
        # $k = min(v // width, last); counts[k] += 1
        pyllc.asm("""
            OP $v // $width -> $k
            IF OP ($k > $last) { LOAD $last -> $k }
            STORE $counts[$k] (OP ($counts[$k] + 1))
        """)
    return counts


@pyllc.jit
def checksum(data):
    """Adler-32 of a bytes object, the two sums in .pyasm."""
    a, b = 1, 0
    for byte in data:
        pyllc.asm("OP OP ($a + $byte) % 65521 -> $a; OP OP ($b + $a) % 65521 -> $b")
    return (b << 16) | a


values = [(i * 7919) % 1000 for i in range(20000)]
print(histogram(values, 8, 100))
data = bytes(range(256)) * 40
print(checksum(data), pyllc.is_compiled(checksum))
try:
    histogram([1, "two"], 4, 10)
except TypeError as e:
    print("TypeError:", e)
