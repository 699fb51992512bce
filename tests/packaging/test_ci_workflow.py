"""The Windows/macOS workflow: valid against GitHub's workflow schema, and every step a ci_steps.py step
that Linux CI runs too."""

from __future__ import annotations

import subprocess
import sys
import tarfile
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from tests.packaging.bundle import PACKAGING, ROOT, load_module

WORKFLOWS = ROOT / ".github" / "workflows"
WORKFLOW = WORKFLOWS / "desktop.yml"


def ci_steps():
    return load_module("sms_ci_steps", PACKAGING / "ci_steps.py")


def schema_check(*paths: Path) -> subprocess.CompletedProcess[str]:
    # The schema ships inside the pinned check-jsonschema (test extra): no network involved.
    return subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows",
                           *map(str, paths)], capture_output=True, text=True, timeout=120, check=False)


def test_every_workflow_passes_the_schema_check() -> None:
    workflows = sorted(WORKFLOWS.glob("*.yml"))
    assert WORKFLOW in workflows
    done = schema_check(*workflows)
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_schema_check_rejects_a_broken_workflow(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yml"
    broken.write_text(WORKFLOW.read_text(encoding="utf-8").replace("runs-on: ${{ matrix.os }}", "run-on: x"),
                      encoding="utf-8")
    done = schema_check(broken)
    assert done.returncode == 1 and "runs-on" in done.stdout


def load_workflow() -> dict:
    return YAML(typ="safe").load(WORKFLOW.read_text(encoding="utf-8"))


def test_windows_and_macos_each_install_test_build_check_and_upload() -> None:
    workflow = load_workflow()
    job = workflow["jobs"]["bundle"]
    assert {entry["os"] for entry in job["strategy"]["matrix"]["include"]} == {"windows-latest", "macos-latest"}
    assert job["env"]["QT_QPA_PLATFORM"] == "offscreen"
    runs = [step["run"] for step in job["steps"] if "run" in step]
    assert runs == [f"python packaging/ci_steps.py {name}" for name in
                    ("install", "test", "build", "check", "archive")]
    assert set(name for run in runs for name in run.split()[2:]) <= set(ci_steps().STEPS)
    upload = next(step for step in job["steps"] if step.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload["with"]["path"] == "dist/release/" and upload["with"]["if-no-files-found"] == "error"
    release = workflow["jobs"]["release"]
    assert release["if"] == "startsWith(github.ref, 'refs/tags/v')" and release["needs"] == "bundle"
    assert "v*" in workflow["on"]["push"]["tags"]


def test_linux_ci_runs_the_same_bundle_steps() -> None:
    script = (PACKAGING / "ci-bundle.sh").read_text(encoding="utf-8")
    for name in ("build", "contents", "version", "archive"):
        assert f'"$BIN/python" "$STEPS" {name}' in script, name
    assert 'exec "$0" "$1" smoke' in script  # inside the D-Bus session with GNOME Keyring
    assert "bash packaging/ci-bundle.sh" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


@pytest.mark.parametrize(("system", "machine", "expected"), [
    ("win32", "AMD64", "windows-x64"), ("darwin", "arm64", "macos-arm64"), ("darwin", "x86_64", "macos-x64"),
    ("linux", "x86_64", "linux-x64"), ("linux", "aarch64", "linux-arm64"),
])
def test_release_label(system: str, machine: str, expected: str) -> None:
    assert ci_steps().release_label(system, machine) == expected


def test_the_program_path_per_platform(tmp_path: Path) -> None:
    steps = ci_steps()
    assert steps.executable("win32", tmp_path) == tmp_path / "sms-composer" / "sms-composer.exe"
    assert steps.executable("darwin", tmp_path) == tmp_path / "短信群发助手.app" / "Contents" / "MacOS" / "sms-composer"
    assert steps.executable("linux", tmp_path) == tmp_path / "sms-composer" / "sms-composer"


def fake_bundle(dist: Path) -> Path:
    internal = dist / "sms-composer" / "_internal"
    (internal / "PySide6" / "Qt" / "translations").mkdir(parents=True)
    (internal / "PySide6" / "Qt" / "translations" / "qtbase_zh_CN.qm").write_bytes(b"qm")
    (internal / "keyring-25.7.0.dist-info").mkdir()
    (internal / "keyring-25.7.0.dist-info" / "entry_points.txt").write_text("[keyring.backends]\n")
    for qm in (ROOT / "resources" / "i18n").glob("*.qm"):
        (internal / "resources" / "i18n").mkdir(parents=True, exist_ok=True)
        (internal / "resources" / "i18n" / qm.name).write_bytes(b"qm")
    (internal / "resources" / "samples").mkdir(parents=True)
    (dist / "sms-composer" / "sms-composer").write_bytes(b"#!")
    return dist / "sms-composer"


def test_missing_bundle_files_are_named(tmp_path: Path) -> None:
    steps = ci_steps()
    bundle = fake_bundle(tmp_path)
    assert steps.missing_from_bundle(bundle) == []
    (bundle / "_internal" / "keyring-25.7.0.dist-info" / "entry_points.txt").unlink()
    (bundle / "_internal" / "PySide6" / "Qt" / "translations" / "qtbase_zh_CN.qm").unlink()
    missing = steps.missing_from_bundle(bundle)
    assert len(missing) == 2 and "qtbase_zh_CN.qm" in missing[0] and "fail backend" in missing[1]


def test_release_archives(tmp_path: Path) -> None:
    import zipfile

    steps = ci_steps()
    fake_bundle(tmp_path)
    linux = steps.make_archive(tmp_path, "linux", "linux-x64", "1.2.3")
    assert linux.name == "sms-composer-1.2.3-linux-x64.tar.gz"
    with tarfile.open(linux) as archive:
        assert "sms-composer/sms-composer" in archive.getnames()
    windows = steps.make_archive(tmp_path, "win32", "windows-x64", "1.2.3")
    with zipfile.ZipFile(windows) as archive:
        assert "sms-composer/_internal/PySide6/Qt/translations/qtbase_zh_CN.qm" in archive.namelist()


@pytest.mark.parametrize(("report", "problems"), [
    ("window: ok\nkeyring: keyring.backends.SecretService.Keyring (usable)\nsmoke test: ok", 0),
    ("window: ok\nkeyring: keyring.backends.Windows.WinVaultKeyring (usable)\nsmoke test: ok", 0),
    ("keyring: keyring.backends.fail.Keyring (NOT usable)\nsmoke test: FAILED: keyring", 3),
    ("keyring: keyring.backends.null.Keyring (usable)\nsmoke test: ok", 1),
    ("Traceback (most recent call last):", 2),
])
def test_smoke_report_verdicts(report: str, problems: int) -> None:
    assert len(ci_steps().smoke_problems(report)) == problems


def test_ci_steps_usage_and_unknown_step() -> None:
    done = subprocess.run([sys.executable, str(PACKAGING / "ci_steps.py"), "deploy"], capture_output=True,
                          text=True, timeout=60, check=False)
    assert done.returncode == 2 and "install|test|build" in done.stderr
