"""Extractors: each module takes a parsed ``Doc`` (plus earlier records) and returns typed records.

Every record's ``start``/``end`` are character offsets into ``doc.text``, which is
the article text.
"""
