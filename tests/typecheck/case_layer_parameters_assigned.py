"""A typedflux layer's own parameter given a value of other sizes (nanoGPT's crop of its position
table, `wpe.weight = wpe.weight[:8]`): the annotation is the library's, not the user's, and
the run time takes the value, so it is no error (it was `Assigned shape Tensor[8, 32] does not
match the annotation Tensor[16, 32] of "wpe.weight"`). An attribute the user annotated keeps
its check (static only: an annotation is not checked at run time).
"""

import typedflux as tf
from typedflux import Embedding, Tensor

wpe = Embedding(16, 32)
wpe.weight = wpe.weight[:8]
print(wpe(tf.arange(8).reshape(1, 8)).shape)


class Table:
    def __init__(self) -> None:
        self.rows: Tensor[16, 32] = tf.randn(16, 32)


t = Table()
t.rows = t.rows[:8]  # E: Assigned shape Tensor[8, 32] does not match the annotation Tensor[16, 32] of "t.rows": axis 0 is 8, expected 16  [shape]
