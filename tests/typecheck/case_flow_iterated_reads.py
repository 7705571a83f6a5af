"""A loop over a list whose body reads that list without changing it is still unrolled.

``for w in ws: layers.append(Dense(w, ws[-1]))`` reads ``ws`` by index only: the loop runs
over the items known before it, so a run unrolls it (each layer ``Dense(w, 4)``) and a wrong
input is caught. A body that may change the list it iterates (``ws.append(w)``, ``ws[len(ws):]
= [w]``, ``del ws[0]``, passing it to a call) makes Python's loop run over other items: the
run does not unroll it and claims nothing. Each with its correct input; the same lines fail
at run time with the same words.
"""

from typing import List

import typedflux as tf
from typedflux import Chain, Dense


class ToLast:
    def __init__(self, ws: List[int]) -> None:
        layers = []
        for w in ws:
            layers.append(Dense(w, ws[-1]))
        self.body = Chain(*layers)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.body(x)


ToLast([4, 4])(tf.randn(2, 3))  # E: Chain layer 1 Dense(4 => 4) expects input Tensor[..., 4], got Tensor[2, 3]; need size 4 at axis -1 (got 3)  [shape]
ToLast([4, 4])(tf.randn(2, 4))


class Counted:
    def __init__(self, ws: List[int]) -> None:
        blocks = []
        for w in ws:
            if len(ws) > 1 and w in ws:
                blocks.append(Dense(w, w))
        self.body = Chain(*blocks)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.body(x)


Counted([6, 6])(tf.randn(2, 5))  # E: Chain layer 1 Dense(6 => 6) expects input Tensor[..., 6], got Tensor[2, 5]; need size 6 at axis -1 (got 5)  [shape]
Counted([6, 6])(tf.randn(2, 6))


class Grows:
    def __init__(self, ws: List[int]) -> None:
        layers = []
        for w in ws:
            if len(ws) < 3:
                ws.append(8)
            layers.append(Dense(ws[0], ws[0]) if w != 8 else Dense(4, 8))
        self.body = Chain(*layers)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.body(x)


Grows([4, 4])(tf.randn(2, 4))


class SliceWritten:
    def __init__(self, ws: List[int]) -> None:
        layers = []
        for w in ws:
            if len(ws) < 3:
                ws[len(ws):] = [8]
            layers.append(Dense(ws[0], ws[0]) if w != 8 else Dense(4, 8))
        self.body = Chain(*layers)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.body(x)


SliceWritten([4, 4])(tf.randn(2, 4))
