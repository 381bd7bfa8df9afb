"""Reference lists the parse needs, read from the committed seeds so dbt and Python share one copy."""

from __future__ import annotations

import csv
import os
from functools import lru_cache
from pathlib import Path


def project_root() -> Path:
    """The juesuan project directory (the one holding dbt_project.yml)."""
    env = os.environ.get("JUESUAN_HOME")
    if env:
        return Path(env).resolve()
    here = Path(__file__).resolve()
    for parent in here.parents:
        if (parent / "dbt_project.yml").exists():
            return parent
    raise RuntimeError(
        "cannot find the juesuan project (dbt_project.yml); set JUESUAN_HOME to the project directory"
    )


@lru_cache(maxsize=1)
def function_class_by_name() -> dict[str, str]:
    """支出功能分类 类 name (and older names) → 3-digit class code."""
    path = project_root() / "seeds" / "reference" / "ref_function_class.csv"
    out: dict[str, str] = {}
    with path.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            for name in [row["class_name"], *filter(None, row["name_aliases"].split("|"))]:
                out[name] = row["class_code"]
    return out
