"""``ShapeError``: the one exception both checkers speak, and ``require`` that raises it."""

from __future__ import annotations

from typing import Callable, Optional, Sequence

__all__ = ["ShapeError", "CannotTell", "require"]


class ShapeError(ValueError):
    """A provable shape mismatch. ``str(err)`` is the message mypy's plugin also reports.

    ``notes`` hold extra lines (dim bindings, the shape flowing into a layer); the plugin
    reports them as notes, the runtime appends them to the message.

    >>> raise ShapeError("Inner dimensions differ for \\"matmul\\"", notes=["B=32"])
    Traceback (most recent call last):
    ...
    typedflux.shapes.errors.ShapeError: Inner dimensions differ for "matmul"
      B=32
    """

    def __init__(self, message: str, notes: Sequence[str] = (), brief: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.notes = tuple(notes)
        self.brief = brief or message

    def __str__(self) -> str:
        return "\n".join([self.message, *("  " + n for n in self.notes)])


class CannotTell(Exception):
    """Raised by a shape rule that cannot compute a result from what is known statically
    (for example an axis into a shape of unknown rank). Never a user-visible error: the
    plugin falls back to an unknown shape, and at run time every shape is known."""


def require(ok: Optional[bool], message: Callable[[], str], notes: Sequence[str] = ()) -> None:
    """Raise ``ShapeError(message())`` only when ``ok`` is ``False`` (a proven mismatch).

    ``None`` means the check cannot be decided (an unknown dim) and passes, so the static
    checker never reports what it cannot prove.

    >>> require(None, lambda: "never built")
    >>> require(False, lambda: "Sizes differ")
    Traceback (most recent call last):
    ...
    typedflux.shapes.errors.ShapeError: Sizes differ
    """
    if ok is False:
        raise ShapeError(message(), notes)
