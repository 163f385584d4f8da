# PYLLC_PERF_MAP=1 writes /tmp/perf-PID.map ("START SIZE NAME", hex) naming each compiled
# function by its Python qualname and file, so that perf shows them; without it, no file.
# RUN: env PYLLC_PERF_MAP=1 %python %s | %FileCheck %s
# RUN: env PYLLC_PERF_MAP=0 %python %s off | %FileCheck %s --check-prefix=OFF
import os
import re
import sys

import pyllc


class Widget:
    def spin(self, n):
        return sum(range(n))


pyllc.jit(Widget.spin)
Widget().spin(10)
path = f"/tmp/perf-{os.getpid()}.map"
if sys.argv[1:] == ["off"]:
    print("map exists:", os.path.exists(path))
    # OFF: map exists: False
    sys.exit(0)
with open(path) as f:
    lines = f.read().splitlines()
ok = [ln for ln in lines if re.fullmatch(r"[0-9a-f]+ [0-9a-f]+ .*Widget\.spin.*", ln)]
print("entries:", len(ok) >= 1)
# CHECK: entries: True
