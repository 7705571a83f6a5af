"""tsalib's shape-annotated view, `x.view(B, T, H, D // H)` for `(B, T, D) -> (B, T, H, D/H)`:
the head split was written with the full width per head."""
import typedflux as tf
from typedflux import Dense

B, T, D, H = 2, 5, 32, 4
proj = Dense(D, D)
x = proj(tf.randn(B, T, D))
heads = x.reshape(B, T, H, D)  # BUG  # E: Cannot reshape for "reshape": x has Tensor[2, 5, 32], target is (2, 5, 4, 32); need equal element counts (320 vs 1280)  [shape]
print(heads.transpose(0, 2, 1, 3).shape)
