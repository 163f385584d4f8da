"""Formatting of pyllc.stats() for people (PYLLC_STATS=1 prints it at exit)."""


def _size(n):
    for unit in ("B", "KiB", "MiB"):
        if n < 1024 or unit == "MiB":
            return f"{n} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024
    return f"{n} B"


def format_stats(s):
    """The report printed at exit: one line per counter, then fallbacks and deopts, each
    sorted so that two runs can be compared with diff."""
    times = s.get("compile_time_s", {})
    lines = ["pyllc statistics:",
             f"  compiled:         {s.get('compiled', 0)}",
             f"  fallbacks:        {len(s.get('fallbacks', {}))}",
             f"  deopts:           {sum(s.get('deopts', {}).values())}",
             f"  compile time:     {times.get('total', 0.0):.3f} s"
             + "".join(f", {k} {v:.3f}" for k, v in sorted(times.items()) if k != "total"),
             f"  code:             {_size(s.get('code_bytes', 0))}",
             f"  JIT memory:       {_size(s.get('jit_memory_bytes', 0))}"]
    fallbacks = s.get("fallbacks", {})
    if fallbacks:
        lines.append("  fallbacks (code left to the interpreter):")
        lines += [f"    {where}: {why}" for where, why in sorted(fallbacks.items())]
    deopts = s.get("deopts", {})
    if deopts:
        lines.append("  deopts (compiled frames handed back to the interpreter):")
        lines += [f"    {why}: {n}" for why, n in sorted(deopts.items())]
    return "\n".join(lines) + "\n"
