"""A PyTorch port of `torch.bmm(q, k.transpose(1, 2))`: the axes given to swapaxes were the
batch and time axes."""
import typedflux as tf

q = tf.randn(4, 7, 16)
k = tf.randn(4, 9, 16)
scores = q @ k.swapaxes(1, 2)
print(scores.shape)
