"""tools/dev.py: a first start says what it does in a few lines and keeps the installers' noise back."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

DEV = Path(__file__).resolve().parents[2] / "tools" / "dev.py"


def load_dev() -> ModuleType:
    spec = importlib.util.spec_from_file_location("dev_tool", DEV)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def noisy(lines: int, code: int) -> list[str]:
    return [sys.executable, "-c", f"import sys\nfor i in range({lines}): print('warning', i)\nsys.exit({code})"]


def test_a_step_that_works_prints_nothing(capfd: pytest.CaptureFixture[str]) -> None:
    load_dev().quietly(*noisy(216, 0))
    out, err = capfd.readouterr()
    assert out == "" and err == ""


def test_a_step_that_fails_shows_only_its_last_lines_and_stops(capfd: pytest.CaptureFixture[str]) -> None:
    dev = load_dev()
    with pytest.raises(SystemExit) as stopped:
        dev.quietly(*noisy(216, 3))
    assert stopped.value.code == 3
    out, err = capfd.readouterr()
    assert out == ""
    assert "This failed (exit code 3)" in err
    assert "warning 215" in err and "warning 0\n" not in err
    assert err.count("warning ") == dev.TAIL_LINES


def test_first_set_up_says_what_it_does_in_a_few_lines(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    dev = load_dev()
    venv_dir = tmp_path / ".venv"
    monkeypatch.setattr(dev, "VENV", venv_dir)
    monkeypatch.setattr(dev, "PYTHON", venv_dir / "bin" / "python")
    monkeypatch.setattr(dev, "STAMP", venv_dir / ".installed")
    steps: list[tuple[str, ...]] = []

    def create(self: object, folder: Path) -> None:
        (Path(folder) / "bin").mkdir(parents=True)
        (Path(folder) / "bin" / "python").touch()

    monkeypatch.setattr(dev.venv.EnvBuilder, "create", create)
    monkeypatch.setattr(dev, "quietly", lambda *command: steps.append(tuple(map(str, command))))
    dev.ensure_venv()
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("Setting up a private Python environment") and "first time only" in lines[0]
    assert any(line.strip().startswith("Installing") for line in lines)
    assert 3 <= len(lines) <= 5
    assert [s[-1] for s in steps] == ["pip", f"{dev.ROOT}[test]"]
    dev.ensure_venv()  # set up already: silent
    assert capsys.readouterr().out == ""


def test_the_import_check_runs_without_the_deprecated_config_option(monkeypatch: pytest.MonkeyPatch) -> None:
    dev = load_dev()
    calls: list[list[str]] = []
    monkeypatch.setattr(dev, "ensure_venv", lambda: None)
    monkeypatch.setattr(dev, "ensure_qt_libraries", lambda: None)
    monkeypatch.setattr(dev.subprocess, "call", lambda command, **kwargs: calls.append(command) or 1)
    assert dev.test([]) == 1
    assert Path(calls[0][0]).name.startswith("lint-imports")
    assert "--config" not in calls[0]


def test_lint_imports_finds_the_contracts_without_a_deprecation_warning() -> None:
    linter = Path(sys.executable).parent / "lint-imports"
    if not linter.exists():
        pytest.skip("lint-imports is not installed beside this python")
    result = subprocess.run([str(linter), "--help"], capture_output=True, text=True)
    assert "CONFIG_FILES" in result.stdout  # the positional form dev.py relies on (pyproject.toml by default)
