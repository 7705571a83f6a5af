"""A user ModuleList with __getitem__/__iter__/__len__, properties giving sizes and layers."""
from typing import Iterator, List

import typedflux as tf
from typedflux import Dense, relu


class ModuleList:
    def __init__(self, layers: List[Dense]) -> None:
        self._layers = list(layers)

    def __getitem__(self, i: int) -> Dense:
        return self._layers[i]

    def __iter__(self) -> Iterator[Dense]:
        return iter(self._layers)

    def __len__(self) -> int:
        return len(self._layers)

    def append(self, layer: Dense) -> None:
        self._layers.append(layer)


class Net:
    def __init__(self, widths: List[int]) -> None:
        self.layers = ModuleList([Dense(a, b, relu) for a, b in zip(widths, widths[1:])])

    @property
    def out_features(self) -> int:
        return self.layers[len(self.layers) - 1].weight.shape[0]

    @property
    def last(self) -> Dense:
        return self.layers[-1]

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        for layer in self.layers:
            x = layer(x)
        return x


net = Net([4, 8, 16])
head = Dense(net.out_features, 3)
print(head(net(tf.randn(2, 4))).shape, net.last(tf.randn(1, 8)).shape)
net.layers.append(Dense(16, 5))
print(Dense(5, 1)(net(tf.randn(2, 4))).shape)
