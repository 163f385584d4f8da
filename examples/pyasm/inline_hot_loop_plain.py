# inline_hot_loop.py without pyllc: the test suite checks that both print the same.


def histogram(values, buckets, width):
    counts = [0] * buckets
    last = buckets - 1
    for v in values:
        k = v // width
        if k > last:
            k = last
        counts[k] = counts[k] + 1
    return counts


def checksum(data):
    a, b = 1, 0
    for byte in data:
        a = (a + byte) % 65521
        b = (b + a) % 65521
    return (b << 16) | a


values = [(i * 7919) % 1000 for i in range(20000)]
print(histogram(values, 8, 100))
data = bytes(range(256)) * 40
print(checksum(data), True)
try:
    histogram([1, "two"], 4, 10)
except TypeError as e:
    print("TypeError:", e)
