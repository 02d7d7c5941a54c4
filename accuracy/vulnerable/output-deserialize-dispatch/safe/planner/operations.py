SCHEMAS = []


def archive(path: str) -> str:
    return path
