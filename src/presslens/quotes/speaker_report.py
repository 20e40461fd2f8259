"""Speaker quality on any corpus, no gold needed: ``presslens eval speakers --gold FILE_OR_DIR``.

For every quote record of every readable article: is its speaker a name the
article gives (``named``), a description without a name (``described``: 'two
officials'), ``unresolved`` (a pronoun or role noun the article never names), or
is there no source at all (``none``: 'is expected to')? A speaker that is a
pronoun or a function word is counted as an error: there should be none.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from presslens.core.nlp import parse_many
from presslens.core.readers import read_articles
from presslens.core.schema import Quote
from presslens.core.scoring import EvalReport, ratio

from .cues import FUNCTION_WORDS
from .extract import extract_quotes
from .speakers import DESCRIBED, NAMED, NONE, UNRESOLVED

DEFAULT_GOLD = "eval/attribution/dev.jsonl"
_SHOWN = 15


def word_speaker(quote: Quote) -> bool:
    """Whether a record's speaker is a pronoun or function word presented as a name."""
    return bool(quote.speaker) and all(w in FUNCTION_WORDS for w in quote.speaker.lower().split())


def speaker_shares(quotes: list[Quote]) -> dict[str, float]:
    """Share of records per speaker status, and the count of pronoun or function-word speakers."""
    statuses = Counter(q.speaker_status for q in quotes)
    total = len(quotes)
    return {"records": float(total), "named_share": ratio(statuses[NAMED], total),
            "described_share": ratio(statuses[DESCRIBED], total),
            "unresolved_share": ratio(statuses[UNRESOLVED], total), "no_source_share": ratio(statuses[NONE], total),
            "not_entity_share": ratio(total - statuses[NAMED], total),
            "pronoun_or_word_speakers": float(sum(word_speaker(q) for q in quotes))}


def evaluate(gold: Path, limit: int | None = None, **_: object) -> EvalReport:
    """Speaker statuses over every article in a file or directory (any format ``presslens ingest`` reads)."""
    articles = [a for a in read_articles([gold]) if a.status == "ok"][:limit]
    quotes = [q for doc in parse_many(a.text for a in articles) for q in extract_quotes(doc)]
    unresolved = Counter((q.speaker_mention or "").lower() for q in quotes if q.speaker_status == UNRESOLVED)
    rows = [{"unresolved mention": mention or "(none)", "records": count}
            for mention, count in unresolved.most_common(_SHOWN)]
    notes = [f"{len(articles)} articles, {len(quotes)} quote records; no gold is used: the shares describe the "
             "speakers presslens gives, whoever reads them"]
    return EvalReport(task="speakers", gold=str(gold), n=len(articles), metrics=speaker_shares(quotes),
                      rows=rows, notes=notes)


__all__ = ["DEFAULT_GOLD", "evaluate", "speaker_shares", "word_speaker"]
