"""__init__ with early return, try, while, break."""
import typedflux as tf
from typedflux import Dense, relu


class Net:
    def __init__(self, d: int, depth: int) -> None:
        self.layers = []
        i = 0
        while i < depth:
            self.layers.append(Dense(d, d, relu))
            i += 1
        self.head = Dense(d, 2)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        for l in self.layers:
            x = l(x)
        return self.head(x)


class Trunc:
    def __init__(self, widths: tuple) -> None:
        self.layers = []
        for i in range(len(widths) - 1):
            if widths[i + 1] == 0:
                break
            self.layers.append(Dense(widths[i], widths[i + 1]))

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        for l in self.layers:
            x = l(x)
        return x


class Skip:
    def __init__(self, widths: tuple) -> None:
        self.layers = []
        prev = widths[0]
        for w in widths[1:]:
            if w < 0:
                continue
            self.layers.append(Dense(prev, w))
            prev = w

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        for l in self.layers:
            x = l(x)
        return x


class Early:
    def __init__(self, d: int, out: int) -> None:
        self.head = Dense(d, out)
        if d == out:
            self.proj = None
            return
        self.proj = Dense(d, out)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        y = self.head(x)
        return y if self.proj is None else y + self.proj(x)


class Try:
    def __init__(self, d: int) -> None:
        try:
            self.fc = Dense(d, d * 2)
        except ValueError:
            self.fc = Dense(d, d)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.fc(x)


print(Net(4, 3)(tf.randn(2, 4)).shape)
print(Trunc((4, 8, 0, 5))(tf.randn(2, 4)).shape)
print(Skip((4, 8, -1, 5))(tf.randn(2, 4)).shape)
print(Early(4, 4)(tf.randn(2, 4)).shape, Early(4, 6)(tf.randn(2, 4)).shape)
print(Try(3)(tf.randn(2, 3)).shape)
