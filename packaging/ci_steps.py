"""Every CI step that touches the platform, in one script that runs the same on Windows, macOS and Linux.

    python packaging/ci_steps.py install | test | build | contents | version | smoke | check | archive

The GitHub workflow (.github/workflows/desktop.yml) runs these on windows-latest and macos-latest; Linux CI
runs build, contents, version, smoke and archive through packaging/ci-bundle.sh (smoke inside a private
D-Bus session with GNOME Keyring). Use the interpreter the app is installed in: every tool is started as
`sys.executable -m …`. Standard library only, so it runs before anything is installed.
"""

from __future__ import annotations

import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib
import zipfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "dist"
BUNDLE_NAME = "sms-composer"
APP_NAME = "短信群发助手.app"
SMOKE_TIMEOUT = 120


class StepFailed(Exception):
    """A check that did not pass; the message says what to look at."""


def say(text: str) -> None:
    print(f"ci-steps: {text}", flush=True)


def version() -> str:
    with (ROOT / "pyproject.toml").open("rb") as handle:
        return str(tomllib.load(handle)["project"]["version"])


def executable(system: str = sys.platform, dist: Path = DIST) -> Path:
    """The program a user starts: the .exe, the binary inside the .app, or the Linux one-folder binary."""
    if system == "win32":
        return dist / BUNDLE_NAME / f"{BUNDLE_NAME}.exe"
    if system == "darwin":
        return dist / APP_NAME / "Contents" / "MacOS" / BUNDLE_NAME
    return dist / BUNDLE_NAME / BUNDLE_NAME


def release_label(system: str = sys.platform, machine: str = platform.machine()) -> str:
    """windows-x64, macos-arm64, linux-x64…: the part of a release file name that says where it runs."""
    arch = {"amd64": "x64", "x86_64": "x64", "aarch64": "arm64", "arm64": "arm64"}.get(machine.lower(), machine.lower())
    name = {"win32": "windows", "darwin": "macos"}.get(system, "linux" if system.startswith("linux") else system)
    return f"{name}-{arch}"


def run(*args: str | Path, env: dict[str, str] | None = None) -> None:
    say("$ " + " ".join(str(a) for a in args))
    done = subprocess.run([str(a) for a in args], cwd=ROOT, env=env, check=False)
    if done.returncode:
        raise StepFailed(f"'{args[0]} {' '.join(str(a) for a in args[1:3])} …' exited with {done.returncode}")


def step_install() -> None:
    """The app with its test and package extras, editable, into this interpreter."""
    run(sys.executable, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    run(sys.executable, "-m", "pip", "install", "--quiet", "-e", ".[test,package]")


def step_test() -> None:
    """What `make test` runs: ruff, mypy, then the whole suite with Qt offscreen."""
    run(sys.executable, "-m", "ruff", "check", "gui", "tests", "packaging", "tools")
    run(sys.executable, "-m", "mypy")
    run(sys.executable, "-m", "pytest", "-q", env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})


def step_build() -> None:
    """The one-folder bundle (and the .app on macOS) from packaging/sms-composer.spec."""
    start = time.monotonic()
    run(sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN", "--distpath", DIST,
        "--workpath", ROOT / "build", ROOT / "packaging" / "sms-composer.spec")
    say(f"build took {time.monotonic() - start:.0f} s")


def missing_from_bundle(bundle: Path, root: Path = ROOT) -> list[str]:
    """What the running app needs but `bundle` (a one-folder build) lacks; empty when complete."""
    internal = bundle / "_internal"
    missing = [f"{qm.relative_to(root).as_posix()}" for qm in sorted((root / "resources" / "i18n").glob("*.qm"))
               if not (internal / qm.relative_to(root)).is_file()]
    if not (internal / "PySide6" / "Qt" / "translations" / "qtbase_zh_CN.qm").is_file():
        missing.append("Qt's qtbase_zh_CN.qm")
    if not list(internal.glob("keyring-*.dist-info/entry_points.txt")):
        missing.append("keyring's dist-info entry points (the frozen app would find only the fail backend)")
    if any((root / "resources" / "samples").glob("*")) and not (internal / "resources" / "samples").is_dir():
        missing.append("resources/samples")
    return missing


def step_contents() -> None:
    bundle = DIST / BUNDLE_NAME
    if not executable().is_file():
        raise StepFailed(f"{executable()} was not built")
    missing = missing_from_bundle(bundle)
    if missing:
        raise StepFailed("missing from the bundle: " + "; ".join(missing))
    files = [p for p in bundle.rglob("*") if p.is_file()]
    say(f"contents: complete, {sum(p.stat().st_size for p in files) / 1e6:.0f} MB in {len(files)} files")


def run_bundled(*args: str, env: dict[str, str] | None = None, timeout: float = 60) -> tuple[int, str]:
    """Start the built program; its output goes to a file (SMS_COMPOSER_OUTPUT), which works for the
    windowed Windows and macOS builds that have no console."""
    with tempfile.TemporaryDirectory(prefix="ci-steps-") as scratch:
        out = Path(scratch) / "output.txt"
        full_env = {**(env or os.environ), "SMS_COMPOSER_OUTPUT": str(out)}
        try:
            done = subprocess.run([str(executable()), *args], env=full_env, capture_output=True, timeout=timeout,
                                  check=False)
        except subprocess.TimeoutExpired:
            raise StepFailed(f"'{executable().name} {' '.join(args)}' did not finish within {timeout:.0f} s") from None
        text = out.read_text(encoding="utf-8", errors="replace") if out.exists() else ""
        console = (done.stdout + done.stderr).decode("utf-8", errors="replace")
        return done.returncode, (text + console).strip()


def step_version() -> None:
    code, text = run_bundled("--version")
    expected = f"sms-composer {version()}"
    if code or text != expected:
        raise StepFailed(f"--version exited {code} and printed '{text}', expected '{expected}'")
    say(f"--version: {text}")


def smoke_problems(report: str) -> list[str]:
    """What is wrong with a --smoke-test report (the lines gui/ui/app.py prints)."""
    lines = report.splitlines()
    problems = []
    if "smoke test: ok" not in lines:
        problems.append("the report does not end in 'smoke test: ok'")
    keyring = next((line for line in lines if line.startswith("keyring: ")), "")
    if not keyring.endswith("(usable)"):
        problems.append("no usable keyring backend")
    if "fail.Keyring" in keyring or "null.Keyring" in keyring:
        problems.append("the app fell back to a keyring backend that keeps nothing")
    return problems


def step_smoke() -> None:
    """--smoke-test offscreen with the platform's own keyring (Credential Manager, Keychain, Secret Service)."""
    with tempfile.TemporaryDirectory(prefix="ci-smoke-") as scratch:
        env = {key: value for key, value in os.environ.items() if key not in {
            "SMS_COMPOSER_LANG", "SMS_COMPOSER_APPID", "SMS_COMPOSER_APPSECRET", "PYTHON_KEYRING_BACKEND"}}
        env |= {"SMS_COMPOSER_DATA_DIR": str(Path(scratch) / "数据 data"),
                "SMS_COMPOSER_CONFIG_DIR": str(Path(scratch) / "设置 config"), "QT_QPA_PLATFORM": "offscreen"}
        start = time.monotonic()
        code, report = run_bundled("--smoke-test", env=env, timeout=SMOKE_TIMEOUT)
    print("\n".join("  | " + line for line in report.splitlines()), flush=True)
    problems = smoke_problems(report) + ([f"exit code {code}"] if code else [])
    if problems:
        raise StepFailed("--smoke-test: " + "; ".join(problems))
    say(f"--smoke-test: ok in {(time.monotonic() - start) * 1000:.0f} ms")


def make_archive(dist: Path, system: str, label: str, release_version: str) -> Path:
    """The release file: a zip of the one-folder bundle (Windows), a .dmg of the .app (macOS; a zip made by
    ditto where hdiutil is missing), a .tar.gz elsewhere (tar keeps the symlinks and modes Linux needs)."""
    out = dist / "release"
    out.mkdir(parents=True, exist_ok=True)
    stem = f"{BUNDLE_NAME}-{release_version}-{label}"
    if system == "darwin":
        app = dist / APP_NAME
        if shutil.which("hdiutil"):
            target = out / f"{stem}.dmg"
            run("hdiutil", "create", "-volname", "短信群发助手", "-srcfolder", app, "-ov", "-format", "UDZO", target)
            return target
        target = out / f"{stem}.zip"
        run("ditto", "-c", "-k", "--sequesterRsrc", "--keepParent", app, target)
        return target
    bundle = dist / BUNDLE_NAME
    if system == "win32":
        target = out / f"{stem}.zip"
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
            for path in sorted(bundle.rglob("*")):
                archive.write(path, Path(BUNDLE_NAME) / path.relative_to(bundle))
        return target
    return Path(shutil.make_archive(str(out / stem), "gztar", root_dir=dist, base_dir=BUNDLE_NAME))


def step_archive() -> None:
    target = make_archive(DIST, sys.platform, release_label(), version())
    say(f"release file: {target.relative_to(ROOT)} ({target.stat().st_size / 1e6:.0f} MB)")


def step_check() -> None:
    step_contents()
    step_version()
    step_smoke()


STEPS: dict[str, Callable[[], None]] = {
    "install": step_install, "test": step_test, "build": step_build, "contents": step_contents,
    "version": step_version, "smoke": step_smoke, "check": step_check, "archive": step_archive,
}


def main(argv: list[str]) -> int:
    # Runner consoles are not always UTF-8 (Windows: cp1252); the smoke report has Chinese in it.
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors="replace")
    if len(argv) != 1 or argv[0] not in STEPS:
        print(f"usage: python packaging/ci_steps.py {{{'|'.join(STEPS)}}}", file=sys.stderr)
        return 2
    try:
        STEPS[argv[0]]()
    except StepFailed as failure:
        print(f"ci-steps: FAILED: {failure}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
