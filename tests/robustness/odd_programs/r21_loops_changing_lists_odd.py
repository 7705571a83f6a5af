"""for loops that change the list they iterate, in constructions and at module level: append
under a condition, del and slice assignment in the loop, a list given to a method that grows
it, a while over a shrinking list; the layers built are applied where their sizes are known."""
from typing import List

import typedflux as tf
from typedflux import Chain, Dense, Tensor


class Grow:
    def __init__(self, widths: List[int]) -> None:
        widths = list(widths)
        self.layers: List[Dense] = []
        for w in widths:
            self.layers.append(Dense(w, w))
            if w < 16 and len(widths) < 5:
                self._more(widths, w * 2)

    def _more(self, ws: List[int], w: int) -> None:
        ws.append(w)

    def __call__(self, xs: List[Tensor]) -> List[Tensor]:
        return [l(x) for l, x in zip(self.layers, xs)]


g = Grow([4])
print(len(g.layers), [y.shape for y in g([tf.randn(1, 4), tf.randn(1, 8)])])
ws = [2, 3, 4, 5]
for i, w in enumerate(ws):
    if w == 3:
        ws[i + 1:] = [7]
print(ws)
todo = [Dense(3, 3), Dense(3, 3), Dense(3, 3)]
x = tf.randn(2, 3)
while todo:
    layer = todo.pop()
    x = layer(x)
print(x.shape)
acts = [tf.randn(2, 2)]
for a in acts:
    if a.shape[0] < 6:
        acts += [tf.cat(a, a, axis=0)]
print([a.shape for a in acts])
