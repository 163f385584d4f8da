# Float arithmetic on lists and tuples (the classic n-body, reduced).
def advance(bodies, pairs, dt, n):
    for _ in range(n):
        for (b1, b2) in pairs:
            x1, y1, z1, v1, m1 = b1
            x2, y2, z2, v2, m2 = b2
            dx, dy, dz = x1 - x2, y1 - y2, z1 - z2
            mag = dt * ((dx * dx + dy * dy + dz * dz) ** (-1.5))
            b1m, b2m = m1 * mag, m2 * mag
            v1[0] -= dx * b2m
            v1[1] -= dy * b2m
            v1[2] -= dz * b2m
            v2[0] += dx * b1m
            v2[1] += dy * b1m
            v2[2] += dz * b1m
        for b in bodies:
            b[3][0] += 0.0


def main():
    bodies = [[float(i), float(i * 2 % 3), float(i % 5), [0.1 * i, 0.2, 0.3], 1.0 + i]
              for i in range(5)]
    pairs = [(bodies[i], bodies[j]) for i in range(5) for j in range(i + 1, 5)]
    advance(bodies, pairs, 0.01, 20000)
    print(round(sum(b[3][0] for b in bodies), 6))


main()
