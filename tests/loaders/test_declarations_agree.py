"""The declarations and what consumes them agree (issue #33): a table kind declared in
`juesuan.parse.tables` is checked by identities of its own, every identity the check models compute is
in the catalog (reference.ref_identity) and every table identity of the catalog is computed, and
every check model is unioned into audit.identity_checks and described in _checks.yml. Read from
the compiled plan (`python -m juesuan.warehouse.compiled`), so a check id built by a macro counts."""

from __future__ import annotations

import csv
import json
import re

import yaml

from juesuan.reference import project_root
from juesuan.parse.tables import PARSERS

ROOT = project_root()
CHECKS = ROOT / "models" / "audit" / "checks"


def _catalog() -> list[dict[str, str]]:
    with (ROOT / "seeds" / "reference" / "ref_identity.csv").open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _computed_check_ids() -> set[str]:
    plan = json.loads((ROOT / "loaders" / "juesuan" / "warehouse" / "plan" / "plan.json").read_text(encoding="utf-8"))
    return {i for step in plan["steps"] if step["name"].startswith("chk_")
            for i in re.findall(r"'([a-z0-9_]+)' as check_id", step["sql"])}


def test_every_table_kind_has_identities_of_its_own():
    read = {t for r in _catalog() if r["scope"] == "within" for t in r["reads_tables"].split()}
    assert set(PARSERS) - read == set()


def test_the_table_identities_computed_are_the_catalogs():
    table_identities = {r["check_id"] for r in _catalog() if r["scope"] in ("within", "across")}
    computed = _computed_check_ids()
    assert table_identities - computed == set()
    assert computed - {r["check_id"] for r in _catalog()} == set()


def test_every_check_model_is_unioned_and_described():
    models = {p.stem for p in CHECKS.glob("chk_*.sql")}
    unioned = set(re.findall(r"ref\('(chk_[a-z0-9_]+)'\)", (ROOT / "models" / "audit" / "identity_checks.sql").read_text(encoding="utf-8")))
    described = {m["name"] for m in yaml.safe_load((CHECKS / "_checks.yml").read_text(encoding="utf-8"))["models"]}
    assert models == unioned == described


def test_a_table_kind_is_found_by_its_modules_name():
    """A table module is registered nowhere: found by its name, which is its key (`b18_…` is B18), the
    final accounts' first; a budget table of DOMAIN's numbering (B01–B12) is one a budget must print."""
    from juesuan.parse.tables import BUDGET_FORM_TABLES, BUDGET_TABLES

    assert all(module.__name__.rsplit(".", 1)[1].startswith(key.lower() + "_") for key, module in PARSERS.items())
    keys = list(PARSERS)
    assert keys[:11] == [f"T{i:02d}" for i in range(1, 12)] and keys[11:] == sorted(keys[11:])
    assert set(BUDGET_TABLES) == {k for k in keys if k.startswith("B")} and "B18" in BUDGET_TABLES
    assert "B12" in BUDGET_FORM_TABLES and "B14" not in BUDGET_FORM_TABLES
