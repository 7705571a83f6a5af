"""A recurrent cell class keeps its hidden state in an annotated attribute; the state after
a step comes from a cell of another width."""
import typedflux as tf
from typedflux import GRU, Tensor


class Tracker:
    def __init__(self) -> None:
        self.rnn = GRU(6, 24, return_state=True)
        self.h: Tensor[3, 16] = tf.zeros(3, 16)

    def step(self, x: Tensor[3, 1, 6]) -> None:
        _, h = self.rnn(x)
        self.h = h  # BUG[gap checker: a bare name unpacked from a layer's tuple result (_, h = self.rnn(x)) assigned to an annotated attribute (self.h: Tensor[3, 16]) keeps mypy's own [assignment] in Literal words]  # E: Incompatible types in assignment (expression has type "Tensor[Literal[3], Literal[24]]", variable has type "Tensor[Literal[3], Literal[16]]")  [assignment]


t = Tracker()
t.step(tf.randn(3, 1, 6))
print((t.h @ tf.randn(16, 4)).shape)
