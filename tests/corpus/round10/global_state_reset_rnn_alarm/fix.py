"""A script keeps an RNN's state in a module variable reset through `global` for the next batch
size; the head after the RNN was sized for its input width. The reset and the call with the new
state are correct (plain mypy is silent, it runs) but are reported."""
import typedflux as tf
from typedflux import Dense, GRU

hidden = tf.zeros(2, 16)
rnn = GRU(8, 16)
head = Dense(16, 1)


def reset() -> None:
    global hidden
    hidden = tf.zeros(3, 16)  # ALARM[gap checker: a module tensor assigned through global keeps its first value's type; mypy's own [assignment] in Literal words]  # E: Incompatible types in assignment (expression has type "Tensor[Literal[3], Literal[16]]", variable has type "Tensor[Literal[2], Literal[16]]")  [assignment]


reset()
out = rnn(tf.randn(3, 5, 8), hidden)  # ALARM[gap checker: the stale type of hidden (Tensor[2, 16]) is refused as the state of a batch of 3]  # E: Initial state does not fit "GRU(8 => 16)": h0 has Tensor[2, 16], x has Tensor[3, 5, 8]; need h0 of Tensor[3, 16] or Tensor[16] (size 3 at axis 0, got 2)  [shape]
print(head(out).shape)
