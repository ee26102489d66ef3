"""The shape of the package: stage subpackages, imports that follow the data flow, no cycles, small modules."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from conftest import REPO

SRC = REPO / "src"
PACKAGE = SRC / "quotestance"
# The data flow, as ranks: a module may import modules of its own rank or lower, never higher.
# Core modules (records, labels, io, metrics, plots, tables, baselines) serve every stage.
RANKS = {"extraction": 1, "corpus": 2, "stance": 3, "evaluation": 4, "training": 5, "labelling": 6, "runs": 7, "cli": 8}
STAGES = {"extraction", "stance", "runs", "cli"}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def is_module(name: str) -> bool:
    path = SRC.joinpath(*name.split("."))
    return path.with_suffix(".py").exists() or (path / "__init__.py").exists()


def imports_of(path: Path) -> set[str]:
    """Every quotestance module `path` imports, at the top or inside functions (TYPE_CHECKING blocks too)."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out |= {a.name for a in node.names if a.name.split(".")[0] == "quotestance"}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            elif (node.module or "").split(".")[0] == "quotestance":
                target = node.module
            else:
                continue
            for alias in node.names:
                sub = f"{target}.{alias.name}"
                out.add(sub if is_module(sub) else target)
    return out - {name}


def graph() -> dict[str, set[str]]:
    return {module_name(p): imports_of(p) for p in PACKAGE.rglob("*.py")}


def rank(name: str) -> int:
    parts = name.split(".")
    return RANKS.get(parts[1], 0) if len(parts) > 1 else 99  # the package's own __init__ is the facade over all


def find_cycle(edges: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(n: str) -> list[str] | None:
        state[n] = 1
        stack.append(n)
        for m in sorted(edges.get(n, ())):
            if state.get(m) == 1:
                return stack[stack.index(m) :] + [m]
            if m not in state and (cycle := visit(m)):
                return cycle
        state[n] = 2
        stack.pop()
        return None

    for n in sorted(edges):
        if n not in state and (cycle := visit(n)):
            return cycle
    return None


def test_no_import_cycles():
    assert find_cycle(graph()) is None


def test_imports_follow_the_data_flow():
    against = [f"{a} -> {b}" for a, targets in graph().items() for b in targets if rank(b) > rank(a)]
    assert against == []


def test_the_checks_can_fail():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert rank("quotestance.extraction.spans") < rank("quotestance.stance.classifier") < rank("quotestance.cli.run")
    assert "quotestance.records" in imports_of(PACKAGE / "extraction" / "readers.py")


def test_stage_subpackages_and_small_modules():
    packages = {p.parent.name for p in PACKAGE.glob("*/__init__.py")}
    assert STAGES <= packages and len(packages) >= 4
    sizes = {str(p.relative_to(SRC)): len(p.read_text(encoding="utf-8").splitlines()) for p in PACKAGE.rglob("*.py")}
    assert {k: v for k, v in sizes.items() if v > 400} == {}


@pytest.mark.parametrize("path", sorted(PACKAGE.rglob("*.py")), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_docs_point_inside_the_repository(path):
    assert "DESIGN.md" not in path.read_text(encoding="utf-8")
