"""Wide & deep on tabular data: two categorical embeddings and the numeric features are
concatenated; the deep tower's input width counts the second embedding at 8."""
import typedflux as tf
from typedflux import Chain, Dense, Embedding, relu

country = Embedding(50, 8)
device = Embedding(4, 4)
deep = Chain(Dense(8 + 4 + 5, 32, relu), Dense(32, 1))
country_ids = tf.tensor([[3], [17], [42]])
device_ids = tf.tensor([[0], [2], [1]])
numeric = tf.randn(3, 5)
x = tf.concat([country(country_ids)[:, 0], device(device_ids)[:, 0], numeric], axis=-1)
print(deep(x).shape)
