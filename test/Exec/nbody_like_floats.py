# Execution test: python3.11 and `pyllc --run` give the same output and exit status.
# RUN: %python %S/Inputs/run.py %t.want %python %s
# RUN: %python %S/Inputs/run.py %t.got %pyllc --run %s
# RUN: diff %t.want %t.got
# RUN: %FileCheck %s < %t.got
def step(pos, vel, dt, n):
    for _ in range(n):
        for i in range(len(pos)):
            vel[i] -= pos[i] * dt
            pos[i] += vel[i] * dt
    return [round(p, 6) for p in pos], [round(v, 6) for v in vel]
print(step([1.0, 0.5], [0.0, 0.1], 0.01, 1000))

# ---- expected output (scripts/update_exec_checks.py) ----
# CHECK: ([-0.836329, -0.472571], [0.544063, 0.187855])
# CHECK-NEXT: [exit 0]
