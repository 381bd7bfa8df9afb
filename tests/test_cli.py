"""What a user of the command line meets: the README's scheduling snippets, progress, --version,
the reports and findings commands, descriptions in the warehouse, and seeds from an older juesuan."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import duckdb
import pytest

from juesuan import __version__
from juesuan.cli.main import EXIT_NOTHING, EXIT_OK, EXIT_PARTIAL, main
from juesuan.load.batch import load_paths

from tests.conftest import ROOT, SAMPLE, Workspace

README = (ROOT / "README.md").read_text(encoding="utf-8")


def fake_install(base: Path, exit_code: int) -> Path:
    """A project folder whose `juesuan` exits with `exit_code`, and a `mail` that records its call."""
    (base / ".venv" / "bin").mkdir(parents=True)
    (base / "warehouse").mkdir()
    (base / "warehouse" / "last_run.json").write_text('{"status": "test"}', encoding="utf-8")
    juesuan = base / ".venv" / "bin" / "juesuan"
    juesuan.write_text(f"#!/bin/sh\necho run \"$@\"\nexit {exit_code}\n", encoding="utf-8")
    juesuan.chmod(0o755)
    (base / "bin").mkdir()
    mail = base / "bin" / "mail"
    mail.write_text(f"#!/bin/sh\necho \"$@\" >> {base / 'mailed'}\ncat >> {base / 'mailed'}\n", encoding="utf-8")
    mail.chmod(0o755)
    return base


@pytest.mark.parametrize("exit_code, mailed", [(0, False), (3, False), (1, True), (2, True)])
def test_the_readme_cron_line_mails_on_exit_1_and_2_only(tmp_path, exit_code, mailed):
    line = re.search(r"```cron\n(.+?)\n```", README, re.S).group(1)
    command = line.split(None, 5)[5].replace("/srv/juesuan", str(tmp_path))  # after the five time fields
    fake_install(tmp_path, exit_code)
    subprocess.run(["bash", "-c", command], env={"PATH": f"{tmp_path / 'bin'}:/usr/bin:/bin"}, check=False)
    assert (tmp_path / "warehouse" / "cron.out").read_text().startswith("run run /data/reports")
    if mailed:
        assert (tmp_path / "mailed").read_text().splitlines()[0] == f"-s juesuan exit {exit_code} team@example.org"
    else:
        assert not (tmp_path / "mailed").exists()


@pytest.mark.parametrize("exit_code, passes", [(0, True), (3, True), (1, False), (2, False)])
def test_the_readme_ci_step_fails_only_on_1_and_2(tmp_path, exit_code, passes):
    step = re.search(r"```yaml\n- run: \|\n(.+?)\n```", README, re.S).group(1).splitlines()[-1].strip()
    fake_install(tmp_path, exit_code)
    done = subprocess.run(["bash", "-c", step], cwd=tmp_path, capture_output=True)
    assert (done.returncode == 0) == passes


def test_version(capsys):
    with pytest.raises(SystemExit) as stop:
        main(["--version"])
    assert stop.value.code == 0 and capsys.readouterr().out.strip() == f"juesuan {__version__}"


def test_load_reports_progress_a_line_per_file(tmp_path, monkeypatch, capsys):
    Workspace(tmp_path, monkeypatch)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_bytes(SAMPLE.read_bytes())
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    assert main(["load", str(tmp_path / "in")]) == 1
    printed = capsys.readouterr()
    err = printed.err.splitlines()
    progress = [line for line in err if line.startswith("[")]
    assert len(progress) == 2 and all(re.match(r"\[\d/2\] [\d.]+ files/s  (loaded|refused) ", p) for p in progress)
    assert printed.out.splitlines()[-1] == "1 report(s) loaded, 1 file(s) refused (named above)"


def test_reports_and_findings_of_one_report(built, capsys):
    assert main(["reports", "--format", "csv", "--db", str(built.db)]) == EXIT_OK
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines[0] == ("report_id,status,department_name,fiscal_year,source_file,tables,tables_missing,tables_incomplete,"
                        "discrepancies,rounding")
    assert lines[1].endswith(",高平市公安局,2024,000_76716e9dec051514.txt,10,,,9,8")
    assert main(["findings", "公安局", "--format", "json", "--db", str(built.db)]) == EXIT_OK
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) == 17 and rows[0]["check_id"] == "nr_self_evaluation_amount"
    assert (rows[0]["printed"], rows[0]["expected"], rows[0]["unit"]) == (4898.19, 4938.96, "万元")
    # The argument is bound, never pasted into the SQL.
    assert main(["findings", "x' or 1=1 --", "--format", "csv", "--db", str(built.db)]) == EXIT_NOTHING
    out = capsys.readouterr()  # it matched no report: had it been pasted into the SQL, every one
    assert out.out == "" and "no loaded report matches \"x' or 1=1 --\"" in out.err
    assert main(["reports", "--db", str(built.db.with_name("nowhere.duckdb"))]) == EXIT_NOTHING


def test_descriptions_are_comments_in_the_warehouse_and_metadata_in_parquet(built, tmp_path, capsys):
    con = duckdb.connect(str(built.db), read_only=True)
    missing = con.execute("select count(*) from duckdb_columns() where schema_name in ('marts', 'audit') "
                          "and coalesce(comment, '') = ''").fetchone()[0]
    described = con.execute("select comment from duckdb_columns() where schema_name = 'marts' "
                            "and table_name = 'fct_income' and column_name = 'amount_yuan'").fetchone()[0]
    table = con.execute("select comment from duckdb_tables() where schema_name = 'audit' and table_name = 'findings'").fetchone()[0]
    con.close()
    assert missing == 0 and described == "Amount in 元." and table.startswith("One row per identity that does not hold")
    assert main(["export", "--to", str(tmp_path), "--format", "parquet", "--db", str(built.db)]) == EXIT_OK
    import pyarrow.parquet as pq

    schema = pq.read_schema(tmp_path / "marts.fct_income.parquet")
    assert schema.field("amount_yuan").metadata[b"description"].decode() == "Amount in 元."
    assert schema.metadata[b"description"].decode().startswith("收入决算表 (T02) income of each leaf function code")


def test_seeds_of_an_older_juesuan_are_parsed_again_and_refused_until_then(tmp_path, monkeypatch, capsys):
    ws = Workspace(tmp_path, monkeypatch)
    out = load_paths([SAMPLE], ws.parsed)
    contract = ws.parsed / out.loaded[0].report_id / "contract"
    contract.write_text("older\n", encoding="utf-8")  # as an older juesuan's seeds look
    assert main(["build"]) == EXIT_NOTHING
    assert "have seed files whose columns are not the ones this juesuan declares (loaded by an older juesuan, or edited since) (000_76716e9dec051514.txt)" in capsys.readouterr().err
    again = load_paths([SAMPLE], ws.parsed)
    assert len(again.loaded) == 1 and again.unchanged == []  # parsed anew, not skipped as unchanged
    assert contract.read_text(encoding="utf-8").strip() != "older"


def test_csv_export_writes_money_exactly(built, tmp_path, capsys):
    assert main(["export", "--to", str(tmp_path), "--format", "csv", "--db", str(built.db)]) == EXIT_OK
    text = (tmp_path / "marts.fct_income.csv").read_text(encoding="utf-8-sig")
    assert re.search(r",\d+\.\d\d(,|$)", text, re.M) and ".0," not in text
    assert Decimal(text.splitlines()[1].split(",")[text.splitlines()[0].split(",").index("amount_yuan")]) > 0


def test_a_closed_pipe_ends_quietly(built):
    """`juesuan query … | head -1`: the reader leaves early; no BrokenPipeError traceback."""
    done = subprocess.run(
        ["bash", "-c", f"{ROOT / '.venv' / 'bin' / 'juesuan'} query 'select * from range(200000)' --format csv "
                       f"--db {built.db} | head -1; exit ${{PIPESTATUS[0]}}"],
        capture_output=True, text=True)
    assert done.stdout == "range\n" and "Traceback" not in done.stderr and done.returncode == 141


def test_ctrl_c_stops_a_running_query(built):
    import signal
    import time

    import tempfile

    proc = subprocess.Popen([str(ROOT / ".venv" / "bin" / "juesuan"), "query", "select count(*) from range(1e12::bigint)",
                             "--db", str(built.db)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    # Not a fixed sleep (a loaded machine took longer to start): the query's spill folder, made as
    # it opens the warehouse, says it is about to run; a key pressed from then on stops it.
    deadline = time.monotonic() + 60
    while not list(Path(tempfile.gettempdir()).glob(f"juesuan-query-{proc.pid}-*")):
        assert proc.poll() is None and time.monotonic() < deadline, proc.communicate()
        time.sleep(0.05)
    started = time.monotonic()
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=30)
    assert time.monotonic() - started < 10  # not the 60 s time limit
    assert proc.returncode == 130 and err.strip() == "interrupted" and "Traceback" not in err


def test_unqualified_public_tables_resolve(built):
    from juesuan.cli.query import run_query

    assert run_query(built.db, "select count(*) from dim_report").rows == [(1,)]
    assert run_query(built.db, "select count(*) from findings where severity = 'discrepancy'").rows == [(9,)]


def test_a_warehouse_held_open_by_another_program_is_named_in_one_line(built, tmp_path, capsys):
    db = tmp_path / "warehouse" / "juesuan.duckdb"
    db.parent.mkdir()
    db.write_bytes(built.db.read_bytes())
    holder = subprocess.Popen([sys.executable, "-c", f"import duckdb, sys; c = duckdb.connect({str(db)!r}); "
                               "print('open', flush=True); sys.stdin.read()"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "open"
        for args in (["reports"], ["findings"], ["report", "--out", str(tmp_path / "site")], ["query", "select 1"],
                     ["export", "--to", str(tmp_path / "exp")]):
            code = main([*args, "--db", str(db)])
            err = capsys.readouterr().err
            assert code == EXIT_NOTHING and "Traceback" not in err, (args, err)
            assert err.strip() == (f"error: {db}: the warehouse is held open for writing by {Path(sys.executable).resolve()} "
                                   f"(PID {holder.pid}); close that program (or its connection) and try again"), (args, err)
    finally:
        holder.communicate("")


def test_findings_of_no_loaded_report_says_so(built, capsys):
    assert main(["findings", "nosuch", "--db", str(built.db)]) == EXIT_NOTHING
    out = capsys.readouterr()
    assert out.out == "" and out.err.strip() == (
        "error: no loaded report matches 'nosuch' (give a report id, its file name, or part of its department's "
        "name; `juesuan reports` lists them)")
    assert main(["findings", "高平市公安局", "--db", str(built.db)]) == EXIT_OK
    assert "高平市公安局" in capsys.readouterr().out


def test_load_ends_with_one_summary_line_and_exits_1_when_rows_were_not_read(tmp_path, monkeypatch, capsys):
    """The two real plain-text reports of Shanghai print 279 issues between them: counted, with the
    file that lists them, and one line at the end; `--verbose` prints each."""
    from tests.loaders.test_plain_text import TEXT

    files = [str(TEXT / "putuo_shiquan_2025.txt"), str(TEXT / "putuo_wenlv_2025.txt")]
    ws = Workspace(tmp_path, monkeypatch)
    assert main(["load", *files]) == EXIT_PARTIAL
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 7 and not any(line.lstrip().startswith("error:") for line in out)
    rid = next(d.name for d in ws.parsed.iterdir() if (d / "reports.csv").exists()
               and "putuo_shiquan_2025.txt" in (d / "reports.csv").read_text(encoding="utf-8"))
    assert f"  the 158 issues are in {ws.parsed / rid / 'load_issues.csv'}" in "\n".join(out)
    assert out[-1] == ("2 report(s) loaded, 0 file(s) refused; rows or values not read in 2 report(s): "
                       "putuo_shiquan_2025.txt 157, putuo_wenlv_2025.txt 122")
    verbose = tmp_path / "verbose"
    monkeypatch.setenv("JUESUAN_PARSED_DIR", str(verbose))
    assert main(["load", "--verbose", *files]) == EXIT_PARTIAL
    printed = capsys.readouterr().out.splitlines()
    assert sum(1 for line in printed if line.startswith("  error: ")) == 279
    # One report read whole: nothing to count, exit 0.
    monkeypatch.setenv("JUESUAN_PARSED_DIR", str(tmp_path / "sample"))
    assert main(["load", str(SAMPLE)]) == EXIT_OK
    assert capsys.readouterr().out.splitlines()[-1] == "1 report(s) loaded, 0 file(s) refused"
