"""Load: parsed reports into the seed CSVs dbt reads.

`contract` declares every parsed CSV's columns and types (and generates dbt's sources from them);
`seeds` writes a parsed report into them, atomically; `batch` loads a batch of files (incremental,
parallel, the files of one report joined); `corpus` makes synthetic reports for benchmarks.
"""
