"""Macros that render norms from data/ as tables: ``normtabel``, ``lijst``, ``bronnen``, ``wetten``.

(To be written: see DECISIONS.md D4.)
"""
