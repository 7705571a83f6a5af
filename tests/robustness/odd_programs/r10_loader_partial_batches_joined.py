"""Predictions collected over a DataLoader with a partial last batch, joined and scored."""
import typedflux as tf
from typedflux import Dense

X, Y = tf.randn(40, 4), tf.randn(40, 3)
model = Dense(4, 3)
loader = tf.DataLoader((X, Y), batchsize=16)
preds = []
for xb, _ in loader:
    preds.append(model(xb))
allp = tf.cat(*preds, axis=0)
print(tf.losses.mse(allp, Y).item())
stacked = tf.cat(*[model(xb) for xb, _ in loader], axis=0)
print(tf.losses.mse(stacked, Y).item())
sizes = [xb.shape[0] for xb, _ in loader]
print(sizes, len(loader) if hasattr(loader, "__len__") else 0)
first_x, first_y = next(iter(loader))
print(Dense(4, 1)(first_x).shape, first_y.shape)
loader2 = tf.DataLoader(X, batchsize=7, partial=False)
n = 0
for xb in loader2:
    n += xb.shape[0]
print(n, tf.losses.mse(tf.cat(*[model(b) for b in loader2], axis=0), Y[:35]).item())
