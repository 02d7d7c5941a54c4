from rag.history import History


def test_roundtrip(tmp_path):
    h = History(tmp_path / "h.sqlite3")
    cid = h.new_conversation()
    h.append(cid, "user", "hello'); DROP TABLE messages; --")
    h.append(cid, "assistant", "hi")
    assert h.messages(cid) == [("user", "hello'); DROP TABLE messages; --"), ("assistant", "hi")]
    h.rename(cid, "greeting")
    assert h.conversations()[0][1] == "greeting"
    h.delete(cid)
    assert h.messages(cid) == []
