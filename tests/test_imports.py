"""The package's import graph: no circles, and no arrow from a lower layer up to a higher one
(README, "Repository"). Lazy imports inside functions count: a circle broken by importing late
is still a circle."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import ROOT

PACKAGE = ROOT / "loaders" / "juesuan"

# Each module (or package, for all its modules) and its layer: a module may import from its own
# layer and the ones below it.
LAYERS = {
    0: ["errors", "lines", "contract", "pdf_objects", "reference", "writers", "processes", "warehouse_sql", "placement",
        "dbt_process", "outputs", "terminal", "formatting",
        "formats.document", "projects.targets", "projects.self_assessment"],
    1: ["formats", "pdf_text", "pdf_grid", "pdf_unruled", "model", "tokens"],
    2: ["layout", "grammar", "grid"],
    3: ["tables", "narrative", "projects"],
    4: ["source", "report"],
    5: ["seeds", "load", "spark_load", "spark_build", "incremental", "compiled", "quarantine", "warehouse", "query", "export", "corpus"],
    6: ["check", "site"],
    7: ["cli", "__init__"],
}


def _modules() -> dict[str, Path]:
    out = {}
    for f in PACKAGE.rglob("*.py"):
        parts = list(f.relative_to(PACKAGE).with_suffix("").parts)
        if parts[-1] == "__init__" and len(parts) > 1:
            parts = parts[:-1]
        out[".".join(parts)] = f
    return out


def _layer(module: str) -> int:
    """The most specific entry naming the module or a package holding it."""
    best = None
    for layer, names in LAYERS.items():
        for name in names:
            if (module == name or module.startswith(name + ".")) and (best is None or len(name) > len(best[1])):
                best = (layer, name)
    assert best is not None, f"{module} is in no layer of tests/test_imports.py: add it"
    return best[0]


def _imports(modules: dict[str, Path]) -> dict[str, set[str]]:
    graph = {}
    for name, f in modules.items():
        package = name.split(".") if f.name == "__init__.py" and name != "__init__" else name.split(".")[:-1]
        deps = set()
        for node in ast.walk(ast.parse(f.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level:
                base = package[: len(package) - (node.level - 1)]
                targets = [".".join(base + [node.module])] if node.module else \
                    [".".join(base + [a.name]) for a in node.names]
                deps |= {t for t in targets if t in modules}
        graph[name] = deps - {name}
    return graph


def test_no_module_imports_from_a_layer_above_its_own():
    modules = _modules()
    upward = [f"{m} (layer {_layer(m)}) imports {d} (layer {_layer(d)})"
              for m, deps in _imports(modules).items() for d in sorted(deps)
              # a package's __init__ gathers its own modules
              if _layer(d) > _layer(m) and not d.startswith(m + ".")]
    assert upward == []


def test_the_import_graph_has_no_circle():
    graph = _imports(_modules())
    state: dict[str, int] = {}
    circles = []

    def visit(module, path):
        state[module] = 1
        for dep in sorted(graph[module]):
            if state.get(dep) == 1:
                circles.append(" → ".join(path[path.index(dep):] + [dep]))
            elif dep not in state:
                visit(dep, path + [dep])
        state[module] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])
    assert circles == []
