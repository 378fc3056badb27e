"""What a PostgreSQL server must be for this program, checked at every connect: refused in a
plain sentence for the IT person when it can't hold a register, warned when it can but
slowly, each with the fix.

- A server older than MIN_SERVER: refused (the SQL the program writes needs it).
- A database not in UTF-8: refused (names would not survive).
- A database whose character type is C or POSIX (`initdb --no-locale`, common on servers):
  pg_trgm then makes no trigrams of Chinese (show_trgm('潘一博') is empty), so its name index
  matches every row. Searches then walk the program's own name keys instead (queries/search.py
  asks cjk_trigrams()), and the IT person is told how to make a database that indexes Chinese.
- No pg_trgm: warned, with the statement that installs it.
- The account connected: refused without the rights the program's work needs, warned with
  far more (a superuser, the owner, CREATEROLE...): storage/server_account.py.
"""

from __future__ import annotations

from dataclasses import dataclass

from peewee import Database, DatabaseError

from registry.storage import server_account
from registry.storage.server_roles import RECREATE
from registry.texts import msg

MIN_SERVER = 120000  # PostgreSQL 12: generated columns, partitioned indexes, ON CONFLICT as used
MIN_SERVER_NAME = "12"


class ServerRefused(Exception):
    """The server can't hold a register; str() says why and what to do, in plain Chinese."""


@dataclass(frozen=True)
class ServerFacts:
    version: int  # server_version_num
    encoding: str
    ctype: str
    trigram: bool  # pg_trgm installed in this database
    cjk_trigrams: bool  # and it makes trigrams of Chinese


_facts: ServerFacts | None = None  # of the server this process is connected to


def read_facts(db: Database) -> ServerFacts:
    version = int(db.execute_sql("SHOW server_version_num").fetchone()[0])
    encoding, ctype = db.execute_sql(
        "SELECT pg_encoding_to_char(encoding), datctype FROM pg_database WHERE datname = current_database()"
    ).fetchone()
    trigram = db.execute_sql("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'").fetchone() is not None
    cjk = False
    if trigram:
        try:
            with db.atomic():  # a savepoint: a failure here leaves the connection usable
                cjk = db.execute_sql("SELECT cardinality(show_trgm('潘一博')) > 0").fetchone()[0]  # zh-data
        except DatabaseError:
            cjk = False
    return ServerFacts(version, str(encoding), str(ctype), trigram, bool(cjk))


def check_server(db: Database) -> list[str]:
    """Refuse (ServerRefused) what can't hold a register; return warnings for the rest."""
    global _facts
    facts = read_facts(db)
    if facts.version < MIN_SERVER:
        major = facts.version // 10000
        shown = str(major) if major >= 10 else f"{major}.{facts.version // 100 % 100}"  # 9.6, 10, 11
        raise ServerRefused(msg("数据库服务器是 PostgreSQL {found}，本程序需要 {needed} 或更新的版本。"
                                "请信息科升级服务器后再连接。", found=shown, needed=MIN_SERVER_NAME))
    if facts.encoding.upper() not in ("UTF8", "UTF-8"):
        raise ServerRefused(msg("服务器上的登记库数据库编码是 {encoding}，不是 UTF8，中文姓名无法可靠保存。"
                                "请信息科按说明新建一个 UTF8 的数据库：{sql}", encoding=facts.encoding, sql=RECREATE))
    _facts = facts
    warnings = []
    if not facts.trigram:
        warnings.append(msg("服务器上没有安装 pg_trgm 扩展，按姓名查找会较慢。"
                            "请信息科以数据库管理员身份在登记库中执行：CREATE EXTENSION pg_trgm;"))
    elif not facts.cjk_trigrams:
        warnings.append(msg("服务器上的登记库数据库字符类型是“{ctype}”，无法为中文姓名建立索引，按姓名查找会较慢"
                            "（程序已改用自己的姓名索引）。请信息科按说明新建数据库：{sql}"
                            "再用 migrate-to 把登记库迁移过去。", ctype=facts.ctype, sql=RECREATE))
    try:
        warnings.extend(server_account.check_account(db))
    except server_account.AccountRefused as exc:
        raise ServerRefused(str(exc)) from exc
    return warnings


def cjk_trigrams() -> bool:
    """Whether the connected server's trigram index answers a search for a Chinese name."""
    return _facts is not None and _facts.cjk_trigrams


def forget() -> None:
    global _facts
    _facts = None
