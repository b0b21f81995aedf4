"""`make backup` encrypts to the public key of BACKUP_PUBLIC_KEY; only the private key restores it."""

import os
import sqlite3
import subprocess
from pathlib import Path

import pytest
from django.conf import settings

BASE_DIR = Path(settings.BASE_DIR)


def gpg(home: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["gpg", "--batch", "--quiet", "--homedir", str(home), *args], check=True, capture_output=True, timeout=60
    )


@pytest.fixture
def keypair(tmp_path):
    """A throw-away key: the private half in its own keyring, the public half in a file."""
    home = tmp_path / "restorer-gnupg"
    home.mkdir(mode=0o700)
    gpg(home, "--passphrase", "", "--quick-gen-key", "Backup test <backup@zorgnetwerk.invalid>", "future-default")
    public = tmp_path / "backup-public.asc"
    public.write_bytes(gpg(home, "--armor", "--export", "backup@zorgnetwerk.invalid").stdout)
    yield home, public
    subprocess.run(["gpgconf", "--homedir", str(home), "--kill", "gpg-agent"], check=False)


@pytest.fixture
def database(tmp_path):
    source = tmp_path / "db.sqlite3"
    with sqlite3.connect(source) as conn:
        conn.execute("CREATE TABLE youths (name TEXT)")
        conn.executemany("INSERT INTO youths VALUES (?)", [("Ahmad Rahimi",), ("Samira Haidari",)])
    return source


def run(script: str, *args: str, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run([script, *args], cwd=BASE_DIR, env=env, capture_output=True, text=True, timeout=120)


def test_an_encrypted_backup_holds_no_name_in_the_clear_and_restores_with_the_private_key(tmp_path, keypair, database):
    home, public = keypair
    backup = tmp_path / "backup.sqlite3.gpg"
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{database}", "BACKUP_PUBLIC_KEY": str(public)}
    env.pop("GNUPGHOME", None)

    made = run("scripts/backup.sh", str(backup), env=env)
    assert made.returncode == 0, made.stderr
    assert b"Ahmad" not in backup.read_bytes() and b"SQLite format" not in backup.read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir() if "backup" in p.name) == [
        "backup-public.asc",
        "backup.sqlite3.gpg",
    ]

    with sqlite3.connect(database) as conn:
        conn.execute("DELETE FROM youths")
    empty = tmp_path / "empty-gnupg"
    empty.mkdir(mode=0o700)
    without_key = run("scripts/restore.sh", str(backup), env={**env, "GNUPGHOME": str(empty)})
    subprocess.run(["gpgconf", "--homedir", str(empty), "--kill", "gpg-agent"], check=False)
    assert without_key.returncode != 0
    assert "No secret key" in without_key.stderr
    restored = run("scripts/restore.sh", str(backup), env={**env, "GNUPGHOME": str(home)})
    assert restored.returncode == 0, restored.stderr
    with sqlite3.connect(database) as conn:
        assert conn.execute("SELECT count(*) FROM youths").fetchone()[0] == 2


def test_production_refuses_a_backup_in_the_clear(tmp_path, database):
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{database}", "DEBUG": "0"}
    env.pop("BACKUP_PUBLIC_KEY", None)
    result = run("scripts/backup.sh", str(tmp_path / "clear.sqlite3"), env=env)
    assert result.returncode == 2
    assert "BACKUP_PUBLIC_KEY" in result.stderr
    assert not (tmp_path / "clear.sqlite3").exists()
