"""The packages form layers: storage at the bottom, the edges on top, and no import cycle.

Every import counts, those inside functions too, since a deferred import is still a dependency
that can knot packages together. A new module that imports upwards, or a core package that
reaches for FastAPI, Typer or Jinja, fails here with the offending file named.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from graphlib import CycleError, TopologicalSorter
from pathlib import Path

import pytest

import pursuit

ROOT = Path(pursuit.__file__).parent

# Lowest first. A package may import its own layer's packages or lower ones, never higher.
LAYERS: list[set[str]] = [
    {"__init__", "errors", "settings"},
    {"store"},
    {"evidence"},
    {"extract", "nlp", "names", "search"},
    {"entities"},
    {"corrections"},
    {"stages"},
    {"security"},
    {"resolve"},
    {"screen"},
    {"cases"},
    {"demo"},
    {"render", "http"},
    {"api", "web"},
    {"app"},
    {"cli", "__main__"},
]
EDGES = {"render", "http", "api", "web", "app", "cli", "__main__"}
EDGE_LIBRARIES = {"fastapi", "starlette", "typer", "click", "jinja2", "uvicorn"}
SIBLINGS_APART = [("api", "web")]


def _package(path: Path) -> str:
    rel = path.relative_to(ROOT)
    return rel.parts[0] if len(rel.parts) > 1 else rel.stem


def _targets(path: Path) -> list[tuple[str, int]]:
    """(absolute module name, line) of every import in the file, relative ones resolved."""
    rel = path.relative_to(ROOT)
    here = ["pursuit", *rel.parts[:-1]]
    if rel.name != "__init__.py":
        here.append(rel.stem)
    found: list[tuple[str, int]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.extend((a.name, node.lineno) for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = here[: len(here) - node.level]
                name = ".".join([*base, node.module] if node.module else base)
            else:
                name = node.module or ""
            found.append((name, node.lineno))
            found.extend((f"{name}.{a.name}", node.lineno) for a in node.names)
    return found


def _graph() -> dict[str, dict[str, list[str]]]:
    """package -> imported package or library -> the files and lines that import it."""
    graph: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for path in sorted(ROOT.rglob("*.py")):
        pkg = _package(path)
        for name, line in _targets(path):
            parts = name.split(".")
            if parts[0] == "pursuit" and len(parts) > 1:
                target = parts[1]
                exists = (ROOT / target).is_dir() or (ROOT / f"{target}.py").exists()
                if exists and target != pkg:
                    graph[pkg][target].append(f"{path.relative_to(ROOT)}:{line}")
            elif parts[0] != "pursuit":
                graph[pkg][f"lib:{parts[0]}"].append(f"{path.relative_to(ROOT)}:{line}")
    return graph


def _layer_of(pkg: str) -> int:
    for i, layer in enumerate(LAYERS):
        if pkg in layer:
            return i
    raise AssertionError(f"package {pkg!r} has no layer: add it to LAYERS in this test")


def test_every_package_has_a_layer() -> None:
    packages = {_package(p) for p in ROOT.rglob("*.py")}
    for pkg in packages:
        _layer_of(pkg)


def test_packages_import_only_their_own_layer_or_lower() -> None:
    upward = [
        f"{pkg} (layer {_layer_of(pkg)}) imports {target} (layer {_layer_of(target)}) at {where[0]}"
        for pkg, targets in _graph().items()
        for target, where in targets.items()
        if not target.startswith("lib:") and _layer_of(target) > _layer_of(pkg)
    ]
    assert not upward, "\n".join(upward)


def test_no_import_cycle_between_packages() -> None:
    graph = _graph()
    deps = {pkg: {t for t in targets if not t.startswith("lib:")} for pkg, targets in graph.items()}
    try:
        order = list(TopologicalSorter(deps).static_order())
    except CycleError as exc:
        pytest.fail(f"import cycle between packages: {exc.args[1]}")
    assert "store" in order


def test_api_and_web_do_not_import_each_other() -> None:
    graph = _graph()
    crossing = [
        f"{a} imports {b} at {graph[a][b][0]}"
        for x, y in SIBLINGS_APART
        for a, b in ((x, y), (y, x))
        if b in graph.get(a, {})
    ]
    assert not crossing, "\n".join(crossing)


def test_the_core_imports_no_web_or_command_line_code() -> None:
    graph = _graph()
    found = [
        f"{pkg} imports {target.removeprefix('lib:')} at {where[0]}"
        for pkg, targets in graph.items()
        if pkg not in EDGES
        for target, where in targets.items()
        if target.removeprefix("lib:") in EDGE_LIBRARIES | EDGES
    ]
    assert not found, "\n".join(found)


def test_the_checker_sees_imports_inside_functions(tmp_path: Path) -> None:
    """The checker itself: a deferred import is found, so it cannot hide a cycle."""
    sample = ROOT / "cases" / "dossier.py"
    names = [n for n, _ in _targets(sample)]
    assert "pursuit.resolve.profiles" in names
    code = "def f() -> None:\n    from pursuit.web import render\n"
    probe = tmp_path / "probe.py"
    probe.write_text(code)
    tree = ast.parse(probe.read_text())
    inner = [n for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
    assert inner and inner[0].module == "pursuit.web"
