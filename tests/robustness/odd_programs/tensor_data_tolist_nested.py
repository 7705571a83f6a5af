"""Data made from tensors: tolist of a scalar, of a matrix, through a walrus."""
import typedflux as tf

m = tf.randn(3, 2)
rows = m.numpy().tolist()
print(tf.tensor(rows).shape)
s = m.sum().numpy().tolist()
print(tf.tensor(s).shape)
if (flat := m.reshape(6).numpy().tolist()):
    print(tf.onehot([int(abs(v)) % 4 for v in flat], 4).shape)
