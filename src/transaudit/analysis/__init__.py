"""Analysis: what checks consult (language tags and identification, text spans, gazetteer).

Nothing here produces findings; checks do.
"""
