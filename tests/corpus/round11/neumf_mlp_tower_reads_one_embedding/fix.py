"""NeuMF's MLP tower takes the concatenation of the user and the item embeddings (2 * d); its
first layer was sized for one embedding."""
import typedflux as tf
from typedflux import Chain, Dense, Embedding, relu, sigmoid

USERS, ITEMS, D = 50, 80, 16
user_emb = Embedding(USERS, D)
item_emb = Embedding(ITEMS, D)
mlp = Chain(Dense(2 * D, 32, relu), Dense(32, 16, relu), Dense(16, 8, relu))
gmf_user = Embedding(USERS, 8)
gmf_item = Embedding(ITEMS, 8)
predict = Dense(16, 1, sigmoid)
users = tf.tensor([3, 7, 9])
items = tf.tensor([1, 2, 60])
mlp_out = mlp(tf.concat([user_emb(users), item_emb(items)], axis=-1))
gmf_out = gmf_user(users) * gmf_item(items)
print(predict(tf.concat([gmf_out, mlp_out], axis=-1)).shape)
