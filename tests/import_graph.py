"""The import graph of the mtcheck package, read from the source with ``ast``.

Every import counts, at module level or inside a function (a lazy import still
makes one module need another), except those under ``if TYPE_CHECKING:``, which
never run. Two graphs are checked for cycles: between modules, and between the
package's parts (a subpackage such as ``mtcheck.bilingual`` taken as one node).

Run as ``python -m tests.import_graph`` to print the cycles.
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterator
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "mtcheck"


def modules(package: Path = PACKAGE) -> dict[str, Path]:
    """Dotted module name → file, for every .py file of the package."""
    found = {}
    for path in sorted(package.rglob("*.py")):
        parts = list(path.relative_to(package.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def _type_checking_only(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _imports(tree: ast.AST) -> Iterator[ast.Import | ast.ImportFrom]:
    pending = [tree]
    while pending:
        node = pending.pop()
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and _type_checking_only(child):
                pending.extend(child.orelse)  # the else branch runs
                continue
            if isinstance(child, ast.Import | ast.ImportFrom):
                yield child
            pending.append(child)


def _targets(node: ast.Import | ast.ImportFrom, name: str, known: dict[str, Path]) -> set[str]:
    if isinstance(node, ast.Import):
        return {alias.name for alias in node.names}
    base = node.module or ""
    if node.level:  # relative: from the module's own package
        package = name if known[name].name == "__init__.py" else name.rpartition(".")[0]
        for _ in range(node.level - 1):
            package = package.rpartition(".")[0]
        base = f"{package}.{base}" if base else package
    # from mtcheck import quality names a module; from mtcheck.model import Finding, a name.
    named = {f"{base}.{alias.name}" for alias in node.names}
    return (named & known.keys()) or {base}


def module_graph(package: Path = PACKAGE) -> dict[str, set[str]]:
    known = modules(package)
    graph: dict[str, set[str]] = {}
    for name, path in known.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        edges = set()
        for node in _imports(tree):
            for target in _targets(node, name, known):
                if target in known and target != name:
                    edges.add(target)
        graph[name] = edges
    return graph


def part(name: str) -> str:
    """``mtcheck.bilingual.align`` → ``mtcheck.bilingual``; a top-level module is itself."""
    pieces = name.split(".")
    return ".".join(pieces[:2])


def part_graph(graph: dict[str, set[str]]) -> dict[str, set[str]]:
    parts: dict[str, set[str]] = {}
    for name, edges in graph.items():
        parts.setdefault(part(name), set()).update(part(e) for e in edges if part(e) != part(name))
    return parts


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one node (Tarjan), sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0

    def visit(node: str) -> None:
        nonlocal counter
        index[node] = low[node] = counter
        counter += 1
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    sys.setrecursionlimit(max(sys.getrecursionlimit(), 10 * len(graph) + 100))
    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted(found)


def _main() -> int:
    graph = module_graph()
    for title, found in (("modules", cycles(graph)), ("parts", cycles(part_graph(graph)))):
        for component in found:
            print(f"{title}: {' <-> '.join(component)}")
    return 0


if __name__ == "__main__":
    sys.exit(_main())
