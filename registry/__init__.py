"""Street Office Registry's core: domain, rules, storage and operations. Imports no Qt."""

import logging

__version__ = "0.1.0"

# The program that uses the core decides where its log goes (the desktop program writes a
# rotating file); without one, warnings such as the SQLite version check stay quiet.
logging.getLogger(__name__).addHandler(logging.NullHandler())
