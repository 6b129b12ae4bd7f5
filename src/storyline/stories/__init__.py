"""Stories: articles about the same ongoing story, grouped; pure functions over records.

- :func:`story_features` / :func:`story_features_batch`: what clustering knows of one article.
- :func:`cluster`: a full, deterministic clustering of many articles.
- :class:`StoryIndex`: incremental assignment (attach, open, merge on a bridge article), with a
  serialisable state the store can keep.
"""

from storyline.stories.cluster import cluster
from storyline.stories.embed import Embedder
from storyline.stories.features import StoryFeatures, story_features, story_features_batch
from storyline.stories.index import StoryIndex, StoryParams

__all__ = ["Embedder", "StoryFeatures", "StoryIndex", "StoryParams", "cluster", "story_features",
           "story_features_batch"]
