"""A process-local cache and an IPC channel: pickle, but no model or downloaded artifact."""
import pickle
import shelve
import socket


class LocMemCache:
    def __init__(self):
        self._cache = {}

    def get(self, key, default=None):
        pickled = self._cache.get(key)
        if pickled is None:
            return default
        # ok: unsafe-model-deserialization
        return pickle.loads(pickled)

    def set(self, key, value):
        self._cache[key] = pickle.dumps(value, pickle.HIGHEST_PROTOCOL)


def read_message(sock: socket.socket):
    size = int.from_bytes(sock.recv(4), "big")
    # ok: unsafe-model-deserialization
    return pickle.loads(sock.recv(size))


def new_database(db_path: str, rows):
    # ok: unsafe-model-deserialization
    db = shelve.open(db_path, "n")
    for key, value in rows:
        db[key] = value
    db.close()


def open_database(db_path: str):
    # ok: unsafe-model-deserialization
    return shelve.open(db_path, flag="n")


def load_model_file(model_path: str):
    with open(model_path, "rb") as fh:
        # ruleid: unsafe-model-deserialization
        return pickle.load(fh)


def fetch_artifact(url: str, cache_dir: str):
    local = cache_dir + "/artifact.pkl"
    # ruleid: unsafe-model-deserialization
    return pickle.load(open(local, "rb"))


def read_state(state_file: str):
    # ok: unsafe-model-deserialization
    return shelve.open(state_file)
