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
        self.h = h  # BUG  # E: Assigned shape Tensor[3, 24] does not match the annotation Tensor[3, 16] of "self.h": axis 1 is 24, expected 16  [shape]


t = Tracker()
t.step(tf.randn(3, 1, 6))
print((t.h @ tf.randn(16, 4)).shape)
