"""A PyTorch port of `torch.bmm(q, k.transpose(1, 2))`: the axes given to swapaxes were the
batch and time axes."""
import typedflux as tf

q = tf.randn(4, 7, 16)
k = tf.randn(4, 9, 16)
scores = q @ k.swapaxes(0, 1)  # BUG  # E: Inner dimensions differ for "matmul": x has Tensor[4, 7, 16], w has Tensor[9, 4, 16]; need x.shape[-1] == w.shape[-2] (16 vs 4)  [shape]
print(scores.shape)
