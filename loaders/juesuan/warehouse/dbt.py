"""dbt in a child process, with our project, profile and target folder."""

from __future__ import annotations

import os
import subprocess
import sys
from functools import partial
from pathlib import Path

from juesuan.processes import die_with_parent


def run_dbt(args: list[str], root: Path, env: dict[str, str], target: Path, cwd: Path | None = None) -> int:
    """Run dbt in a child process with our project, profile and environment, in `cwd` (the
    project's folder unless given).

    A child process, not dbt's in-process runner: dbt-duckdb keeps its connection open for the
    life of the process, and the warehouse file may only be swapped in once it is closed and
    checkpointed.
    """
    child_env = {**os.environ, **env, "DBT_SEND_ANONYMOUS_USAGE_STATS": "False"}
    cmd = [
        sys.executable, "-c", "from dbt.cli.main import cli; cli()", *args,
        "--project-dir", str(root), "--profiles-dir", str(root),
        "--target-path", str(target), "--log-path", str(target),
        # dbt.log at info, not debug: the debug log (every statement, again) cost ~4 s of a
        # 200-node build; the statements are in target/run/ anyway.
        "--log-level-file", "info",
    ]
    # dbt dies with juesuan: an orphan would hold DuckDB's lock on the warehouse being built, and
    # the next build would fail on it.
    return subprocess.run(cmd, env=child_env, cwd=cwd or root, preexec_fn=partial(die_with_parent, os.getpid())).returncode


def dbt_target(root: Path) -> Path:
    env = os.environ.get("JUESUAN_DBT_TARGET")
    return Path(env).resolve() if env else root / "target"
