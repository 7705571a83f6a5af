"""Res2Net's hierarchical split: the 32 channels are cut into four groups; the first passes
through, each next one is convolved with the previous result added; all four are joined
before the 1x1 fuse. The join left out the first group."""
import typedflux as tf
from typedflux import Conv, relu

x = tf.randn(2, 32, 8, 8)
xs = tf.chunk(x, 4, axis=1)
convs = [Conv((3, 3), 8, 8, relu, pad=1) for _ in range(3)]
ys = [xs[0]]
prev = convs[0](xs[1])
ys.append(prev)
for i in range(2, 4):
    prev = convs[i - 1](xs[i] + prev)
    ys.append(prev)
fuse = Conv((1, 1), 32, 64)
out = fuse(tf.cat(*ys[1:], axis=1))  # BUG[gap checker: ys is a list grown by .append in a loop of known count (range(2, 4)), so tf.cat(*ys[1:], axis=1) has an unknown channel count (each item is Tensor[2, 8, 8, 8], the length is not kept) and the 24 channels never meet Conv((1, 1), 32 => 64)]
print(out.shape)
