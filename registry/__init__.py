"""Street Office Registry's core: domain, rules, storage and operations. Imports no Qt."""

__version__ = "0.1.0"
