"""Warehouse: the seed CSVs built into the DuckDB warehouse (or on Spark) by the dbt project.

`build` runs dbt (in a child process, `dbt`), or the compiled plan for an incremental build
(`compiled`, `incremental`), explains a failed build by the reports it can be traced to and builds
without them (`quarantine`); `spark_build` and `spark_load` do the same on a Spark cluster; `sql`
is the one module that names the warehouse's schemas, models and tables.
"""
