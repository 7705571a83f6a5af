"""Training by hand over DataLoader batches: the targets are [N] and the model says [B, 1]."""
import typedflux as tf
from typedflux import Chain, Dense, relu

model = Chain(Dense(8, 16, relu), Dense(16, 1))
x, y = tf.randn(64, 8), tf.randn(64)
for xb, yb in tf.DataLoader((x, y), batchsize=16):
    loss = tf.losses.mse(model(xb), yb[:, None])
    print(loss.item())
