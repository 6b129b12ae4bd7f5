"""Storyline: turn a pile of raw news articles into stories, timelines and cited summaries, offline."""

import logging

__version__ = "0.1.0"

logging.getLogger(__name__).addHandler(logging.NullHandler())
