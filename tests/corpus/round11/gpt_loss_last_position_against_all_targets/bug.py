"""The training loss of a GPT compares every position's logits with the next tokens; the forward
used at generation time (logits of the last position only) was called for training."""
import typedflux as tf
from typedflux import Dense, Embedding, LayerNorm

VOCAB, D, B, T = 20, 16, 2, 6


class TinyGPT:
    def __init__(self) -> None:
        self.tok = Embedding(VOCAB, D)
        self.ln = LayerNorm(D)
        self.head = Dense(D, VOCAB)

    def logits_all(self, idx: tf.Tensor) -> tf.Tensor:
        return self.head(self.ln(self.tok(idx)))


model = TinyGPT()
idx = tf.tensor([[1, 2, 3, 4, 5, 6], [6, 5, 4, 3, 2, 1]])
targets = tf.tensor([[2, 3, 4, 5, 6, 7], [5, 4, 3, 2, 1, 0]])
logits = model.logits_all(idx)[:, -1, :]
loss = tf.losses.logitcrossentropy(logits.reshape(-1, VOCAB), tf.onehot(targets.reshape(-1), VOCAB))  # BUG  # E: Shapes differ for "logitcrossentropy": prediction has Tensor[2, 20], target has Tensor[12, 20]; need identical shapes (no broadcasting in losses) (2 vs 12 at axis -2)  [shape]
print(loss.item())
