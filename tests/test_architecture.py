"""Architecture rules (docs/design.md, "Architecture"; docs/internals.md, "Import directions"):
the two checkers share one source of truth, the layers import only downwards, and the package
loads lazily."""

from __future__ import annotations

import ast
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Optional

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _run_time_nodes(tree: ast.Module) -> list[ast.AST]:
    """Every node of ``tree`` outside ``if TYPE_CHECKING:`` blocks (imports for annotations
    do not run)."""
    out: list[ast.AST] = []
    stack: list[ast.AST] = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING":
            stack.extend(node.orelse)
            continue
        out.append(node)
        stack.extend(ast.iter_child_nodes(node))
    return out


def _imported_modules(path: Path, run_time: bool = False) -> set[str]:
    tree = ast.parse(path.read_text(), str(path))
    found: set[str] = set()
    for node in (_run_time_nodes(tree) if run_time else ast.walk(tree)):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
            if node.module.startswith("typedflux"):
                found.add(node.module)
                # from typedflux.ops import elementwise: a module too
                found.update(f"{node.module}.{a.name}" for a in node.names)
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("typedflux"))
    return found


# -- the runtime imports downwards: shapes < engine < tensor < ops < the rest --------------
ENGINE_CORE = ["alloc", "tape", "marks", "accumulate", "proven", "operands", "invoke", "lanes",
               "primitive"]


@pytest.mark.parametrize("name", ENGINE_CORE)
def test_the_engine_core_imports_no_tensor_and_no_ops(name: str) -> None:
    # typedflux.tensor builds on the engine core (its operators are the core's entry
    # points), so the core may name Tensor in annotations only.
    mods = _imported_modules(ROOT / "typedflux" / "engine" / f"{name}.py", run_time=True)
    bad = {m for m in mods if m.startswith(("typedflux.tensor", "typedflux.ops", "typedflux.layers"))
           or m in {"typedflux.engine.grad", "typedflux.engine.tree", "typedflux.engine.plan"}}
    assert not bad, f"engine/{name}.py imports {sorted(bad)} at run time"


@pytest.mark.parametrize("name", ["tensor", "tensor_methods"])
def test_tensor_imports_no_op_module(name: str) -> None:
    mods = _imported_modules(ROOT / "typedflux" / f"{name}.py", run_time=True)
    bad = {m for m in mods if m.startswith(("typedflux.ops", "typedflux.layers"))}
    assert not bad, f"{name}.py imports {sorted(bad)}: its operators are engine entry points"
    assert not any(m.startswith("typedflux.engine.") and m.split(".")[2] not in ENGINE_CORE
                   for m in mods), sorted(mods)


@pytest.mark.parametrize("name", ["dtypes", "numpy_calls"])
def test_the_modules_below_tensor_import_nothing_of_typedflux(name: str) -> None:
    # tf.Tensor(data) and tf.tensor(data) share the dtype checks, and Tensor's numpy hook
    # runs numpy_calls: both sit below typedflux.tensor. (typedflux.shapes, pure Python and
    # below everything, holds the numpy reductions' table numpy_calls shares with the plugin.)
    mods = _imported_modules(ROOT / "typedflux" / f"{name}.py", run_time=True)
    runtime = {m for m in mods if m.startswith("typedflux.") and not m.startswith("typedflux.shapes")}
    assert not runtime, sorted(mods)


def test_engine_package_imports_nothing_above_the_core() -> None:
    mods = _imported_modules(ROOT / "typedflux" / "engine" / "__init__.py", run_time=True)
    assert {m.rsplit(".", 1)[0] if m.count(".") > 2 else m
            for m in mods if m.startswith("typedflux.")} <= {
        "typedflux.engine.alloc", "typedflux.engine.tape"}


@pytest.mark.parametrize("path", sorted((ROOT / "typedflux" / "ops" / "kernels").glob("*.py")),
                         ids=lambda p: p.name)
def test_the_layer_kernels_are_plain_numpy(path: Path) -> None:
    # Kernels are functions over ndarrays (tested against naive loops, replayed by
    # tf.compile): they import numpy and each other, nothing else of typedflux.
    mods = _imported_modules(path, run_time=True)
    bad = {m for m in mods if m.startswith("typedflux.")
           and not m.startswith("typedflux.ops.kernels")}
    assert not bad, f"ops/kernels/{path.name} imports {sorted(bad)}"


def test_the_ops_package_imports_every_op_module() -> None:
    # Importing any op module binds every primitive (typedflux/ops/__init__.py).
    listed = {m.rsplit(".", 1)[1] for m in _imported_modules(ROOT / "typedflux" / "ops" / "__init__.py")
              if m.startswith("typedflux.ops.")}
    present = {p.stem for p in (ROOT / "typedflux" / "ops").glob("*.py")} - {
        "__init__", "registry", "examples"}  # (examples: generators for @p.examples)
    assert present - listed == set(), f"add to typedflux/ops/__init__.py: {sorted(present - listed)}"
    assert listed - present == set(), f"no such op module: {sorted(listed - present)}"


@pytest.mark.parametrize("path", sorted((ROOT / "typedflux" / "shapes").rglob("*.py")), ids=str)
def test_shapes_package_is_pure_python(path: Path) -> None:
    bad = _imported_modules(path) & {"numpy", "mypy"}
    assert not bad, f"{path.name} imports {sorted(bad)}; typedflux/shapes must stay pure Python"


@pytest.mark.parametrize("path", sorted((ROOT / "mypy_plugin").rglob("*.py")), ids=str)
def test_plugin_imports_only_mypy_and_shapes(path: Path) -> None:
    for module in _imported_modules(path):
        if module.startswith("typedflux"):
            assert module == "typedflux" or module.startswith("typedflux.shapes"), (
                f"{path.name} imports {module}; the plugin may import only typedflux.shapes"
            )
        assert module != "numpy", f"{path.name} imports numpy"


def test_only_translate_knows_both_worlds() -> None:
    # The translate package (mypy_plugin/translate/) is the one place mapping mypy types to
    # dims: no other plugin module imports both mypy and the dim algebra.
    both = []
    for path in sorted((ROOT / "mypy_plugin").rglob("*.py")):
        mods = _imported_modules(path)
        if "mypy" in mods and any(m.startswith("typedflux.shapes.dims") for m in mods):
            both.append(path.relative_to(ROOT / "mypy_plugin"))
    outside = [str(p) for p in both if p.parts[0] != "translate"]
    assert not outside, f"only mypy_plugin/translate/ may map mypy types to dims: {outside}"
    # The rule sees the package's own modules do it (it would pass vacuously otherwise).
    assert {p.name for p in both} >= {"tensor_annotations.py", "reading.py", "writing.py"}, both


# -- the package loads lazily ---------------------------------------------------------------


def _fresh(code: str, pycache: Optional[Path] = None) -> str:
    """Run ``code`` in a fresh interpreter (nothing of typedflux or numpy imported yet);
    with ``pycache``, bytecode is written to and read from that folder."""
    env = None
    if pycache is not None:
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPYCACHEPREFIX"] = str(pycache)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=ROOT, check=True, env=env)
    return done.stdout.strip()


LOADED = ("import sys; print(sorted(m for m in sys.modules if m == 'numpy' or "
          "m.startswith(('typedflux.', 'mypy_plugin.')) and not m.startswith("
          "('typedflux.shapes', 'mypy_plugin.'))))")


@pytest.mark.parametrize("module", ["typedflux", "typedflux.shapes", "mypy_plugin"])
def test_importing_the_static_half_loads_no_numpy_and_no_runtime(module: str) -> None:
    assert _fresh(f"import {module}; {LOADED}") == "[]"


def test_reading_the_shape_error_loads_no_runtime() -> None:
    assert _fresh(f"import typedflux as tf; tf.ShapeError; {LOADED}") == "[]"


def _exports_in_init() -> tuple[dict[str, set[str]], list[str]]:
    """The TYPE_CHECKING imports of typedflux/__init__.py (module -> names) and __all__."""
    tree = ast.parse((ROOT / "typedflux" / "__init__.py").read_text())
    imports: dict[str, set[str]] = {}
    names: list[str] = []
    for node in tree.body:
        if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING":
            for imp in node.body:
                assert isinstance(imp, ast.ImportFrom) and imp.module, ast.unparse(imp)
                imports.setdefault(imp.module, set()).update(a.name for a in imp.names)
        if isinstance(node, ast.Assign) and ast.unparse(node.targets[0]) == "__all__":
            names = list(ast.literal_eval(node.value))
    return imports, names


def test_all_the_lazy_table_and_the_type_checking_imports_agree() -> None:
    import typedflux

    imports, names = _exports_in_init()
    table = {m: set(ns) for m, ns in typedflux._EXPORTS.items()}
    assert sorted(names) == sorted(typedflux.__all__)
    assert len(names) == len(set(names)), "a name listed twice in __all__"
    missing = set(names) - set(typedflux._MODULE_OF)
    assert not missing, f"in __all__ but not in _EXPORTS: {sorted(missing)}"
    extra = set(typedflux._MODULE_OF) - set(names)
    assert not extra, f"in _EXPORTS but not in __all__: {sorted(extra)}"
    assert imports == table, "the TYPE_CHECKING imports must name the modules of _EXPORTS"


def test_every_public_name_loads_from_its_module() -> None:
    code = ("import typedflux as tf, importlib\n"
            "for m, names in tf._EXPORTS.items():\n"
            "    for n in names:\n"
            "        v = getattr(tf, n)\n"
            "        src = importlib.import_module(f'typedflux.{n}' if m == 'typedflux' else m)\n"
            "        assert v is (src if m == 'typedflux' else getattr(src, n)), n\n"
            "print(sorted(set(tf.__all__) - set(dir(tf))))")
    assert _fresh(code) == "[]"


def test_the_table_names_each_object_s_defining_module() -> None:
    import inspect

    import typedflux

    for module, names in typedflux._EXPORTS.items():
        for name in names:
            obj = getattr(typedflux, name)
            if inspect.isroutine(obj) or inspect.isclass(obj) and module != "numpy":
                assert obj.__module__ == module, f"{name} is defined in {obj.__module__}"


def test_an_unknown_name_is_an_attribute_error() -> None:
    import typedflux

    with pytest.raises(AttributeError, match="has no attribute 'Tensr'"):
        typedflux.Tensr  # noqa: B018


def test_public_functions_named_like_submodules_stay_functions() -> None:
    # Importing typedflux.tensor / typedflux.shapecheck first makes Python set the package
    # attributes of those names to the modules; the public functions must still win.
    code = ("import typedflux.tensor, typedflux.shapecheck, types\n"
            "import typedflux as tf\n"
            "print(callable(tf.tensor), callable(tf.shapecheck), "
            "isinstance(tf.tensor, types.ModuleType), tf.tensor([1.0]).shape)")
    assert _fresh(code) == "True True False (1,)"


def test_the_package_is_a_plain_module_once_the_runtime_is_loaded() -> None:
    # CPython specialises attribute reads only on a plain module without a module __getattr__
    # (tf.exp in a loop: ~14 ns against ~3): the first runtime name loads every public name and
    # drops both; the static half stays lazy.
    code = ("import types, typedflux as tf\n"
            "lazy = [type(tf) is types.ModuleType, '__getattr__' in vars(tf)]\n"
            "tf.ShapeError  # a pure name: the runtime stays unloaded\n"
            "lazy += [type(tf) is types.ModuleType, '__getattr__' in vars(tf)]\n"
            "tf.exp\n"
            "import typedflux.tensor, typedflux.shapecheck\n"
            "print(lazy, type(tf) is types.ModuleType, '__getattr__' in vars(tf), "
            "set(tf.__all__) <= set(vars(tf)), tf.tensor.__module__, tf.shapecheck.__module__)")
    assert _fresh(code) == ("[False, True, False, True] True False True typedflux.ops.creation "
                            "typedflux.shapecheck")


def test_every_module_imports_on_its_own(tmp_path: Path) -> None:
    # No import cycle that works only in one order: each module of the package imported
    # first, in an interpreter where no other typedflux module is loaded yet (the pure-Python
    # package is dropped from sys.modules between imports; numpy stays). The package is
    # imported ~250 times over: its bytecode is cached in a folder of this test's own, so each
    # module is compiled once, not at every import (where PYTHONDONTWRITEBYTECODE is set, as
    # on the machine CI runs on, that took ~70 s of the suite).
    code = (
        "import importlib, pkgutil, sys\n"
        "import typedflux\n"
        "names = sorted({m.name for m in pkgutil.walk_packages(typedflux.__path__, 'typedflux.')})\n"
        "bad = []\n"
        "for name in names:\n"
        "    for k in [k for k in sys.modules if k.startswith('typedflux')]:\n"
        "        del sys.modules[k]\n"
        "    try:\n"
        "        importlib.import_module(name)\n"
        "    except Exception as e:\n"
        "        bad.append(f'{name}: {type(e).__name__}: {e}')\n"
        "print(len(names) > 50, bad)"
    )
    assert _fresh(code, pycache=tmp_path) == "True []"


# -- small modules: about 500 lines at most, or the module docstring says why -------------------
LONG = 500
# Long modules whose owners are splitting them in the current session (docs/internals.md): the
# rule applies to each as soon as its entry goes, and an entry goes when its split lands.
BEING_SPLIT: dict[str, str] = {}


def _line_count(rel: str) -> int:
    return len((ROOT / rel).read_text().splitlines())


def _package_modules() -> list[str]:
    return sorted(p.relative_to(ROOT).as_posix() for pkg in ("typedflux", "mypy_plugin")
                  for p in (ROOT / pkg).rglob("*.py") if "__pycache__" not in p.parts)


def test_a_long_module_says_why_it_is_long() -> None:
    unexplained = []
    for rel in _package_modules():
        if rel in BEING_SPLIT or _line_count(rel) <= LONG:
            continue
        doc = ast.get_docstring(ast.parse((ROOT / rel).read_text())) or ""
        if "Why this module is long:" not in doc:
            unexplained.append(f"{rel} ({_line_count(rel)} lines)")
    assert not unexplained, (
        f"modules over {LONG} lines: split them by job, or say in the module docstring "
        f"'Why this module is long: ...': {unexplained}")


def test_every_module_being_split_is_still_long() -> None:
    done = [f"{rel} ({owner})" for rel, owner in BEING_SPLIT.items()
            if not (ROOT / rel).exists() or _line_count(rel) <= LONG]
    assert not done, f"split: remove from BEING_SPLIT in tests/test_architecture.py: {done}"


def test_a_public_name_whose_module_cannot_be_imported_fails_alone() -> None:
    # Without safetensors (a core dependency, but only tf.save/tf.load use it) every other
    # name still loads; the missing one raises the import error when read.
    code = ("import sys\n"
            "sys.modules['safetensors'] = None  # import safetensors now raises ImportError\n"
            "import typedflux as tf\n"
            "print(tf.tensor([1.0]).shape, callable(tf.Dense), callable(tf.shapecheck))\n"
            "try:\n"
            "    tf.save\n"
            "except ImportError as e:\n"
            "    print('safetensors' in str(e))")
    assert _fresh(code) == "(1,) True True\nTrue"


def test_the_module_map_names_every_checker_module() -> None:
    """docs/internals.md maps the two checkers' modules one by one (the runtime packages by
    folder): a new plugin or shapes module is named there, with what it holds, in the commit
    that adds it (the shapes' rules_*.py and layers_*.py families by their pattern)."""
    text = (ROOT / "docs" / "internals.md").read_text()
    unnamed = []
    for rel in _package_modules():
        name = Path(rel).name
        if not rel.startswith(("mypy_plugin/", "typedflux/shapes/")) or name == "__init__.py":
            continue
        if rel.startswith("typedflux/shapes/") and name.startswith(("rules_", "layers_")):
            continue  # (``rules_*.py``, ``layers_*.py``: one line each for the family)
        if rel.startswith("typedflux/shapes/messages/"):  # (the package's line lists its families)
            if not re.search(rf"\b{name[:-len('.py')]}\b", text):
                unnamed.append(rel)
        elif name not in text:
            unnamed.append(rel)
    assert not unnamed, f"docs/internals.md's module map does not name: {unnamed}"
