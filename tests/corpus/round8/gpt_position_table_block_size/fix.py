"""GPT's learned positions: the table is read for the whole block size instead of the
prompt's length."""
from typing import Final

import typedflux as tf
from typedflux import Embedding

VOCAB: Final = 50
BLOCK: Final = 16
D: Final = 32
wte, wpe = Embedding(VOCAB, D), Embedding(BLOCK, D)

idx = tf.tensor([[3, 7, 1, 9, 2], [4, 4, 0, 8, 6]])
T = idx.shape[1]
x = wte(idx) + wpe(tf.arange(T))
print(x.shape)
