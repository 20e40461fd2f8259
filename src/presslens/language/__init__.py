"""Language: loaded and evaluative wording, and tone, marked with whose voice it is in.

Input: a parsed ``Doc`` with quotes, voices and actor mentions. Output: ``LanguageFlag``
records (SemEval-2020 technique, voice, neutral reason, method) and ``Tone`` per
sentence. Entry points: ``extract.extract_flags``, ``tone.sentence_tones``. Data:
``data/loaded_terms.yaml`` (lexicon) and ``data/span_model.json`` (span model, trained
by ``scripts/train_span_model.py``). Scorer: ``scorer`` (``presslens eval propaganda``).
"""
