import subprocess
import sys

# ruleid: unknown-package-install
subprocess.run([sys.executable, "-m", "pip", "install", "langchain-turbo-agents-pro"], check=True)
# ok: unknown-package-install
subprocess.run([sys.executable, "-m", "pip", "install", "langchain", "openai"], check=True)
# ok: unknown-package-install
subprocess.run(["pip", "install", "-e", "."], check=True)
# ok: unknown-package-install
subprocess.run(["pip", "install", "git+https://example.invalid/org/tool.git"], check=True)
