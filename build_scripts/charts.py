"""Charts rendered at build time from data/ to inline SVG (macro ``grafiek``).

(To be written.)
"""
