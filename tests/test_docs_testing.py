"""docs/testing.md is run: its example project is written out and its tests pass."""
import os
import re
import subprocess
import sys

try:
    import tomllib
except ImportError:  # Python 3.10
    import tomli as tomllib

import pytest

import cleantext
from cleantext.testing import assert_idempotent

from conftest import ROOT

DOC = ROOT / "docs" / "testing.md"
FENCE = re.compile(r"^```(\w+)\n(.*?)^```", re.MULTILINE | re.DOTALL)


def _blocks(lang):
    return [body for kind, body in FENCE.findall(DOC.read_text(encoding="utf-8")) if kind == lang]


def test_every_python_block_names_its_file():
    blocks = _blocks("python")
    assert len(blocks) >= 3
    for body in blocks:
        assert re.match(r"# file: [\w.]+\.py\n", body), body[:60]


def test_the_doc_example_project_passes(tmp_path):
    for body in _blocks("python"):
        name = re.match(r"# file: ([\w.]+\.py)\n", body).group(1)
        (tmp_path / name).write_text(body, encoding="utf-8")
    (tmp_path / "pytest.ini").write_text("[pytest]\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "CLEANTEXT_PROFILE"}
    # a fixed seed: the suite's own property runs are derandomized, so is this one
    run = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                          "--cleantext-profile=cleantext-dev", "--hypothesis-seed=0"],
                         cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-2000:]
    tests = sum(len(re.findall(r"^def test_", b, re.MULTILINE)) for b in _blocks("python"))
    assert re.search(rf"\b{tests} passed\b", run.stdout), run.stdout[-500:]


def test_the_doc_toml_is_the_real_setting():
    (block,) = _blocks("toml")
    doc = tomllib.loads(block)["tool"]["pytest"]["ini_options"]
    ours = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert doc["cleantext_profile"] == ours["tool"]["pytest"]["ini_options"]["cleantext_profile"]
    assert ours["project"]["entry-points"]["pytest11"] == {"cleantext": "cleantext.testing.plugin"}


def test_the_doc_story_of_the_line_filter_first_version_is_true():
    def line_filter_first(text):
        kept = [ln for ln in text.split("\n") if not ln.strip().casefold().startswith("share on ")]
        return cleantext.clean("\n".join(kept))

    with pytest.raises(AssertionError, match="not idempotent"):
        assert_idempotent(line_filter_first, "Share\u00a0on Mastodon")
