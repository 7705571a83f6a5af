"""a block class passed as a value: chosen by a condition, from a dict, a subclass overriding
expansion, the class rebound in a loop; expansion changed on the class after it is defined. All run."""
from typing import Dict, Type, Union

import typedflux as tf
from typedflux import Chain, Dense, Tensor, relu


class Basic:
    expansion = 1

    def __init__(self, cin: int, planes: int) -> None:
        self.fc = Dense(cin, planes * self.expansion)

    def __call__(self, x: Tensor) -> Tensor:
        return relu(self.fc(x))


class Wide(Basic):
    expansion = 4


class Wider(Wide):
    expansion = 2  # overrides Wide's 4


BLOCKS: Dict[str, Type[Basic]] = {"basic": Basic, "wide": Wide, "wider": Wider}


class Net:
    def __init__(self, kind: str, deep: bool) -> None:
        block: Type[Basic] = BLOCKS[kind]
        if deep:
            block = Wide
        self.in_planes = 8
        self.layer = self._make_layer(block, 4)
        self.head = Dense(4 * block.expansion, 2)

    def _make_layer(self, block: Type[Basic], planes: int) -> Chain:
        b = block(self.in_planes, planes)
        self.in_planes = planes * block.expansion
        return Chain(b)

    def __call__(self, x: Tensor) -> Tensor:
        return self.head(self.layer(x))


class Cond:
    def __init__(self, deep: bool) -> None:
        block = Wide if deep else Basic
        self.in_planes = 8
        self.layer = self._make_layer(block, 4)
        self.head = Dense(self.in_planes, 2)

    def _make_layer(self, block: Type[Union[Basic, Wide]], planes: int) -> Chain:
        b = block(self.in_planes, planes)
        self.in_planes = planes * block.expansion
        return Chain(b)

    def __call__(self, x: Tensor) -> Tensor:
        return self.head(self.layer(x))


class Mixed:
    def __init__(self) -> None:
        self.in_planes = 8
        layers = []
        for block in (Basic, Wider, Wide):
            layers.append(self._one(block, 4))
        self.body = Chain(*layers)
        self.head = Dense(16, 2)

    def _one(self, block: Type[Basic], planes: int) -> Basic:
        b = block(self.in_planes, planes)
        self.in_planes = planes * block.expansion
        return b

    def __call__(self, x: Tensor) -> Tensor:
        return self.head(self.body(x))


class Late:
    expansion = 1

    def __init__(self, cin: int, planes: int) -> None:
        self.fc = Dense(cin, planes * self.expansion)

    def __call__(self, x: Tensor) -> Tensor:
        return self.fc(x)


Late.expansion = 3  # changed after the class: Late(8, 4) builds Dense(8, 12)


class UsesLate:
    def __init__(self) -> None:
        self.in_planes = 8
        self.layer = self._make_layer(Late, 4)
        self.head = Dense(12, 2)

    def _make_layer(self, block: Type[Late], planes: int) -> Late:
        b = block(self.in_planes, planes)
        self.in_planes = planes * block.expansion
        return b

    def __call__(self, x: Tensor) -> Tensor:
        return self.head(self.layer(x))


x = tf.randn(2, 8)
print(Net("basic", False)(x).shape, Net("wider", False)(x).shape, Net("basic", True)(x).shape)
print(Cond(True)(x).shape, Cond(False)(x).shape)
print(Mixed()(x).shape)
print(UsesLate()(x).shape)
