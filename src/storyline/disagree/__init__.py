"""Where sources disagree: numbers, dates and quotes compared across outlets, every side cited."""

from storyline.disagree.find import find_disagreements, judge
from storyline.disagree.records import REPORTED, VERDICTS, Disagreement, Side
from storyline.disagree.settings import DisagreeSettings

__all__ = ["REPORTED", "VERDICTS", "DisagreeSettings", "Disagreement", "Side",
           "find_disagreements", "judge"]
