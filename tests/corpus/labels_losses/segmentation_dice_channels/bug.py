"""A segmentation net outputs 2 mask channels; the ground-truth masks have 1."""
import typedflux as tf
from typedflux import Chain, Conv, relu, sigmoid

seg = Chain(Conv((3, 3), 3, 8, relu, pad=1), Conv((1, 1), 8, 2, sigmoid))
images = tf.randn(2, 3, 8, 8)
masks = tf.rand(2, 1, 8, 8)
print(tf.losses.dice_coeff_loss(seg(images), masks).item())  # BUG  # E: Shapes differ for "dice_coeff_loss": prediction has Tensor[2, 2, 8, 8], target has Tensor[2, 1, 8, 8]; need identical shapes (no broadcasting in losses) (2 vs 1 at axis -3)  [shape]
