"""Chain surgery: slices, rebuilt chains, named layers, replacing items."""
import typedflux as tf
from typedflux import Chain, Dense, LayerNorm, relu

pre = Chain(Dense(8, 32, relu), Dense(32, 16, relu), Dense(16, 10))
body = pre[:-1]
print(body(tf.randn(2, 8)).shape)
ft = Chain(*pre.layers[:-1], Dense(16, 5))
print(ft(tf.randn(2, 8)).shape)
ft2 = Chain(pre[0], pre[1], Dense(16, 3))
print(ft2(tf.randn(2, 8)).shape)
feat = Chain(pre[:2], LayerNorm(16))
print(feat(tf.randn(1, 8)).shape)
named = Chain(enc=Dense(8, 4, relu), dec=Dense(4, 8))
print(named.enc(tf.randn(1, 8)).shape, named.layers["dec"](tf.randn(1, 4)).shape, named["enc"](tf.randn(1, 8)).shape)
emb = named[:1]
print(emb(tf.randn(2, 8)).shape)
lst = list(pre.layers)
lst[-1] = Dense(16, 7)
print(Chain(*lst)(tf.randn(1, 8)).shape)
n = len(pre)
print(pre[n - 1](tf.randn(1, 16)).shape, pre[-1](tf.randn(1, 16)).shape)
for i in range(len(pre)):
    print(pre[i])
frozen = tf.freeze(pre[0])
print(Chain(frozen, Dense(32, 2))(tf.randn(1, 8)).shape)
