"""A LoRA-wrapped projection: y = W x + (alpha / r) * B A x, with A stored (r, in) and B (out, r)
as in peft, so a row batch goes through x @ A.T @ B.T. The down projection was not transposed."""
import typedflux as tf
from typedflux import Dense


class LoRADense:
    def __init__(self, d_in: int, d_out: int, r: int = 8, alpha: float = 16.0) -> None:
        self.base = Dense(d_in, d_out)
        self.lora_A = tf.randn(r, d_in) * 0.01
        self.lora_B = tf.zeros(d_out, r)
        self.scale = alpha / r

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.base(x) + (x @ self.lora_A.T @ self.lora_B.T) * self.scale


q_proj = LoRADense(64, 64)
x = tf.randn(2, 10, 64)
h = x @ q_proj.lora_A  # BUG  # E: Inner dimensions differ for "matmul": x has Tensor[2, 10, 64], w has Tensor[8, 64]; need x.shape[-1] == w.shape[-2] (64 vs 8); did you mean to transpose w (w.T)?  [shape]
print((q_proj.base(x) + h @ q_proj.lora_B.T * q_proj.scale).shape)
