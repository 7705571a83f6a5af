"""ResNet-18 as torchvision writes it, end to end on random data (tiny sizes)."""
import os
import tempfile
from typing import List, Optional, Type, TypeVar

import numpy as np

import typedflux as tf
from typedflux import (AdaptiveMeanPool, BatchNorm, Chain, Conv, Dense, Flatten, MaxPool,
                       Tensor, relu)

B = TypeVar("B", bound=int)


def conv3x3(in_planes: int, out_planes: int, stride: int = 1) -> Conv:
    return Conv((3, 3), in_planes, out_planes, stride=stride, pad=1, bias=False)


def conv1x1(in_planes: int, out_planes: int, stride: int = 1) -> Conv:
    return Conv((1, 1), in_planes, out_planes, stride=stride, bias=False)


class BasicBlock:
    expansion: int = 1

    def __init__(self, inplanes: int, planes: int, stride: int = 1,
                 downsample: Optional[Chain] = None) -> None:
        self.conv1 = conv3x3(inplanes, planes, stride)
        self.bn1 = BatchNorm(planes)
        self.conv2 = conv3x3(planes, planes)
        self.bn2 = BatchNorm(planes)
        self.downsample = downsample
        self.stride = stride

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        identity = x
        out = self.conv1(x)
        out = self.bn1(out)
        out = relu(out)
        out = self.conv2(out)
        out = self.bn2(out)
        if self.downsample is not None:
            identity = self.downsample(x)
        out += identity
        out = relu(out)
        return out


class ResNet:
    def __init__(self, block: Type[BasicBlock], layers: List[int], num_classes: int = 10,
                 width: int = 8) -> None:
        self.inplanes = width
        self.conv1 = Conv((7, 7), 3, self.inplanes, stride=2, pad=3, bias=False)
        self.bn1 = BatchNorm(self.inplanes)
        self.maxpool = MaxPool((3, 3), stride=2, pad=1)
        self.layer1 = self._make_layer(block, width, layers[0])
        self.layer2 = self._make_layer(block, width * 2, layers[1], stride=2)
        self.layer3 = self._make_layer(block, width * 4, layers[2], stride=2)
        self.layer4 = self._make_layer(block, width * 8, layers[3], stride=2)
        self.avgpool = AdaptiveMeanPool((1, 1))
        self.fc = Dense(width * 8 * block.expansion, num_classes)

    def _make_layer(self, block: Type[BasicBlock], planes: int, blocks: int,
                    stride: int = 1) -> Chain:
        downsample = None
        if stride != 1 or self.inplanes != planes * block.expansion:
            downsample = Chain(conv1x1(self.inplanes, planes * block.expansion, stride),
                               BatchNorm(planes * block.expansion))
        layers = []
        layers.append(block(self.inplanes, planes, stride, downsample))
        self.inplanes = planes * block.expansion
        for _ in range(1, blocks):
            layers.append(block(self.inplanes, planes))
        return Chain(*layers)

    def __call__(self, x: tf.Tensor) -> tf.Tensor:
        x = self.conv1(x)
        x = self.bn1(x)
        x = relu(x)
        x = self.maxpool(x)
        x = self.layer1(x)
        x = self.layer2(x)
        x = self.layer3(x)
        x = self.layer4(x)
        x = self.avgpool(x)
        x = tf.flatten(x)
        x = self.fc(x)
        return x


def resnet18(num_classes: int = 10) -> ResNet:
    return ResNet(BasicBlock, [2, 2, 2, 2], num_classes)


model = resnet18(10)
rng = np.random.default_rng(0)
images = tf.tensor(rng.standard_normal((8, 3, 32, 32)).astype(np.float32))
targets = tf.onehot(rng.integers(0, 10, 8).tolist(), 10)
opt = tf.setup(tf.Momentum(0.01, 0.9), model)
for step in range(2):
    loss, grads = tf.withgradient(lambda m: tf.losses.logitcrossentropy(m(images), targets), model)
    opt, model = tf.update(opt, model, grads[0])
    print(step, loss.item())
tf.testmode(model)
logits = model(images[:2])
print(logits.shape, tf.argmax(logits, axis=1).shape)
acc = (tf.onecold(model(images)).numpy() == tf.onecold(targets).numpy()).mean()
print(acc)
d = tempfile.mkdtemp()
p = os.path.join(d, "r18.safetensors")
tf.save(model, p)
m2 = resnet18(10)
tf.load(m2, p)
tf.testmode(m2)
print(np.allclose(m2(images[:2]).numpy(), logits.numpy(), atol=1e-5))
os.remove(p)
os.rmdir(d)
