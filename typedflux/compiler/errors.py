"""The two ways a recording can fail.

>>> issubclass(ValueDependentError, TypeError), issubclass(TraceError, RuntimeError)
(True, True)
"""

from __future__ import annotations

import os
import sys
from typing import Optional, Tuple

import numpy as np

__all__ = ["TraceError", "ValueDependentError", "caller", "value_read"]

_HERE = os.path.dirname(os.path.abspath(__file__))
_PACKAGE = os.path.dirname(_HERE)
_NUMPY = os.path.dirname(os.path.abspath(np.__file__))
# The Tensor API reads values on the user's behalf (t.item(), float(t), bool(t)).
_TENSOR_API = os.path.join(_PACKAGE, "tensor.py")


class ValueDependentError(TypeError):
    """The compiled function reads a tensor's value into Python (``float(loss)``, ``if (x >
    0).all():``, ``.item()``) while it is recorded. A replay runs only the recorded numpy calls,
    so such code cannot be compiled; ``tf.compile`` refuses it with this error (as
    ``jax.jit`` does).

    >>> raise ValueDependentError("tf.compile: ...")
    Traceback (most recent call last):
    ...
    typedflux.compiler.errors.ValueDependentError: tf.compile: ...
    """


class TraceError(RuntimeError):
    """Something the recorder cannot write down (numpy asked to convert a recorded array into a
    plain one, a write into an array the compiled function was not given). ``tf.compile``
    then runs the function eagerly and says why, once.

    >>> raise TraceError("cannot record")
    Traceback (most recent call last):
    ...
    typedflux.compiler.errors.TraceError: cannot record
    """


def caller(skip: int = 2) -> Tuple[str, bool]:
    """``("file:line in function", inside typedflux)`` of the innermost frame below ``skip``
    that is not the recorder's, numpy's or the Tensor API's: the code that asked for what the
    recorder refuses.

    >>> caller()[1]
    False
    """
    f: Optional[object] = sys._getframe(skip)
    while f is not None:
        name = os.path.abspath(f.f_code.co_filename)  # type: ignore[attr-defined]
        if not (name.startswith(_HERE) or name.startswith(_NUMPY) or name == _TENSOR_API):
            line = f.f_lineno  # type: ignore[attr-defined]
            where = f"{name}:{line} in {f.f_code.co_name}"  # type: ignore[attr-defined]
            return where, name.startswith(_PACKAGE + os.sep)
        f = f.f_back  # type: ignore[attr-defined]
    return "?", False


def value_read(what: str) -> Exception:
    """The error for reading a recorded value into Python: the user's code gets
    :class:`ValueDependentError`; typedflux's own code (a kernel that should not read values)
    a :class:`TraceError`, so the function runs eagerly instead.

    >>> type(value_read("float(x)")).__name__
    'ValueDependentError'
    """
    where, internal = caller(3)
    if internal:
        return TraceError(f"typedflux code read a recorded value ({what}) at {where}")
    return ValueDependentError(
        f"tf.compile: the function reads a tensor's value ({what}) at {where} while it is "
        "recorded. A replay runs only the recorded numpy calls, never the Python code that "
        "used the value, so Python control flow on values cannot be compiled. Move that code "
        "out of the compiled function, or compute with tensor ops (tf.where, tf.maximum) "
        "instead of Python branches"
    )
