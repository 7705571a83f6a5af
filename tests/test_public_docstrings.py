"""Every public name teaches: a docstring with a runnable example (run by --doctest-modules),
so ``help(tf.Dense)`` works as Julia's ``?Dense`` does; every module says what it holds."""

from __future__ import annotations

import importlib
import importlib.util
import inspect
import pkgutil
import types

import pytest

import typedflux as tf

def _teaches(obj: object) -> bool:
    """typedflux's own functions, classes and modules; numpy's dtypes (tf.float32) and typing
    aliases (tf.TensorLike) are re-exported values documented elsewhere."""
    if isinstance(obj, types.ModuleType):
        return obj.__name__.startswith("typedflux")
    own = str(getattr(obj, "__module__", "")).startswith("typedflux")
    return own and (inspect.isroutine(obj) or inspect.isclass(obj))


PUBLIC = sorted((n, getattr(tf, n)) for n in tf.__all__ if _teaches(getattr(tf, n)))
LOSSES = sorted(
    (f"losses.{name}", getattr(tf.losses, name))
    for name in getattr(tf.losses, "__all__", [])
)


@pytest.mark.parametrize("name,obj", PUBLIC + LOSSES, ids=[n for n, _ in PUBLIC + LOSSES])
def test_public_name_has_docstring_with_example(name: str, obj: object) -> None:
    doc = (obj.__doc__ if isinstance(obj, types.ModuleType) else inspect.getdoc(obj)) or ""
    assert doc.strip(), f"tf.{name} has no docstring"
    assert ">>>" in doc, f"tf.{name}'s docstring has no runnable example"


def _members() -> list[tuple[str, object]]:
    """The public methods and properties of the exported classes, where each is defined."""
    out: list[tuple[str, object]] = []
    for name, cls in PUBLIC:
        if not inspect.isclass(cls):
            continue
        for member, value in vars(cls).items():
            if isinstance(value, (staticmethod, classmethod)):
                value = value.__func__
            if not member.startswith("_") and (isinstance(value, property)
                                               or inspect.isfunction(value)):
                out.append((f"{name}.{member}", value))
    return out


MEMBERS = _members()
# Members whose examples their owner is writing this session; an entry goes when it has one.
NO_EXAMPLE_YET: dict[str, str] = {}


def _example_in(member: object) -> bool:
    return ">>>" in (inspect.getdoc(member) or "")


@pytest.mark.parametrize("name,member", [m for m in MEMBERS if m[0] not in NO_EXAMPLE_YET],
                         ids=[n for n, _ in MEMBERS if n not in NO_EXAMPLE_YET])
def test_public_method_has_docstring_with_example(name: str, member: object) -> None:
    assert _example_in(member), f"tf.{name} has no docstring with a runnable example"


def test_members_waiting_for_an_example_still_wait() -> None:
    known = dict(MEMBERS)
    done = [f"{n} ({owner})" for n, owner in NO_EXAMPLE_YET.items()
            if n not in known or _example_in(known[n])]
    assert not done, f"remove from NO_EXAMPLE_YET in tests/test_public_docstrings.py: {done}"


def _modules() -> list[str]:
    names = ["typedflux", "mypy_plugin"]
    for pkg in (tf, importlib.import_module("mypy_plugin")):
        for info in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + "."):
            names.append(info.name)
    return sorted(names)


@pytest.mark.parametrize("module", _modules())
def test_module_starts_with_a_purpose_docstring(module: str) -> None:
    if module.startswith("typedflux.torch") and importlib.util.find_spec("torch") is None:
        pytest.skip("the optional PyTorch extra is not installed")
    mod = importlib.import_module(module)
    assert (mod.__doc__ or "").strip(), f"{module} has no module docstring"
