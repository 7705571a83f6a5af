"""numpy arrays whose shape changes after they are built, in place or by rebinding:
a.shape = ..., a.resize(...), a = a.T, np.expand_dims, a[None], ravel, tile, repeat, pad,
broadcast_to, squeeze; then read by tf.tensor and fed to layers of the run's sizes."""
from __future__ import annotations
import numpy as np
import typedflux as tf
from typedflux import Dense

a = np.ones((3, 4))
a.shape = (4, 3)
print(Dense(3, 1)(tf.tensor(a)).shape)
b = np.ones((3, 4))
b.resize((2, 6), refcheck=False)
print(Dense(6, 1)(tf.tensor(b)).shape)
c = np.ones((3, 4))
c = c.T
print(Dense(3, 1)(tf.tensor(c)).shape)
d = np.expand_dims(np.ones((3, 4)), 0)
print(Dense(4, 1)(tf.tensor(d)).shape)
e = np.ones((3, 4))[None]
print(Dense(4, 1)(tf.tensor(e)).shape)
f = np.tile(np.ones((2, 3)), (1, 2))
print(Dense(6, 1)(tf.tensor(f)).shape)
g = np.repeat(np.ones((2, 3)), 2, axis=1)
print(Dense(6, 1)(tf.tensor(g)).shape)
h = np.pad(np.ones((2, 3)), ((0, 0), (1, 1)))
print(Dense(5, 1)(tf.tensor(h)).shape)
i = np.broadcast_to(np.ones((1, 3)), (2, 3))
print(Dense(3, 1)(tf.tensor(i)).shape)
j = np.ones((2, 1, 3)).squeeze(1)
print(Dense(3, 1)(tf.tensor(j)).shape)
k = np.ones((2, 2))
for _ in range(2):
    k = np.kron(k, np.ones((1, 2)))
print(Dense(8, 1)(tf.tensor(k)).shape)
m = np.tril(np.ones((4, 4)))
m = m[:2]
print(Dense(4, 1)(tf.tensor(m)).shape)
n = np.arange(12)
n = n.reshape(3, 4)
n = n.T.copy()
print(Dense(3, 1)(tf.tensor(n.astype(np.float64))).shape)
o = np.ones((2, 4))
o2 = o.reshape(4, 2)
o2 += 1
print(Dense(2, 1)(tf.tensor(o2)).shape)
