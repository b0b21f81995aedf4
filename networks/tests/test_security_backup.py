"""`make backup` / `make restore`: a backup restored into a scratch database has every row."""

import os
import subprocess
import uuid
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

BASE_DIR = Path(settings.BASE_DIR)


def _url(db: dict, name: str) -> str:
    auth = db["USER"] + (f":{db['PASSWORD']}" if db.get("PASSWORD") else "")
    return f"postgres://{auth}@{db.get('HOST') or '127.0.0.1'}:{db.get('PORT') or 5432}/{name}"


def _row_counts(cursor) -> dict[str, int]:
    cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")
    tables = [row[0] for row in cursor.fetchall()]
    counts = {}
    for table in tables:
        cursor.execute(f'SELECT count(*) FROM "{table}"')  # noqa: S608 (names from the catalogue)
        counts[table] = cursor.fetchone()[0]
    return counts


@pytest.mark.skipif(connection.vendor != "postgresql", reason="pg_dump/pg_restore back up PostgreSQL only")
@pytest.mark.django_db(transaction=True)
def test_a_backup_restored_into_a_scratch_database_has_the_same_rows_in_every_table(network, tmp_path):
    import psycopg2

    db = connection.settings_dict
    source_url = _url(db, db["NAME"])
    scratch = f"zn_restore_{uuid.uuid4().hex[:8]}"
    dump = tmp_path / "backup.dump"
    env = {**os.environ, "DATABASE_URL": source_url}
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = db["PASSWORD"]

    subprocess.run(["make", "-s", "backup", f"FILE={dump}"], cwd=BASE_DIR, env=env, check=True, timeout=120)
    assert dump.stat().st_size > 0

    admin = psycopg2.connect(_url(db, "postgres"))
    admin.autocommit = True
    try:
        admin.cursor().execute(f'CREATE DATABASE "{scratch}"')
        subprocess.run(
            ["make", "-s", "restore", f"FILE={dump}"],
            cwd=BASE_DIR,
            env={**env, "DATABASE_URL": _url(db, scratch)},
            check=True,
            timeout=120,
        )
        with connection.cursor() as cursor:
            expected = _row_counts(cursor)
        restored_conn = psycopg2.connect(_url(db, scratch))
        try:
            restored = _row_counts(restored_conn.cursor())
        finally:
            restored_conn.close()
        assert expected["networks_carenetwork"] >= 1 and expected["networks_auditevent"] >= 1
        assert restored == expected
    finally:
        admin.cursor().execute(f'DROP DATABASE IF EXISTS "{scratch}"')
        admin.close()


def test_the_sqlite_backup_is_a_consistent_copy_that_restores(tmp_path):
    import sqlite3

    source = tmp_path / "db.sqlite3"
    with sqlite3.connect(source) as conn:
        conn.execute("CREATE TABLE youths (name TEXT)")
        conn.executemany("INSERT INTO youths VALUES (?)", [("a",), ("b",)])
    backup = tmp_path / "backup.sqlite3"
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{source}"}
    subprocess.run(["scripts/backup.sh", str(backup)], cwd=BASE_DIR, env=env, check=True, capture_output=True)
    with sqlite3.connect(source) as conn:
        conn.execute("DELETE FROM youths")
    subprocess.run(["scripts/restore.sh", str(backup)], cwd=BASE_DIR, env=env, check=True, capture_output=True)
    with sqlite3.connect(source) as conn:
        assert conn.execute("SELECT count(*) FROM youths").fetchone()[0] == 2
    assert (tmp_path / "db.sqlite3.before-restore").exists()
