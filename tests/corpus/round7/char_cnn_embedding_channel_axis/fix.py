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
img = e.swapaxes(1, 2)[:, :, None, :]
print(conv(img).shape)
