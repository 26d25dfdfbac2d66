"""The Windows and macOS installer recipes and the CI workflow, checked as text (they run only on those systems)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

pytestmark = pytest.mark.packaging

ROOT = Path(__file__).resolve().parents[2]
ISS = ROOT / "packaging" / "windows" / "legalsec.iss"
WORKFLOW = ROOT / ".github" / "workflows" / "installers.yml"


def iss_sections() -> dict[str, list[str]]:
    """The Inno Setup script's lines by section, without comments and blank lines."""
    sections: dict[str, list[str]] = {}
    current = ""
    for raw in ISS.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith(";"):
            continue
        if re.fullmatch(r"\[\w+\]", line):
            current = line[1:-1]
            continue
        sections.setdefault(current, []).append(line)
    return sections


def test_the_windows_installer_is_per_user_with_an_optional_desktop_shortcut():
    setup = iss_sections()["Setup"]
    assert "PrivilegesRequired=lowest" in setup
    assert "DefaultDirName={autopf}\\{#AppName}" in setup
    icon = next(line.split("=", 1)[1] for line in setup if line.startswith("SetupIconFile="))
    assert (ISS.parent / icon.replace("\\", "/")).resolve() == ROOT / "packaging" / "legalsec.ico"
    tasks = iss_sections()["Tasks"]
    assert any('Name: "desktopicon"' in line and "Flags: unchecked" in line for line in tasks)
    icons = iss_sections()["Icons"]
    assert any(line.startswith('Name: "{autoprograms}') for line in icons)
    assert any(line.startswith('Name: "{autodesktop}') and "Tasks: desktopicon" in line for line in icons)


def test_the_windows_installer_takes_the_one_folder_build_and_starts_the_window_program():
    text = ISS.read_text(encoding="utf-8")
    assert '#define Dist "..\\..\\dist\\legalsec-desktop"' in text
    assert '#define AppExe "legalsec-desktop.exe"' in text
    assert any(line.startswith('Source: "{#Dist}\\*"') and "recursesubdirs" in line for line in iss_sections()["Files"])


def test_the_windows_uninstaller_and_upgrades_delete_only_inside_the_program_folder():
    for section in ("InstallDelete", "UninstallDelete"):
        for line in iss_sections().get(section, []):
            name = re.search(r'Name: "([^"]+)"', line)
            assert name and name.group(1).startswith("{app}"), f"[{section}] reaches outside the program: {line}"
    code = "\n".join(iss_sections().get("Code", []))
    assert "DelTree" not in code and "DeleteFile" not in code


@pytest.mark.skipif(shutil.which("sh") is None, reason="no POSIX shell")
@pytest.mark.parametrize("script", ["macos/make_icns.sh", "macos/make_dmg.sh", "linux/install_user.sh"])
def test_the_shell_recipes_parse(script: str):
    subprocess.run(["sh", "-n", str(ROOT / "packaging" / script)], check=True)


def test_the_macos_recipes_use_iconutil_and_hdiutil():
    icns = (ROOT / "packaging" / "macos" / "make_icns.sh").read_text(encoding="utf-8")
    assert "iconutil --convert icns" in icns and "for size in 16 32 128 256 512" in icns and "@2x.png" in icns
    dmg = (ROOT / "packaging" / "macos" / "make_dmg.sh").read_text(encoding="utf-8")
    assert "hdiutil create" in dmg and "ln -s /Applications" in dmg


def test_the_workflow_builds_and_smoke_tests_on_every_platform():
    text = WORKFLOW.read_text(encoding="utf-8")
    for runner in ("ubuntu-", "windows-", "macos-"):
        assert f"os: {runner}" in text
    assert "python packaging/build.py" in text
    assert "sh packaging/smoke.sh" in text and "sh packaging/linux/check_deb.sh" in text
    smoke = (ROOT / "packaging" / "smoke.sh").read_text(encoding="utf-8")
    for command in ("--help", "demo --today", "docket --date", "timesheet --from", "--quit-after-open"):
        assert command in smoke
    for path in re.findall(r"packaging/[\w/.-]+\.(?:py|sh|iss)", text):
        assert (ROOT / path).is_file(), f"the workflow runs {path}, which does not exist"


def test_the_workflow_is_valid_yaml_with_one_job_per_platform():
    yaml = pytest.importorskip("yaml")
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    job = workflow["jobs"]["build"]
    assert {entry["name"] for entry in job["strategy"]["matrix"]["include"]} == {"linux", "windows", "macos"}
    assert job["timeout-minutes"] <= 15
    assert all("run" in step or "uses" in step for step in job["steps"])
