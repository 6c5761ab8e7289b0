"""The property suite: cleantext's guarantees, checked with its own testing kit.

Examples per property come from the hypothesis profile the pytest plugin
loads (``cleantext-ci`` from pyproject.toml: 1,000, derandomized; run
``pytest --cleantext-profile=cleantext-long`` for 20,000).

Families are not listed here: the removal-rate property runs for every kind
the default pipeline's filters declare that the kit can generate, so a new
noise filter is covered as soon as it joins the default chain.
"""
import json
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import cleantext
from cleantext import DEFAULT_FILTERS, Kind, Pipeline, default_pipeline
from cleantext.stream import clean_jsonl
from cleantext.testing import (assert_audit_complete, assert_deletion_only, assert_idempotent,
                               assert_keeps, assert_removal_rate, covered_kinds, noise_kinds,
                               noisy_articles)

PIPE = default_pipeline()
COVERED = covered_kinds(PIPE)
RATE_KINDS = [k for k in noise_kinds() if k in COVERED]

#: Characters that break naive cleaners: lone surrogates, controls, every line
#: break and space style, BOM, mojibake fragments, combining marks.
TRICKY = ("\ud800", "\udfff", "\ud83d", "\x00", "\x1b", "\x7f", "\x85", "\r", "\n", "\r\n",
          "\u2028", "\u2029", "\x0b", "\x0c", "\t", " ", "\u00a0", "\u2009", "\u3000",
          "\ufeff", "\u200b", "\u00ad", "Ã", "©", "â€", "\u0301", "a", "Z", ".", "ß", "Ł", "&amp;")

hostile_text = st.one_of(
    st.text(st.characters(exclude_categories=()), max_size=200),  # every code point, surrogates too
    st.lists(st.sampled_from(TRICKY), max_size=60).map("".join),
)
#: Realistic noisy articles, every family the kit knows, and hostile text.
any_text = st.one_of(noisy_articles().map(lambda a: a.text), hostile_text)


# ----------------------------------------------------------------------------- invariants


@given(any_text)
def test_idempotent(text):
    assert_idempotent(cleantext.clean, text)


@given(any_text)
def test_deletion_only(text):
    assert_deletion_only(cleantext.clean, text)


@given(any_text)
def test_audit_complete(text):
    assert_audit_complete(cleantext.explain(text))


@given(hostile_text)
def test_no_crash_and_utf8_output_on_any_text(text):
    out = cleantext.clean(text)
    out.encode("utf-8")  # no lone surrogate survives
    assert out == "" or out.endswith("\n")


# ----------------------------------------------------------------------------- content and noise


@given(noisy_articles(inline=Kind.TRACKING in COVERED))
def test_content_paragraphs_kept(case):
    """Every paragraph, headline and subheading survives, whatever noise and damage surround it."""
    assert_keeps(cleantext.clean, case.text, case.paragraphs)


@pytest.mark.parametrize("kind", RATE_KINDS, ids=[k.value for k in RATE_KINDS])
def test_injected_noise_removed(kind):
    """Noise of each covered family is removed in at least 99% of generated cases."""
    # Half the profile's examples, on short articles: each case holds one to
    # eight pieces of the family, so this is thousands of noise lines a family.
    examples = max(100, settings.default.max_examples // 2)
    stats = assert_removal_rate(cleantext.clean, kind, min_rate=0.99, examples=examples,
                                min_paragraphs=3, max_paragraphs=3)
    assert stats.cases >= examples // 2, stats.report()


def test_rate_kinds_follow_the_pipeline():
    assert Kind.ADVERTISEMENT in RATE_KINDS
    assert set(RATE_KINDS) == set(COVERED) & set(noise_kinds())


# ----------------------------------------------------------------------------- determinism


def _batch_settings():
    # Each example cleans a batch several times over: fewer examples, same coverage.
    return settings(max_examples=max(50, settings.default.max_examples // 5))


@_batch_settings()
@given(st.lists(any_text, min_size=2, max_size=5), st.randoms(use_true_random=False))
def test_deterministic_whatever_came_before(docs, rnd):
    """Same output whatever documents came before, in any order, with a fresh or a warm pipeline."""
    alone = [Pipeline(DEFAULT_FILTERS).clean(d) for d in docs]  # each with a cold pipeline
    assert [PIPE.clean(d) for d in docs] == alone
    order = list(range(len(docs)))
    rnd.shuffle(order)
    shuffled = {i: PIPE.clean(docs[i]) for i in order}
    assert [shuffled[i] for i in range(len(docs))] == alone
    assert [r.text for r in PIPE.map(reversed(docs))] == alone[::-1]


@_batch_settings()
@given(st.lists(noisy_articles().map(lambda a: a.text), min_size=2, max_size=4),
       st.randoms(use_true_random=False))
def test_deterministic_in_shuffled_jsonl_batches(docs, rnd):
    """A record's output does not depend on its batch or its place in it."""
    alone = {i: cleantext.clean(d) for i, d in enumerate(docs)}
    records = [json.dumps({"id": i, "text": d}) for i, d in enumerate(docs)]
    rnd.shuffle(records)
    for rec in clean_jsonl(records, PIPE.explain):
        assert rec.error is None, rec.error
        obj = json.loads(rec.output)
        assert obj["text"] == alone[obj["id"]]


