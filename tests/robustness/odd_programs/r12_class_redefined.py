"""Two class statements of one name (a conditional definition, a redefinition), then an instance."""
import sys

import typedflux as tf
from typedflux import Dense

if len(sys.argv) > 100:
    class Net:
        def __init__(self) -> None:
            self.fc = Dense(16, 4)

        def __call__(self, x: tf.Tensor) -> tf.Tensor:
            return self.fc(x)
else:
    class Net:  # type: ignore[no-redef]
        def __init__(self) -> None:
            self.fc = Dense(32, 4)

        def __call__(self, x: tf.Tensor) -> tf.Tensor:
            return self.fc(x)

m = Net()
print(m(tf.randn(2, 32)).shape)


def make() -> tf.Tensor:
    class Local:
        def __init__(self) -> None:
            self.fc = Dense(8, 2)

        def __call__(self, x: tf.Tensor) -> tf.Tensor:
            return self.fc(x)
    return Local()(tf.randn(2, 8))


class Head:
    def __init__(self) -> None:
        self.fc = Dense(16, 4)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.fc(x)


class Head:  # type: ignore[no-redef]
    def __init__(self) -> None:
        self.fc = Dense(32, 4)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.fc(x)


h = Head()
print(make().shape, h(tf.randn(2, 32)).shape)
