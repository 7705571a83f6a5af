"""the values a construction reads changed before it runs: a widths list appended to, an
item replaced, extended, passed through a function that mutates it; a block class chosen by a
run-time condition; an instance cfg list grown in __init__ before the loop; a Chain built from a
list that grows after. Each is correct and runs; the module-level head is sized for the truth."""
import os
from typing import List, Type

import typedflux as tf
from typedflux import Chain, Dense, Tensor, relu


class Block:
    expansion = 1

    def __init__(self, cin: int, cout: int) -> None:
        self.fc = Dense(cin, cout * self.expansion)

    def __call__(self, x: Tensor) -> Tensor:
        return relu(self.fc(x))


class Wide(Block):
    expansion = 2


class Net:
    def __init__(self, widths: List[int], block: Type[Block] = Block) -> None:
        self.in_planes = 8
        stages = []
        for w in widths:
            stages.append(self._make_layer(block, w))
        self.body = Chain(*stages)

    def _make_layer(self, block: Type[Block], planes: int) -> Block:
        b = block(self.in_planes, planes)
        self.in_planes = planes * block.expansion
        return b

    def __call__(self, x: Tensor) -> Tensor:
        return self.body(x)


def grow(ws: List[int]) -> None:
    ws.append(32)


x = tf.randn(2, 8)
w1 = [8, 16]
w1.append(32)
print(Dense(32, 1)(Net(w1)(x)).shape)
w2 = [8, 16]
w2[1] = 24
print(Dense(24, 1)(Net(w2)(x)).shape)
w3 = [8, 16]
w3.extend([4])
print(Dense(4, 1)(Net(w3)(x)).shape)
w4 = [8, 16]
grow(w4)
print(Dense(32, 1)(Net(w4)(x)).shape)
w5 = [8, 16]
w5 += [12]
print(Dense(12, 1)(Net(w5)(x)).shape)
blk: Type[Block] = Wide if os.getpid() > 0 else Block
print(Dense(32, 1)(Net([8, 16], blk)(x)).shape)
blk2 = Wide if os.environ.get("NO_SUCH_VAR_X") is None else Block
print(Dense(32, 1)(Net([8, 16], blk2)(x)).shape)


class Grows:
    def __init__(self, cfg: List[int]) -> None:
        self.cfg = cfg
        self.cfg.append(6)
        layers = []
        cin = 8
        for w in self.cfg:
            layers.append(Dense(cin, w))
            cin = w
        self.body = Chain(*layers)

    def __call__(self, x: Tensor) -> Tensor:
        return self.body(x)


print(Dense(6, 1)(Grows([16, 4])(x)).shape)


class Late:
    def __init__(self) -> None:
        layers = [Dense(8, 16)]
        self.body = Chain(*layers)
        layers.append(Dense(16, 4))  # not in the Chain

    def __call__(self, x: Tensor) -> Tensor:
        return self.body(x)


print(Dense(16, 1)(Late()(x)).shape)
