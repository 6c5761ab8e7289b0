"""Fuzz ``clean``, ``explain`` and ``clean_html`` with hypothesis, for as long as asked.

    nice python tests/tools/fuzz.py --minutes 10            # every target, in turn
    nice python tests/tools/fuzz.py --minutes 2 --target explain

Inputs mix random Unicode with the pieces hostile input is made of (line
breaks of every kind, controls, surrogates, invisible and bidi characters,
mojibake, entities, tags, noise labels, long runs).  Each target checks the
promises cleantext makes for any ``str``:

- ``clean``: returns ``str``, valid UTF-8, ends with one newline (or is empty);
- ``idempotent``: cleaning the output again changes nothing;
- ``explain``: ``text`` equals ``clean``'s, the audit trail rebuilds the
  normalized input, each removal's text sits at its offsets, rendering again
  gives the same text;
- ``jsonl``: the stream engine yields one record per non-blank line, in
  order, each either a valid JSON output line or an error;
- ``clean_html`` (when the HTML front end is installed): returns ``str``,
  valid UTF-8, or raises one of cleantext's documented errors.

A failure prints the smallest input hypothesis found and saves it to
``fuzz-crash-<target>.txt``; that target then stops (it would find the same
failure again) and the others go on.  The exit status is 1 if any target
failed.  Add each failing input to ``CRASHERS`` in
``tests/test_hostile_fuzz.py`` so it stays a regular test.
``tests/test_hostile_fuzz.py`` also runs every target briefly in the test suite.
"""
from __future__ import annotations

import argparse
import io
import json
import sys
import time
from collections.abc import Callable
from typing import Any

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

import cleantext
from cleantext.errors import CleantextError
from cleantext.stream import clean_jsonl, iter_lines

try:
    from cleantext import clean_html
except ImportError:  # the HTML front end is not part of this build
    clean_html = None

#: Pieces hostile text is made of.
PIECES = [
    "\n", "\n\n", "\r\n", "\r", "\u2028", "\u2029", "\x85", "\x0b", "\x0c", "\x1c", "\t", " ",
    "\u00a0", "\u3000", "\u2009", "\x00", "\x07", "\x1b[1;31m", "\x1b[0m", "\x7f", "\x80", "\x9d",
    "\ud800", "\udfff", "\ud83d", "\ude00", "\ud83d\ude00", "\u200b", "\u200c", "\u200d", "\u2060",
    "\ufeff", "\u00ad", "\u202e", "\u202c", "\u2066", "\u2069", "\u200e", "\u061c", "\ufffd",
    "\U0001F469\u200D\U0001F469\u200D\U0001F467", "\U0001F1E9\U0001F1EA", "\U0001F44D\U0001F3FD",
    "1\ufe0f\u20e3", "e\u0301", "\u0345", "\uFB01", "Ａ", "ß", "İ", "ﬀ", "Ǆ",
    "Ã©", "Ã", "â€™", "â€œ", "â€", "Ã¢â‚¬â„¢", "ÃƒÂ©", "Â£", "Ð¿Ñ€", "æ–‡",
    "&amp;", "&lt;p&gt;", "&#0;", "&#xD800;", "&#1114112;", "&nbsp;", "&#65;",
    "<p>", "</p>", "<b>", "<!--", "-->", "<script>", "</script>", "<br/>", "<?xml encoding='latin-1'?>",
    "Advertisement", "ADVERTISEMENT:", "– Anzeige –", "Sponsored", "Reklama", "Publicité",
    "https://example.org/a?utm_source=x&fbclid=y", "user@example.org", "@", "%", "=", "/", "#",
    "The council approved the budget on Monday.", "Der Rat tagte am Montag.",
]
RUNS = ["x", " ", "a", "%", "=", "/", "7", "\t", ".", "-", "\n", "\u200b", "Ã"]


def _run(piece: str, n: int) -> str:
    return piece * n


texts = st.lists(
    st.one_of(
        st.text(max_size=12),
        st.sampled_from(PIECES),
        st.builds(_run, st.sampled_from(RUNS), st.integers(1, 3000)),
    ),
    max_size=40,
).map("".join)

jsonl_lines = st.lists(
    st.one_of(
        st.binary(max_size=40),
        texts.map(lambda t: json.dumps({"id": 1, "text": t}, ensure_ascii=False).encode(
            "utf-8", "surrogatepass")),
        texts.map(lambda t: json.dumps({"text": t, "n": [1, {"x": None}]}).encode()),
        st.sampled_from([b"", b" ", b"\r", b"{}", b"[]", b'{"text": 5}', b'{"text": "a"', b"\xef\xbb\xbf",
                         b'{"text": "\\ud800"}', b"[" * 2000, b"x" * 5000, b'"text"', b"null"]),
    ),
    max_size=12,
)

html_docs = st.lists(
    st.one_of(
        st.sampled_from(["<html>", "<head>", "<meta charset='utf-16'>", "<title>", "</title>",
                         "<body>", "<div>", "</div>", "<article>", "<nav>", "<template>",
                         "<noscript>", "<style>", "<a href='x'>", "</a>", "<img src='data:,x'>",
                         "<table><tr><td>", "<![CDATA[", "]]>", "<!DOCTYPE html>"]),
        texts,
    ),
    max_size=30,
).map("".join)


# --------------------------------------------------------------------------- checks


def check_clean(text: str) -> None:
    out = cleantext.clean(text)
    assert isinstance(out, str)
    out.encode("utf-8")
    assert not out.endswith("\n\n") and (out == "" or out.endswith("\n"))


def check_idempotent(text: str) -> None:
    out = cleantext.clean(text)
    assert cleantext.clean(out) == out, "clean is not idempotent"


def check_explain(text: str) -> None:
    r = cleantext.explain(text)
    assert r.text == cleantext.clean(text)
    assert r.rebuild() == r.normalized, "audit trail does not rebuild the normalized input"
    for x in r.removals:
        assert r.normalized[x.start:x.end] == x.text
    assert r.render() == r.text
    r.normalized.encode("utf-8")


def check_jsonl(lines: list[bytes]) -> None:
    data = b"\n".join(lines) + b"\n"
    expected = [i for i, line in enumerate(data.split(b"\n")[:-1], 1)
                if (line[3:] if i == 1 and line.startswith(b"\xef\xbb\xbf") else line)
                .decode("utf-8", "surrogateescape").strip()]  # a leading BOM is no record
    recs = list(clean_jsonl(iter_lines(io.BytesIO(data), 4096), cleantext.explain))
    assert [r.line for r in recs] == expected, "a record was lost or reordered"
    for r in recs:
        assert (r.output is None) != (r.error is None)
        if r.output is not None:
            r.output.encode("utf-8")
            assert "\n" not in r.output
            assert isinstance(json.loads(r.output)["text"], str)


def check_clean_html(html: str) -> None:
    assert clean_html is not None
    try:
        out = clean_html(html)
    except CleantextError:  # documented refusals (not text, too large...)
        return
    assert isinstance(out, str)
    out.encode("utf-8")


#: Every target: name -> (check, strategy of inputs).  clean_html joins when it is installed.
TARGETS: dict[str, tuple[Callable[[Any], None], st.SearchStrategy[Any]]] = {
    "clean": (check_clean, texts),
    "idempotent": (check_idempotent, texts),
    "explain": (check_explain, texts),
    "jsonl": (check_jsonl, jsonl_lines),
}
if clean_html is not None:
    TARGETS["clean_html"] = (check_clean_html, html_docs)


def fuzz_once(name: str, examples: int) -> None:
    """Run ``examples`` hypothesis examples of target ``name``; raise on a failure."""
    check, strategy = TARGETS[name]

    @settings(max_examples=examples, deadline=None, database=None, derandomize=False,
              phases=[Phase.generate, Phase.shrink], print_blob=True,
              suppress_health_check=list(HealthCheck))
    @given(strategy)
    def run(text: str) -> None:
        check(text)

    run()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--minutes", type=float, default=10.0, help="how long to run (default 10)")
    ap.add_argument("--target", choices=sorted(TARGETS), action="append",
                    help="target(s) to fuzz (default: all, in turn)")
    ap.add_argument("--batch", type=int, default=200, help="examples per round")
    args = ap.parse_args(argv)
    live = args.target or list(TARGETS)
    end = time.monotonic() + args.minutes * 60
    examples = {n: 0 for n in live}
    failed: dict[str, str] = {}
    i = 0
    while live and time.monotonic() < end:
        name = live[i % len(live)]
        i += 1
        try:
            fuzz_once(name, args.batch)
        except Exception as exc:
            notes = "\n".join(getattr(exc, "__notes__", []))
            failed[name] = f"{type(exc).__name__}: {exc}\n{notes}\n"
            print(f"FAILURE in target {name!r}: {failed[name]}", file=sys.stderr, flush=True)
            with open(f"fuzz-crash-{name}.txt", "w", encoding="utf-8") as fh:
                fh.write(failed[name])
            live.remove(name)
            continue
        examples[name] += args.batch
    print(f"fuzzed {args.minutes:g} min; examples run per target: {examples}; "
          f"failed: {sorted(failed) or 'none'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
