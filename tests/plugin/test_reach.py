"""Which modules the catch-all hooks skip (mypy_plugin/reach.py): only modules with no import
path to typedflux whose errors mypy does not show; read again for each build."""

from __future__ import annotations

from pathlib import Path
from typing import Dict, List

import pytest
from mypy import api
from mypy.nodes import Import, ImportBase, ImportFrom, MypyFile

from mypy_plugin.reach import Reach


def _tree(name: str, *imports: ImportBase, path: str = "") -> MypyFile:
    tree = MypyFile([], list(imports))
    tree._fullname = name
    tree.path = path or name.replace(".", "/") + ".py"
    return tree


def _imp(*names: str) -> Import:
    return Import([(n, None) for n in names])


def test_an_import_chain_reaches_typedflux() -> None:
    reach = Reach()
    reach.set_modules({
        "typedflux.tensor": _tree("typedflux.tensor"),
        "app": _tree("app", _imp("app.models")),  # through a submodule
        "app.models": _tree("app.models", ImportFrom("layers", 0, [("Dense", None)])),
        "layers": _tree("layers", ImportFrom("typedflux", 0, [("tensor", None)])),
        "lib": _tree("lib", _imp("os", "lib.util")),
        "lib.util": _tree("lib.util", ImportFrom("", 1, [("core", None)])),  # from . import core
        "lib.core": _tree("lib.core"),
        "os": _tree("os"),
    })
    assert reach.unreached() == {"lib", "lib.util", "lib.core", "os"}


def test_relative_and_package_imports() -> None:
    reach = Reach()
    reach.set_modules({
        "typedflux": _tree("typedflux"),
        "pkg": _tree("pkg", ImportFrom("sub", 1, [("x", None)]), path="pkg/__init__.py"),
        "pkg.sub": _tree("pkg.sub", path="pkg/sub/__init__.py"),
        "pkg.sub.deep": _tree("pkg.sub.deep", ImportFrom("core", 2, [("y", None)])),
        "pkg.core": _tree("pkg.core", _imp("typedflux")),
        "other": _tree("other", _imp("pkg.sub.deep")),
        "alone": _tree("alone", _imp("pkg.sub")),  # (``pkg`` runs too, and it reaches nothing)
    })
    # from .sub in pkg/__init__ is pkg.sub; from ..core in pkg.sub.deep is pkg.core
    assert reach.unreached() == {"pkg", "pkg.sub", "alone"}


def test_a_tree_from_mypys_cache_counts_as_reaching() -> None:
    # A module read from mypy's cache has no import list: it may import typedflux.
    cached = _tree("helper")
    cached.is_cache_skeleton = True
    reach = Reach()
    reach.set_modules({"helper": cached, "user": _tree("user", _imp("helper")),
                       "os": _tree("os")})
    assert reach.unreached() == {"os"}


def test_an_edit_is_read_again() -> None:
    # mypy's daemon merges an edited file into the same tree and calls set_modules again.
    modules = {"typedflux": _tree("typedflux"), "lib": _tree("lib")}
    reach = Reach()
    reach.set_modules(modules)
    assert reach.unreached() == {"lib"}
    modules["lib"].imports.append(_imp("typedflux"))
    reach.set_modules(modules)
    assert reach.unreached() == frozenset()
    modules["new"] = _tree("new")  # (a module added without set_modules: read again too)
    assert reach.unreached() == {"new"}


def test_a_name_is_read_in_the_module_that_defines_it() -> None:
    # (the type-analyze hook keeps "no hook" for an alias defined where no typedflux type is)
    reach = Reach()
    reach.set_modules({"typedflux": _tree("typedflux"), "lib": _tree("lib"),
                       "lib.types": _tree("lib.types"), "app": _tree("app", _imp("typedflux"))})
    assert reach.unreached_name("lib.types.Number")
    assert reach.unreached_name("lib.types.Box.Inner")  # (a class's member: its module's)
    assert not reach.unreached_name("app.Vec")
    assert not reach.unreached_name("typedflux.Tensor")
    assert not reach.unreached_name("missing.Thing")  # (not in the build: not known)


def test_hooks_skip_only_silent_modules_without_typedflux(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: Dict[str, List[bool]] = {}
    real = Reach.skips

    def spy(self: Reach, checker: object) -> bool:
        verdict = real(self, checker)
        seen.setdefault(getattr(checker, "tree").fullname, []).append(verdict)
        return verdict

    monkeypatch.setattr(Reach, "skips", spy)
    monkeypatch.chdir(tmp_path)
    # (errors of ``quiet*`` are not shown, as an installed package's: mypy checks only their
    # module-level code then, where the calls below are)
    (tmp_path / "mypy.ini").write_text("[mypy]\nplugins = mypy_plugin\n\n"
                                       "[mypy-quiet,quiet_tf]\nfollow_imports = silent\n")
    call = "import os\n\ndef here() -> str:\n    return os.getcwd()\n\nx = here()\n"
    (tmp_path / "plain.py").write_text(call)  # the user's own module: its errors are shown
    (tmp_path / "quiet.py").write_text(call)
    (tmp_path / "quiet_tf.py").write_text("import plain\n" + call)  # (plain: no typedflux)
    (tmp_path / "model.py").write_text(
        "import quiet\nimport quiet_tf\nimport typedflux as tf\nimport plain\n\n"
        "def make() -> tf.Tensor[3]:\n    return tf.zeros(3)\n\ny = make()\n"
        "z: tf.Tensor[4] = make()\n")
    out, err, status = api.run(["--cache-dir", str(tmp_path / "cache"), "model.py"])
    assert status == 1 and "Assigned shape" in out, out + err  # (the plugin ran)
    assert seen["model"] and not any(seen["model"]), seen
    assert seen["plain"] and not any(seen["plain"]), seen  # no typedflux, errors shown
    # Errors not shown and no typedflux down its imports (plain imports none): skipped.
    assert seen["quiet"] and all(seen["quiet"]), seen
    assert seen["quiet_tf"] and all(seen["quiet_tf"]), seen
    assert not any(v for name, vs in seen.items() if name.startswith("typedflux") for v in vs)


def test_a_silent_module_importing_typedflux_is_not_skipped(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: Dict[str, List[bool]] = {}
    real = Reach.skips

    def spy(self: Reach, checker: object) -> bool:
        verdict = real(self, checker)
        seen.setdefault(getattr(checker, "tree").fullname, []).append(verdict)
        return verdict

    monkeypatch.setattr(Reach, "skips", spy)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "mypy.ini").write_text("[mypy]\nplugins = mypy_plugin\n\n"
                                       "[mypy-quiet,helpers]\nfollow_imports = silent\n")
    # quiet -> helpers -> typedflux: quiet may hold a tensor (its module-level values are
    # read by the user's module), so its hooks run.
    (tmp_path / "helpers.py").write_text("import typedflux as tf\n\n"
                                         "def make() -> tf.Tensor[3]:\n    return tf.zeros(3)\n")
    (tmp_path / "quiet.py").write_text("import helpers\n\nv = helpers.make()\n")
    (tmp_path / "model.py").write_text("import quiet\nimport typedflux as tf\n\n"
                                       "w: tf.Tensor[4] = quiet.v\n")
    out, err, status = api.run(["--cache-dir", str(tmp_path / "cache"), "model.py"])
    assert status == 1 and '"Tensor[Literal[3]]"' in out, out + err
    assert seen["quiet"] and not any(seen["quiet"]), seen
