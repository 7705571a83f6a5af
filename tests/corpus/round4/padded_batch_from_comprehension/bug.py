"""Sizes from the data (len, max of a list) are unknown: only the literal mismatch is an error."""
import typedflux as tf

sentences = [[1, 2, 3], [4, 5], [6]]
longest = max(len(s) for s in sentences)
padded = tf.tensor([s + [0] * (longest - len(s)) for s in sentences])
mask = padded > 0
emb = tf.randn(len(sentences), longest, 8)
pooled = (emb * mask[:, :, None]).sum(axis=1) / mask.sum(axis=1, keepdims=True)
proj = tf.randn(6, 4)
print((pooled @ proj).shape)  # BUG  # E: Inner dimensions differ for "matmul": x has Tensor[3, 8], w has Tensor[6, 4]; need x.shape[-1] == w.shape[-2] (8 vs 6)  [shape]
