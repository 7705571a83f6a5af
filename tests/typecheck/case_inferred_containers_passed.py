# mypy: allow-redefinition
"""A list of tensors of several shapes passed on by reversed(), zip(), sorted(), a slice or a
dict's values()/items(): the items have unknown shapes, as when read one by one.

Written as users write a U-Net (the README's setting, allow_redefinition: ``u`` changes shape
on the way down and up). Before, reversed(skips) gave every skip the first one's shape, so
the decoder's concat was a false 'Sizes differ for "cat"'.
"""

import typedflux as tf
from typedflux import Conv, ConvTranspose, Dense, MaxPool, relu

# A U-Net's skips, appended on the way down, read back in reverse on the way up: the list
# mixes shapes, so reversed(), zip(), a reversed slice, .values() and .items() give tensors of
# unknown shape (they gave the first skip's: a false 'Sizes differ for "cat"').
downs = [Conv((3, 3), 3, 8, relu, pad=1), Conv((3, 3), 8, 16, relu, pad=1)]
pool = MaxPool((2, 2))
u = tf.randn(1, 3, 16, 16)
unet_skips = []
for down in downs:
    u = down(u)
    unet_skips.append(u)
    u = pool(u)
u = Conv((3, 3), 16, 32, relu, pad=1)(u)
ups = [ConvTranspose((2, 2), 32, 16, stride=2), ConvTranspose((2, 2), 16, 8, stride=2)]
fuse = [Conv((3, 3), 32, 16, relu, pad=1), Conv((3, 3), 16, 8, relu, pad=1)]
for up, join, skip in zip(ups, fuse, reversed(unet_skips)):
    u = up(u)
    u = join(tf.cat(u, skip, axis=1))
print(u.shape)
for skip in unet_skips[::-1]:
    print(skip.shape)
levels = {}
levels["p1"] = tf.randn(1, 8, 8, 8)
levels["p2"] = tf.randn(1, 16, 4, 4)
print(Dense(16, 1)(list(levels.values())[-1].mean(axis=(2, 3))).shape)
print(Dense(16, 1)(sorted(levels.items())[1][1].mean(axis=(2, 3))).shape)

# A list whose items all have one shape keeps it through reversed() and zip().
same_skips = [tf.randn(2, 4)]
same_skips.append(tf.randn(2, 4))
for s in reversed(same_skips):
    Dense(5, 1)(s)  # E: Dense(5 => 1) expects input Tensor[..., 5], got Tensor[2, 4]; need size 5 at axis -1 (got 4)  [shape]
