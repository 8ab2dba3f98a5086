"""pandas doing the checks validate-data does on the benchmark file (bench/validate-data.mjs), for
one of its two schemas. Prints one JSON line: the failing rows per check (wall time and peak RSS
are measured by the caller)."""
import json
import sys

import pandas as pd

path, schema = sys.argv[1], sys.argv[2]
INT = r"^[A-Z]{3}$"
ENUM = sys.argv[3].split(",") if len(sys.argv) > 3 else []
failed = {}
if schema == "a":
    df = pd.read_csv(path, dtype={"date": str, "origin": str, "destination": str})
    dates = pd.to_datetime(df["date"], format="%Y-%m-%d %H:%M:%S", errors="coerce")
    failed["date.type"] = int((df["date"].notna() & dates.isna()).sum())
    for col, lo, hi in (("delay", -20, 300), ("distance", 100, None)):
        x = df[col]
        present = x.notna()
        whole = present & (x % 1 == 0)
        failed[f"{col}.not_null"] = int((~present).sum())
        failed[f"{col}.type"] = int((present & ~whole).sum())
        failed[f"{col}.min"] = int((whole & (x < lo)).sum())
        if hi is not None:
            failed[f"{col}.max"] = int((whole & (x > hi)).sum())
    o = df["origin"]
    failed["origin.pattern"] = int((o.notna() & ~o.str.fullmatch(r"[A-Z]{3}").fillna(False).astype(bool)).sum())
else:
    df = pd.read_csv(path, dtype={"date": str, "origin": str, "destination": str})
    failed["id.unique"] = int(df["id"].dropna().duplicated().sum())
    failed["delay.min"] = int((df["delay"] < -20).sum())
    failed["distance.max"] = int((df["distance"] > 2000).sum())
    o = df["origin"]
    failed["origin.enum"] = int((o.notna() & ~o.isin(ENUM)).sum())
print(json.dumps({"rows": len(df), "failed": failed}))
