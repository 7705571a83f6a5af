"""Shapes and dims as message text: ``Tensor[B, 784]``, ``(3, -1)``, ``axes (0, 1)``.

>>> fmt_shape((Star("Bs"), 784)), fmt_shape(()), fmt_shape((UNKNOWN, 3)), fmt_dim(Star())
('Tensor[*Bs, 784]', 'Tensor[()]', 'Tensor[?, 3]', '...')
"""

from __future__ import annotations

from typing import Sequence

from typedflux.shapes.dims import UNKNOWN, Star, dim_str

__all__ = [
    "fmt_dim",
    "fmt_shape",
    "fmt_dims",
    "fmt_axes",
]


def fmt_dim(d: object) -> str:
    """One dim as message text: ``784``, ``B``, ``2*N``, ``?``; a run ``*Bs`` (``...`` unnamed).

    >>> fmt_dim(Star("Bs")), fmt_dim(UNKNOWN)
    ('*Bs', '?')
    """
    if isinstance(d, Star):
        return f"*{d.name}" if d.name else "..."
    return dim_str(d)  # type: ignore[arg-type]


def fmt_shape(shape: Sequence[object]) -> str:
    """How a tensor type is written in messages: ``Tensor[B, 784]``.

    Unknown dims show as ``?``, a named run as ``*Bs``, a run of unknown length as ``...``.

    >>> from typedflux.shapes.dims import sym
    >>> fmt_shape((sym("B"), 2 * sym("N"))), fmt_shape((Star(), 64))
    ('Tensor[B, 2*N]', 'Tensor[..., 64]')
    """
    if len(shape) == 0:
        return "Tensor[()]"
    return "Tensor[" + ", ".join(fmt_dim(d) for d in shape) + "]"


def fmt_dims(dims: Sequence[object]) -> str:
    """A tuple of dims as Python would print it, without the one-element comma: ``(B, 700)``.

    >>> fmt_dims((3,)), fmt_dims(()), fmt_dims((UNKNOWN, -1))
    ('(3)', '()', '(?, -1)')
    """
    return "(" + ", ".join(fmt_dim(d) for d in dims) + ")"


def fmt_axes(axes: object) -> str:
    """An axis argument as written: ``1`` or ``(0, 2)``.

    >>> fmt_axes(1), fmt_axes((0, 2)), fmt_axes((1,))
    ('1', '(0, 2)', '(1)')
    """
    if isinstance(axes, tuple):
        return fmt_dims(axes)
    return str(axes)
