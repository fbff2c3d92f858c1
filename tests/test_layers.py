"""The layering rule, checked: imports only ever point downwards.

    ui / cli  ->  services  ->  store, exchange  ->  core

`core` (and `paths`, `diagnostics`, `tempfiles`) import only the standard library;
`store` and `exchange` never import each other; `ui` and `cli` never import `store` (and `ui` never
imports `exchange`); PySide6 appears only in `ui/` and `app.py`.

Inside a layer, each domain has its own room (`core.sop`, `core.kinerja`,
`exchange.sop_xlsx`, `exchange.pdf.sop` …) and the generic code they share has
its own (`exchange.xlsx`, the files directly in `exchange/pdf/`). `APART` says
which rooms a room must not import, so that the rooms can grow side by side.
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
    "tempfiles": set(),
    "gcpause": set(),
    "diagnostics": {"paths"},
    "store": {"core", "store", "paths", "diagnostics", "tempfiles"},
    "exchange": {"core", "exchange", "paths", "diagnostics", "tempfiles", "gcpause"},
    "services": {"core", "store", "exchange", "services", "paths", "diagnostics", "gcpause"},
    "cli": {"core", "services", "cli", "paths", "diagnostics"},
    "ui": {"core", "services", "ui", "paths", "diagnostics"},
    "app": {"core", "store", "exchange", "services", "cli", "ui", "paths", "diagnostics"},
    "__init__": set(),
    "__main__": {"app"},
}
THIRD_PARTY: dict[str, set[str]] = {
    "core": set(),
    "paths": set(),
    "tempfiles": set(),
    "gcpause": set(),
    "diagnostics": set(),
    "store": {"peewee", "playhouse"},
    "exchange": {"openpyxl", "reportlab", "defusedxml", "segno"},
    "services": set(),
    "cli": set(),
    "ui": {"PySide6", "shiboken6"},
    "app": {"PySide6"},
    "__init__": set(),
    "__main__": set(),
}

# Room -> the rooms it must not import (dotted names below kinerja_desktop). A room
# is a package with everything inside it except the rooms listed here within it:
# each module obeys the most specific room that holds it. So "exchange.pdf" binds
# the generic files directly in exchange/pdf/, and exchange/pdf/sop/ obeys its own
# entry. A room that does not exist yet (core.kinerja …) is bound all the same.
APART: dict[str, set[str]] = {
    "core.sop": {"core.kinerja", "core.layout"},
    "core.kinerja": {"core.sop", "core.layout"},
    "exchange.xlsx": {"exchange.sop_xlsx", "exchange.kinerja_xlsx", "core.sop", "core.kinerja"},
    "exchange.sop_xlsx": {"exchange.kinerja_xlsx"},
    "exchange.kinerja_xlsx": {"exchange.sop_xlsx", "exchange.pdf", "core.sop"},
    "exchange.pdf": {"exchange.pdf.sop", "exchange.pdf.kinerja", "core.sop", "core.kinerja"},
    "exchange.pdf.sop": {"exchange.pdf.kinerja"},
    "exchange.pdf.kinerja": {"exchange.pdf.sop"},
    "store.kinerja": {"store.sops", "core.sop"},
    "store.sops": {"store.kinerja", "core.kinerja"},
    "ui.common": {"ui.shell", "ui.sop", "ui.office"},
    "ui.office": {"ui.shell", "ui.sop"},
    # the data-kinerja screens stand beside the SOP and office rooms, below the shell
    "ui.kinerja": {"ui.shell", "ui.sop", "ui.editor", "ui.office", "ui.swimlane"},
    # the swimlane view is a part other screens embed; it knows none of them
    "ui.swimlane": {"ui.shell", "ui.sop", "ui.editor", "ui.kinerja", "ui.office"},
}
# Data kinerja's use cases and commands never reach into the SOP ones (and back).
_SOP_SERVICES = {
    "services.sop_service",
    "services.sop_import",
    "services.sop_types",
    "services.print_service",
    "core.sop",
    "store.sops",
}
_KINERJA_SERVICES = (
    "kinerja_checks",
    "kinerja_demo",
    "kinerja_files",
    "kinerja_forms",
    "kinerja_import",
    "kinerja_plan",
    "kinerja_plan_book",
    "kinerja_rounds",
    "kinerja_types",
    "kinerja_values",
    "kinerja_validation",
    "kinerja_corrections",
    "kinerja_reports",
    "kinerja_report_build",
    "kinerja_report_context",
    "kinerja_report_evaluasi",
    "kinerja_report_docs",
)
APART.update({f"services.{name}": _SOP_SERVICES for name in _KINERJA_SERVICES})
APART["cli.kinerja_commands"] = _SOP_SERVICES | {"cli.sop_commands"}
APART["cli.kinerja_report_commands"] = _SOP_SERVICES | {"cli.sop_commands"}
APART["cli.kinerja_report_json"] = _SOP_SERVICES | {"cli.sop_commands"}
APART.update(
    {
        name: {"core.kinerja", "store.kinerja"}
        for name in ("services.sop_service", "services.sop_import", "services.sop_types")
    }
)
_KINERJA_ROOMS = (
    "store.kinerja",
    "store.sops",
    "cli.kinerja_commands",
    "cli.kinerja_report_commands",
    "cli.kinerja_report_json",
    "services.sop_service",
    "services.sop_import",
    "services.sop_types",
    *(f"services.{name}" for name in _KINERJA_SERVICES),
)


# Modules no module outside its package may import: the peewee models stay in
# store/ (store functions return core objects and plain records, never rows).
PRIVATE: dict[str, str] = {"store.models": "store"}


def _private_problems(importer: str, module: str, names: tuple[str, ...]) -> list[str]:
    problems = []
    for private, owner in PRIVATE.items():
        if _within(importer, owner):
            continue
        hits = [t for t in _targets(module, names) if _within(t, private)]
        if hits:
            problems.append(f"{importer} imports {private}, private to {owner}")
    return problems


def _layer_of(path: Path) -> str:
    rel = path.relative_to(PACKAGE)
    return rel.parts[0].removesuffix(".py") if len(rel.parts) > 1 else rel.stem


def _module_of(path: Path) -> str:
    """The dotted name below kinerja_desktop: core/sop/__init__.py -> core.sop."""
    parts = path.relative_to(PACKAGE).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> list[tuple[int, str, tuple[str, ...]]]:
    """(line, module, names imported from it) for every import of `path`.

    A relative import is resolved against the file's package; `__init__` counts
    as a part of the file's path, so dropping `level` parts gives the right
    package for a package's `__init__.py` and for a plain module alike.
    """
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    rel_parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    found: list[tuple[int, str, tuple[str, ...]]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name, ()) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = list(rel_parts[: len(rel_parts) - node.level])
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            found.append((node.lineno, module, tuple(alias.name for alias in node.names)))
    return found


def _within(name: str, room: str) -> bool:
    return name == room or name.startswith(room + ".")


def _targets(module: str, names: tuple[str, ...]) -> list[str]:
    """What an import may reach below kinerja_desktop: the module, and each name
    imported from it (which may be a submodule: `from . import sop`)."""
    inner = module.removeprefix("kinerja_desktop").removeprefix(".")
    return [t for t in [inner, *(f"{inner}.{n}".lstrip(".") for n in names)] if t]


def _layer_problem(layer: str, module: str, names: tuple[str, ...]) -> bool:
    parts = module.split(".")
    targets = [parts[1]] if len(parts) > 1 else [n for n in names if n in ALLOWED]
    return any(t != layer and t not in ALLOWED[layer] for t in targets)


def _room_problems(importer: str, module: str, names: tuple[str, ...]) -> list[str]:
    rooms = [room for room in APART if _within(importer, room)]
    if not rooms:
        return []
    room = max(rooms, key=len)
    problems = []
    for other in sorted(APART[room]):
        hits = [t for t in _targets(module, names) if _within(t, other)]
        if hits:
            problems.append(f"{room} imports {other} ({max(hits, key=len)})")
    return problems


def _violations() -> list[str]:
    stdlib = set(sys.stdlib_module_names)
    problems: list[str] = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if "generated" in path.parts and _layer_of(path) == "ui":
            continue
        layer = _layer_of(path)
        if layer not in ALLOWED:
            problems.append(f"{path}: layer {layer!r} is not in the layering table")
            continue
        importer = _module_of(path)
        for lineno, module, names in _imports(path):
            top = module.split(".")[0]
            where = f"{path.relative_to(PACKAGE.parent)}:{lineno}"
            if top == "kinerja_desktop":
                if _layer_problem(layer, module, names):
                    problems.append(f"{where}: {layer} imports {module}")
                problems.extend(f"{where}: {p}" for p in _room_problems(importer, module, names))
                problems.extend(f"{where}: {p}" for p in _private_problems(importer, module, names))
            elif top in stdlib or top == "__future__":
                continue
            elif top not in THIRD_PARTY[layer]:
                problems.append(f"{where}: {layer} imports third-party {module}")
    return problems


def test_layers_only_import_downwards() -> None:
    assert _violations() == []


def _write(root: Path, rel: str, text: str) -> None:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_checker_catches_an_upward_import(tmp_path: Path, monkeypatch) -> None:
    """The scanner itself must fail on a bad import, or it proves nothing."""
    fake = tmp_path / "kinerja_desktop"
    _write(
        fake,
        "core/bad.py",
        "from PySide6 import QtCore\nfrom kinerja_desktop.store import db\n"
        "from ..services import x\nfrom .. import ui\n",
    )
    monkeypatch.setattr(sys.modules[__name__], "PACKAGE", fake)
    problems = _violations()
    assert any("third-party PySide6" in p for p in problems)
    assert any("core imports kinerja_desktop.store" in p for p in problems)
    assert any("core imports kinerja_desktop.services" in p for p in problems)
    assert any("core/bad.py:4: core imports kinerja_desktop" in p for p in problems)


def test_checker_keeps_the_rooms_apart(tmp_path: Path, monkeypatch) -> None:
    """Every rule of APART fires, relative imports in nested packages included."""
    fake = tmp_path / "kinerja_desktop"
    files = {
        # `from ..layout` in core/sop/__init__.py is core.layout, not core.sop.layout
        "core/sop/__init__.py": "from ..layout import build\n",
        "core/sop/checker.py": "from ..kinerja import rules\nfrom .document import Step\n",
        "core/kinerja/__init__.py": "from ..sop import SopDocument\n",
        "core/layout/build.py": "from ..sop import SopDocument\nfrom .. import sop\n",
        "exchange/xlsx/grid.py": "from ..sop_xlsx import header\nfrom .. import kinerja_xlsx\n",
        "exchange/xlsx/style.py": "from kinerja_desktop.core.sop import StepKind\n"
        "from ...core.kinerja.plan import Plan\n",
        "exchange/sop_xlsx/rows.py": "from ..xlsx.grid import SheetGrid\nfrom .header import H\n",
        "exchange/sop_xlsx/header.py": "from ..kinerja_xlsx.forms import Form\n",
        "exchange/kinerja_xlsx/__init__.py": "from ..sop_xlsx import read_sop_workbook\n",
        "exchange/pdf/__init__.py": "from . import kinerja\n",
        "exchange/pdf/footer.py": "from .sop.document import plan_sop\n",
        "exchange/pdf/signature.py": "from kinerja_desktop.core.sop import Pengesahan\n",
        "exchange/pdf/heading.py": "from ...core import kinerja\n",
        "exchange/pdf/sop/book.py": "from . import document\nfrom ..footer import draw_footer\n",
        "exchange/pdf/sop/identity.py": "from ..kinerja.report import x\n",
        "exchange/pdf/sop/worksheet.py": "from kinerja_desktop.core.sop import Step\n",
        "exchange/pdf/kinerja/report.py": "from ..sop import document\nfrom .. import footer\n",
        "ui/window.py": "from kinerja_desktop.exchange import atomic\nfrom ..store import db\n",
        "ui/common/errors.py": "from ..shell import main_window\nfrom ..sop.actions import A\n"
        "from kinerja_desktop.ui.office import pages\n",
        "ui/office/pages.py": "from ..shell.navigation import Navigation\n"
        "from ..sop import catalogue\n",
        "ui/kinerja/pages.py": "from ..shell import main_window\nfrom ..sop import actions\n"
        "from ..editor import grid\nfrom .. import office, swimlane\nfrom .common import x\n",
        "ui/swimlane/view.py": "from ..shell import main_window\nfrom ..sop import actions\n"
        "from ..editor import grid\nfrom .. import kinerja, office\n"
        "from .painter import paint_page\n",
    }
    # the data-kinerja rules: one probe per room importing everything the room must not
    for room in (*_KINERJA_ROOMS, "core.kinerja", "exchange.kinerja_xlsx"):
        base = room.replace(".", "/")
        rel = f"{base}.py" if (PACKAGE / f"{base}.py").is_file() else f"{base}/_probe.py"
        files[rel] = files.get(rel, "") + "".join(
            f"import kinerja_desktop.{banned}\n" for banned in sorted(APART[room])
        )
    for rel, text in files.items():
        _write(fake, rel, text)
    monkeypatch.setattr(sys.modules[__name__], "PACKAGE", fake)
    problems = _violations()

    def fired(where: str, what: str) -> bool:
        return any(p.startswith(f"kinerja_desktop/{where}:") and what in p for p in problems)

    assert fired("core/sop/__init__.py", "core.sop imports core.layout (core.layout.build)")
    assert fired("core/sop/checker.py", "core.sop imports core.kinerja")
    assert fired("core/kinerja/__init__.py", "core.kinerja imports core.sop")
    assert fired("exchange/xlsx/grid.py", "exchange.xlsx imports exchange.sop_xlsx")
    assert fired("exchange/xlsx/grid.py", "exchange.xlsx imports exchange.kinerja_xlsx")
    assert fired("exchange/xlsx/style.py", "exchange.xlsx imports core.sop")
    assert fired("exchange/xlsx/style.py", "exchange.xlsx imports core.kinerja (core.kinerja.plan")
    assert fired(
        "exchange/kinerja_xlsx/__init__.py", "exchange.kinerja_xlsx imports exchange.sop_xlsx"
    )
    assert fired("exchange/pdf/__init__.py", "exchange.pdf imports exchange.pdf.kinerja")
    assert fired("exchange/pdf/footer.py", "exchange.pdf imports exchange.pdf.sop")
    assert fired("exchange/pdf/signature.py", "exchange.pdf imports core.sop")
    assert fired("exchange/pdf/heading.py", "exchange.pdf imports core.kinerja")
    assert fired("exchange/pdf/sop/identity.py", "exchange.pdf.sop imports exchange.pdf.kinerja")
    assert fired("exchange/pdf/kinerja/report.py", "exchange.pdf.kinerja imports exchange.pdf.sop")
    assert fired("ui/window.py", "ui imports kinerja_desktop.exchange")
    assert fired("ui/window.py", "ui imports kinerja_desktop.store")
    assert fired("ui/common/errors.py", "ui.common imports ui.shell (ui.shell.main_window")
    assert fired("ui/office/pages.py", "ui.office imports ui.sop (ui.sop.catalogue")
    assert fired("ui/kinerja/pages.py", "ui.kinerja imports ui.sop (ui.sop.actions")
    assert fired("ui/swimlane/view.py", "ui.swimlane imports ui.shell")
    assert fired("ui/swimlane/view.py", "ui.swimlane imports ui.editor")
    # every rule of the table is shown to fire (a new rule needs a fake file above)
    rules = [f"{room} imports {other} (" for room, banned in APART.items() for other in banned]
    assert [r for r in rules if not any(r in p for p in problems)] == []
    # what the rooms may do: layout reads the SOP, a domain room uses the generic code
    allowed = [
        "core/layout/",
        "exchange/sop_xlsx/rows.py",
        "exchange/pdf/sop/book.py",
        "exchange/pdf/sop/worksheet.py",
        "ui/swimlane/view.py:5",
    ]
    assert not [p for p in problems if p.startswith(tuple(f"kinerja_desktop/{a}" for a in allowed))]


def test_checker_keeps_the_models_inside_the_store(tmp_path: Path, monkeypatch) -> None:
    fake = tmp_path / "kinerja_desktop"
    _write(fake, "services/a.py", "from ..store.models import SopRow\n")
    _write(fake, "services/b.py", "from ..store import models\n")
    _write(fake, "services/c.py", "from kinerja_desktop.store import sops\n")
    _write(fake, "store/sops.py", "from .models import SopRow\n")
    monkeypatch.setattr(sys.modules[__name__], "PACKAGE", fake)
    problems = _violations()
    assert any(p.startswith("kinerja_desktop/services/a.py:1:") for p in problems)
    assert any(p.startswith("kinerja_desktop/services/b.py:1:") for p in problems)
    assert not [p for p in problems if "services/c.py" in p or "store/sops.py" in p]
