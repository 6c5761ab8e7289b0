"""The parts of the full-page classifier used by :mod:`cleantext.filters.boilerplate`.

- :mod:`.language` -- the page's stopword list, from jusText's lists, or a language-free fallback;
- :mod:`.features` -- per-line measurements and feature vectors;
- :mod:`.model` -- the logistic-regression weights (``cleantext/data/boilerplate/model.json``) and scoring;
- :mod:`.region` -- smoothing, the main region, verdicts and the headline.
"""
