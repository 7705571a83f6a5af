"""A character CNN: embeddings are laid out as a one-row image with the embedding as the
channels; the singleton axis was put in the channel slot."""
from typing import Final

import typedflux as tf
from typedflux import Conv, Embedding, relu

D: Final = 8
embed = Embedding(30, D)
conv = Conv((1, 3), D, 16, relu)
ids = tf.tensor([[1, 5, 9, 2, 7, 3], [4, 4, 8, 1, 0, 0]])
e = embed(ids)
img = e[:, None, :, :]
print(conv(img).shape)  # BUG  # E: Conv((1, 3), 8 => 16, relu) expects input Tensor[B, 8, H, W], got Tensor[2, 1, 6, 8]; need size 8 at axis 1 (got 1)  [shape]
