"""The layering rule, checked: imports only ever point downwards.

    ui / cli  ->  services  ->  store, exchange  ->  core

`core` (and `paths`, `diagnostics`) import only the standard library; `store` and `exchange`
never import each other; `ui` and `cli` never import `store`; PySide6 appears
only in `ui/` and `app.py`.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "kinerja_desktop"

# Which kinerja_desktop layers each layer may import.
ALLOWED: dict[str, set[str]] = {
    "core": {"core", "paths"},
    "paths": set(),
    "diagnostics": {"paths"},
    "store": {"core", "store", "paths", "diagnostics"},
    "exchange": {"core", "exchange", "paths", "diagnostics"},
    "services": {"core", "store", "exchange", "services", "paths", "diagnostics"},
    "cli": {"core", "services", "cli", "paths", "diagnostics"},
    "ui": {"core", "services", "ui", "paths", "diagnostics"},
    "app": {"core", "store", "exchange", "services", "cli", "ui", "paths", "diagnostics"},
    "__init__": set(),
    "__main__": {"app"},
}
THIRD_PARTY: dict[str, set[str]] = {
    "core": set(),
    "paths": set(),
    "diagnostics": set(),
    "store": {"peewee", "playhouse"},
    "exchange": {"openpyxl", "reportlab", "defusedxml"},
    "services": set(),
    "cli": set(),
    "ui": {"PySide6", "shiboken6"},
    "app": {"PySide6"},
    "__init__": set(),
    "__main__": set(),
}


def _layer_of(path: Path) -> str:
    rel = path.relative_to(PACKAGE)
    return rel.parts[0].removesuffix(".py") if len(rel.parts) > 1 else rel.stem


def _imports(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    rel_parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = list(rel_parts[: len(rel_parts) - node.level])
                if path.name == "__init__.py":
                    base = list(rel_parts[: len(rel_parts) - node.level + 1])
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            found.append((node.lineno, module))
    return found


def _violations() -> list[str]:
    stdlib = set(sys.stdlib_module_names)
    problems: list[str] = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if "generated" in path.parts and _layer_of(path) == "ui":
            continue
        layer = _layer_of(path)
        allowed_internal = ALLOWED.get(layer)
        if allowed_internal is None:
            problems.append(f"{path}: layer {layer!r} is not in the layering table")
            continue
        for lineno, module in _imports(path):
            top = module.split(".")[0]
            where = f"{path.relative_to(PACKAGE.parent)}:{lineno}"
            if top == "kinerja_desktop":
                parts = module.split(".")
                target = parts[1] if len(parts) > 1 else "__init__"
                if target != layer and target not in allowed_internal and target != "__init__":
                    problems.append(f"{where}: {layer} imports {module}")
            elif top in stdlib or top == "__future__":
                continue
            elif top not in THIRD_PARTY[layer]:
                problems.append(f"{where}: {layer} imports third-party {module}")
    return problems


def test_layers_only_import_downwards() -> None:
    assert _violations() == []


def test_checker_catches_an_upward_import(tmp_path: Path, monkeypatch) -> None:
    """The scanner itself must fail on a bad import, or it proves nothing."""
    fake = tmp_path / "kinerja_desktop"
    (fake / "core").mkdir(parents=True)
    (fake / "core" / "bad.py").write_text(
        "from PySide6 import QtCore\nfrom kinerja_desktop.store import db\n"
        "from ..services import x\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(sys.modules[__name__], "PACKAGE", fake)
    problems = _violations()
    assert any("third-party PySide6" in p for p in problems)
    assert any("core imports kinerja_desktop.store" in p for p in problems)
    assert any("core imports kinerja_desktop.services" in p for p in problems)
