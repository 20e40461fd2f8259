"""Quotes: who said what, and according to whom.

Input: a parsed ``Doc``. Output: ``Quote`` records (direct, indirect, mixed quotes and
attributed claims) with cue, content span and resolved speaker, and ``SentenceVoice``
(outlet or quoted speaker) per sentence.
Entry points: ``extract.extract_quotes``, ``voice.sentence_voices``.
Scorers: ``scorer`` (PolNeAR-style attribution, ``presslens eval attribution [--cv 5]``) and
``speaker_report`` (speaker statuses on any corpus without gold, ``presslens eval speakers``).
Modules: quote marks, reporting cues (verbs, colon, noun cues), frames, speakers.
"""
