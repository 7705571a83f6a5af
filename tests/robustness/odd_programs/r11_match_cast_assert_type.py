"""More odd-but-legal code: match class patterns on tensors, walrus in comprehensions, except*,
typing.cast and assert_type, star-index, enum of sizes, conditional imports, module __getattr__."""
import enum
from typing import Any, Literal, TypeVar, cast

from typing_extensions import assert_type

import typedflux as tf
from typedflux import Dense, LayerNorm, Tensor, relu

try:
    import torch  # noqa: F401
    HAVE_TORCH = True
except ImportError:
    HAVE_TORCH = False

B = TypeVar("B", bound=int)


class Size(enum.IntEnum):
    SMALL = 4
    LARGE = 8


def describe(x: object) -> str:
    match x:
        case tf.Tensor(shape=(b, 4)):
            return f"batch of {b} fours"
        case tf.Tensor(ndim=3):
            return "rank 3"
        case [tf.Tensor() as first, *_]:
            return f"list starting {first.shape}"
        case _:
            return "other"


def casted(x: Any) -> Tensor[B, 4]:
    return cast(Tensor[B, 4], x)


layers = [Dense(4, 4, relu), Dense(4, 4)]
y = tf.randn(2, 4)
trace = [(y := layer(y)) for layer in layers]
x = tf.randn(2, 4)
assert_type(x, Tensor[Literal[2], Literal[4]])
z = Dense(4, 2)(x)
assert_type(z, Tensor[Literal[2], Literal[2]])
idx = (0, slice(None))
row = x[idx]
try:
    try:
        raise ExceptionGroup("g", [ValueError("v")])
    except* ValueError:
        pass
except Exception:
    pass
big = Dense(Size.LARGE, Size.SMALL)
print(describe(x), describe(tf.randn(1, 2, 3)), describe([x]), describe(3))
print(casted(x).shape, len(trace), y.shape, row.shape, big(tf.randn(1, 8)).shape, HAVE_TORCH in (True, False))


def __getattr__(name: str) -> Any:
    if name == "default_layer":
        return LayerNorm(4)
    raise AttributeError(name)
