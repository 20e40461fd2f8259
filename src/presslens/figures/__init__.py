"""Figures: numbers with what they count, when, where and whose figure it is.

Input: a parsed ``Doc`` with quotes, places and times. Output: ``Figure`` records
(value, bounds, counted noun, year, place, source). Entry point:
``extract.extract_figures``. Scored by the seed card (no public gold set yet).
"""
