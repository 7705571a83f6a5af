"""A loop over a list its own body changes is not unrolled on the items known before it.

``for w in ws: ... ws.append(w * 2)`` runs over the items the body adds too: a construction's
run that unrolled the items ``ws`` held before the loop would build other layers than the
program does (a false error on a correct model). A loop whose body reads the list it
iterates (``append``/``extend``/``insert``, ``+=``, an item or slice assignment, a call it is
passed to), an attribute of that name, or calls a method of the model (``self._more()`` may
change ``self.ws``) leaves what it binds unknown; a loop that leaves its list alone is still
unrolled, and its true mismatch reported. The same lines run as the checker says.
"""

from typing import List

import typedflux as tf
from typedflux import Dense, Tensor


class Grows:  # a method's loop over a list it appends to
    def __init__(self) -> None:
        self.width = 8
        self.blocks = self._grow()
        self.head = Dense(self.width, 3)

    def _grow(self) -> List[Dense]:
        ws = [16]
        out = []
        for w in ws:
            out.append(Dense(self.width, w))
            self.width = w
            if w < 32:
                ws.append(w * 2)
        return out

    def __call__(self, x: Tensor) -> Tensor:
        return self.head(x)


y1: Tensor[2, 3] = Grows()(tf.randn(2, 32))


class Extends:  # the same in __init__, by +=, insert, a slice assignment
    def __init__(self) -> None:
        width = 8
        ws = [16]
        for w in ws:
            width = w
            if w < 32:
                ws += [w * 2]
        vs = [16]
        for v in vs:
            width = width + v
            if len(vs) < 2:
                vs.insert(0, 4)
        us = [1]
        for u in us:
            width = width + u
            if len(us) < 3:
                us[len(us):] = [u]
        self.head = Dense(width, 3)

    def __call__(self, x: Tensor) -> Tensor:
        return self.head(x)


y2: Tensor[2, 3] = Extends()(tf.randn(2, 67))


def more(ws: List[int]) -> None:
    if len(ws) < 2:
        ws.append(16)


class Attribute:  # a list attribute, grown through a method and a function it is passed to
    def __init__(self) -> None:
        self.ws = [8]
        self.width = 0
        for w in self.ws:
            self.width = self.width + w
            self._more()
        vs = [8]
        for v in vs:
            self.width = self.width + v
            more(vs)
        self.head = Dense(self.width, 3)

    def _more(self) -> None:
        if len(self.ws) < 2:
            self.ws.append(8)

    def __call__(self, x: Tensor) -> Tensor:
        return self.head(x)


y3: Tensor[2, 3] = Attribute()(tf.randn(2, 40))


class Plain:  # a loop that leaves its list alone is unrolled: the head reads 8 + 16 + 32
    def __init__(self) -> None:
        ws = [16, 32]
        width = 8
        for w in ws:
            width = width + w
        self.head = Dense(width, 3)

    def __call__(self, x: Tensor) -> Tensor:
        return self.head(x)


y4: Tensor[2, 3] = Plain()(tf.randn(2, 56))
Plain()(tf.randn(2, 48))  # E: Dense(56 => 3) expects input Tensor[..., 56], got Tensor[2, 48]; need size 56 at axis -1 (got 48)  [shape]
