"""A model's list attribute changed after __init__ by pop/insert/del/slices."""
import typedflux as tf
from typedflux import Dense, relu


class MLP:
    def __init__(self, widths: tuple) -> None:
        self.layers = []
        for a, b in zip(widths[:-1], widths[1:]):
            self.layers.append(Dense(a, b, relu))

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        for l in self.layers:
            x = l(x)
        return x


m = MLP((4, 8, 16, 3))
m.layers.pop()
print(m(tf.randn(2, 4)).shape)
m2 = MLP((4, 8, 16))
m2.layers.insert(0, Dense(6, 4))
print(m2(tf.randn(2, 6)).shape)
m3 = MLP((4, 8, 16))
del m3.layers[-1]
print(m3(tf.randn(2, 4)).shape)
m4 = MLP((4, 8, 16))
m4.layers[:] = m4.layers[:1]
print(m4(tf.randn(2, 4)).shape)
m5 = MLP((4, 8, 16))
m5.layers.extend([Dense(16, 2)])
print(m5(tf.randn(2, 4)).shape)
m6 = MLP((4, 4))
m6.layers *= 3
print(m6(tf.randn(2, 4)).shape)
m7 = MLP((4, 8, 16))
m7.layers.reverse(); m7.layers.reverse(); m7.layers.remove(m7.layers[-1])
print(m7(tf.randn(2, 4)).shape)
