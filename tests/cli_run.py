"""Running the `legalsec` command inside a test: the exit status, what it printed, and never a traceback."""

from legalsec_desktop import cli


def run(argv, capsys):  # noqa: ANN001, ANN201
    try:
        code = cli.main(argv)
    except SystemExit as stop:
        code = stop.code
    out, err = capsys.readouterr()
    assert "Traceback" not in err and "something unexpected" not in err
    return code, out, err
