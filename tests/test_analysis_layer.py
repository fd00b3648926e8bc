"""The analysis layer's shape: no import hidden in a function, imports only downward, sorted
public names, docstrings with Parameters, Returns and Examples."""
import ast
import importlib
import inspect

import pytest

from helpers.paths import PROJECT_ROOT

MODULES = ["stats", "ranking", "choices", "compare", "frequency", "timeline", "findings",
           "glossary"]
# What each analysis module may import from the package (the layers below it).
ALLOWED = {
    "stats": set(),
    "ranking": {"text"},
    "choices": {"corpus"},
    "compare": {"corpus", "ranking", "stats", "text"},
    "frequency": {"corpus", "ranking", "stats", "text"},
    "timeline": {"corpus", "dates", "frequency", "reference", "stats"},
    "findings": {"choices", "compare", "corpus", "ranking", "stats"},
    "glossary": {"errors", "lexicon", "paths", "text"},
}


def _tree(name):
    path = PROJECT_ROOT / "src" / "helpers" / f"{name}.py"
    return ast.parse(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", MODULES)
def test_no_package_import_inside_a_function(name):
    for node in ast.walk(_tree(name)):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            inner = [n for n in ast.walk(node) if isinstance(n, ast.ImportFrom) and n.level > 0]
            assert not inner, f"{name}.{node.name} imports {[n.module for n in inner]}"


@pytest.mark.parametrize("name", MODULES)
def test_imports_point_down_only(name):
    imported = {n.module for n in _tree(name).body if isinstance(n, ast.ImportFrom) and n.level > 0}
    assert imported <= ALLOWED[name], f"{name} imports {imported - ALLOWED[name]}"


def _order(name):
    kind = 0 if name.isupper() else 1 if name[0].isupper() else 2
    return kind, name


@pytest.mark.parametrize("name", MODULES)
def test_public_names_are_sorted_and_documented(name):
    module = importlib.import_module(f"helpers.{name}")
    assert module.__all__ == sorted(module.__all__, key=_order)
    for public in module.__all__:
        obj = getattr(module, public)
        if inspect.isfunction(obj):
            doc = inspect.getdoc(obj) or ""
            takes = ("Parameters",) if inspect.signature(obj).parameters else ()
            for section in (*takes, "Returns", "Examples"):
                assert f"{section}\n---" in doc, f"{name}.{public} has no {section} section"
            signature = inspect.signature(obj)
            assert signature.return_annotation is not inspect.Signature.empty, f"{name}.{public}"
            bare = [p for p, v in signature.parameters.items()
                    if v.annotation is inspect.Parameter.empty]
            assert not bare, f"{name}.{public}: parameters without a type hint {bare}"
