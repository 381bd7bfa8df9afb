"""`python -m juesuan.tables`: write seeds/reference/ref_table_column.csv from the tables' declarations."""

import csv

from ..reference import project_root
from . import column_reference

rows = column_reference()
path = project_root() / "seeds" / "reference" / "ref_table_column.csv"
with path.open("w", encoding="utf-8", newline="") as f:
    writer = csv.DictWriter(f, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
print(f"wrote {path}")
