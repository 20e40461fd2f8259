"""Serving: the HTTP API (FastAPI) and the web page over a store (``presslens serve``)."""
