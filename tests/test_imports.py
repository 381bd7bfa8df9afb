"""The package's import graph: no circles, and no arrow from a lower layer up to a higher one
(README, "Repository"). Lazy imports inside functions count: a circle broken by importing late
is still a circle."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import ROOT

PACKAGE = ROOT / "loaders" / "juesuan"

# Each module (or package, for all its modules) and its layer: a module may import from its own
# layer and the ones below it. The stages are packages, in order (read → parse → load → warehouse →
# cli); within a stage, the modules the others build on come first.
LAYERS = {
    0: ["errors", "processes", "writers", "reference", "__init__"],  # __init__: the version
    1: ["read.lines", "read.pdf_objects", "read.pdf_grid", "read.formats.document"],
    2: ["read"],
    3: ["parse.model", "parse.tokens", "parse.placement", "parse.projects.targets", "parse.projects.self_assessment"],
    4: ["parse.layout", "parse.grammar", "parse.grid"],
    5: ["parse.tables", "parse.narrative", "parse.projects"],
    6: ["parse"],  # source, report
    7: ["load.contract"],
    8: ["load"],
    9: ["warehouse.sql", "warehouse.dbt"],
    10: ["warehouse"],
    11: ["cli.terminal", "cli.formatting", "cli.outputs"],
    12: ["cli.query", "cli.export", "cli.check", "cli.site"],
    13: ["cli.main"],
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
    """Each module's imports of the package's modules: absolute (`from juesuan.parse.model import
    Row`, `from juesuan.parse import grid`) or relative."""
    graph = {}
    for name, f in modules.items():
        package = name.split(".") if f.name == "__init__.py" and name != "__init__" else name.split(".")[:-1]
        deps = set()
        for node in ast.walk(ast.parse(f.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                if node.level:
                    base = ".".join(package[: len(package) - (node.level - 1)] + ([node.module] if node.module else []))
                elif node.module and (node.module == "juesuan" or node.module.startswith("juesuan.")):
                    base = node.module.removeprefix("juesuan").lstrip(".")
                else:
                    continue
                # `from juesuan.parse import grid` imports the module parse.grid; `from juesuan.parse.model
                # import Row` the module parse.model; `from juesuan.read import _pdfium_native` a compiled one.
                names = [a.name for a in node.names if not (PACKAGE / base.replace(".", "/") / f"{a.name}.c").exists()]
                targets = [t for t in (f"{base}.{n}".lstrip(".") for n in names) if t in modules] or \
                    ([base or "__init__"] if names else [])
            elif isinstance(node, ast.Import):
                targets = [a.name.removeprefix("juesuan.") for a in node.names if a.name.startswith("juesuan.")]
            else:
                continue
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
