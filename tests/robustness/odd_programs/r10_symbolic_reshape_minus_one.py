"""reshape with -1 under symbolic annotations; slicing splits; cast; asserts."""
from typing import Final, Tuple, TypeVar, cast

import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)
T = TypeVar("T", bound=int)
D = TypeVar("D", bound=int)
H: Final = 4
DM: Final = 32


@tf.shapecheck
def heads(x: Tensor[B, T, DM]) -> Tensor[B, T, H, "DM//H"]:
    return x.reshape(x.shape[0], -1, H, DM // H)


@tf.shapecheck
def heads_first(x: Tensor[B, T, DM]) -> Tensor[B, H, T, "DM//H"]:
    return x.reshape(x.shape[0], x.shape[1], H, -1).transpose(0, 2, 1, 3)


@tf.shapecheck
def merge(x: Tensor[B, H, T, "DM//H"]) -> Tensor[B, T, DM]:
    return x.transpose(0, 2, 1, 3).reshape(x.shape[0], -1, DM)


@tf.shapecheck
def split3(x: Tensor[B, T, "3*DM"]) -> Tuple[Tensor[B, T, DM], Tensor[B, T, DM], Tensor[B, T, DM]]:
    return x[..., :DM], x[..., DM:2 * DM], x[..., 2 * DM:]


@tf.shapecheck
def flat_tokens(x: Tensor[B, T, D]) -> Tensor["B*T", D]:
    return x.reshape(-1, x.shape[-1])


@tf.shapecheck
def unflat(x: Tensor["B*T", D], b: B) -> Tensor[B, T, D]:
    return x.reshape(b, -1, x.shape[-1])


x = tf.randn(2, 5, DM)
print(merge(heads_first(x)).shape, heads(x).shape)
q, k, v = split3(tf.randn(2, 5, 3 * DM))
print(q.shape, flat_tokens(x).shape)
y = cast(Tensor[2, 5, 32], Dense(DM, DM)(x))
assert y.shape == (2, 5, DM)
print(y.shape)
