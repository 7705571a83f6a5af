"""Blocks nested three Chains deep; the outer head expects the width of an inner layer."""
import typedflux as tf
from typedflux import Chain, Dense, relu

block1 = Chain(Dense(4, 8, relu), Dense(8, 8, relu))
block2 = Chain(block1, Chain(Dense(8, 16, relu), Dense(16, 16, relu)))
model = Chain(block2, Dense(8, 2))  # BUG  # E: Chain layer 2 Dense(8 => 2) expects input Tensor[..., 8], but layer 1 Chain(Chain(Dense(4 => 8, relu), Dense(8 => 8, relu)), Chain(Dense(8 => 16, relu), Dense(16 => 16, relu))) produces Tensor[B, 16]; change Dense(8 => 2) to Dense(16 => 2)  [shape]
print(model(tf.randn(5, 4)).shape)
