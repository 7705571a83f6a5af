"""Chains of user blocks in odd forms: a block returning a tuple the next block unpacks, a
block with a default keyword, a block whose __call__ takes *args, a Chain of user blocks nested
in a Chain in a model attribute, a Chain indexed and sliced, blocks from a comprehension with
widths from zip. All correct, all run."""
from typing import List, Tuple

import typedflux as tf
from typedflux import Chain, Dense, Tensor, relu


class Split:
    def __call__(self, x: Tensor) -> Tuple[Tensor, Tensor]:
        return x, x * 2.0


class Join:
    def __call__(self, xs: Tuple[Tensor, Tensor]) -> Tensor:
        a, b = xs
        return tf.cat(a, b, axis=1)


class Scaled:
    def __init__(self, cin: int, cout: int) -> None:
        self.fc = Dense(cin, cout)

    def __call__(self, x: Tensor, scale: float = 1.0) -> Tensor:
        return self.fc(x) * scale


class Star:
    def __init__(self, d: int) -> None:
        self.fc = Dense(d, d)

    def __call__(self, *xs: Tensor) -> Tensor:
        return self.fc(xs[0])


class Block:
    def __init__(self, cin: int, cout: int) -> None:
        self.fc = Dense(cin, cout)

    def __call__(self, x: Tensor) -> Tensor:
        return relu(self.fc(x))


class Model:
    def __init__(self, widths: List[int]) -> None:
        self.stages = Chain(Chain(*[Block(a, b) for a, b in zip(widths[:-1], widths[1:])]), Dense(widths[-1], 2))

    def __call__(self, x: Tensor) -> Tensor:
        return self.stages(x)


x = tf.randn(2, 8)
print(Chain(Split(), Join(), Dense(16, 2))(x).shape)
print(Chain(Scaled(8, 4), Dense(4, 2))(x).shape)
print(Chain(Star(8), Dense(8, 2))(x).shape)
m = Model([8, 16, 4])
print(m(x).shape)
c = Chain(Block(8, 16), Block(16, 4), Block(4, 12))
print(c[0](x).shape, c[1:](tf.randn(2, 16)).shape, c[-1](tf.randn(2, 4)).shape)
