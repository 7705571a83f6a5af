"""GPT's learned positions: the first T rows of the (block_size, n_embd) table are added to
the token embeddings. The slice was taken on the columns."""
import typedflux as tf
from typedflux import Embedding

BLOCK, D, V = 16, 32, 50
wte = Embedding(V, D)
wpe = Embedding(BLOCK, D)
idx = tf.tensor([[3, 1, 4, 1, 5, 9]])
T = idx.shape[1]
x = wte(idx) + wpe.weight[:, :T]  # BUG  # E: Cannot broadcast for "add": x has Tensor[1, 6, 32], y has Tensor[16, 6]; need equal sizes or 1 at axis -2 (6 vs 16)  [shape]
print(x.shape)
