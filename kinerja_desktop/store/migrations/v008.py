"""Step 8: what the reports read, fast to read and to know unchanged.

* `kinerja_value_laporan` holds (periode, indicator, unit, nilai) of the current
  values only (`aktif = 1`): a yearly recap of a large office reads its 48,000
  values from the index alone, in period order, instead of looking each row up
  in the table (which the values' insertion order scatters).
* `kinerja_versi` holds a token per part of the data the reports read —
  `rencana` (Renstra, tree, pagu, indicators, targets, PK, units, the kinerja
  settings) and `nilai TTTT` (the values of one year) — that triggers renew
  with a random number on every change of that part, in the same transaction.
  A report's read cache compares tokens: a correction of 2029 leaves the plan
  and the other years cached, a rolled-back change rolls its token back too, a
  change by another program is seen like one's own.

Frozen: databases in the field were made by exactly this SQL; never edit it.
"""

from __future__ import annotations

# No conflict clause in a trigger: the statement that fires it overrides it (an
# upsert's or an INSERT OR IGNORE's policy would apply), so no conflict may arise.
_NEW_TOKEN = (
    "UPDATE kinerja_versi SET versi = random() WHERE bagian = {bagian}; "
    "INSERT INTO kinerja_versi (bagian, versi) SELECT {bagian}, random() "
    "WHERE NOT EXISTS (SELECT 1 FROM kinerja_versi WHERE bagian = {bagian});"
)
_PLAN = _NEW_TOKEN.format(bagian="'rencana'")
_PLAN_TABLES = (
    "kinerja_renstra",
    "kinerja_node",
    "kinerja_pagu",
    "kinerja_indicator",
    "kinerja_target",
    "kinerja_pk",
    "kinerja_pk_target",
    "unit",
)


def _year(row: str) -> str:
    return _NEW_TOKEN.format(bagian=f"'nilai ' || substr({row}.periode, 1, 4)")


STATEMENTS: tuple[str, ...] = (
    "CREATE INDEX kinerja_value_laporan "
    "ON kinerja_value (periode, indicator_id, unit_id, nilai) WHERE aktif = 1",
    "CREATE TABLE kinerja_versi (bagian TEXT PRIMARY KEY, versi INTEGER NOT NULL)",
    "INSERT INTO kinerja_versi (bagian, versi) VALUES ('rencana', random())",
    "INSERT INTO kinerja_versi (bagian, versi) SELECT bagian, random() FROM "
    "(SELECT DISTINCT 'nilai ' || substr(periode, 1, 4) AS bagian FROM kinerja_value)",
    *(
        f"CREATE TRIGGER kinerja_versi_{table}_{event.lower()} AFTER {event} ON {table} "
        f"BEGIN {_PLAN} END"
        for table in _PLAN_TABLES
        for event in ("INSERT", "UPDATE", "DELETE")
    ),
    "CREATE TRIGGER kinerja_versi_setting_insert AFTER INSERT ON setting "
    f"WHEN NEW.key LIKE 'kinerja.%' BEGIN {_PLAN} END",
    "CREATE TRIGGER kinerja_versi_setting_update AFTER UPDATE ON setting "
    f"WHEN NEW.key LIKE 'kinerja.%' OR OLD.key LIKE 'kinerja.%' BEGIN {_PLAN} END",
    "CREATE TRIGGER kinerja_versi_setting_delete AFTER DELETE ON setting "
    f"WHEN OLD.key LIKE 'kinerja.%' BEGIN {_PLAN} END",
    "CREATE TRIGGER kinerja_versi_value_insert AFTER INSERT ON kinerja_value "
    f"BEGIN {_year('NEW')} END",
    "CREATE TRIGGER kinerja_versi_value_update "
    "AFTER UPDATE OF indicator_id, unit_id, periode, nilai, aktif ON kinerja_value "
    f"BEGIN {_year('OLD')} {_year('NEW')} END",
    "CREATE TRIGGER kinerja_versi_value_delete AFTER DELETE ON kinerja_value "
    f"BEGIN {_year('OLD')} END",
)
