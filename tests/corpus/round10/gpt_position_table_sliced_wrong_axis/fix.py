"""GPT's learned positions: the first T rows of the (block_size, n_embd) table are added to
the token embeddings. The slice was taken on the columns."""
import typedflux as tf
from typedflux import Embedding

BLOCK, D, V = 16, 32, 50
wte = Embedding(V, D)
wpe = Embedding(BLOCK, D)
idx = tf.tensor([[3, 1, 4, 1, 5, 9]])
T = idx.shape[1]
x = wte(idx) + wpe.weight[:T]
print(x.shape)
