"""Hints after a repeated block (or a line written twice, after a lambda too) keep the width
the copies give: "change X to Y" prefers a fix that gives back the Chain's input size (as a
residual branch must), but not when the failing layer is a copy of the one before: nothing
says that Chain must give its input back, and keeping the copy's output size is the smaller
change. A GPT MLP's down projection is no copy and still gets the reversed Dense. A norm that
starts the check after a lambda (its input unknown) is named first when the layer before the
lambda already gives what the layer after the norm expects. Each fix applies the first hint
and composes; the run time's constructor raises the same words.
"""

import typedflux as tf
from typedflux import Chain, Dense, LayerNorm, SkipConnection

D = 64

widening = Chain(*[Dense(D, 2 * D) for _ in range(2)])  # E: Chain layer 2 Dense(64 => 128) expects input Tensor[..., 64], but layer 1 Dense(64 => 128) produces Tensor[B, 128]; change Dense(64 => 128) to Dense(128 => 128)  [shape]
widening_fixed = Chain(Dense(D, 2 * D), Dense(2 * D, 2 * D))

twice = Chain(Dense(32, 128), Dense(32, 128))  # E: Chain layer 2 Dense(32 => 128) expects input Tensor[..., 32], but layer 1 Dense(32 => 128) produces Tensor[B, 128]; change Dense(32 => 128) to Dense(128 => 128)  [shape]
twice_fixed = Chain(Dense(32, 128), Dense(128, 128))

after_lambda = Chain(lambda h: 2 * h, Dense(64, 128), Dense(64, 128))  # E: Chain layer 3 Dense(64 => 128) expects input Tensor[..., 64], but layer 2 Dense(64 => 128) produces Tensor[B, 128]; change Dense(64 => 128) to Dense(128 => 128)  [shape]
after_lambda_fixed = Chain(lambda h: 2 * h, Dense(64, 128), Dense(128, 128))

mlp = SkipConnection(Chain(LayerNorm(32), Dense(32, 128, tf.gelu), Dense(32, 128)), tf.add)  # E: Chain layer 3 Dense(32 => 128) expects input Tensor[..., 32], but layer 2 Dense(32 => 128, gelu) produces Tensor[..., 128]; change Dense(32 => 128) to Dense(128 => 32)  [shape]
mlp_fixed = SkipConnection(Chain(LayerNorm(32), Dense(32, 128, tf.gelu), Dense(128, 32)), tf.add)

normed = Chain(Dense(32, 64), lambda h: 2 * h, LayerNorm(256), Dense(64, 10))  # E: Chain layer 4 Dense(64 => 10) expects input Tensor[..., 64], but layer 3 LayerNorm(256) produces Tensor[..., 256]; change LayerNorm(256) to LayerNorm(64), or Dense(64 => 10) to Dense(256 => 10)  [shape]
normed_fixed = Chain(Dense(32, 64), lambda h: 2 * h, LayerNorm(64), Dense(64, 10))

x = tf.zeros(2, 5, 32)
u = normed_fixed(x)
y = mlp_fixed(x)
z = twice_fixed(x)
w = after_lambda_fixed(tf.zeros(2, 64))
v = widening_fixed(tf.zeros(3, 64))
