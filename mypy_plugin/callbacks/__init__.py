"""The plugin's callbacks, one module per concept (annotations, tensor ops, ...)."""
