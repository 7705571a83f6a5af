"""Bare bodies reading their input's sizes in odd forms: starred targets, slices of the shape,
rebinding the size names, sizes of locals, conditional sizes."""
import typedflux as tf
from typedflux import Dense, LayerNorm


class A:
    def __init__(self) -> None:
        self.fc = Dense(8, 8)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        *lead, d = x.shape
        y = self.fc(x.reshape(-1, d))
        return y.reshape(*lead, d)


class Bk:
    def __init__(self) -> None:
        self.norm = LayerNorm(8)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        b, *rest = x.shape
        h, w = x.shape[-2:]
        flat = x.reshape(b, -1)
        return flat.reshape(b, *rest)


class C:
    def __init__(self) -> None:
        self.fc = Dense(4, 4)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        b, t, c = x.shape
        c = c // 2
        half = x[:, :, :c]
        n = half.shape[-1]
        return self.fc(half.reshape(b * t, n)).reshape(b, t, n)


class D:
    def __init__(self) -> None:
        self.fc = Dense(8, 8)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        b, t, c = x.shape
        if t > 4:
            x = x[:, :4]
            t = 4
        return self.fc(x).reshape(b, t * c)


class E:
    def __init__(self) -> None:
        self.fc = Dense(8, 8)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        (b, c), hw = x.shape[:2], x.shape[2:]
        y = x.reshape(b, c, -1).mean(axis=-1)
        return self.fc(y).reshape(b, c, 1, 1) * tf.ones(*hw)


print(A()(tf.randn(2, 3, 8)).shape, Bk()(tf.randn(2, 3, 4, 8)).shape, C()(tf.randn(2, 3, 8)).shape)
print(D()(tf.randn(2, 6, 8)).shape, D()(tf.randn(2, 3, 8)).shape, E()(tf.randn(2, 8, 3, 3)).shape)
