"""Blocks nested three Chains deep; the outer head expects the width of an inner layer."""
import typedflux as tf
from typedflux import Chain, Dense, relu

block1 = Chain(Dense(4, 8, relu), Dense(8, 8, relu))
block2 = Chain(block1, Chain(Dense(8, 16, relu), Dense(16, 16, relu)))
model = Chain(block2, Dense(16, 2))
print(model(tf.randn(5, 4)).shape)
