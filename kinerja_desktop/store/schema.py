"""The schema a database of a given version must have, and how a file differs from it.

The expected schema is never a list kept by hand: it is what this version's
own migrations (`store.migrations.STEPS`) produce when run on an empty
in-memory database up to that version, so every new step (the data-kinerja
tables too) is covered the moment it is added. A file is compared with it as
a whole: every row of `sqlite_master` — tables, columns (in the table's SQL),
indexes, triggers, views — by type, name, table and normalised SQL. Anything
more (a planted trigger, a view, an extra table or index), anything less, or
anything changed is a difference. SQLite's own statistics tables
(`sqlite_stat1` …, written by ANALYZE) carry no behaviour and are ignored.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from functools import lru_cache

from peewee import SqliteDatabase

from . import migrations

SchemaRow = tuple[str, str, str, str]  # type, name, tbl_name, normalised sql

_TYPE_WORDS = {
    "table": "tabel",
    "index": "indeks",
    "trigger": "pemicu (trigger)",
    "view": "view",
}


_AROUND_PUNCTUATION = re.compile(r"\s*([(),])\s*")


def _normal_sql(sql: str | None) -> str:
    """The SQL with layout removed: runs of white space become one space, none
    around parentheses and commas (how a statement was laid out says nothing)."""
    return _AROUND_PUNCTUATION.sub(r"\1", " ".join((sql or "").split()))


def _ignored(name: str) -> bool:
    return name.startswith("sqlite_stat")


def schema_of(conn: sqlite3.Connection, schema: str = "main") -> frozenset[SchemaRow]:
    """Every object of `sqlite_master` in the database `schema` of `conn`."""
    rows = conn.execute(f"SELECT type, name, tbl_name, sql FROM {schema}.sqlite_master").fetchall()
    return frozenset(
        (str(t), str(n), str(tbl), _normal_sql(sql)) for t, n, tbl, sql in rows if not _ignored(n)
    )


@lru_cache(maxsize=16)
def expected_schema(version: int) -> frozenset[SchemaRow]:
    """What this version's migrations build up to `version` (1 … SCHEMA_VERSION)."""
    if not 1 <= version <= migrations.SCHEMA_VERSION:
        raise ValueError(f"no schema version {version}")
    db = SqliteDatabase(":memory:")
    try:
        db.connect()
        migrations.migrate(db, target=version)
        return schema_of(db.connection())
    finally:
        db.close()


@dataclass(frozen=True)
class SchemaDifference:
    """One object that is extra, missing or changed compared with the expected schema."""

    kind: str  # "lebih" (extra) | "kurang" (missing) | "berbeda" (changed)
    type: str  # table | index | trigger | view
    name: str

    def sentence(self) -> str:
        what = f"{_TYPE_WORDS.get(self.type, self.type)} '{self.name}'"
        if self.kind == "lebih":
            return f"{what} tidak dibuat oleh Kinerja Desktop"
        if self.kind == "kurang":
            return f"{what} tidak ada"
        return f"{what} berbeda dari buatan Kinerja Desktop"


def differences(conn: sqlite3.Connection, version: int) -> list[SchemaDifference]:
    """How the database behind `conn` differs from the schema of `version` ([] = equal)."""
    actual = schema_of(conn)
    expected = expected_schema(version)
    by_name_actual = {(r[0], r[1]): r for r in actual}
    by_name_expected = {(r[0], r[1]): r for r in expected}
    found: list[SchemaDifference] = []
    for key in sorted(by_name_actual.keys() | by_name_expected.keys()):
        have, want = by_name_actual.get(key), by_name_expected.get(key)
        if have == want:
            continue
        kind = "lebih" if want is None else "kurang" if have is None else "berbeda"
        found.append(SchemaDifference(kind, key[0], key[1]))
    # Triggers and views first: they are what acts behind the program's back.
    return sorted(found, key=lambda d: (d.type not in ("trigger", "view"), d.type, d.name))
