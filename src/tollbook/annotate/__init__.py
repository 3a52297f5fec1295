"""Annotation: the spaCy parse plus tollbook's own grammars (counts, dates, sources, places)."""
