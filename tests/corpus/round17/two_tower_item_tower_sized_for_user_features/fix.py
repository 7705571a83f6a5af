"""A two-tower retrieval model: the user and item towers read their own feature widths and end
at one shared embedding width, so in-batch scores are users @ items.T."""
import typedflux as tf
from typedflux import Chain, Dense, relu

B, USER_F, ITEM_F, D = 8, 30, 12, 16
user_tower = Chain(Dense(USER_F, 64, relu), Dense(64, D))
item_tower = Chain(Dense(ITEM_F, 64, relu), Dense(64, D))
u = user_tower(tf.randn(B, USER_F))
v = item_tower(tf.randn(B, ITEM_F))
logits = u @ v.T
loss = tf.losses.logitcrossentropy(logits, tf.onehot(list(range(B)), B))
print(loss.item())
