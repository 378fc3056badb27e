"""Street Office Registry's core: domain, rules, storage and operations. Imports no Qt."""

import logging

from registry.storage import postgres_driver

__version__ = "0.1.0"

# The program that uses the core decides where its log goes (the desktop program writes a
# rotating file); without one, warnings such as the SQLite version check stay quiet.
logging.getLogger(__name__).addHandler(logging.NullHandler())

# peewee without psycopg: a SQLite register never needs the PostgreSQL driver, which is slow
# to import; a postgresql:// URL loads it (storage/postgres_driver.py)
postgres_driver.import_peewee()
