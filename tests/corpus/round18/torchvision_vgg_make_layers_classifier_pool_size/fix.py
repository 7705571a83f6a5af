"""torchvision's VGG: make_layers(cfg, batch_norm) walks a cfg list of widths and "M" pools,
carrying in_channels = v, the features are pooled to a fixed grid by AdaptiveMeanPool and
flattened, and the classifier's first Dense must read 512 * 7 * 7's small cousin: the last
width times the pooled grid."""
from __future__ import annotations

from typing import Callable, Dict, List, Union

import typedflux as tf
from typedflux import AdaptiveMeanPool, BatchNorm, Chain, Conv, Dense, Dropout, Flatten, MaxPool, relu

cfgs: Dict[str, List[Union[int, str]]] = {"A": [8, "M", 16, "M", 32, 32, "M"], "B": [8, 8, "M", 16, 16, "M", 32, 32, "M"]}


def make_layers(cfg: List[Union[int, str]], batch_norm: bool = False) -> Chain:
    layers: List[Callable[[tf.Tensor], tf.Tensor]] = []
    in_channels = 3
    for v in cfg:
        if v == "M":
            layers += [MaxPool((2, 2))]
        else:
            assert isinstance(v, int)
            conv = Conv((3, 3), in_channels, v, pad=1)
            if batch_norm:
                layers += [conv, BatchNorm(v), relu]
            else:
                layers += [conv, relu]
            in_channels = v
    return Chain(*layers)


class VGG:
    def __init__(self, features: Chain, num_classes: int = 10) -> None:
        self.features = features
        self.avgpool = AdaptiveMeanPool((2, 2))
        self.classifier = Chain(
            Flatten(),
            Dense(32 * 2 * 2, 64, relu),
            Dropout(0.5),
            Dense(64, num_classes),
        )

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        return self.classifier(self.avgpool(self.features(x)))


model = VGG(make_layers(cfgs["A"], batch_norm=True))
logits = model(tf.randn(2, 3, 16, 16))
print(logits.shape)
