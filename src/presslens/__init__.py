"""presslens: turn news articles into verifiable, structured data.

>>> import presslens
>>> analysis = presslens.analyze("date 2024-05-01 Example Wire - The minister said ...")  # doctest: +SKIP
>>> corpus = presslens.Corpus("news.sqlite")                                              # doctest: +SKIP
"""

from presslens.core.errors import PresslensError
from presslens.core.schema import Analysis, Article
from presslens.corpus import Corpus, IngestResult
from presslens.pipeline import analyze, analyze_articles

__version__ = "0.1.0"

__all__ = ["analyze", "analyze_articles", "Corpus", "IngestResult", "PresslensError", "__version__",
           "Analysis", "Article", "Paragraph", "Sentence", "Entity", "Quote", "SentenceVoice", "Actor",
           "ActorMention", "Place", "TimeRef", "Figure", "Event", "LanguageFlag", "Tone"]
