"""Compiled steps, gradients by hand, loaders of annotated tensors and schedules in a typed script."""
from typing import Final, Tuple, TypeVar

import numpy as np

import typedflux as tf
from typedflux import Chain, Dense, Tensor, relu

B = TypeVar("B", bound=int)
IN: Final = 10
OUT: Final = 3

X: Tensor[int, IN] = tf.randn(50, IN)
Y: Tensor[int, OUT] = tf.onehot([i % OUT for i in range(50)], OUT)
model = Chain(Dense(IN, 32, relu), Dense(32, OUT))
state = tf.setup(tf.Descent(0.1), model)


@tf.compile
def step(m: Chain, x: Tensor[B, IN], y: Tensor[B, OUT]) -> Tuple[Tensor[()], object]:
    loss, grads = tf.withgradient(lambda mm: tf.losses.logitcrossentropy(mm(x), y), m)
    return loss, grads[0]


def predict(m: Chain, x: Tensor[B, IN]) -> Tensor[B, OUT]:
    return tf.softmax(m(x), axis=-1)


loader = tf.DataLoader((X, Y), batchsize=16, shuffle=True, seed=0)
for epoch in range(2):
    for xb, yb in loader:
        loss, g = step(model, xb, yb)
        state, model = tf.update(state, model, g)
    print(epoch, round(float(loss.item()), 3))
p = predict(model, X[:5])
gx = tf.gradient(lambda t: (model(t) ** 2).sum(), X[:4])[0]
w = model[0].weight
grad_w = tf.gradient(lambda ww: (X[:4] @ ww.T).sum(), w)[0]
print(p.shape, gx.shape, grad_w.shape, np.isfinite(gx.numpy()).all())
