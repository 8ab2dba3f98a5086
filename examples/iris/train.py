"""A small real training job: a random forest on the iris data, with scikit-learn.

    python train.py            (reads params.yaml and data/iris.csv; writes model/ and metrics.json)
"""
import csv
import json
import os
import pickle

import yaml
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import accuracy_score, f1_score
from sklearn.model_selection import train_test_split

with open("params.yaml") as f:
    params = yaml.safe_load(f)["train"]

with open("data/iris.csv", newline="") as f:
    rows = list(csv.DictReader(f))
features = ["sepal_length_cm", "sepal_width_cm", "petal_length_cm", "petal_width_cm"]
X = [[float(r[c]) for c in features] for r in rows]
y = [r["species"] for r in rows]
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=params["test_fraction"], random_state=params["seed"], stratify=y)
print(f"iris: {len(X_train)} rows to train on, {len(X_test)} to test", flush=True)

model = RandomForestClassifier(n_estimators=params["n_estimators"], max_depth=params["max_depth"], random_state=params["seed"])
model.fit(X_train, y_train)
pred = model.predict(X_test)

os.makedirs("model", exist_ok=True)
with open("model/model.pkl", "wb") as f:
    pickle.dump({"features": features, "model": model}, f)
with open("metrics.json", "w") as f:
    json.dump({"accuracy": accuracy_score(y_test, pred), "f1_macro": f1_score(y_test, pred, average="macro")}, f, indent=2)
print(f"accuracy {accuracy_score(y_test, pred):.4f}", flush=True)
