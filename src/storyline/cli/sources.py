"""What a story command works on: files given on the command line (read statelessly, as one story)
or a stored story (``--story ID``)."""

from __future__ import annotations

import sys
from typing import Annotated, Optional

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

from storyline.cli.state import State, err_console
from storyline.corpus import Corpus, load_corpus, read_corpus
from storyline.errors import E001, E013, E014, E015, StorylineError
from storyline.ingest.sources import count_inputs

PathsArg = Annotated[Optional[list[str]], typer.Argument(
    help="Files or folders read as one story, without a store. Omit to use --story.")]
StoryOpt = Annotated[Optional[str], typer.Option(
    "--story", help="A stored story id (or unique prefix); see `storyline stories`.")]


def corpus_for(st: State, paths: list[str] | None, story: str | None, *, command: str) -> Corpus:
    """The articles a command works on: ``PATH...`` or ``--story ID`` (exactly one of them)."""
    if paths and story:
        raise StorylineError(E015, why="Give either PATH... or --story, not both", command=command)
    if not paths and not story:
        raise StorylineError(E015, why="Give files to read (PATH...) or a stored story (--story ID)",
                             command=command)
    if paths:
        corpus = _read(st, paths)
        where = " in " + " ".join(paths)
    else:
        with st.open_store(readonly=True) as store:
            found = store.find_story(str(story)) if hasattr(store, "find_story") else None
            if found is None:
                raise StorylineError(E013, id=story, db=st.db)
            corpus = load_corpus(store, found.article_ids)
        where = f" in story {story}"
    if not corpus.analyses:
        raise StorylineError(E014, where=where)
    return corpus


def _read(st: State, paths: list[str]) -> Corpus:
    if not sys.stderr.isatty():
        return read_corpus(paths, st.settings)
    try:
        total = count_inputs(paths)
    except StorylineError:
        raise
    except OSError as exc:
        raise StorylineError(E001, path=exc.filename or paths[0]) from exc
    with Progress(TextColumn("read"), BarColumn(), MofNCompleteColumn(), console=err_console(),
                  transient=True) as bar:
        task = bar.add_task("read", total=total)
        return read_corpus(paths, st.settings, progress=lambda n: bar.advance(task, n))
