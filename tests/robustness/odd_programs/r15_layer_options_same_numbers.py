"""Layers built with the same numbers but different options in one module keep their own shapes (a memo keyed too coarsely would mix them)."""
import typedflux as tf
from typedflux import (AdaptiveMeanPool, BatchNorm, Conv, ConvTranspose, Dense, GroupNorm, LayerNorm,
                       MaxPool, MeanPool, Upsample, relu)

x = tf.ones(1, 8, 9, 9)
a = Conv((3, 3), 8, 8)(x)
b = Conv((3, 3), 8, 8, pad=1)(x)
c = Conv((3, 3), 8, 8, stride=2)(x)
d = Conv((3, 3), 8, 8, dilation=2)(x)
e = Conv((3, 3), 8, 8, pad="same")(x)
f = Conv((3, 3), 8, 8, groups=8)(x)
g = ConvTranspose((3, 3), 8, 8)(x)
h = ConvTranspose((3, 3), 8, 8, stride=2)(x)
i = ConvTranspose((3, 3), 8, 8, stride=2, pad=1, outpad=1)(x)
j = MaxPool((3, 3))(x)
k = MaxPool((3, 3), stride=1)(x)
l = MeanPool((3, 3), stride=1, pad=1)(x)
m = Upsample(2)(x)
n = Upsample(size=(18, 27))(x)
o = AdaptiveMeanPool((3, 3))(x)
p = Conv((1, 3), 8, 8, pad=(0, 1))(x)
q = Conv((3, 1), 8, 8, pad=(1, 0))(x)
r = Conv((3, 3), 8, 8, pad=(1, 0, 1, 0))(x)
exp = {
    "a": (1, 8, 7, 7), "b": (1, 8, 9, 9), "c": (1, 8, 4, 4), "d": (1, 8, 5, 5), "e": (1, 8, 9, 9),
    "f": (1, 8, 7, 7), "g": (1, 8, 11, 11), "h": (1, 8, 19, 19), "i": (1, 8, 18, 18), "j": (1, 8, 3, 3),
    "k": (1, 8, 7, 7), "l": (1, 8, 9, 9), "m": (1, 8, 18, 18), "n": (1, 8, 18, 27), "o": (1, 8, 3, 3),
    "p": (1, 8, 9, 9), "q": (1, 8, 9, 9), "r": (1, 8, 8, 8),
}
got = dict(a=a, b=b, c=c, d=d, e=e, f=f, g=g, h=h, i=i, j=j, k=k, l=l, m=m, n=n, o=o, p=p, q=q, r=r)
assert all(got[key].shape == v for key, v in exp.items()), {k2: t.shape for k2, t in got.items()}
v = tf.ones(2, 8)
