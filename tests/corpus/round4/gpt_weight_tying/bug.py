"""Weight tying: logits from the token embedding's weight, multiplied without the transpose."""
import typedflux as tf
from typedflux import Embedding, LayerNorm

wte = Embedding(50, 16)
ln_f = LayerNorm(16)
ids = tf.tensor([[1, 2, 3, 4]])
h = ln_f(wte(ids))
logits = h @ wte.weight  # BUG  # E: Inner dimensions differ for "matmul": x has Tensor[1, 4, 16], w has Tensor[50, 16]; need x.shape[-1] == w.shape[-2] (16 vs 50); did you mean to transpose w (w.T)?  [shape]
print(logits.shape)
