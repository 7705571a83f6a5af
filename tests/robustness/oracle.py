"""What the robustness suite accepts as the outcome of a call with arbitrary arguments.

A call may return (a correct result is checked elsewhere; here, that it did not crash), or
raise a ``TypeError`` or ``ValueError`` (``ShapeError`` is one) **from a ``raise`` statement
in typedflux's own code**, with a message: typedflux noticed the bad argument and said so.
Anything else is an escape: an ``AttributeError``, ``AssertionError``, ``IndexError``,
``KeyError``, ``ZeroDivisionError`` from inside (an ``IndexError`` or ``AttributeError``
typedflux raises itself, naming what is out of range or missing, is clean), or a
``TypeError``/``ValueError`` raised by numpy or Python deep in the computation (a raw numpy
error). Python's own argument
binding errors (a missing or unexpected argument: no frame inside the callee) are fine, and
so is a ``MemoryError`` for a size no machine holds.
"""

from __future__ import annotations

import os
import traceback
from typing import Any, Callable, Optional

import typedflux

PACKAGE = os.path.dirname(os.path.abspath(typedflux.__file__))


def _inside(frame: traceback.FrameSummary) -> bool:
    return os.path.abspath(frame.filename).startswith(PACKAGE)


def users(err: BaseException) -> bool:
    """Whether ``err`` was raised in the caller's own code that typedflux called (a loss, a
    layer function, a callback failing on what it was given): typedflux passes that on."""
    frames = traceback.extract_tb(err.__traceback__)
    last = frames[-1]
    return (any(_inside(f) for f in frames[:-1]) and not _inside(last)
            and "site-packages" not in last.filename and "<frozen" not in last.filename)


def escape(call: Callable[[], Any]) -> Optional[str]:
    """None when ``call()`` -- a ``lambda: f(...)`` -- returns or fails cleanly; else a
    one-line description of the escape (what was raised, where). Also clean: an error raised
    in the caller's own code that typedflux called, and an ``OSError`` naming its file (a
    missing file, a folder given as a file: Python's own words), or an ``IndexError`` or
    ``AttributeError`` raised by typedflux itself (an index out of range, a missing name)."""
    try:
        call()
    except MemoryError:
        return None
    except OSError as err:
        if err.filename is not None:
            return None
        last = traceback.extract_tb(err.__traceback__)[-1]
        return f"{type(err).__name__} from {os.path.relpath(last.filename)}:{last.lineno}: {err}"
    except Exception as err:  # noqa: BLE001 - classifying every exception is the point
        if users(err):
            return None
        return _classify(err)
    return None


def _classify(err: Exception) -> Optional[str]:
    frames = traceback.extract_tb(err.__traceback__)
    last = frames[-1]
    where = f"{os.path.relpath(last.filename)}:{last.lineno}"
    raised = _inside(last) and (last.line or "").lstrip().startswith("raise") and bool(str(err))
    if type(err).__module__.startswith("typedflux") and raised:
        return None  # typedflux's own error classes (NonFiniteError, ValueDependentError)
    if isinstance(err, IndexError):
        return None if raised else f"IndexError from {where}: {str(err)[:160]}"
    if isinstance(err, AttributeError) and raised:
        # A deliberate one naming what is missing (freeze(model, "no_such_name"): "Chain has
        # no attribute no_such_name (it has layers)"), Python's error for a missing name; an
        # AttributeError from deeper code (a wrong type reaching ``.shape``) is still an escape.
        return None
    if isinstance(err, (TypeError, ValueError)):
        # Drop this function's frame and the caller's ``lambda: f(...)``: what is left ran
        # inside ``f``. Nothing left means Python refused the arguments themselves.
        if len(frames) <= 2:
            return None if isinstance(err, TypeError) else f"ValueError at the call: {err}"
        return None if raised else f"raw {type(err).__name__} from {where}: {str(err)[:160]}"
    return f"{type(err).__name__} from {where}: {str(err)[:160]}"
