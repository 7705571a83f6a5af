"""_make_layer called in forms other than a statement's own call: from a loop in __init__,
twice with keywords/defaults/*args, and result stored through setattr / a list. All correct: each
stage's input width is what the previous call left in self.in_planes."""
from typing import List, Tuple

import typedflux as tf
from typedflux import Chain, Dense, Tensor, relu


class Block:
    expansion = 1

    def __init__(self, cin: int, cout: int) -> None:
        self.fc = Dense(cin, cout)

    def __call__(self, x: Tensor) -> Tensor:
        return relu(self.fc(x))


class LoopStages:  # stages built in a for loop over widths
    def __init__(self, widths: List[int]) -> None:
        self.in_planes = 8
        self.stages: List[Chain] = []
        for w in widths:
            self.stages.append(self._make_layer(w, 2))
        self.head = Dense(self.in_planes, 3)

    def _make_layer(self, planes: int, n: int = 1) -> Chain:
        layers = []
        for _ in range(n):
            layers.append(Block(self.in_planes, planes))
            self.in_planes = planes
        return Chain(*layers)

    def __call__(self, x: Tensor) -> Tensor:
        for s in self.stages:
            x = s(x)
        return self.head(x)


class KwStages:  # same method called with keywords, a default, and *args
    def __init__(self) -> None:
        self.in_planes = 8
        self.layer1 = self._make_layer(planes=16)
        args: Tuple[int, int] = (32, 2)
        self.layer2 = self._make_layer(*args)
        self.layer3 = self._make_layer(n=1, planes=12)
        self.head = Dense(12, 3)

    def _make_layer(self, planes: int, n: int = 1) -> Chain:
        layers = []
        for _ in range(n):
            layers.append(Block(self.in_planes, planes))
            self.in_planes = planes
        return Chain(*layers)

    def __call__(self, x: Tensor) -> Tensor:
        return self.head(self.layer3(self.layer2(self.layer1(x))))


class SetattrStages:  # stored by setattr under computed names
    def __init__(self) -> None:
        self.in_planes = 8
        for i, w in enumerate([16, 24]):
            setattr(self, f"layer{i}", self._make_layer(w))
        self.head = Dense(24, 3)

    def _make_layer(self, planes: int) -> Chain:
        b = Block(self.in_planes, planes)
        self.in_planes = planes
        return Chain(b)

    def __call__(self, x: Tensor) -> Tensor:
        x = getattr(self, "layer0")(x)
        x = getattr(self, "layer1")(x)
        return self.head(x)


class TwiceSameLine:  # a helper called twice in one expression statement
    def __init__(self) -> None:
        self.width = 8
        self.a, self.b = self._grow(16), self._grow(4)
        self.head = Dense(self.width, 2)

    def _grow(self, w: int) -> Dense:
        d = Dense(self.width, w)
        self.width = w
        return d

    def __call__(self, x: Tensor) -> Tensor:
        return self.head(self.b(self.a(x)))


x = tf.randn(2, 8)
print(LoopStages([16, 32])(x).shape)
print(KwStages()(x).shape)
print(SetattrStages()(x).shape)
print(TwiceSameLine()(x).shape)
