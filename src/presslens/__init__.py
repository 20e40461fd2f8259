"""presslens: turn news articles into verifiable, structured data.

>>> import presslens
>>> analysis = presslens.analyze("date 2024-05-01 Example Wire - The minister said ...")  # doctest: +SKIP
>>> corpus = presslens.Corpus("news.sqlite")                                              # doctest: +SKIP
"""

from .corpus import Corpus, IngestResult
from .errors import PresslensError
from .pipeline import analyze, analyze_articles
from .schema import Analysis, Article

__version__ = "0.1.0"

__all__ = ["analyze", "analyze_articles", "Corpus", "IngestResult", "Analysis", "Article",
           "PresslensError", "__version__"]
