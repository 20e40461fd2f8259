"""Mirrored-pair tables for the symmetry suite (``tests/test_symmetry.py``), written for presslens."""
