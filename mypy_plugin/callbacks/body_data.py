"""Lists of numbers a body builds, and ``tf.tensor`` of them: HF BERT's position ids.

A model's ``__call__`` may build its position ids as Python data::

    t = input_ids.shape[1]
    positions = tf.tensor([list(range(t))] * input_ids.shape[0])

The body evaluator (bodies.py) reads a list display as a tuple of its items' values, and a
list repeated a known number of times (``[x] * n``, ``n * [x]``) as that tuple repeated, as
Python builds it. ``list(range(n))`` of a size the body holds is a :class:`Data` (a list of
``n`` numbers, its items not kept), and ``tf.tensor(data)`` has the shape numpy gives such
nested data (:func:`data_shape`): ``(n, t)`` above. Anything else (ragged lists, tensors in
the list, a repeat count not known) is unknown, never a guess.

>>> data_shape((Data((3,)), Data((3,))), lambda v: False)
(2, 3)
"""

from __future__ import annotations

from typing import Any, Callable, Sequence, Tuple

from mypy_plugin.flow_dims import is_size, size_arithmetic
from typedflux.shapes.errors import CannotTell
from typedflux.shapes.layer_config import Shape, is_int

__all__ = ["Data", "data_shape", "joined", "repeated", "range_list", "REPEAT_LIMIT"]

# The longest list a repeat builds item by item (beyond: unknown, not a huge tuple).
REPEAT_LIMIT = 4096


class Data:
    """A list of numbers the body built whose items are not kept, only its nesting's
    shape (``list(range(t))``: ``(t,)``)."""

    __slots__ = ("shape",)

    def __init__(self, shape: Shape) -> None:
        self.shape = tuple(shape)


def range_list(args: Sequence[Any]) -> Data:
    """``list(range(n))`` of a size ``n`` the body holds (an int or a symbolic dim: its
    length is ``n`` exactly, ``0`` included), or ``list(range(a, b[, s]))`` of ints.

    >>> range_list([4]).shape, range_list([2, 9, 3]).shape
    ((4,), (3,))
    """
    if len(args) == 1 and is_size(args[0]) and not (is_int(args[0]) and args[0] < 0):
        return Data((args[0],))
    if 1 <= len(args) <= 3 and all(is_int(a) for a in args) and (len(args) < 3 or args[2]):
        return Data((len(range(*args)),))
    raise CannotTell("a range of sizes not known")


def repeated(items: Tuple[Any, ...], n: Any) -> Tuple[Any, ...]:
    """``[x, y] * n`` (or ``n * [...]``) of a count the body knows: the items repeated, as
    Python builds the list.

    >>> repeated((1, 2), 2)
    (1, 2, 1, 2)
    """
    if not is_int(n) or len(items) * max(n, 0) > REPEAT_LIMIT:
        raise CannotTell("a list repeated a number of times not known")
    return items * int(n)


def joined(a: Any, b: Any) -> Any:
    """``a + b`` of two lists the body built (tuples of items, or :class:`Data`): the items
    of both, as Python joins them; a :class:`Data` only of two flat lists of numbers (its
    length the sum). CannotTell for anything else.

    >>> joined((1,), (2, 3)), joined(Data((4,)), (0, 0)).shape
    ((1, 2, 3), (6,))
    """
    if isinstance(a, tuple) and isinstance(b, tuple):
        return a + b
    if not (isinstance(a, Data) or isinstance(b, Data)) or not all(
            isinstance(v, (tuple, Data)) for v in (a, b)):
        raise CannotTell("values joined by + that are not two lists")
    shapes = [data_shape(v, lambda _: False) for v in (a, b)]
    if any(len(s) != 1 or not is_size(s[0]) for s in shapes):
        raise CannotTell("lists joined that are not flat lists of numbers")
    return Data((size_arithmetic("+", shapes[0][0], shapes[1][0]),))


def data_shape(v: Any, is_tensor: Callable[[Any], bool]) -> Shape:
    """The shape numpy gives the data ``v`` (a number, a :class:`Data`, or a tuple of such
    of one shape: a list display); CannotTell for anything else (ragged, a tensor in it).

    >>> data_shape(((1, 2), (3, 4), (5, 6)), lambda v: False)
    (3, 2)
    >>> data_shape(3.0, lambda v: False)
    ()
    """
    if isinstance(v, Data):
        return v.shape
    if isinstance(v, tuple):
        inner = [data_shape(i, is_tensor) for i in v]
        if inner and any(s != inner[0] for s in inner[1:]):
            raise CannotTell("ragged data: numpy's own rules, left to run time")
        return (len(v), *(inner[0] if inner else ()))
    if is_tensor(v) or not (isinstance(v, (bool, float)) or is_size(v)):
        raise CannotTell("data that is not numbers")
    return ()
