"""Actors: who is named, resolved to canonical entities with country and sector.

Input: a parsed ``Doc`` and its quotes. Output: ``Actor`` and ``ActorMention`` records
(every surface name kept, for the naming data).
Entry point: ``extract.extract_actors``. Data: ``data/actors.yaml`` (the actor book;
format in its header), read by ``book``. Scored through the events scorer
(actor countries) and the seed card.
"""
