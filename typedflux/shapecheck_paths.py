"""Where the tensors of a function's result sit, for ``@tf.shapecheck`` (typedflux/shapecheck.py)."""

from __future__ import annotations

import collections.abc
import typing
from typing import Any, List, Tuple

__all__ = ["ResultPath", "yielded_item"]


def yielded_item(ann: Any) -> Any:
    """The item type of a generator's return annotation (``Iterator[T]``, ``Generator[T,
    ...]``), else ``None``.

    >>> from typing import Iterator
    >>> yielded_item(Iterator[int]), yielded_item(int)
    (<class 'int'>, None)
    """
    origin = typing.get_origin(ann)
    if origin in (
        collections.abc.Iterator, collections.abc.Iterable, collections.abc.Generator,
        collections.abc.AsyncIterator, collections.abc.AsyncIterable,
        collections.abc.AsyncGenerator,
    ):
        args = typing.get_args(ann)
        return args[0] if args else None
    return None


class ResultPath:
    """Where a tensor sits in a result: the whole value, or a run of steps into displays
    (a tuple item, every item of a ``Tuple[X, ...]``, every list item, every dict value
    numbered as its entry), outermost first; a part reads innermost first, as the checker
    words it: ``list item 0 of dict entry 1``.

    >>> ResultPath().inside("list").inside("dict").values({"a": [1, 2]})
    [(' (list item 0 of dict entry 0)', 1), (' (list item 1 of dict entry 0)', 2)]
    >>> ResultPath().inside("tuples").values((1, 2))
    [(' (tuple item 0)', 1), (' (tuple item 1)', 2)]
    """

    __slots__ = ("steps",)

    def __init__(self, *steps: Tuple[str, int]) -> None:
        # ("tuple", i), ("tuples", 0) (every item), ("list", 0), ("set", 0) or ("dict", 0)
        self.steps = steps

    def inside(self, kind: str, index: int = 0) -> "ResultPath":
        """This path, one step into a container of ``kind`` first."""
        return ResultPath((kind, index), *self.steps)

    def values(self, result: Any) -> List[Tuple[str, Any]]:
        """(the part's name in messages, the value) for each tensor this path reaches."""
        found: List[Tuple[Tuple[str, ...], Any]] = [((), result)]
        for kind, index in self.steps:
            deeper: List[Tuple[Tuple[str, ...], Any]] = []
            for parts, value in found:
                if kind == "tuple" and isinstance(value, tuple) and index < len(value):
                    deeper.append(((f"tuple item {index}",) + parts, value[index]))
                elif kind == "tuples" and isinstance(value, tuple):
                    deeper += [((f"tuple item {i}",) + parts, v) for i, v in enumerate(value)]
                elif kind == "dict" and isinstance(value, dict):
                    deeper += [((f"dict entry {i}",) + parts, v)
                               for i, v in enumerate(value.values())]
                elif kind == "list" and isinstance(value, list):
                    deeper += [((f"list item {i}",) + parts, v) for i, v in enumerate(value)]
                elif kind == "set" and isinstance(value, (set, frozenset)):
                    deeper += [(("set item",) + parts, v) for v in value]
            found = deeper
        return [(f" ({' of '.join(parts)})" if parts else "", v) for parts, v in found]
