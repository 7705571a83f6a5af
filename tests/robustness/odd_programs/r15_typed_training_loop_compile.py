"""A typed training script: loaders, withgradient, update, compile, shapecheck on methods,
onehot of lists, a validation loop with argmax accuracy, Final sizes."""
from typing import Final, List, Tuple, TypeVar

import numpy as np
import typedflux as tf
from typedflux import Chain, Dense, Dropout, Tensor, relu

B = TypeVar("B", bound=int)
FEAT: Final = 20
CLASSES: Final = 4

rng = np.random.default_rng(0)
X = tf.tensor(rng.standard_normal((64, FEAT)).astype(np.float32))
labels = rng.integers(0, CLASSES, size=64).tolist()
Y = tf.onehot(labels, CLASSES)
model = Chain(Dense(FEAT, 32, relu), Dropout(0.1), Dense(32, CLASSES))


@tf.shapecheck
def loss_fn(m: Chain, x: Tensor[B, FEAT], y: Tensor[B, CLASSES]) -> Tensor[()]:
    return tf.losses.logitcrossentropy(m(x), y)


def accuracy(m: Chain, x: Tensor[B, FEAT], y: List[int]) -> float:
    pred = tf.argmax(m(x), axis=1).numpy()
    return float((pred == np.array(y)).mean())


state = tf.setup(tf.Adam(1e-2), model)
loader = tf.DataLoader((X, Y), batchsize=16, shuffle=True, seed=0)
for epoch in range(3):
    for xb, yb in loader:
        loss, grads = tf.withgradient(lambda m: tf.losses.logitcrossentropy(m(xb), yb), model)
        state, model = tf.update(state, model, grads[0])
print(accuracy(model, X, labels), loss_fn(model, X, Y).item())
step = tf.compile(lambda m, x, y: tf.losses.logitcrossentropy(m(x), y))
print(step(model, X[:8], Y[:8]).item())
hist = tf.train(lambda m, x, y: tf.losses.logitcrossentropy(m(x), y), model, loader, state, epochs=2, progress=False)
print(len(hist))
