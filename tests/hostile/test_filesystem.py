"""Hostile files: links out of the tree, pipes and devices, configs that point away."""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

import pytest

GLUED = "Vladimir Putinvisited Belarus on Monday with his ministers.\n"


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    folder = tmp_path / "outside"
    folder.mkdir()
    victim = folder / "victim.txt"
    victim.write_text("The secret Putinvisited line.\n", encoding="utf-8")
    return victim


@pytest.fixture
def project(tmp_path: Path) -> Path:
    folder = tmp_path / "project"
    (folder / "articles").mkdir(parents=True)
    (folder / "mtcheck.toml").write_text("", encoding="utf-8")
    return folder


def test_fix_write_on_a_folder_does_not_follow_a_link_out_of_the_tree(run, project, outside):
    link = project / "articles" / "x.txt"
    link.symlink_to(outside)
    (project / "articles" / "real.txt").write_text(GLUED, encoding="utf-8")
    before = outside.read_bytes()
    result = run("fix", "--write", "--no-source", str(project / "articles"))
    assert outside.read_bytes() == before
    assert result.code == 2 and "outside the checked tree" in result.err
    assert "Putin visited" in (project / "articles" / "real.txt").read_text(encoding="utf-8")


def test_a_link_given_by_name_to_a_file_elsewhere_is_not_read(run, project, tmp_path):
    target = tmp_path / "passwd"
    target.write_text("root:x:0:0:Putinvisited:/root:/bin/sh\n", encoding="utf-8")
    link = project / "articles" / "passwd.txt"
    link.symlink_to(target)
    result = run("check", "--format", "concise", str(link))
    assert result.code == 2 and "outside the checked tree" in result.err
    assert "root:x" not in result.out + result.err


def test_a_link_inside_the_tree_is_followed(run, project):
    real = project / "articles" / "real.txt"
    real.write_text(GLUED, encoding="utf-8")
    (project / "articles" / "alias.txt").symlink_to(real)
    result = run("check", "--format", "concise", str(project / "articles" / "alias.txt"))
    assert result.code == 1 and "MT" in result.out


@pytest.mark.parametrize("where", ["given", "walked", "baseline"])
def test_a_fifo_is_refused_at_once(run, project, where):
    fifo = project / "articles" / "pipe.txt"
    os.mkfifo(fifo)
    (project / "articles" / "real.txt").write_text(GLUED, encoding="utf-8")
    argv = {
        "given": ["check", str(fifo), str(project / "articles" / "real.txt")],
        "walked": ["check", str(project / "articles")],
        "baseline": ["check", "--baseline", str(fifo), str(project / "articles" / "real.txt")],
    }[where]
    outcome: list = []
    worker = threading.Thread(target=lambda: outcome.append(run(*argv)), daemon=True)
    worker.start()
    worker.join(60)
    if worker.is_alive():  # unblock the reader so the test run can end, then fail
        with open(fifo, "w"):
            pass
        pytest.fail("mtcheck blocked on a FIFO")
    result = outcome[0]
    assert result.code == 2 and "FIFO" in result.err
    assert len([line for line in result.err.splitlines() if "FIFO" in line]) == 1


def test_a_character_device_is_refused(run):
    result = run("check", "/dev/zero")
    assert result.code == 2 and "character device" in result.err


@pytest.mark.parametrize("key", ["source-dir", "extra-rules"])
def test_config_folders_must_lie_inside_the_project(run, project, key):
    (project / "mtcheck.toml").write_text(f'{key} = "/etc"\n', encoding="utf-8")
    article = project / "articles" / "a.txt"
    article.write_text(GLUED, encoding="utf-8")
    result = run("check", str(article))
    assert result.code == 2 and "outside the project" in result.err and key in result.err


def test_source_pattern_cannot_reach_another_file_by_format_tricks(run, project):
    (project / "mtcheck.toml").write_text('source-pattern = "{stem.__class__}"\n', "utf-8")
    article = project / "articles" / "a.txt"
    article.write_text(GLUED, encoding="utf-8")
    result = run("check", str(article))
    assert result.code == 2 and "source-pattern" in result.err


def test_an_original_linked_out_of_the_tree_is_not_read(run, project, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("Línea secreta que no debe salir en ningún informe público hoy.\n", "utf-8")
    article = project / "articles" / "a.txt"
    article.write_text(GLUED, encoding="utf-8")
    (project / "articles" / "a.es.txt").symlink_to(secret)
    result = run("check", "--format", "concise", str(article))
    assert "secreta" not in result.out + result.err
    assert result.code == 2 and "outside the checked tree" in result.err


def test_size_limit_is_configurable_with_a_clear_message(run, project):
    big = project / "articles" / "big.txt"
    big.write_text(GLUED * 100, encoding="utf-8")
    small = project / "articles" / "small.txt"
    small.write_text(GLUED, encoding="utf-8")
    result = run("check", "--max-file-size", "1KB", str(big), str(small))
    assert result.code == 2 and "over the 1,000-byte limit" in result.err
    assert "small.txt" in result.out  # the other file is still checked
    (project / "mtcheck.toml").write_text('max-file-size = "1KB"\n', "utf-8")
    assert "limit" in run("check", str(big)).err
    unlimited = run("check", "--max-file-size", "0", str(big))
    assert unlimited.code != 2 and "limit" not in unlimited.err


def test_review_backup_symlink_is_replaced_not_followed(project, outside):
    from mtcheck.files import write_new

    backup = project / "articles" / "a.txt.orig"
    backup.symlink_to(outside)
    before = outside.read_bytes()
    write_new(backup, b"copy\n", tree=(str(project.resolve()),))
    assert outside.read_bytes() == before
    assert not backup.is_symlink() and backup.read_bytes() == b"copy\n"


def test_new_files_take_the_umask_not_0600(project):
    from mtcheck.files import write_new

    path = project / "baseline.json"
    old = os.umask(0o022)
    try:
        write_new(path, b"{}\n")
    finally:
        os.umask(old)
    assert stat.S_IMODE(path.stat().st_mode) == 0o644
