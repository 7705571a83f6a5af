"""A YOLOv3/FPN neck: the deep map is reduced by a 1x1 conv, upsampled 2x and concatenated with
the shallower map; a conv then fuses them. The fusing conv counts only the shallow channels."""
import typedflux as tf
from typedflux import Chain, Conv, Upsample, leakyrelu

reduce = Chain(Conv((1, 1), 512, 128, leakyrelu), Upsample(2))
fuse = Conv((3, 3), 128 + 256, 256, leakyrelu, pad=1)
deep = tf.randn(2, 512, 8, 8)
shallow = tf.randn(2, 256, 16, 16)
y = fuse(tf.cat(reduce(deep), shallow, axis=1))
print(y.shape)
