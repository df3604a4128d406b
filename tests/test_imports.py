"""No import cycles in mtcheck, between modules or between its parts (subpackages)."""

from __future__ import annotations

from pathlib import Path

from tests.import_graph import cycles, module_graph, part_graph


def test_no_module_imports_itself_through_others() -> None:
    assert cycles(module_graph()) == []


def test_no_part_of_the_package_imports_itself_through_others() -> None:
    assert cycles(part_graph(module_graph())) == []


def test_imports_inside_functions_count(tmp_path: Path) -> None:
    package = tmp_path / "pkg"
    (package / "sub").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "a.py").write_text("from pkg import b\n")
    (package / "b.py").write_text(
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    from pkg import c\n"
        "def later():\n    from pkg.sub.d import x\n"
    )
    (package / "c.py").write_text("import pkg.b\n")
    (package / "sub" / "__init__.py").write_text("")
    (package / "sub" / "d.py").write_text("from .. import a\nx = 1\n")
    graph = module_graph(package)
    assert graph["pkg.b"] == {"pkg.sub.d"}  # the type-only import runs never
    assert cycles(graph) == [["pkg.a", "pkg.b", "pkg.sub.d"]]
    assert cycles(part_graph(graph)) == [["pkg.a", "pkg.b", "pkg.sub"]]


def test_the_real_graph_sees_lazy_imports() -> None:
    graph = module_graph()
    assert "mtcheck.bilingual.align" in graph["mtcheck.engine"]  # imported inside a function
    assert len(graph) > 60
