"""a list attribute the body's comprehension reads, changed through an alias, +=, a slice,
extend; a list argument changed before the construction reads len(); a flag the body tests
changed through a function taking the model, a loop over models, copy.copy, object.__setattr__,
a holder's method. All correct, all run."""
import copy
from typing import List

import typedflux as tf
from typedflux import Dense, Embedding, Tensor


class Embs:
    def __init__(self, sizes: List[int], d: int) -> None:
        self.embs = [Embedding(v, d) for v in sizes]
        self.head = Dense(d * len(sizes), 2)

    def __call__(self, cats: Tensor) -> Tensor:
        outs = [emb(cats[:, i]) for i, emb in enumerate(self.embs)]
        return self.head(tf.cat(*outs, axis=1))


cats3 = tf.tensor([[1, 2, 3], [0, 1, 4]])
e1 = Embs([10, 20], 4)
lst = e1.embs
lst.append(Embedding(5, 4))
e1.head = Dense(12, 2)
print(e1(cats3).shape)
e2 = Embs([10, 20], 4)
e2.embs += [Embedding(5, 4)]
e2.head = Dense(12, 2)
print(e2(cats3).shape)
e3 = Embs([10, 20, 30], 4)
e3.embs[1:] = [Embedding(7, 4)]
e3.head = Dense(8, 2)
print(e3(cats3[:, :2]).shape)
sizes = [10, 20]
sizes.append(5)
e4 = Embs(sizes, 4)  # three embeddings, head Dense(12, 2)
print(e4(cats3).shape)
e5 = Embs(sizes * 2, 2)  # six
print(e5(tf.cat(cats3, cats3, axis=1)).shape)


class Gate:
    def __init__(self, wide: bool) -> None:
        self.wide = wide
        self.small = Dense(8, 4)
        self.big = Dense(8, 16)

    def __call__(self, x: Tensor) -> Tensor:
        if self.wide:
            return self.big(x)
        return self.small(x)


def make_wide(g: Gate) -> None:
    g.wide = True


class Holder:
    def __init__(self) -> None:
        self.gate = Gate(False)
        self.head = Dense(16, 2)

    def __call__(self, x: Tensor) -> Tensor:
        self.gate.wide = True
        return self.head(self.gate(x))


x = tf.randn(2, 8)
g1 = Gate(False)
make_wide(g1)
w1: Tensor = g1(x)
assert w1.shape == (2, 16)
g2 = Gate(False)
for m in [g2]:
    m.wide = True
assert g2(x).shape == (2, 16)
g3 = copy.copy(Gate(False))
g3.wide = True
assert g3(x).shape == (2, 16)
g4 = Gate(False)
object.__setattr__(g4, "wide", True)
assert g4(x).shape == (2, 16)
print(Holder()(x).shape)
g5 = Gate(False)
g5.__dict__["wide"] = True
h5 = Dense(16, 2)(g5(x))
print(h5.shape)
