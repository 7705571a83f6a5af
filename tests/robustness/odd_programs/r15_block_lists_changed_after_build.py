"""Lists of blocks changed after the comprehension that built them, looped over in a body."""
from typing import Any, List, Union

import typedflux as tf
from typedflux import Dense, LayerNorm


class Block:
    def __init__(self, c: int) -> None:
        self.ln = LayerNorm(c)
        self.fc = Dense(c, c)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return x + self.fc(self.ln(x))


class Proj:
    def __init__(self, a: int, b: int) -> None:
        self.fc = Dense(a, b)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.fc(x)


class M1:
    def __init__(self, c: int) -> None:
        self.h: List[Union[Block, Proj]] = [Block(c) for _ in range(2)]
        self.h.append(Proj(c, 2 * c))
        self.out = Dense(2 * c, 3)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        for b in self.h:
            x = b(x)
        return self.out(x)


class M2:
    def __init__(self, c: int) -> None:
        self.h: List[Union[Block, Proj]] = [Block(c) for _ in range(2)]
        self.h += [Proj(c, 2 * c)]
        self.out = Dense(2 * c, 3)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        for b in self.h:
            x = b(x)
        return self.out(x)


class M3:
    def __init__(self, c: int) -> None:
        self.h: List[Union[Block, Proj]] = [Block(c) for _ in range(2)]
        self.h[1] = Proj(c, 2 * c)
        self.out = Dense(2 * c, 3)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        for b in self.h:
            x = b(x)
        return self.out(x)


class M4:
    def __init__(self, c: int) -> None:
        self.h: List[Union[Block, Proj]] = [Block(c) for _ in range(2)]
        self.h.insert(0, Proj(c // 2, c))
        self.out = Dense(c, 3)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        for b in self.h:
            x = b(x)
        return self.out(x)


class M5:
    def __init__(self, c: int) -> None:
        blocks: List[Any] = [Block(c) for _ in range(2)]
        blocks.append(Proj(c, 2 * c))
        self.h = blocks
        self.out = Dense(2 * c, 3)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        for b in self.h:
            x = b(x)
        return self.out(x)


class M6:
    def __init__(self, c: int) -> None:
        self.h: List[Union[Block, Proj]] = [Block(c) for _ in range(2)]
        self.extend_with(c)
        self.out = Dense(2 * c, 3)

    def extend_with(self, c: int) -> None:
        self.h.append(Proj(c, 2 * c))

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        for b in self.h:
            x = b(x)
        return self.out(x)


x = tf.randn(2, 5, 8)
print(M1(8)(x).shape, M2(8)(x).shape, M3(8)(x).shape, M4(8)(tf.randn(2, 5, 4)).shape, M5(8)(x).shape, M6(8)(x).shape)
m7 = M1(8)
m7.h.append(Proj(16, 16))
print(m7(x).shape)
