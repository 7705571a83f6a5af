"""Per-step outputs are stacked; the last step was computed at another width."""
import typedflux as tf
from typedflux import Dense

step = Dense(5, 5)
final = Dense(5, 3)
h = tf.randn(2, 5)
outs = [h]
for _ in range(3):
    h = step(h)
    outs.append(h)
last = final(h)
seq = tf.stack([outs[0], outs[1], last], axis=1)  # BUG  # E: Sizes differ for "stack": xs[0] has Tensor[2, 5], xs[2] has Tensor[2, 3]; need equal shapes (5 vs 3 at axis 1)  [shape]
print(seq.shape)
