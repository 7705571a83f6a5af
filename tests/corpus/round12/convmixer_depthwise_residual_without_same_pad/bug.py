"""ConvMixer: a patch embedding, then blocks of a depthwise conv added back to its input (the
residual) and a pointwise conv; the depthwise kernel was given no padding, so its output is
smaller than the input it is added to."""
import typedflux as tf
from typedflux import BatchNorm, Chain, Conv, GlobalMeanPool, Flatten, Dense, gelu

DIM, K, P = 32, 5, 4
embed = Chain(Conv((P, P), 3, DIM, gelu, stride=P), BatchNorm(DIM))
depthwise = Chain(Conv((K, K), DIM, DIM, gelu, groups=DIM), BatchNorm(DIM))
pointwise = Chain(Conv((1, 1), DIM, DIM, gelu), BatchNorm(DIM))
head = Chain(GlobalMeanPool(), Flatten(), Dense(DIM, 10))
x = embed(tf.randn(2, 3, 32, 32))
x = depthwise(x) + x  # BUG  # E: Cannot broadcast for "add": x has Tensor[2, 32, 4, 4], y has Tensor[2, 32, 8, 8]; need equal sizes or 1 at axis -2 (4 vs 8)  [shape]
x = pointwise(x)
print(head(x).shape)
