"""x.shape unpacking variants in bare __call__ / defs."""
import typedflux as tf
from typedflux import Conv, Dense, Tensor


class A:
    def __init__(self) -> None:
        self.proj = Dense(5, 8)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        *_, h, w = x.shape
        b = x.shape[0]
        return self.proj(x.reshape(b, -1, h * w).transpose(0, 2, 1))


class Bb:
    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        b, *rest = x.shape
        return x.reshape(b, -1)


class Cc:
    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        h, w = x.shape[-2:]
        return x.reshape(-1, h * w)


class Dd:
    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        b, c = x.shape[:2]
        return x.reshape(b, c, -1).mean(axis=-1)


class Ee:
    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        b, c, h, w = tuple(x.shape)
        return x.reshape(b, c * h * w)


class Ff:
    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        shape = x.shape
        return x.reshape(shape[0], -1)


class Gg:
    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return x.reshape(*x.shape[:-1], 4, x.shape[-1] // 4)


class Hh:
    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return x.reshape(x.shape[:-1] + (4, x.shape[-1] // 4))


class Ii:
    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        h = w = x.shape[2]
        return x[:, :, :h, :w].reshape(x.shape[0], x.shape[1], h * w)


class Jj:
    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        b, (c, h, w) = x.shape[0], x.shape[1:]
        return x.reshape(b, c, h * w)


class Kk:
    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        b, c, h, w = x.shape
        h, w = h // 2, w // 2
        return x[:, :, :h * 2, :w * 2].reshape(b, c, h, 2, w, 2).mean(axis=(3, 5))


class Ll:
    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        b, c, h, w = x.shape
        c, h = h, c
        return x.transpose(0, 2, 1, 3).reshape(b, c, h * w)


class Mm:
    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        n = x.shape[0] * x.shape[1]
        return x.reshape(n, *x.shape[2:])


class Nn:
    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        B, T, C = x.shape
        T = T - 1
        return x[:, :T] + x[:, 1:]


class Oo:
    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        b, c, h, w = x.shape
        pad = (4 - w % 4) % 4
        x = tf.pad(x, ((0, 0), (0, 0), (0, 0), (0, pad)))
        return x.reshape(b, c, h, -1, 4)


x4 = tf.randn(2, 3, 4, 4)
print(Dense(8, 1)(A()(tf.randn(2, 5, 4, 4))).shape)
print(Dense(48, 1)(Bb()(x4)).shape)
print(Dense(16, 1)(Cc()(x4)).shape)
print(Dense(3, 1)(Dd()(x4)).shape)
print(Dense(48, 1)(Ee()(x4)).shape)
print(Dense(48, 1)(Ff()(x4)).shape)
print(Dense(1, 1)(Gg()(x4)).shape)
print(Dense(1, 1)(Hh()(x4)).shape)
print(Dense(16, 1)(Ii()(x4)).shape)
print(Dense(16, 1)(Jj()(x4)).shape)
print(Dense(2, 1)(Kk()(tf.randn(2, 3, 5, 5))).shape)
print(Dense(15, 1)(Ll()(tf.randn(2, 3, 4, 5))).shape)
print(Dense(4, 1)(Mm()(x4)).shape)
print(Dense(6, 1)(Nn()(tf.randn(2, 5, 6))).shape)
print(Dense(4, 1)(Oo()(tf.randn(2, 3, 4, 6))).shape)
