"""Layer helpers with branches on strings, defaults, dict dispatch, early returns, kwargs."""
from typing import Any, Dict, List

import typedflux as tf
from typedflux import Chain, Conv, Dense, LayerNorm, relu, gelu, identity


def make(d: int, kind: str = "plain") -> Dense:
    if kind == "big":
        return Dense(d, 4 * d)
    if kind == "half":
        return Dense(d, d // 2)
    return Dense(d, d)


def ffn(d: int, mult: int = 4, act: Any = gelu) -> Chain:
    return Chain(Dense(d, mult * d, act), Dense(mult * d, d))


ACTS: Dict[str, Any] = {"relu": relu, "gelu": gelu, "none": identity}


def conv_block(cin: int, cout: int, act: str = "relu", **kw: Any) -> Chain:
    return Chain(Conv((3, 3), cin, cout, pad=1, **kw), ACTS[act])


def widths(d: int, n: int) -> Chain:
    layers: List[Dense] = []
    for i in range(n):
        if i == n - 1:
            return Chain(*layers, Dense(d, 1))
        layers.append(Dense(d, d, relu))
    return Chain(*layers)


print(Dense(32, 1)(make(8, "big")(tf.randn(2, 8))).shape, Dense(4, 1)(make(8, "half")(tf.randn(2, 8))).shape)
print(Dense(8, 1)(make(8)(tf.randn(2, 8))).shape, ffn(8, 2)(tf.randn(1, 8)).shape, ffn(8, act=relu)(tf.randn(1, 8)).shape)
print(conv_block(3, 8, "gelu", stride=2)(tf.randn(1, 3, 8, 8)).shape, conv_block(3, 4, dilation=1)(tf.randn(1, 3, 5, 5)).shape)
print(widths(8, 3)(tf.randn(2, 8)).shape)
kind = "big"
print(Dense(32, 1)(make(8, kind)(tf.randn(2, 8))).shape)
