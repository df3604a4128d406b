"""Writing back: every byte and every piece of metadata kept, or nothing written."""

from __future__ import annotations

import codecs
import os
import stat
from pathlib import Path

import pytest

from mtcheck.document import load
from mtcheck.files import replace_contents

GLUED = "Vladimir Putinvisited Belarus on Monday with his ministers.\n"
FIXED = "Vladimir Putin visited Belarus on Monday with his ministers.\n"


def test_utf16_big_endian_stays_big_endian(run, tmp_path):
    path = tmp_path / "be.txt"
    path.write_bytes(codecs.BOM_UTF16_BE + GLUED.encode("utf-16-be"))
    assert run("fix", "--write", str(path)).code in (0, 1)
    assert path.read_bytes() == codecs.BOM_UTF16_BE + FIXED.encode("utf-16-be")


def test_forced_utf16_adds_no_bom(run, tmp_path):
    path = tmp_path / "le.txt"
    path.write_bytes(GLUED.encode("utf-16-le"))
    run("fix", "--write", "--encoding", "utf-16", str(path))
    assert path.read_bytes() == FIXED.encode("utf-16-le")


def test_an_encoding_error_is_one_line_and_writes_nothing(run, tmp_path):
    path = tmp_path / "a.txt"
    original = "He said «hello» to them.\n".encode("latin-1")
    path.write_bytes(original)
    doc = load(path, "latin-1")
    from mtcheck.errors import InputError
    from mtcheck.writing import encoded

    with pytest.raises(InputError, match=r"U\+201C.*cannot encode"):
        encoded(doc, "He said “hello” to them.\n")
    assert path.read_bytes() == original


def test_a_read_only_file_is_refused_and_the_others_written(run, tmp_path):
    locked, free = tmp_path / "locked.txt", tmp_path / "free.txt"
    locked.write_text(GLUED, encoding="utf-8")
    free.write_text(GLUED, encoding="utf-8")
    locked.chmod(0o444)
    result = run("fix", "--write", str(locked), str(free))
    assert result.code == 2 and "read-only" in result.err
    assert locked.read_text(encoding="utf-8") == GLUED
    assert free.read_text(encoding="utf-8") == FIXED


def test_mode_owner_hard_links_and_xattrs_round_trip(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(GLUED, encoding="utf-8")
    path.chmod(0o640)
    link = tmp_path / "link.txt"
    os.link(path, link)
    try:
        os.setxattr(path, "user.mtcheck-test", b"kept")
        has_xattr = True
    except OSError:
        has_xattr = False
    before = path.stat()
    doc = load(path)
    replace_contents(str(path), FIXED.encode(), doc.stamp)
    after = path.stat()
    assert link.read_text(encoding="utf-8") == FIXED  # the hard link sees the change
    assert after.st_ino == before.st_ino and after.st_nlink == 2
    assert stat.S_IMODE(after.st_mode) == 0o640 and after.st_uid == before.st_uid
    if has_xattr:
        assert os.getxattr(path, "user.mtcheck-test") == b"kept"


def test_xattrs_and_mode_kept_on_the_atomic_path(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(GLUED, encoding="utf-8")
    path.chmod(0o604)
    try:
        os.setxattr(path, "user.note", b"editor")
    except OSError:
        pytest.skip("no user xattrs on this filesystem")
    doc = load(path)
    replace_contents(str(path), FIXED.encode(), doc.stamp)
    assert os.getxattr(path, "user.note") == b"editor"
    assert stat.S_IMODE(path.stat().st_mode) == 0o604


@pytest.mark.skipif(os.geteuid() != 0, reason="changing a file's owner needs root")
def test_another_users_file_keeps_its_owner(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(GLUED, encoding="utf-8")
    os.chown(path, 12345, 12345)
    doc = load(path)
    replace_contents(str(path), FIXED.encode(), doc.stamp)
    assert (path.stat().st_uid, path.stat().st_gid) == (12345, 12345)


def test_a_file_changed_since_it_was_read_is_not_overwritten(tmp_path):
    from mtcheck.errors import InputError

    path = tmp_path / "a.txt"
    path.write_text(GLUED, encoding="utf-8")
    doc = load(path)
    path.write_text("The editor's own change.\n", encoding="utf-8")
    with pytest.raises(InputError, match="changed since it was read"):
        replace_contents(str(path), FIXED.encode(), doc.stamp)
    assert path.read_text(encoding="utf-8") == "The editor's own change.\n"


def test_no_temporary_file_is_left_and_clean_sweeps_stale_ones(run, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(GLUED, encoding="utf-8")
    run("fix", "--write", str(path))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]
    stale = tmp_path / ".a.txt.0123abcd.mtcheck-tmp"
    legacy = tmp_path / ".a.txt.k2j4h5g6.tmp"
    for leftover in (stale, legacy):
        leftover.write_bytes(b"half")
        os.utime(leftover, (1, 1))
    fresh = tmp_path / ".a.txt.89abcdef.mtcheck-tmp"
    fresh.write_bytes(b"being written")
    result = run("clean", "--isolated", str(tmp_path))
    assert not stale.exists() and not legacy.exists() and fresh.exists()
    assert "stale temporary file" in result.out


def test_a_killed_write_leaves_the_old_file_whole(tmp_path):
    """SIGKILL cannot be caught: what stays is the old file or the new one, never half."""
    import subprocess
    import sys

    path = tmp_path / "a.txt"
    path.write_text(GLUED * 2000, encoding="utf-8")
    script = """
import os, sys
from pathlib import Path
from mtcheck import files
from mtcheck.document import load

def half_then_die(fd, data):
    os.write(fd, data[: len(data) // 2])
    os.kill(os.getpid(), 9)

files._write_all = half_then_die
path = Path(sys.argv[1])
document = load(path, max_bytes=None)
fixed = document.text.replace("Putinvisited", "Putin visited").encode()
files.replace_contents(str(path), fixed, document.stamp)
"""
    subprocess.run([sys.executable, "-c", script, str(path)], check=False)
    leftovers = [p for p in tmp_path.iterdir() if p.name.endswith(".mtcheck-tmp")]
    assert len(leftovers) == 1  # what SIGKILL leaves; mtcheck clean sweeps it when stale
    assert path.read_text(encoding="utf-8") == GLUED * 2000


def test_backups_and_baselines_are_not_0600(run, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(GLUED, encoding="utf-8")
    baseline = tmp_path / "baseline.json"
    old = os.umask(0o022)
    try:
        run("check", "--write-baseline", str(baseline), str(article))
    finally:
        os.umask(old)
    assert stat.S_IMODE(baseline.stat().st_mode) == 0o644


@pytest.mark.parametrize("error", [PermissionError(13, "Permission denied"), OSError(5, "I/O")])
def test_every_write_error_is_one_line_exit_2_and_the_others_processed(
    run, tmp_path, monkeypatch, error
):
    stuck, other = tmp_path / "a.txt", tmp_path / "b.txt"
    stuck.write_text(GLUED, encoding="utf-8")
    other.write_text(GLUED, encoding="utf-8")
    real_replace = os.replace

    def failing(source, target, *args, **kwargs):
        if str(target).endswith("a.txt"):
            raise error
        return real_replace(source, target, *args, **kwargs)

    monkeypatch.setattr(os, "replace", failing)
    result = run("fix", "--write", str(stuck), str(other))
    assert result.code == 2 and "Traceback" not in result.err
    assert [line for line in result.err.splitlines() if "a.txt" in line] == [
        f"mtcheck: error: {stuck}: cannot write: {error.strerror}"
    ]
    assert stuck.read_text(encoding="utf-8") == GLUED
    assert other.read_text(encoding="utf-8") == FIXED
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "b.txt"]


def test_review_backup_is_a_byte_copy(tmp_path):
    from mtcheck.files import write_new

    path = tmp_path / "a.txt"
    raw = codecs.BOM_UTF16_BE + GLUED.encode("utf-16-be")
    path.write_bytes(raw)
    doc = load(path)
    backup = Path(str(path) + ".orig")
    write_new(backup, doc.encode(), like=path.stat())
    assert backup.read_bytes() == raw


def test_a_fix_that_would_start_the_file_with_a_bom_is_refused(run, tmp_path) -> None:  # type: ignore[no-untyped-def]
    article = tmp_path / "a.txt"
    # No BOM; a zero-width no-break space after a leading space. A fix that
    # removed the space would make the next read take U+FEFF for a BOM.
    data = " \ufeffThe minister visited belarus.\n".encode()
    article.write_bytes(data)
    result = run("fix", "--write", str(article))
    written = article.read_bytes()
    assert not written.startswith(b"\xef\xbb\xbf")
    if written == data:
        assert result.code in (1, 2)


def test_encoded_refuses_text_that_would_read_back_as_a_bom() -> None:
    import pytest

    from mtcheck.document import Document
    from mtcheck.errors import InputError
    from mtcheck.writing import encoded

    document = Document("x \ufeffy\n", path="a.txt")
    with pytest.raises(InputError, match="U\\+FEFF"):
        encoded(document, "\ufeffy\n")
    assert encoded(document, "x y\n") == b"x y\n"
