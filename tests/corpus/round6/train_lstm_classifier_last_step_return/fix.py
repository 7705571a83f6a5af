"""A sequence classifier: LSTM, then the head on the last step. The head was applied to
every step."""
from typing import TypeVar

import typedflux as tf
from typedflux import Dense, LSTM, Tensor

B = TypeVar("B", bound=int)
T = TypeVar("T", bound=int)

tf.seed(4)
rnn = LSTM(4, 16)
head = Dense(16, 3)


@tf.shapecheck
def forward(x: Tensor[B, T, 4]) -> Tensor[B, 3]:
    h = rnn(x)
    return head(h[:, -1])


seqs = tf.randn(8, 10, 4)
y = tf.onehot([i % 3 for i in range(8)], 3)
loss = tf.losses.logitcrossentropy(forward(seqs), y)
print(loss.item())
