"""DataLoader batches used with batch-sized states; NamedTuple hyperparameters; generator batches."""
from typing import Iterator, NamedTuple, Tuple

import typedflux as tf
from typedflux import Dense, GRU, LSTM


class HParams(NamedTuple):
    vocab: int = 30
    emb: int = 12
    hidden: int = 16
    batch: int = 8


hp = HParams(vocab=30, emb=12)
X = tf.randn(40, 5, hp.emb)
Y = tf.randn(40, hp.hidden)
gru = GRU(hp.emb, hp.hidden)
head = Dense(hp.hidden, hp.hidden)
loader = tf.DataLoader((X, Y), batchsize=hp.batch, partial=False)
for xb, yb in loader:
    h0 = tf.zeros(hp.batch, hp.hidden)
    out = gru(xb, h0)
    loss = tf.losses.mse(head(out[:, -1]), yb)
print(loss.item())

loader2 = tf.DataLoader((X, Y), batchsize=16, shuffle=True, seed=1)
for xb, yb in loader2:
    h0 = tf.zeros(xb.shape[0], hp.hidden)
    out = gru(xb, h0)
    loss = tf.losses.mse(head(out[:, -1]), yb)
print(loss.item())


def batches(n: int) -> Iterator[Tuple[tf.Tensor, tf.Tensor]]:
    for i in range(0, 40, n):
        yield X[i:i + n], Y[i:i + n]


lstm = LSTM(hp.emb, hp.hidden)
for xb, yb in batches(8):
    state = (tf.zeros(8, hp.hidden), tf.zeros(8, hp.hidden))
    out = lstm(xb, state)
    print(tf.losses.mse(out[:, -1], yb).item())
    break
single = tf.DataLoader(X, batchsize=10)
for xb in single:
    print(Dense(hp.emb, 2)(xb).shape)
for i, (xb, yb) in enumerate(tf.DataLoader((X, Y), batchsize=10)):
    print(i, tf.losses.mse(head(gru(xb)[:, -1]), yb).item())
