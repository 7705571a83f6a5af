"""A typed training script: withgradient, update, DataLoader, compile, annotated batches."""
from typing import Iterator, List, Tuple, TypeVar

import numpy as np

import typedflux as tf
from typedflux import Adam, Chain, DataLoader, Dense, Tensor, relu

B = TypeVar("B", bound=int)
rng = np.random.default_rng(0)
X = rng.standard_normal((64, 10)).astype(np.float32)
Y = rng.integers(0, 3, 64)
model = Chain(Dense(10, 32, relu), Dense(32, 3))
opt = Adam(1e-3)
state = tf.setup(opt, model)


def batches(bs: int) -> Iterator[Tuple[Tensor[int, 10], Tensor[int, 3]]]:
    for i in range(0, len(X), bs):
        yield tf.tensor(X[i:i + bs]), tf.onehot(Y[i:i + bs].tolist(), 3)


def loss_fn(m: Chain, x: Tensor[B, 10], y: Tensor[B, 3]) -> Tensor[()]:
    return tf.losses.logitcrossentropy(m(x), y)


losses: List[float] = []
for x, y in batches(16):
    loss, grads = tf.withgradient(lambda m: loss_fn(m, x, y), model)
    tf.update(state, model, grads[0])
    losses.append(float(loss.item()))
loader = DataLoader((X, Y), batchsize=8, shuffle=True)
for xb, yb in loader:
    logits = model(tf.tensor(xb))
    print(logits.shape)
    break
print(len(losses))
