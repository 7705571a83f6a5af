"""block.expansion class constants read through a class given as a value, inherited and
overridden in subclasses, via type(self) and a classmethod factory; a block chosen by a dict."""
from typing import Dict, List, Type

import typedflux as tf
from typedflux import Chain, Conv, Tensor, relu


class Base:
    expansion = 1

    def __init__(self, cin: int, planes: int) -> None:
        self.conv = Conv((3, 3), cin, planes * type(self).expansion, relu, pad=1)

    @classmethod
    def make(cls, cin: int, planes: int) -> "Base":
        return cls(cin, planes)

    def __call__(self, x: Tensor) -> Tensor:
        return self.conv(x)


class Wide(Base):
    expansion = 2


class Wider(Wide):
    expansion = 4


BLOCKS: Dict[str, Type[Base]] = {"base": Base, "wide": Wide, "wider": Wider}


class Net:
    def __init__(self, kind: str, planes: List[int]) -> None:
        block = BLOCKS[kind]
        cin = 3
        stages = []
        for p in planes:
            stages.append(block.make(cin, p))
            cin = p * block.expansion
        self.body = Chain(*stages)
        self.out = cin

    def __call__(self, x: Tensor) -> Tensor:
        return self.body(x)


for k in BLOCKS:
    n = Net(k, [2, 4])
    print(k, n(tf.randn(1, 3, 5, 5)).shape, n.out)
print(Wider.make(3, 1)(tf.randn(1, 3, 4, 4)).shape)
