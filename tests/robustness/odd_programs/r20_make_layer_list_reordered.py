"""the list a _make_layer returns as Chain(*layers) is changed before the Chain: reversed,
popped, an item replaced, sliced, inserted at 0, extended by +=, a list built with * . Each
program is correct and runs."""
import typedflux as tf
from typedflux import Chain, Dense, Tensor, relu


class Block:
    def __init__(self, cin: int, cout: int) -> None:
        self.fc = Dense(cin, cout)

    def __call__(self, x: Tensor) -> Tensor:
        return relu(self.fc(x))


class Reversed:
    def __init__(self) -> None:
        self.body = self._make()
        self.head = Dense(8, 2)

    def _make(self) -> Chain:
        layers = [Block(16, 8), Block(8, 16)]
        layers.reverse()  # Block(8, 16) first
        return Chain(*layers)

    def __call__(self, x: Tensor) -> Tensor:
        return self.head(self.body(x))


class Popped:
    def __init__(self) -> None:
        self.body = self._make()
        self.head = Dense(16, 2)

    def _make(self) -> Chain:
        layers = [Block(8, 16), Block(16, 4)]
        layers.pop()
        return Chain(*layers)

    def __call__(self, x: Tensor) -> Tensor:
        return self.head(self.body(x))


class Replaced:
    def __init__(self) -> None:
        self.body = self._make()
        self.head = Dense(12, 2)

    def _make(self) -> Chain:
        layers = [Block(8, 16), Block(16, 4)]
        layers[1] = Block(16, 12)
        return Chain(*layers)

    def __call__(self, x: Tensor) -> Tensor:
        return self.head(self.body(x))


class Sliced:
    def __init__(self) -> None:
        self.body = self._make()
        self.head = Dense(16, 2)

    def _make(self) -> Chain:
        layers = [Block(8, 16), Block(16, 4), Block(4, 4)]
        return Chain(*layers[:1])

    def __call__(self, x: Tensor) -> Tensor:
        return self.head(self.body(x))


class Inserted:
    def __init__(self) -> None:
        self.body = self._make()
        self.head = Dense(4, 2)

    def _make(self) -> Chain:
        layers = [Block(16, 4)]
        layers.insert(0, Block(8, 16))
        return Chain(*layers)

    def __call__(self, x: Tensor) -> Tensor:
        return self.head(self.body(x))


class Extended:
    def __init__(self) -> None:
        self.in_planes = 8
        self.body = self._make()
        self.head = Dense(self.in_planes, 2)

    def _make(self) -> Chain:
        layers = [Block(self.in_planes, 16)]
        layers += [Block(16, 24)]
        layers = layers + [Block(24, 6)]
        self.in_planes = 6
        return Chain(*layers)

    def __call__(self, x: Tensor) -> Tensor:
        return self.head(self.body(x))


class Deleted:
    def __init__(self) -> None:
        self.body = self._make()
        self.head = Dense(16, 2)

    def _make(self) -> Chain:
        layers = [Block(8, 16), Block(16, 4)]
        del layers[-1]
        return Chain(*layers)

    def __call__(self, x: Tensor) -> Tensor:
        return self.head(self.body(x))


class SortedByWidth:
    def __init__(self) -> None:
        self.body = self._make()
        self.head = Dense(16, 2)

    def _make(self) -> Chain:
        layers = [Block(16, 16), Block(8, 16)]
        layers.sort(key=lambda b: b.fc.weight.shape[1])  # Block(8, 16) first
        return Chain(*layers)

    def __call__(self, x: Tensor) -> Tensor:
        return self.head(self.body(x))


x = tf.randn(2, 8)
for cls in (Reversed, Popped, Replaced, Sliced, Inserted, Extended, Deleted, SortedByWidth):
    print(cls.__name__, cls()(x).shape)
