"""Every compiled pattern in the package runs in linear time on adversarial input.

Patterns are found generically: every ``cleantext.*`` module is imported and
its module-level and class-level ``re``/``regex`` pattern objects collected
(also inside a tuple, list, set or dict held there), so a new filter's
patterns are checked the day it lands.  Each pattern scans adversarial strings
of size n and 16n; a linear pattern takes about 16 times longer on the larger
one, a quadratic one about 256 times.  Times are the best of several runs, and
each pattern runs in a child process so a catastrophic one fails the test
instead of hanging it.
"""
from __future__ import annotations

import importlib
import multiprocessing as mp
import pkgutil
import re
import time

import pytest
import regex

import cleantext

PATTERN_TYPES = (re.Pattern, type(regex.compile("")))

#: Adversarial inputs: long runs of one character, or a run that almost matches.
PROBES = {
    "spaces+x": lambda n: " " * n + "x",
    "a+!": lambda n: "a" * n + "!",
    "x@a": lambda n: "x@" + "a" * n,
    "percent": lambda n: "%" * n,
    "equals": lambda n: "=" * n,
    "slashes": lambda n: "/" * n,
    "digits": lambda n: "7" * n,
    "tabs": lambda n: "\t" * n,
    "word-space": lambda n: "ab " * (n // 3),
    "dots": lambda n: ". " * (n // 2),
    "dashes": lambda n: "-" * n,
    "url-ish": lambda n: "http://" + "a." * (n // 2),
    "query": lambda n: "?a=1&" * (n // 5),
    "upper": lambda n: "A" * n,
    "mojibake": lambda n: "Ã\u00a9" * (n // 2),
    "nbsp+x": lambda n: "\u00a0" * n + "x",
    "newlines": lambda n: "\n" * n,
    "brackets": lambda n: "[(" * (n // 2),
}

SMALL = 2_000
FACTOR = 16
#: Largest accepted time ratio between 16n and n (linear: ~16; quadratic: ~256).
MAX_RATIO = 3 * FACTOR
#: Below this many seconds at 16n a pattern is too fast to matter (or to time).
FLOOR = 0.002
CHILD_TIMEOUT = 60.0


def _collect(found: dict[int, tuple[list[str], object]], where: str, obj: object, depth: int = 0) -> None:
    if isinstance(obj, PATTERN_TYPES):
        # ``re.compile`` hands back its cached object for a pattern compiled
        # before: two modules can hold the same object, under both names.
        found.setdefault(id(obj), ([], obj))[0].append(where)
    elif depth < 2 and isinstance(obj, (tuple, list, set, frozenset)):
        for i, x in enumerate(obj):
            _collect(found, f"{where}[{i}]", x, depth + 1)
    elif depth < 2 and isinstance(obj, dict):
        for k, v in obj.items():
            _collect(found, f"{where}[{k!r}]", v, depth + 1)


def discover() -> list[tuple[str, object]]:
    """(dotted names, pattern) for every pattern object held by a cleantext module or class.

    Each object is listed once, with every name it is held under ("a = b" when
    it is held under two), so each is timed once.
    """
    found: dict[int, tuple[list[str], object]] = {}
    mods = [cleantext] + [importlib.import_module(m.name)
                          for m in pkgutil.walk_packages(cleantext.__path__, "cleantext.")
                          if not m.name.endswith("__main__")]
    for mod in mods:
        for name, obj in sorted(vars(mod).items()):
            _collect(found, f"{mod.__name__}.{name}", obj)
            if isinstance(obj, type) and obj.__module__ == mod.__name__:
                for cname, cobj in sorted(vars(obj).items()):
                    _collect(found, f"{mod.__name__}.{name}.{cname}", cobj)
    return sorted(((" = ".join(sorted(names)), obj) for names, obj in found.values()), key=lambda x: x[0])


def _best(pattern, s, repeats: int) -> float:
    best = float("inf")
    for _ in range(repeats):
        t = time.perf_counter()
        for _m in pattern.finditer(s):
            pass
        best = min(best, time.perf_counter() - t)
    return best


def measure(pattern, repeats: int = 3, n: int = SMALL) -> dict[str, tuple[float, float]]:
    """Best times at n and 16n for every probe."""
    out = {}
    for name, make in PROBES.items():
        small, big = make(n), make(n * FACTOR)
        if isinstance(pattern.pattern, bytes):
            small, big = small.encode("utf-8"), big.encode("utf-8")
        out[name] = (_best(pattern, small, repeats), _best(pattern, big, repeats))
    return out


def _nonlinear(times: dict[str, tuple[float, float]]) -> dict[str, float]:
    return {k: t2 / max(t1, 1e-7) for k, (t1, t2) in times.items()
            if t2 >= FLOOR and t2 / max(t1, 1e-7) > MAX_RATIO}


def _child(pattern, conn, n: int) -> None:
    times = measure(pattern, n=n)
    bad = _nonlinear(times)
    for _ in range(3):  # a busy machine can slow one timing: call it non-linear only if it stays so
        if not bad:
            break
        again = measure(pattern, repeats=7, n=n)
        bad = {k: v for k, v in _nonlinear(again).items() if k in bad}
    conn.send(bad)


def check_linear(pattern, timeout: float = CHILD_TIMEOUT, n: int = SMALL) -> dict[str, float] | None:
    """Probes on which ``pattern`` grew faster than linearly ({} if none), None if it hung."""
    ctx = mp.get_context("fork")
    parent, child = ctx.Pipe()
    proc = ctx.Process(target=_child, args=(pattern, child, n), daemon=True)
    proc.start()
    try:
        if not parent.poll(timeout):
            return None
        return parent.recv()
    finally:
        if proc.is_alive():
            proc.kill()
        proc.join()


PATTERNS = discover()


def test_discovery_finds_module_and_class_level_patterns():
    names = {name for n, _ in PATTERNS for name in n.split(" = ")}
    assert "cleantext.pipeline._SURROGATE" in names
    # the walk reaches class attributes and containers too
    found: dict[int, tuple[list[str], object]] = {}

    class Holder:
        ONE = re.compile("a")
        MANY = (regex.compile("b"), {"k": re.compile(b"c")})
    for cname, cobj in vars(Holder).items():
        _collect(found, cname, cobj)
    assert sorted(n for names, _ in found.values() for n in names) == ["MANY[0]", "MANY[1]['k']", "ONE"]
    # one object under two names is listed once, with both names
    shared = re.compile("shared-pattern")
    both: dict[int, tuple[list[str], object]] = {}
    _collect(both, "first", shared)
    _collect(both, "second", (re.compile("shared-pattern"),))
    assert list(both.values()) == [(["first", "second[0]"], shared)]


@pytest.mark.parametrize("name,pattern", PATTERNS, ids=[n for n, _ in PATTERNS])
def test_pattern_is_linear(name, pattern):
    bad = check_linear(pattern)
    assert bad is not None, f"{name} ({pattern.pattern!r}) did not finish on adversarial input"
    assert not bad, f"{name} ({pattern.pattern!r}) grows faster than linearly: time ratio {bad}"


def test_the_check_tells_linear_from_quadratic_and_catastrophic():
    assert check_linear(re.compile(r"[ \t]+|\d{3}")) == {}
    # the classics, on smaller sizes to keep this test short
    assert "spaces+x" in check_linear(re.compile(r"\s+$"), n=400)
    assert "a+!" in check_linear(re.compile(r"\w+@\w+"), n=400)
    assert check_linear(re.compile(r"(a|aa)+$"), timeout=3) is None  # exponential: never ends
