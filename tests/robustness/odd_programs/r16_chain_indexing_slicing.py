"""Chain indexing, slicing, iteration, named parts: correct practitioner uses."""
from typing import List

import typedflux as tf
from typedflux import Chain, Dense, LayerNorm, Tensor, relu

net = Chain(Dense(8, 16, relu), LayerNorm(16), Dense(16, 4))
x = tf.randn(3, 8)
feat = net[:-1](x)
head = net[-1]
out = head(feat)
first2 = net[0:2]
tail = net[1:]
h = tail(net[0](x))
n = len(net.layers)
acts: List[Tensor] = []
y = x
for layer in net.layers:
    y = layer(y)
    acts.append(y)
rev_ok = Chain(*reversed([Dense(4, 4), Dense(4, 4)]))
named = Chain(enc=Chain(Dense(8, 3), relu), dec=Dense(3, 8))
z = named.layers["enc"](x)
rec = named.layers["dec"](z)
both = named(x)
enc_only = named[:1](x)
sl = Chain(Dense(4, 4), Dense(4, 4), Dense(4, 4))
every_other = sl[::2](tf.randn(2, 4))
backwards = sl[::-1](tf.randn(2, 4))
print(feat.shape, out.shape, first2(x).shape, h.shape, n, len(acts), rev_ok(tf.randn(1, 4)).shape)
print(z.shape, rec.shape, both.shape, enc_only.shape, every_other.shape, backwards.shape)
