"""typedflux's mypy plugin: enable with ``plugins = ["mypy_plugin"]``."""

from __future__ import annotations

from mypy.plugin import Plugin


class TypedfluxPlugin(Plugin):
    """Proves tensor shapes at type-check time."""


def plugin(version: str) -> type[Plugin]:
    """mypy's entry point."""
    return TypedfluxPlugin
