"""Meaning-level evidence: sentence embeddings, negation, content words, names.

These modules compute what the TA5xx checks read; they report no findings.
"""
