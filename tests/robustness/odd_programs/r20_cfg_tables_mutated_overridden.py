"""class-attribute cfg tables: mutated after the class (append / item / rebinding on the
class), overridden by a subclass, VGG-style mixed table of ints and 'M' strings, tuples of mixed
kinds. All correct programs that run."""
from typing import List, Tuple, Union

import typedflux as tf
from typedflux import Chain, Conv, Dense, MaxPool, Tensor, relu


class VGGish:
    cfg: List[Union[int, str]] = [8, "M", 16, "M"]

    def __init__(self, head_in: int) -> None:
        self.features = self._make_layers()
        self.head = Dense(head_in, 3)

    def _make_layers(self) -> Chain:
        layers: list = []
        cin = 3
        for v in self.cfg:
            if v == "M":
                layers.append(MaxPool((2, 2)))
            else:
                assert isinstance(v, int)
                layers.append(Conv((3, 3), cin, v, pad=1))
                layers.append(relu)
                cin = v
        return Chain(*layers)

    def __call__(self, x: Tensor) -> Tensor:
        return self.head(self.features(x).mean(axis=(2, 3)))


class VGGWide(VGGish):
    cfg = [8, "M", 32, "M"]  # a subclass's own table


VGGish.cfg.append(24)  # grown after the class: the features end with 24 channels


class Stages:
    cfg: List[Tuple[int, int]] = [(8, 1), (16, 2)]

    def __init__(self) -> None:
        self.layers = self._make()
        self.head = Dense(self.cfg[-1][0], 2)

    def _make(self) -> Chain:
        layers = []
        cin = 4
        for w, n in self.cfg:
            for _ in range(n):
                layers.append(Dense(cin, w))
                cin = w
        return Chain(*layers)

    def __call__(self, x: Tensor) -> Tensor:
        return self.head(self.layers(x))


Stages.cfg = [(8, 1), (12, 1)]  # the class attribute rebound before any construction


class Items:
    cfg = [(8, 1), (16, 1)]

    def __init__(self) -> None:
        self.layers = self._make()
        self.head = Dense(20, 2)

    def _make(self) -> Chain:
        layers = []
        cin = 4
        for w, n in self.cfg:
            layers.append(Dense(cin, w))
            cin = w
        return Chain(*layers)

    def __call__(self, x: Tensor) -> Tensor:
        return self.head(self.layers(x))


Items.cfg[1] = (20, 1)  # one row replaced


class MixedKinds:
    cfg = ((8, "relu", 1), (16, "gelu", 2), (16, None, 1))

    def __init__(self) -> None:
        self.layers = self._make()
        self.head = Dense(16, 2)

    def _make(self) -> Chain:
        layers: list = []
        cin = 4
        for w, act, n in self.cfg:
            for _ in range(n):
                layers.append(Dense(cin, w))
                if act is not None:
                    layers.append(relu if act == "relu" else tf.gelu)
                cin = w
        return Chain(*layers)

    def __call__(self, x: Tensor) -> Tensor:
        return self.head(self.layers(x))


img = tf.randn(2, 3, 8, 8)
print(VGGish(24)(img).shape, VGGWide(32)(img).shape)
print(Stages()(tf.randn(2, 4)).shape)
print(Items()(tf.randn(2, 4)).shape)
print(MixedKinds()(tf.randn(2, 4)).shape)
