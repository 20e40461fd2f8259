"""Static web page served by ``presslens serve``."""
