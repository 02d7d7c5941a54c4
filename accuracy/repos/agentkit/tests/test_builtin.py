from agentkit.builtin import read_file, run_command


def test_run_command_rejects_unknown():
    assert run_command.run(name="rm -rf /").startswith("not allowed")


def test_read_file_stays_in_project(tmp_path, monkeypatch):
    assert read_file.run(path="../../etc/passwd") == "outside the project"
