from pathlib import Path

import pytest

import cleantext

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
SHARED = ROOT.parent / "shared"


@pytest.fixture
def fixtures_dir() -> Path:
    return FIXTURES


def reasons_for(pipe):
    """``reasons(text, pipe=pipe)``: the (reason id, removed text) of each removal, in order."""
    def reasons(text, pipe=pipe):
        return [(r.reason, r.text) for r in cleantext.explain(text, pipeline=pipe).removals]
    return reasons
