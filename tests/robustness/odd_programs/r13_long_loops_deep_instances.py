"""Loops the flow may unroll: big ranges, nested loops, long layer lists, deep recursion."""
import typedflux as tf
from typedflux import Chain, Dense, relu

layers = [Dense(8, 8) for _ in range(2000)]
x = tf.randn(2, 8)
for l in layers:
    x = l(x)
for i in range(300):
    for j in range(300):
        x = x + 1.0
        if i * j > 4:
            break
h = tf.zeros(1, 0)
for k in range(50):
    h = tf.cat(h, tf.zeros(1, 1), axis=1)
print(Dense(50, 2)(h).shape)


class Deep:
    def __init__(self, n: int) -> None:
        self.fc = Dense(8, 8)
        self.child = Deep(n - 1) if n > 0 else None

    def __call__(self, t: tf.Tensor) -> tf.Tensor:
        y = self.fc(t)
        return y if self.child is None else self.child(y)


print(Deep(200)(x).shape, Chain(*layers[:500])(x).shape)
