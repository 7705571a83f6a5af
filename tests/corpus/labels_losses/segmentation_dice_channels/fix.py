"""A segmentation net outputs 2 mask channels; the ground-truth masks have 1."""
import typedflux as tf
from typedflux import Chain, Conv, relu, sigmoid

seg = Chain(Conv((3, 3), 3, 8, relu, pad=1), Conv((1, 1), 8, 1, sigmoid))
images = tf.randn(2, 3, 8, 8)
masks = tf.rand(2, 1, 8, 8)
print(tf.losses.dice_coeff_loss(seg(images), masks).item())
