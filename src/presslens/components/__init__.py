"""spaCy components: each presslens capability as a registered pipeline factory.

``nlp.add_pipe("presslens_quotes")`` (or ``presslens_events``, ``presslens_places``, …, or
``presslens`` for all of them) adds presslens to any English spaCy pipeline with a parser and
NER. Results are ``Span``s under ``doc._.quotes``, ``doc._.events``, ``doc._.places``, …, each with
its presslens record in ``span._.presslens``; ``doc._.article_date`` (YYYY-MM-DD) anchors relative
times. The presslens pipeline runs these same components, so there is one code path.
"""

from .factories import COMPONENTS, Presslens, analysis_of, run_steps
from .extensions import DOC_KINDS, register_extensions

__all__ = ["COMPONENTS", "DOC_KINDS", "Presslens", "analysis_of", "register_extensions", "run_steps"]
