"""Tensors made from Python lists: literals, repetitions, comprehensions, zip, filtering, padding."""
import typedflux as tf
from typedflux import Dense, Embedding

a = tf.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
b = tf.tensor([[0.0] * 4 for _ in range(3)])
c = tf.tensor([[float(i * j) for j in range(5)] for i in range(2)])
d = tf.tensor([x for x in range(10) if x % 2 == 0])
e = tf.tensor([[1, 2, 3] + [0] * 2, [4, 5] + [0] * 3])
rows = [[1, 2], [3, 4, 5], [6]]
width = max(len(r) for r in rows)
padded = tf.tensor([r + [0] * (width - len(r)) for r in rows])
pairs = tf.tensor([[p, q] for p, q in zip(range(4), range(4, 8))])
print(Dense(3, 1)(a).shape, Dense(4, 1)(b).shape, Dense(5, 1)(c).shape, d.shape, e.shape)
print(Embedding(10, 2)(padded).shape, Embedding(10, 3)(e).shape, pairs.shape)
sent = "the cat sat on the mat".split()
vocab = {w: i for i, w in enumerate(sorted(set(sent)))}
ids = tf.tensor([[vocab[w] for w in sent]])
print(Embedding(len(vocab), 4)(ids).shape, Dense(4, 1)(Embedding(len(vocab), 4)(ids)).shape)
grid = tf.tensor([[[0.0] * 2] * 3] * 4)
print(grid.shape, Dense(2, 1)(grid).shape)
