"""RoBERTa's classification head: take the <s> token, dropout, a Dense(hidden, hidden) with
tanh, dropout, then out_proj Dense(hidden, num_labels); out_proj was written with its sizes
swapped."""
import typedflux as tf
from typedflux import Dense, Dropout, Embedding, LayerNorm, MultiHeadAttention, tanh


class ClassificationHead:
    def __init__(self, hidden: int, labels: int, p: float = 0.1) -> None:
        self.dropout = Dropout(p)
        self.dense = Dense(hidden, hidden, tanh)
        self.out_proj = Dense(hidden, labels)

    def __call__(self, features: tf.Tensor) -> tf.Tensor:
        x = self.dropout(features[:, 0, :])
        x = self.dropout(self.dense(x))
        return self.out_proj(x)


emb = Embedding(100, 48)
layer = MultiHeadAttention(48, 4)
norm = LayerNorm(48)
head = ClassificationHead(48, 3)
ids = tf.tensor([[0, 5, 6, 7, 2], [0, 8, 9, 2, 1]])
h = emb(ids)
h = norm(h + layer(h))
logits = head(h)
print(tf.losses.logitcrossentropy(logits, tf.onehot([0, 2], 3)).item())
