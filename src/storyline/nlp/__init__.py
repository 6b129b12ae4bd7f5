"""Understanding articles: sentences, named entities and canonical entities across articles.

Each function here is pure over text and records, so the same code runs in one process, over the
store, or on Spark partitions. The spaCy model is loaded once per :class:`EntityTagger`.
"""
