"""Two-tower retrieval: user and item towers scored by a dot product; the clicks were kept
as a column for the loss."""
import typedflux as tf
from typedflux import Chain, Dense, relu

user_tower = Chain(Dense(12, 32, relu), Dense(32, 16))
item_tower = Chain(Dense(20, 32, relu), Dense(32, 16))
u, i = user_tower(tf.randn(8, 12)), item_tower(tf.randn(8, 20))
score = (u * i).sum(axis=1)
clicks = tf.rand(8)
print(tf.losses.logitbinarycrossentropy(score, clicks).item())
