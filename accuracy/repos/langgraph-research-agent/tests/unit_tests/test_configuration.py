from agent.configuration import Configuration


def test_configuration_empty() -> None:
    Configuration.from_runnable_config({})


def test_read_note_rejects_escape(tmp_path):
    from agent.tools import read_note

    cfg = {"configurable": {"workspace_dir": str(tmp_path)}}
    assert read_note.invoke({"name": "../../etc/passwd"}, cfg).startswith("error")
