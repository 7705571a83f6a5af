"""a list attribute of layers grown in __init__ in ways a construction run may not see: a
held append, getattr(self.layers, "append"), a helper function
given the list, an alias, extend with a generator, +=, insert at 0, a slice assignment; the body
runs every layer (a loop, a comprehension over zip/enumerate) and the head is sized for the last.
All correct; each runs."""
from typing import List

import typedflux as tf
from typedflux import Dense, Tensor


def add_layer(ls: List[Dense], d: Dense) -> None:
    ls.append(d)


class Held:
    def __init__(self) -> None:
        self.layers = [Dense(8, 16)]
        add = self.layers.append
        add(Dense(16, 4))
        self.head = Dense(4, 2)

    def __call__(self, x: Tensor) -> Tensor:
        for l in self.layers:
            x = l(x)
        return self.head(x)


class Unbound:
    def __init__(self) -> None:
        self.layers = [Dense(8, 16)]
        self.layers.append(Dense(16, 4))
        getattr(self.layers, "append")(Dense(4, 6))
        self.head = Dense(6, 2)

    def __call__(self, x: Tensor) -> Tensor:
        for l in self.layers:
            x = l(x)
        return self.head(x)


class Helper:
    def __init__(self) -> None:
        self.layers = [Dense(8, 16)]
        add_layer(self.layers, Dense(16, 4))
        self.head = Dense(4, 2)

    def __call__(self, x: Tensor) -> Tensor:
        for l in self.layers:
            x = l(x)
        return self.head(x)


class Aliased:
    def __init__(self) -> None:
        self.layers = [Dense(8, 16)]
        ls = self.layers
        ls.append(Dense(16, 4))
        self.head = Dense(4, 2)

    def __call__(self, x: Tensor) -> Tensor:
        for l in self.layers:
            x = l(x)
        return self.head(x)


class Many:
    def __init__(self) -> None:
        self.projs = [Dense(4, 8)]
        self.projs.extend(Dense(w, 8) for w in (5, 6))
        self.projs += [Dense(7, 8)]
        self.projs.insert(0, Dense(3, 8))
        self.projs[1:2] = [Dense(4, 8)]
        self.head = Dense(8 * 5, 2)

    def __call__(self, xs: List[Tensor]) -> Tensor:
        outs = [p(x) for p, x in zip(self.projs, xs)]
        return self.head(tf.cat(*outs, axis=1))


class Enum:
    def __init__(self) -> None:
        self.embs = [tf.Embedding(10, 4)]
        ls = self.embs
        ls.append(tf.Embedding(20, 4))
        self.head = Dense(8, 2)

    def __call__(self, cats: Tensor) -> Tensor:
        outs = [e(cats[:, i]) for i, e in enumerate(self.embs)]
        return self.head(tf.cat(*outs, axis=1))


x = tf.randn(2, 8)
print(Held()(x).shape, Unbound()(x).shape, Helper()(x).shape, Aliased()(x).shape)
print(Many()([tf.randn(2, w) for w in (3, 4, 5, 6, 7)]).shape)
print(Enum()(tf.tensor([[1, 2], [3, 4]])).shape)
