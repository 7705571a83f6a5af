"""Messages of malformed ``Tensor[...]`` annotations that both checkers read alike: a negative
size, a TypeVar that is not a size (the plugin's ``[shape-annotation]`` errors; ``@tf.shapecheck``
raises the same words).

>>> print(negative_dim(-1))
A dim is a size and cannot be negative: got -1
"""

from __future__ import annotations

from typing import Optional

__all__ = ["negative_dim", "dim_var_not_int"]


def negative_dim(value: int, name: Optional[str] = None) -> str:
    """A ``Tensor[...]`` annotation with a negative size (``name``: the constant holding it).

    >>> print(negative_dim(-1))
    A dim is a size and cannot be negative: got -1
    >>> print(negative_dim(-4, "D_MODEL"))
    A dim is a size and cannot be negative: "D_MODEL" is -4
    """
    if name is None:
        return f"A dim is a size and cannot be negative: got {value}"
    return f'A dim is a size and cannot be negative: "{name}" is {value}'


def dim_var_not_int(name: str) -> str:
    """A TypeVar bound to another type than ``int`` (``S = TypeVar("S", bound=str)``) or with
    values, written as a dim: refused by both checkers (a dim is a size).

    >>> print(dim_var_not_int("S"))
    Type variable "S" is used as a dim but is not bound to int; declare it as S = TypeVar("S", bound=int)
    """
    return (f'Type variable "{name}" is used as a dim but is not bound to int; '
            f'declare it as {name} = TypeVar("{name}", bound=int)')
