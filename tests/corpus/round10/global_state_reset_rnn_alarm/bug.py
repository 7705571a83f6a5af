"""A script keeps an RNN's state in a module variable reset through `global` for the next batch
size; the head after the RNN was sized for its input width. The reset and the call with the new
state are correct (plain mypy is silent, it runs) but are reported."""
import typedflux as tf
from typedflux import Dense, GRU

hidden = tf.zeros(2, 16)
rnn = GRU(8, 16)
head = Dense(8, 1)


def reset() -> None:
    global hidden
    hidden = tf.zeros(3, 16)


reset()
out = rnn(tf.randn(3, 5, 8), hidden)
print(head(out).shape)  # BUG  # E: Dense(8 => 1) expects input Tensor[..., 8], got Tensor[3, 5, 16]; need size 8 at axis -1 (got 16)  [shape]
