"""The synthetic corpus: new numbers that keep every identity, and exactly the planted breaks."""

import json

from juesuan.cli.main import EXIT_FINDINGS, main
from juesuan.load.corpus import consistent_template, generate

from tests.conftest import SAMPLE, Workspace


def test_generation_is_deterministic(tmp_path, sample_text):
    a = generate(sample_text, 3, 42, tmp_path / "a")
    b = generate(sample_text, 3, 42, tmp_path / "b")
    assert a == b
    assert all((tmp_path / "a" / r.file).read_bytes() == (tmp_path / "b" / r.file).read_bytes() for r in a)
    assert generate(sample_text, 1, 43, tmp_path / "c")[0] != a[0]


def test_the_template_only_fixes_the_samples_own_breaks(sample_text):
    template = consistent_template(sample_text)
    changed = [n for n, (x, y) in enumerate(zip(sample_text.split("\n"), template.split("\n")), 1) if x != y]
    assert changed == [350, 654, 773, 882, 944, 969, 987, 1126, 1256, 1258, 1335, 1355, 1357, 3128, 3132, 3134, 7073, 7077]


def test_generated_reports_hold_every_identity_but_the_planted_ones(tmp_path, monkeypatch, sample_text):
    ws = Workspace(tmp_path, monkeypatch)
    made = generate(sample_text, 4, 7, tmp_path / "corpus", plant_every=2)
    assert [len(r.planted) for r in made] == [0, 1, 0, 2]
    assert main(["run", str(tmp_path / "corpus")]) == EXIT_FINDINGS
    for r in made:
        found = ws.sql(
            "select check_id, object from audit.findings f join marts.dim_report d using (report_id) "
            "where d.source_file = ? order by 1, 2", r.file)
        assert found == sorted((p["check_id"], p["object"]) for p in r.planted), r.file
    # New numbers: the scaled income total of the first report, as SQL gives it.
    factor = made[0].factor
    assert ws.one(
        "select s.amount_yuan from marts.fct_summary_line s join marts.dim_report d using (report_id) "
        "where d.source_file = '00000.txt' and s.table_key = 'T01' and s.line_key = 'income_subtotal'"
    ) == 122900400 * factor
    manifest = json.loads((tmp_path / "corpus" / "MANIFEST.json").read_text(encoding="utf-8"))
    assert manifest["seed"] == 7 and len(manifest["reports"]) == 4
    assert SAMPLE.exists()
