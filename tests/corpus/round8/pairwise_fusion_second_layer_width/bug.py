"""A PairwiseFusion(tf.add, ...) of two layers: the second layer gets the first's output
added to the input, but was sized for another width."""
import typedflux as tf
from typedflux import Dense, PairwiseFusion

fuse = PairwiseFusion(tf.add, Dense(8, 8), Dense(16, 4))  # BUG  # E: PairwiseFusion(add, Dense(8 => 8), Dense(16 => 4)) cannot fuse into layer 2: Dense(16 => 4) expects input Tensor[..., 16], got Tensor[B, 8]; need size 16 at axis -1 (got 8)  [shape]
y1, y2 = fuse(tf.randn(3, 8))
print(y1.shape, y2.shape)
