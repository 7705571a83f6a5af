"""``Final`` int constants named in a dim written as a string, at run time.

``D_MODEL: Final = 64`` lets an annotation say ``Tensor[B, D_MODEL]`` (the annotation holds
the int itself) and ``Tensor[B, "3*D_MODEL"]`` or ``Tensor[B, H, "D_MODEL//H"]``: there the
string names the constant, which is its value, as the mypy plugin reads it
(mypy_plugin/final_dims.py), not a symbol bound per call. A constant is a module-level name
whose annotation in the module is ``Final`` (or ``Final[int]``), holding an int, or such a
class attribute of a class of the module, named by itself in a string (``"Cfg.CTX"``).
``@tf.shapecheck`` reads a function's annotations with the constants of its module
(:func:`reading`), and evaluates annotations written as strings (``from __future__ import
annotations``) in that module (:func:`annotation_value`).

>>> from typing import Final
>>> from typedflux.shapes.parse import parse_dim
>>> space = {"__annotations__": {"D": Final, "n": int}, "D": 64, "n": 3}
>>> sorted(final_constants(space).items())
[('D', 64)]
>>> with reading(space):
...     with_constants(parse_dim("3*D + n"))
n + 192
"""

from __future__ import annotations

import contextlib
import re
import typing
import weakref
from contextvars import ContextVar
from typing import Any, Dict, Iterator, Mapping, Optional

import typing_extensions

from typedflux.shapes.dims import Dim, evaluate, symbols

__all__ = ["final_constants", "reading", "with_constants", "constant_named", "annotation_value"]

_CONSTANTS: ContextVar[Mapping[str, int]] = ContextVar("typedflux_final_constants", default={})
_FINALS = (typing.Final, typing_extensions.Final)


def _is_final(ann: Any) -> bool:
    if isinstance(ann, str):  # ``from __future__ import annotations``
        text = ann.replace(" ", "")
        return text.rsplit(".", 1)[-1] in ("Final", "Final[int]")
    return ann in _FINALS or typing.get_origin(ann) in _FINALS


def final_constants(namespace: Mapping[str, Any]) -> Dict[str, int]:
    """The ``Final`` int constants (not bools, not negative) a module namespace holds."""
    annotations = namespace.get("__annotations__", {})
    if not isinstance(annotations, Mapping):
        return {}
    out: Dict[str, int] = {}
    for name, ann in annotations.items():
        value = namespace.get(name)
        if type(value) is int and value >= 0 and _is_final(ann):
            out[name] = value
    for name, value in list(namespace.items()):
        if isinstance(value, type) and value.__module__ == namespace.get("__name__"):
            # ``class Cfg: CTX: Final = 8``: ``"Cfg.CTX"`` names it, as ``Cfg.CTX`` does
            # (mypy reads such a string as that reference).
            for attr, size in final_constants(vars(value)).items():
                out[f"{name}.{attr}"] = size
    return out


def constant_named(text: str) -> Optional[int]:
    """The constant in force that a dim written as a string names by itself, dotted or not
    (``"Cfg.CTX"``), else ``None``."""
    return _CONSTANTS.get().get(text.strip())


@contextlib.contextmanager
def reading(namespace: Mapping[str, Any]) -> Iterator[None]:
    """While annotations from ``namespace``'s module are read: its constants in force."""
    token = _CONSTANTS.set(final_constants(namespace))
    try:
        yield
    finally:
        _CONSTANTS.reset(token)


def with_constants(d: Dim) -> Dim:
    """``d`` (a dim parsed from a string) with the constants in force put in."""
    constants = _CONSTANTS.get()
    if not constants or not symbols(d) & constants.keys():
        return d
    return evaluate(d, constants)


# The names a function defined inside another one may use in its string annotations (``from
# __future__ import annotations``): the enclosing function's locals its annotations mention,
# taken when ``@tf.shapecheck`` decorates it (a ``TypeVar`` made in that function).
_ENCLOSING: "weakref.WeakKeyDictionary[Any, Dict[str, Any]]" = weakref.WeakKeyDictionary()


def remember_enclosing(fn: Any, frame: Any) -> None:
    """Keep the locals of ``frame`` (the enclosing function's, where ``fn`` is decorated)
    that ``fn``'s string annotations name, for :func:`annotation_value`.

    >>> import sys
    >>> remember_enclosing(remember_enclosing, sys._getframe())  # no string annotation: none
    """
    texts = [a for a in getattr(fn, "__annotations__", {}).values() if isinstance(a, str)]
    names = {n for t in texts for n in re.findall(r"[A-Za-z_]\w*", t)}
    found: Dict[str, Any] = {}
    # The frame decorating it, and the ones around (a method: its class body, then the
    # function the class is made in), up to the module's.
    for _ in range(3):
        if not names or frame is None or frame.f_code.co_name == "<module>":
            break
        for n in [n for n in names if n in frame.f_locals]:
            found[n] = frame.f_locals[n]
            names.discard(n)
        frame = frame.f_back
    if found:
        try:
            _ENCLOSING[fn] = found
        except TypeError:  # (not weakly referable: a builtin)
            pass


def annotation_value(text: str, module: Dict[str, Any], name: str, fn: Any) -> Any:
    """An annotation written as a string (``from __future__ import annotations``), evaluated
    in the module of ``fn``, whose parameter ``name`` (or ``"return"``) it annotates, with the
    names it takes from the function ``fn`` was defined in (:func:`remember_enclosing`). A
    name neither holds is a ``NameError`` that says so, not a bare one from ``eval``.

    >>> annotation_value("Tensor[N, 3]", {}, "x", annotation_value)
    Traceback (most recent call last):
    ...
    NameError: tf.shapecheck cannot evaluate the annotation 'Tensor[N, 3]' of "x" of annotation_value: name 'Tensor' is not defined; with `from __future__ import annotations` an annotation is evaluated in its function's module and the function it is defined in (as it was when decorated), so the names it uses (a TypeVar, Tensor) must be defined there before the decorated function
    """
    try:
        local: Dict[str, Any] = dict(_ENCLOSING.get(fn, {})) if _weakly(fn) else {}
        return eval(text, module, local)  # noqa: S307 - the user's own annotation text
    except NameError as err:
        where = getattr(fn, "__qualname__", repr(fn))
        raise NameError(
            f"tf.shapecheck cannot evaluate the annotation {text!r} of \"{name}\" of {where}: "
            f"{err}; with `from __future__ import annotations` an annotation is evaluated in "
            "its function's module and the function it is defined in (as it was when "
            "decorated), so the names it uses (a TypeVar, Tensor) must be defined there "
            "before the decorated function") from None


def _weakly(fn: Any) -> bool:
    try:
        weakref.ref(fn)
    except TypeError:
        return False
    return True
