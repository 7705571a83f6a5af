"""Lists and dicts typed by their first items, then given items of other sizes.

mypy types ``[Dense(784, 256)]`` as ``list[Dense[784, 256]]`` and ``{"x": tf.randn(2, 3)}`` as
``dict[str, Tensor[2, 3]]`` (plain mypy's ``Dense[Any, Any]`` took any Dense); but a Python
list or dict holds values of any size. So adding one of other sizes to such a container, by
``append``, ``insert``, ``extend``, ``+=``, ``xs[i] = ...`` or ``d[k] = ...``, is not an error,
and what is read from it afterwards (``xs[i]``, ``pop``, ``d[k]``, ``d.get(k)``, a ``for``
loop's item) has unknown sizes. A container whose type is declared holds that type only.
"""

from typing import Dict, List, Optional

import typedflux as tf
from typedflux import Chain, Conv, Dense, Tensor, relu


def mlp_layers(widths: List[int]) -> Chain:
    layers = [Dense(784, widths[0], relu)]
    for a, b in zip(widths, widths[1:]):
        layers.append(Dense(a, b, relu))
    layers.append(Dense(widths[-1], 10))
    return Chain(*layers)


def fixed_stack() -> None:
    mlp = [Dense(784, 256, relu)]
    mlp.append(Dense(256, 128, relu))
    mlp.insert(2, Dense(128, 10))
    x = tf.randn(2, 784)
    for layer in mlp:
        x = layer(x)
    print(mlp[1](tf.randn(2, 256)).shape, mlp.pop()(tf.randn(2, 128)).shape)


def conv_stack() -> None:
    convs = [Conv((3, 3), 3, 16, relu)]
    convs += [Conv((3, 3), 16, 32, relu)]
    convs.extend([Conv((3, 3), 32, 64)])
    convs[0] = Conv((1, 1), 3, 16)
    h = tf.randn(1, 3, 16, 16)
    for conv in convs:
        h = conv(h)
    print(h.shape)


heads = {"age": Dense(8, 1)}
heads["gender"] = Dense(8, 2)
got: Optional[Dense] = heads.get("gender")
print(heads["gender"](tf.randn(5, 8)).shape, got)

saved = {"x": tf.randn(2, 3)}
saved["y"] = tf.randn(2, 4)
print((saved["y"] @ tf.randn(4, 7)).shape)

mlp_layers([256, 128])
fixed_stack()
conv_stack()

# Declared containers hold their declared type.
declared: Dict[str, Tensor[2, 3]] = {}
declared["y"] = tf.randn(2, 4)  # E: Assigned shape Tensor[2, 4] does not match the annotation Tensor[2, 3] of "declared[...]": axis 1 is 4, expected 3  [shape]
skips: List[Tensor[2, 3]] = []
skips.append(tf.randn(2, 4))  # E: Assigned shape Tensor[2, 4] (appended item) does not match the annotation Tensor[2, 3] of "skips": axis 1 is 4, expected 3  [shape]
