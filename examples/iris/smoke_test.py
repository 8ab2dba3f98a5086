"""Known input -> expected output, run against the packaged model before it is published.

    python smoke_test.py PACKAGE_DIR      (the folder holding model.pkl, at any depth)
"""
import pathlib
import pickle
import sys

[model_file] = list(pathlib.Path(sys.argv[1]).rglob("model.pkl"))
with open(model_file, "rb") as f:
    saved = pickle.load(f)
# A textbook setosa and a textbook virginica.
got = list(saved["model"].predict([[5.1, 3.5, 1.4, 0.2], [6.7, 3.0, 5.8, 2.2]]))
if got != ["setosa", "virginica"]:
    sys.exit(f"expected setosa, virginica; the model says {got}")
print("smoke test passed")
