"""juesuan (决算): parse Chinese government budget and final-accounts disclosures into a DuckDB warehouse.

One package per stage, each importing only from those before it (tests/test_imports.py): `read` (a
file into lines) → `parse` (lines into a report's tables, narrative and project forms) → `load` (a
report into the seed CSVs) → `warehouse` (the dbt build) → `cli` (the command line and what it
shows). Shared by all: `errors`, `processes` (bounded workers), `writers` (atomic files, no
formulas) and `reference` (the project's root and reference seeds).
"""

__version__ = "0.1.0"
