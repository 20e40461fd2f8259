"""Events: who did what to whom, where and when, in the PLOVER ontology.

Input: a parsed ``Doc`` with its actors, mentions, quotes, places and times. Output:
``Event`` records (type, mode, source/target actors, negation, hypothetical, reporter).
Entry point: ``extract.extract_events``. Data: ``data/plover.yaml`` (lexicon written
from the PLOVER definitions), read by ``plover``. Scorer: ``scorer``
(``presslens eval events``).
"""
