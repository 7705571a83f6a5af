"""Inferred lists and dicts of layers given to, returned as and assigned to containers declared
with ``int`` sizes (any size): clean, as under plain mypy. The plugin types ``Dense(8, 2)`` as
``Dense[8, 2]``, and mypy compares a list's items invariantly, so these were ``[arg-type]``,
``[return-value]`` and ``[assignment]`` errors in Literal words on programs that run.
"""

from typing import Dict, List, Optional

import typedflux as tf
from typedflux import Dense, relu


def apply_all(heads: Dict[str, Dense[int, int]], x: tf.Tensor) -> List[tf.Tensor]:
    return [head(x) for head in heads.values()]


def depth(layers: Optional[List[Dense[int, int]]]) -> int:
    return 0 if layers is None else len(layers)


def make_blocks(n: int) -> List[Dense[int, int]]:
    blocks = [Dense(16, 16, relu) for _ in range(n)]
    return blocks


heads = {"cls": Dense(16, 10), "box": Dense(16, 4)}
print([y.shape for y in apply_all(heads, tf.randn(2, 16))])
stack = [Dense(16, 32, relu)]
stack.append(Dense(32, 16))
print(depth(stack))
kept: List[Dense[int, int]] = make_blocks(2)
x = tf.randn(2, 16)
for block in kept:
    x = block(x)
print(x.shape)
