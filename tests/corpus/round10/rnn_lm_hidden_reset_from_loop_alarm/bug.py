"""An RNN language model keeps its hidden state on an attribute; the training loop resets it
for the batch. The output layer was sized for the embedding width instead of the hidden width.
The reset is correct (plain mypy is silent, it runs) but is reported."""
import typedflux as tf
from typedflux import GRU, Dense, Embedding


class RNNLM:
    def __init__(self, vocab: int, hidden: int) -> None:
        self.emb = Embedding(vocab, 8)
        self.rnn = GRU(8, hidden, return_state=True)
        self.out = Dense(8, vocab)
        self.hidden = tf.zeros(1, hidden)

    def __call__(self, idx: tf.Tensor) -> tf.Tensor:
        y, self.hidden = self.rnn(self.emb(idx), self.hidden)
        return self.out(y)


lm = RNNLM(20, 16)
lm.hidden = tf.zeros(4, 16)
print(lm(tf.tensor([[1, 2]] * 4)).shape)  # BUG  # E: Dense(8 => 20) expects input Tensor[..., 8], got Tensor[4, 2, 16]; need size 8 at axis -1 (got 16)  [shape]
