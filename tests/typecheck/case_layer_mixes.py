"""Layers and containers mixed in one dict or list: mypy types the items as their common
base (``Module``, or ``Layer`` for layers alone), which is callable; the shape of a call
through it is unknown, never an error. Before they shared a base, a dict holding a ``Dense``
and a ``Chain`` was ``dict[str, object]`` and each call was mypy's ``"object" not callable``.
"""

from typing import Callable, Dict, List

import typedflux as tf
from typedflux import Chain, Dense, LayerNorm, Maxout, Parallel, SkipConnection, Tensor, relu

x = tf.randn(4, 16)
heads = {"cls": Dense(16, 10), "reg": Chain(Dense(16, 8, relu), Dense(8, 1)),
         "norm": LayerNorm(16)}
outs = {k: heads[k](x) for k in heads}
for name in ("cls", "reg"):
    print(name, heads[name](x).shape)
picked = heads.get("missing")
if picked is not None:
    print(picked(x).shape)

blocks = [SkipConnection(Dense(16, 16), tf.add), Parallel(tf.add, Dense(16, 16), LayerNorm(16)),
          Maxout(Dense(16, 16), Dense(16, 16)), Dense(16, 16)]
h = x
for blk in blocks:
    h = blk(h)
print(h.shape, {k: v.shape for k, v in outs.items()})

# A list mixing layers and plain functions is list[object] to mypy (it joins a class and a
# function to object): annotated, it type-checks.
mixed: List[Callable[[Tensor], Tensor]] = [Dense(16, 16), relu]
by_name: Dict[str, Callable[[Tensor], Tensor]] = {"dense": Dense(16, 16), "act": relu}
for f in mixed:
    x = f(x)
print(by_name["act"](x).shape)
