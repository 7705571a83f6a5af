"""einsum and rearrange patterns written oddly: spaces, a Final pattern, ellipsis on both
sides, `()` and `1` axes, anonymous products, einsum without an arrow, and reduce with max."""
from typing import Final

import typedflux as tf

MERGE: Final = "b h t d -> b t (h d)"
x = tf.randn(2, 4, 5, 8)
merged = tf.rearrange(x, MERGE)
spaced = tf.einsum("b h t d , b h s d -> b h t s", x, x)
ell = tf.einsum("...td,...sd->...ts", x, x)
implicit = tf.einsum("ij,jk", tf.randn(3, 4), tf.randn(4, 5))
unit = tf.rearrange(tf.randn(2, 3), "b c -> b c () 1")
back = tf.rearrange(unit, "b c () 1 -> (b c)")
pooled = tf.reduce(x, "b h (t 1) d -> b d", "max")
trace = tf.einsum("ii", tf.randn(4, 4))
print(merged.shape, spaced.shape, ell.shape, implicit.shape, unit.shape, back.shape, pooled.shape, trace.shape)
