"""`python -m juesuan.tables`: write seeds/reference/ref_table_column.csv and ref_standard_table.csv
from the tables' declarations."""

import csv

from ..reference import project_root
from . import column_reference, table_reference

for name, rows in (("ref_table_column.csv", column_reference()), ("ref_standard_table.csv", table_reference())):
    path = project_root() / "seeds" / "reference" / name
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"wrote {path}")
