"""A PairwiseFusion of three stages fused by addition: the second stage widens, so the
next fusion with the input cannot add them."""
import typedflux as tf
from typedflux import Dense, PairwiseFusion

fuse = PairwiseFusion(tf.add, Dense(8, 8), Dense(8, 16), Dense(8, 4))  # BUG  # E: PairwiseFusion(add, Dense(8 => 8), Dense(8 => 16), Dense(8 => 4)) cannot fuse into layer 3: Cannot broadcast for "add": xs[0] has Tensor[B, 16], xs[1] has Tensor[B, 8]; need equal sizes or 1 at axis -1 (16 vs 8)  [shape]
outs = fuse(tf.randn(3, 8))
print(outs[2].shape)
