"""`python -m juesuan.parse.tables`: write from the tables' declarations seeds/reference/ref_table_column.csv,
ref_standard_table.csv, the within and across rows of ref_identity.csv (its other rows, identities
across documents and years and the narrative's and projects', are kept as they are: they are
declared beside their check models) and models/audit/checks/chk_within_tables.sql and
chk_across_tables.sql."""

import csv

from juesuan.reference import project_root
from juesuan.parse.tables import across_checks_sql, column_reference, identity_reference, table_reference, within_checks_sql

SEEDS = project_root() / "seeds" / "reference"


def _read(name: str) -> list[dict[str, str]]:
    with (SEEDS / name).open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _write(name: str, rows: list[dict[str, str]]) -> None:
    path = SEEDS / name
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"wrote {path}")


identities = identity_reference() + [r for r in _read("ref_identity.csv") if r["scope"] not in ("within", "across")]
for name, rows in (("ref_table_column.csv", column_reference()), ("ref_standard_table.csv", table_reference()),
                   ("ref_identity.csv", identities)):
    _write(name, rows)
for name, sql in (("chk_within_tables.sql", within_checks_sql()), ("chk_across_tables.sql", across_checks_sql())):
    model = project_root() / "models" / "audit" / "checks" / name
    model.write_text(sql, encoding="utf-8")
    print(f"wrote {model}")
