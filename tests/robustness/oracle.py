"""What the robustness suite accepts as the outcome of a call with arbitrary arguments.

A call may return (a correct result is checked elsewhere; here, that it did not crash), or
raise a ``TypeError`` or ``ValueError`` (``ShapeError`` is one) **from a ``raise`` statement
in typedflux's own code**, with a message: typedflux noticed the bad argument and said so.
Anything else is an escape: an ``AttributeError``, ``AssertionError``, ``IndexError``,
``KeyError``, ``ZeroDivisionError`` from inside, or a ``TypeError``/``ValueError`` raised
by numpy or Python deep in the computation (a raw numpy error). Python's own argument
binding errors (a missing or unexpected argument: no frame inside the callee) are fine, and
so is a ``MemoryError`` for a size no machine holds.
"""

from __future__ import annotations

import os
import traceback
from typing import Any, Callable, Optional

import typedflux

PACKAGE = os.path.dirname(os.path.abspath(typedflux.__file__))


def escape(call: Callable[[], Any]) -> Optional[str]:
    """None when ``call()`` -- a ``lambda: f(...)`` -- returns or fails cleanly; else a
    one-line description of the escape (what was raised, where)."""
    try:
        call()
    except MemoryError:
        return None
    except (TypeError, ValueError) as err:
        # Drop this function's frame and the caller's ``lambda: f(...)``: what is left ran
        # inside ``f``. Nothing left means Python refused the arguments themselves.
        frames = traceback.extract_tb(err.__traceback__)[2:]
        if not frames:
            return None if isinstance(err, TypeError) else f"ValueError at the call: {err}"
        last = frames[-1]
        inside = os.path.abspath(last.filename).startswith(PACKAGE)
        raised = (last.line or "").lstrip().startswith("raise")
        if inside and raised and str(err):
            return None
        where = f"{os.path.relpath(last.filename)}:{last.lineno}"
        return f"raw {type(err).__name__} from {where}: {str(err)[:160]}"
    except Exception as err:  # noqa: BLE001 - classifying every other exception is the point
        last = traceback.extract_tb(err.__traceback__)[-1]
        where = f"{os.path.relpath(last.filename)}:{last.lineno}"
        return f"{type(err).__name__} from {where}: {str(err)[:160]}"
    return None
