"""The alias table: well-known other names and acronyms of one entity ("Isil" -> Islamic State).

The project ships ``storyline/data/aliases.tsv``; a user extends it with files of the same format.
Lines are ``canonical<TAB>type<TAB>alias<TAB>alias...``. Files load in order and a later one wins:
a line for a canonical name already known adds its aliases (and may change its type), and an alias
listed again moves to the later line's entity.

>>> table = AliasTable.load()
>>> table.canonical("Isil"), table.canonical("U.S."), table.canonical("is")
(('Islamic State', 'ORG'), ('United States', 'GPE'), None)
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path

from storyline.errors import E009, StorylineError
from storyline.nlp.names import fold, lookup_keys


@dataclass(slots=True)
class AliasTable:
    # lookup key (see names.lookup_keys) -> canonical name
    _index: dict[str, str] = field(default_factory=dict)
    # canonical name -> every name listed for it, canonical first
    _names: dict[str, list[str]] = field(default_factory=dict)
    _types: dict[str, str] = field(default_factory=dict)

    @classmethod
    def load(cls, paths: Iterable[str | Path] = (), *, shipped: bool = True) -> AliasTable:
        """The shipped table (unless ``shipped=False``) with each file of ``paths`` merged over it."""
        table = cls()
        if shipped:
            text = files("storyline").joinpath("data/aliases.tsv").read_text(encoding="utf-8")
            table.merge(_parse(text, "storyline/data/aliases.tsv"))
        for path in paths:
            try:
                text = Path(path).read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                raise StorylineError(E009, path=path, line=0, why=str(exc)) from exc
            table.merge(_parse(text, str(path)))
        return table

    @classmethod
    def empty(cls) -> AliasTable:
        return cls()

    def merge(self, rows: Iterable[tuple[str, str, list[str]]]) -> None:
        for canonical, type_, aliases in rows:
            known = self._names.setdefault(canonical, [canonical])
            self._types[canonical] = type_
            for name in [canonical, *aliases]:
                for key in lookup_keys(name):
                    previous = self._index.get(key)
                    if previous is not None and previous != canonical and name in self._names[previous]:
                        self._names[previous].remove(name)
                    self._index[key] = canonical
                if name not in known:
                    known.append(name)

    def canonical(self, name: str) -> tuple[str, str] | None:
        """(canonical name, type) for a name the table lists, else None."""
        for key in lookup_keys(name):
            canonical = self._index.get(key)
            if canonical is not None:
                return canonical, self._types[canonical]
        return None

    def names(self, canonical: str) -> list[str]:
        """Every name listed for a canonical name, the canonical one first."""
        return list(self._names.get(canonical, []))

    def surface_forms(self) -> Iterator[tuple[str, str, str]]:
        """(name as written, canonical, type) for every listed name: what to look for in text."""
        for canonical, names in self._names.items():
            for name in names:
                yield name, canonical, self._types[canonical]

    def __len__(self) -> int:
        return len(self._names)


def _parse(text: str, origin: str) -> Iterator[tuple[str, str, list[str]]]:
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip("\r\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        cells = [c for c in cells if c]
        if len(cells) < 2 or not fold(cells[0]):
            raise StorylineError(
                E009, path=origin, line=number, why="expected canonical<TAB>type<TAB>aliases..."
            )
        yield cells[0], cells[1].upper(), cells[2:]
