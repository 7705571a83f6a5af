"""A PairwiseFusion of three stages fused by addition: the second stage widens, so the
next fusion with the input cannot add them."""
import typedflux as tf
from typedflux import Dense, PairwiseFusion

fuse = PairwiseFusion(tf.add, Dense(8, 8), Dense(8, 8), Dense(8, 4))
outs = fuse(tf.randn(3, 8))
print(outs[2].shape)
