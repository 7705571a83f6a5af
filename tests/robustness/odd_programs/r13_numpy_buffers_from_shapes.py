"""numpy buffers made from a concrete tensor's shape, then replaced by buffers of other shapes."""
import numpy as np

import typedflux as tf

x = tf.randn(4, 8)


class Recorder:
    def __init__(self) -> None:
        self.buf = np.zeros(x.shape)
        self.mask = np.ones(x.shape, dtype=bool)

    def record(self, t: tf.Tensor) -> None:
        self.buf = np.zeros(t.shape)
        self.mask = np.ones(t.shape, dtype=bool)


r = Recorder()
r.record(tf.randn(5, 8))
bufs = [np.zeros(x.shape)]
bufs.append(np.zeros((5, 8)))
acc = np.zeros(x.shape)
for i in range(2):
    acc = acc + np.zeros(x.shape)
print(r.buf.shape, len(bufs), acc.shape)
