"""Neural collaborative filtering (NeuMF): a GMF branch (user and item embeddings multiplied)
and an MLP tower over the two other embeddings concatenated; the prediction layer reads both
branches concatenated, but was sized for the GMF branch alone."""
import typedflux as tf
from typedflux import Dense, Embedding, relu, sigmoid


class NeuMF:
    def __init__(self, n_users: int, n_items: int, k: int = 8, m: int = 16) -> None:
        self.gmf_u = Embedding(n_users, k)
        self.gmf_i = Embedding(n_items, k)
        self.mlp_u = Embedding(n_users, m)
        self.mlp_i = Embedding(n_items, m)
        self.tower1 = Dense(2 * m, 16, relu)
        self.tower2 = Dense(16, 8, relu)
        self.predict = Dense(k, 1, sigmoid)

    def __call__(self, users: tf.Tensor, items: tf.Tensor) -> tf.Tensor:
        gmf = self.gmf_u(users) * self.gmf_i(items)
        mlp = self.tower2(self.tower1(tf.cat(self.mlp_u(users), self.mlp_i(items), axis=-1)))
        return self.predict(tf.cat(gmf, mlp, axis=-1))


model = NeuMF(100, 50)
scores = model(tf.tensor([[1, 2, 3]]), tf.tensor([[4, 5, 6]]))  # BUG  # E: Dense(8 => 1, sigmoid) expects input Tensor[..., 8], got Tensor[1, 3, 16]; need size 8 at axis -1 (got 16)  [shape]
print(scores.shape)
