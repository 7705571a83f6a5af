"""Matrix factorisation with per-user and per-item biases: the bias embeddings give a
column, added to the vector of dot products, so the prediction is a matrix."""
import typedflux as tf
from typedflux import Embedding

users, items = Embedding(50, 8), Embedding(30, 8)
user_bias, item_bias = Embedding(50, 1), Embedding(30, 1)
uid = tf.tensor([1, 4, 7, 9, 2, 0])
iid = tf.tensor([3, 3, 8, 1, 0, 29])
ratings = tf.rand(6) * 5
dots = (users(uid) * items(iid)).sum(axis=1)
pred = dots + user_bias(uid)[:, 0] + item_bias(iid)[:, 0]
print(tf.losses.mse(pred, ratings).item())
