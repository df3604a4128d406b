"""Checks that compare an English article with its Spanish original.

The original's sentences are aligned with the article's (``align``); rules of
``kind = "detector"`` then compare aligned pairs: numbers, names, untranslated
sentences, quotations, omissions and additions (``checks``), and findings of
the monolingual rules that the original confirms are made safe (``confirm``).
Without an original none of this runs and nothing changes.
"""
