"""What scripts/calibrate.py and scripts/folds.py share: the labelled sets
beside the checkout (../shared/eval), their score.py, the CLI binary
(argv[1], default the release build) and a ranking through a fresh
catalogue. Importing it exits 0 with a note when ../shared is absent."""
import importlib.util
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EVAL = os.path.join(ROOT, "..", "shared", "eval")
KOMPIS = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
    os.environ.get("CARGO_TARGET_DIR", "/var/tmp/kompis-target"), "release", "kompis")

if not os.path.exists(os.path.join(EVAL, "score.py")):
    print("skipped: ../shared/eval is not beside the checkout")
    sys.exit(0)
_spec = importlib.util.spec_from_file_location("score", os.path.join(EVAL, "score.py"))
score = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(score)


def rank_file(path):
    """Imports the bundle at `path` into a fresh catalogue and ranks every
    need (`kompis match --json --top 20`)."""
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "db")
        subprocess.run([KOMPIS, "--db", db, "import", path], check=True, stdout=subprocess.DEVNULL)
        out = subprocess.run([KOMPIS, "--db", db, "match", "--json", "--top", "20"],
                             check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def rank(bundle):
    """rank_file for a bundle held as a dict."""
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "bundle.json")
        with open(path, "w", encoding="utf-8") as f:
            json.dump(bundle, f, ensure_ascii=False)
        return rank_file(path)
