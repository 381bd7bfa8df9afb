"""A build that cannot finish leaves the warehouse as it was, says why in one line and records
the run; a killed build leaves nothing running. (A structural break naming the report and its
file: tests/test_warehouse.py.)"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from juesuan.cli.main import EXIT_NOTHING, main
from juesuan.warehouse.build import build_lock

from tests.conftest import ROOT


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_full_disk_at_the_last_step_keeps_the_old_warehouse(built, tmp_path, monkeypatch, capsys):
    db = tmp_path / "w" / "juesuan.duckdb"
    db.parent.mkdir()
    shutil.copyfile(built.db, db)
    before = digest(db)
    monkeypatch.setenv("JUESUAN_PARSED_DIR", str(built.parsed))
    monkeypatch.setenv("JUESUAN_DBT_TARGET", str(tmp_path / "target"))
    import juesuan.warehouse.build

    def no_dbt(args, root, tmp, parsed, target):
        shutil.copyfile(db, tmp)  # as if dbt had built it
        return 0, []

    def full_disk(tmp, root, mode):
        raise duckdb.IOException('IO Error: Could not write file "x": No space left on device')

    monkeypatch.setattr(juesuan.warehouse.build, "_dbt_build", no_dbt)
    monkeypatch.setattr(juesuan.warehouse.build, "write_build_info", full_disk)
    assert main(["build", "--full", "--db", str(db)]) == EXIT_NOTHING
    err = capsys.readouterr().err
    assert err.strip() == (f"error: could not finish the new warehouse beside {db}: IO Error: Could not write file \"x\": "
                           "No space left on device; the previous warehouse was kept (free disk space and build again)")
    assert digest(db) == before and not db.with_name(f".{db.name}.building").exists()
    summary = json.loads(db.with_name("last_run.json").read_text(encoding="utf-8"))
    assert summary["status"] == "failed" and "No space left on device" in summary["error"]
    assert db.with_name("runs.log").read_text(encoding="utf-8").splitlines()[-1].split(" ")[1:3] == ["failed", "exit=2"]


def _dbt_children(pid: int) -> list[int]:
    out = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout.split()
    return [int(p) for p in out if "dbt.cli.main" in Path(f"/proc/{p}/cmdline").read_text(errors="replace")]


def test_killing_a_build_kills_its_dbt_child(built, tmp_path):
    env = {**os.environ, "JUESUAN_PARSED_DIR": str(built.parsed), "JUESUAN_DBT_TARGET": str(tmp_path / "target"),
           "DBT_SEND_ANONYMOUS_USAGE_STATS": "False"}
    db = tmp_path / "w.duckdb"
    proc = subprocess.Popen([sys.executable, "-m", "juesuan.cli.main", "build", "--db", str(db)], env=env, cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline, children = time.monotonic() + 60, []
    while time.monotonic() < deadline and not children:
        children = _dbt_children(proc.pid)
        time.sleep(0.2)
    assert children, "dbt never started"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline and any(Path(f"/proc/{p}").exists() for p in children):
        time.sleep(0.2)
    assert not any(Path(f"/proc/{p}").exists() for p in children)
    with build_lock(db):  # free: the next build can start
        pass
