"""The store: reports kept in a database (SQLite by default, PostgreSQL by URL).

    from tollbook.store import open_store

    with open_store("sqlite:///tollbook.db") as store:
        store.save(extraction)          # False when the same text is already stored
        for extraction in store.load():  # every report, rebuilt exactly
            ...

`schema` holds the tables (SQLAlchemy Core), `migrations` their versions, `rows` the mapping
between records and rows.
"""

from tollbook.store.database import Store, open_store
from tollbook.store.engine import DEFAULT_URL, StoreError

__all__ = ["DEFAULT_URL", "Store", "StoreError", "open_store"]
