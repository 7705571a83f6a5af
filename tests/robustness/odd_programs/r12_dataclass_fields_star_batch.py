"""jaxtyping/beartype newer passing tests, our spelling: dataclass fields with shapes, *batch runs."""
import dataclasses
from dataclasses import dataclass, field
from typing import Generic, NamedTuple, Optional, Tuple, TypedDict, TypeVar, TypeVarTuple

import typedflux as tf
from typedflux import Dense, Tensor

B = TypeVar("B", bound=int)
C = TypeVar("C", bound=int)
T = TypeVar("T", bound=int)
Batch = TypeVarTuple("Batch")


@dataclass
class Pair(Generic[B]):
    x: Tensor[B, 784]
    y: Tensor[B, 10]

    def loss(self) -> tf.Tensor:
        return tf.losses.mse(Dense(784, 10)(self.x), self.y)


@dataclass(frozen=True)
class Frozen(Generic[B, C]):
    feats: Tensor[B, C]
    mask: Tensor[B]
    weight: Optional[Tensor[C]] = None
    tag: str = "f"


@dataclass
class Cfg:
    d: int = 16
    table: Tensor = field(default_factory=lambda: tf.zeros(3, 16))


class Out(NamedTuple):
    logits: Tensor[2, 10]
    hidden: Tensor[2, 32]


class Io(TypedDict):
    image: Tensor[3, 8, 8]
    label: Tensor[10]


@tf.shapecheck
def make_pair(x: Tensor[B, 784]) -> Pair[B]:
    return Pair(x, tf.zeros(x.shape[0], 10))


@tf.shapecheck
def batched_norm(x: Tensor[*Batch, C]) -> Tensor[*Batch, C]:
    return x / (x * x).sum(axis=-1, keepdims=True)


@tf.shapecheck
def same_batch(a: Tensor[*Batch, 3], b: Tensor[*Batch, 4]) -> Tensor[*Batch, 7]:
    return tf.cat(a, b, axis=-1)


@tf.shapecheck
def first_token(x: Tensor[*Batch, T, C]) -> Tensor[*Batch, C]:
    return x[..., 0, :]


p = Pair(tf.randn(4, 784), tf.zeros(4, 10))
print(p.loss().shape, make_pair(tf.randn(3, 784)).y.shape)
p2 = dataclasses.replace(p, x=tf.randn(4, 784))
fz = Frozen(tf.randn(5, 6), tf.ones(5), tf.ones(6))
fz2 = Frozen(tf.randn(5, 6), tf.ones(5))
print((fz.feats * fz.mask.reshape(5, 1)).shape, fz2.weight is None)
cfg = Cfg()
print((cfg.table + tf.zeros(3, cfg.d)).shape)
o = Out(tf.zeros(2, 10), tf.zeros(2, 32))
logits, hidden = o
print(Dense(10, 3)(logits).shape, Dense(32, 3)(o.hidden).shape)
io: Io = {"image": tf.zeros(3, 8, 8), "label": tf.zeros(10)}
print(io["image"].reshape(3, 64).shape, Dense(10, 2)(io["label"]).shape)
print(batched_norm(tf.randn(2, 3, 5)).shape, batched_norm(tf.randn(5)).shape)
print(same_batch(tf.randn(2, 6, 3), tf.randn(2, 6, 4)).shape, same_batch(tf.randn(3), tf.randn(4)).shape)
print(first_token(tf.randn(2, 7, 5)).shape, first_token(tf.randn(4, 2, 7, 5)).shape)
