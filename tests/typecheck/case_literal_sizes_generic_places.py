"""A user's generic class bound by a tensor's sizes (``Batch(tf.ones(6, 4))`` is
``Batch[Literal[6]]``) given where ``Batch[int]`` is declared, in every place mypy compares
the two invariantly: a dict entry, a tuple of any length, an Optional, a comprehension, an
indexed target. Plain mypy (``Batch[Any]``) is silent and the program runs, so the plugin is
silent too (callbacks/literal_sizes.py); each line runs clean at run time."""

from dataclasses import dataclass
from typing import Dict, Generic, Iterator, List, Optional, Set, Tuple, TypeVar

import typedflux as tf
from typedflux import Tensor

B = TypeVar("B", bound=int)


@dataclass(frozen=True)
class Batch(Generic[B]):
    x: Tensor[B, 4]


b = Batch(tf.ones(6, 4))
by_name: Dict[str, Batch[int]] = {"a": b}
any_length: Tuple[Batch[int], ...] = (b, b)
maybe: Optional[Batch[int]] = b if by_name else None
made: List[Batch[int]] = [Batch(tf.ones(3, 4)) for _ in (1, 2)]
unique: Set[Batch[int]] = {Batch(tf.ones(3, 4)) for _ in (1, 2)}
keyed: Dict[int, Batch[int]] = {n: Batch(tf.ones(3, 4)) for n in (1, 2)}
lazy: Iterator[Batch[int]] = (Batch(tf.ones(3, 4)) for _ in (1, 2))
by_name["b"] = b


def named() -> Dict[str, Batch[int]]:
    return {"a": b}


def batches() -> Tuple[Batch[int], ...]:
    return (b, Batch(tf.ones(2, 4)))


print(len(by_name), len(any_length), maybe is b, len(made), len(unique), len(keyed), named())
print(len(batches()), len(list(lazy)))
