"""A convolutional autoencoder: the transposed conv's padding does not invert the encoder's
stride, so the reconstruction is 30x30 for a 28x28 input."""
import typedflux as tf
from typedflux import Chain, Conv, ConvTranspose, relu, sigmoid

encoder = Chain(Conv((4, 4), 1, 8, relu, stride=2, pad=1), Conv((3, 3), 8, 16, relu, pad=1))
decoder = Chain(ConvTranspose((3, 3), 16, 8, relu, pad=1),
                ConvTranspose((4, 4), 8, 1, sigmoid, stride=2))
x = tf.rand(2, 1, 28, 28)
print(tf.losses.mse(decoder(encoder(x)), x).item())  # BUG  # E: Shapes differ for "mse": prediction has Tensor[2, 1, 30, 30], target has Tensor[2, 1, 28, 28]; need identical shapes (no broadcasting in losses) (30 vs 28 at axis -1)  [shape]
