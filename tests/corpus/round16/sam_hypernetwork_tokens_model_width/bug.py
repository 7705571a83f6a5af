"""SAM's mask decoder: each output token goes through a hypernetwork MLP to the upscaled
embedding's 4 channels (D/8), then a dot product with every pixel gives one mask per token; the
MLP's last layer kept the model width D."""
import typedflux as tf
from typedflux import Chain, Dense, relu

B, K, D, H, W = 2, 4, 32, 16, 16
tokens = tf.randn(B, K, D)
upscaled = tf.randn(B, D // 8, H, W)
hyper = Chain(Dense(D, D, relu), Dense(D, D))
masks = (hyper(tokens) @ upscaled.reshape(B, D // 8, H * W)).reshape(B, K, H, W)  # BUG  # E: Inner dimensions differ for "matmul": x has Tensor[2, 4, 32], w has Tensor[2, 4, 256]; need x.shape[-1] == w.shape[-2] (32 vs 4); did you mean to swap the last two axes of x (swapaxes(x, -1, -2))?  [shape]
print(masks.shape)
