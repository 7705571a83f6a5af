"""TabNet's attentive transformer: the attention half of the previous step's output goes through
a Dense to one logit per input feature, is scaled by the prior and normalised into the feature
mask; the Dense was sized to the decision width instead of the number of features."""
import typedflux as tf
from typedflux import BatchNorm, Dense

N_FEATURES, N_D, N_A = 12, 8, 6


class AttentiveTransformer:
    def __init__(self, n_a: int, n_out: int) -> None:
        self.fc = Dense(n_a, n_out)
        self.bn = BatchNorm(n_out)

    def __call__(self, a: tf.Tensor, prior: tf.Tensor) -> tf.Tensor:
        return tf.softmax(prior * self.bn(self.fc(a)), axis=-1)


att = AttentiveTransformer(N_A, N_D)
x = tf.randn(4, N_FEATURES)
prior = tf.ones(4, N_FEATURES)
a = tf.randn(4, N_A)
mask = att(a, prior)  # BUG  # E: Cannot broadcast for "mul": x has Tensor[4, 12], y has Tensor[4, 8]; need equal sizes or 1 at axis -1 (12 vs 8)  [shape]
print((x * mask).shape)
