"""The package layout: imports run one way (shells → store/pipeline → capabilities → core).

Each package of ``src/presslens`` has a layer; a module may import only from its own
package and from the packages listed for it below. A new package must be placed here
before it can be imported by anything.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "presslens"

CORE = {"core"}
ALLOWED: dict[str, set[str]] = {
    "core": set(),
    # capabilities: each may use core; quotes and events build on actors, events on quotes (reported events)
    "actors": CORE,
    "places": CORE,
    "times": CORE,
    "figures": CORE,
    "language": CORE,
    "quotes": CORE | {"actors"},
    "events": CORE | {"actors", "quotes"},
    # above the capabilities
    "components": CORE | {"actors", "places", "times", "figures", "language", "quotes", "events"},
    "pipeline": CORE | {"components"},
    "store": CORE | {"events", "places"},
    "stories": CORE | {"store", "pipeline"},  # near-duplicates and stories over stored analyses
    "scale": CORE | {"pipeline", "store", "actors"},
    "corpus": CORE | {"pipeline", "store", "scale", "stories"},
    "evaluation": CORE | {"pipeline"},
    "serve": CORE | {"pipeline", "store", "corpus", "places", "stories"},
    "cli": CORE | {"pipeline", "store", "corpus", "scale", "evaluation", "serve", "places", "events", "language",
            "stories", "__init__"},
    "__init__": CORE | {"pipeline", "corpus"},
    "__main__": {"cli"},
}
"""Package (or top-level module) → the presslens packages it may import from."""


def package_of(path: Path) -> str:
    rel = path.relative_to(SRC)
    return rel.parts[0] if len(rel.parts) > 1 else rel.stem


def top_level(name: str) -> str:
    """The package or top-level module ``name`` lives in (a name defined in ``presslens/__init__``)."""
    return name if (SRC / name).is_dir() or (SRC / f"{name}.py").exists() else "__init__"


def imported_packages(path: Path) -> set[str]:
    """The top-level presslens packages a module imports (absolute and relative imports)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    rel = path.relative_to(SRC)
    here = list(rel.parts[:-1])  # the module's package, as parts under presslens
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = here[: len(here) - (node.level - 1)] if node.level > 1 else here
                parts = base + (node.module.split(".") if node.module else [])
                if not parts:  # "from . import x" at the top level
                    parts = [alias.name for alias in node.names]
                found.add(top_level(parts[0]))
            elif node.module and node.module.split(".")[0] == "presslens":
                parts = node.module.split(".")[1:] or [alias.name for alias in node.names]
                found.add(top_level(parts[0]))
        elif isinstance(node, ast.Import):
            for alias in node.names:
                parts = alias.name.split(".")
                if parts[0] == "presslens" and len(parts) > 1:
                    found.add(parts[1])
    return found


MODULES = sorted(p for p in SRC.rglob("*.py") if "__pycache__" not in p.parts)


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(SRC)))
def test_imports_run_one_way(path):
    package = package_of(path)
    assert package in ALLOWED, f"{package} has no layer in tests/test_layout.py"
    wrong = imported_packages(path) - ALLOWED[package] - {package}
    assert not wrong, f"{path.relative_to(SRC)} ({package}) imports {sorted(wrong)}, above or beside its layer"


def test_layers_have_no_cycles():
    def reaches(start: str, goal: str, seen: frozenset[str] = frozenset()) -> bool:
        return any(nxt == goal or (nxt not in seen and reaches(nxt, goal, seen | {nxt}))
                   for nxt in ALLOWED.get(start, ()))

    assert [name for name in ALLOWED if reaches(name, name)] == []


def test_no_folder_holds_more_than_fifteen_modules():
    crowded = {str(d.relative_to(SRC)): n for d in [SRC, *(p for p in SRC.rglob("*") if p.is_dir())]
               if (n := len([m for m in d.glob("*.py") if m.name != "__init__.py"])) > 15}
    assert crowded == {}


def test_every_package_says_what_it_holds():
    undocumented = [str(init.relative_to(SRC)) for init in SRC.rglob("__init__.py")
                    if "__pycache__" not in init.parts and not ast.get_docstring(ast.parse(init.read_text()))]
    assert undocumented == []


def test_the_detector_sees_a_wrong_way_import(tmp_path):
    """The checker itself: a core module importing a capability is caught."""
    fake = SRC / "core" / "_probe_for_layout_test.py"
    assert not fake.exists()
    fake.write_text("from presslens.quotes.extract import extract_quotes\nfrom ..events import plover\n")
    try:
        assert imported_packages(fake) == {"quotes", "events"}
    finally:
        fake.unlink()
