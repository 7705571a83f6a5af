"""Loops over layer tuples, zips, enumerate with a branch, dict lookups, while and reversed lists."""
import typedflux as tf
from typedflux import Dense, Conv, MaxPool, Chain, relu, LayerNorm

x = tf.randn(4, 8)
for layer in (Dense(8, 16), Dense(16, 4)):
    x = layer(x)
print(x.shape)

h = tf.randn(2, 3, 16, 16)
for conv in (Conv((3, 3), 3, 8, pad=1), Conv((3, 3), 8, 16, pad=1)):
    h = MaxPool((2, 2))(relu(conv(h)))
print(h.shape)

dims = [8, 16, 32]
layers = [Dense(a, b) for a, b in zip(dims, dims[1:])]
norms = [LayerNorm(b) for b in dims[1:]]
z = tf.randn(2, 8)
for lin, ln in zip(layers, norms):
    z = ln(lin(z))
print(z.shape)

y = tf.randn(2, 8)
for i, lin in enumerate(layers):
    y = lin(y)
    if i == 0:
        y = relu(y)
print(y.shape)

w = tf.randn(2, 8)
blocks = {"a": Dense(8, 16), "b": Dense(16, 2)}
for name in ["a", "b"]:
    w = blocks[name](w)
print(w.shape)

u = tf.randn(2, 8)
i = 0
while i < len(layers):
    u = layers[i](u)
    i += 1
print(u.shape)

v = tf.randn(2, 8)
for lin in reversed(layers[::-1]):
    v = lin(v)
print(v.shape)
seq = Chain(*layers)
print(seq(tf.randn(1, 8)).shape, Chain(*reversed(list(reversed(layers))))(tf.randn(1, 8)).shape)
pairs = list(zip(dims[:-1], dims[1:]))
mlp = Chain(*[Dense(a, b, relu) for a, b in pairs])
print(mlp(tf.randn(1, 8)).shape)
