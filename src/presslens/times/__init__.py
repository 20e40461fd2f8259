"""Times: TimeML-style time expressions resolved against the article's date.

Input: a parsed ``Doc`` and the article date. Output: ``TimeRef`` records (value,
granularity, ranges). Entry point: ``extract.extract_times``. Patterns and word lists
live in ``patterns`` and ``lexicon``. Scorer: ``scorer`` (``presslens eval time``).
"""
