import os
import subprocess
import sys

# ruleid: typosquat-install-command
subprocess.run([sys.executable, "-m", "pip", "install", "transformers"], check=True)
# ok: typosquat-install-command
subprocess.run([sys.executable, "-m", "pip", "install", "transformers"], check=True)
# ruleid: typosquat-install-command
subprocess.check_call(["pip", "install", "--quiet", "langchain-openai"])
# ok: typosquat-install-command
subprocess.check_call(["pip", "install", "--quiet", "langchain-openai"])
# ruleid: typosquat-install-command
os.system("pip install pandas && python train.py")
# ok: typosquat-install-command
os.system("pip install pandas && python train.py")
# ok: typosquat-install-command
subprocess.run(["git", "clone", "https://example.invalid/langchian.git"], check=True)
