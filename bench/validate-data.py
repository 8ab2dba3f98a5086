"""pandas doing what `validateData` does on the benchmark file: read the CSV, then the same type,
null, range and uniqueness checks. Prints one JSON line (wall time measured by the caller)."""
import json
import resource
import sys
import time

import pandas as pd

start = time.perf_counter()
path = sys.argv[1]
df = pd.read_csv(path, dtype={"origin": str, "destination": str}, keep_default_na=True)
failed = {}
for col in df.columns:
    failed[f"{col}.not_null"] = int(df[col].isna().sum())
for col in ("id", "delay", "distance"):
    # an integer column that held a non-number would have been read as object/float
    failed[f"{col}.type"] = 0 if pd.api.types.is_integer_dtype(df[col]) else int(
        pd.to_numeric(df[col], errors="coerce").isna().sum()
    )
dates = pd.to_datetime(df["date"], format="%Y-%m-%d %H:%M:%S", errors="coerce")
failed["date.type"] = int(dates.isna().sum() - df["date"].isna().sum())
failed["delay.min"] = int((df["delay"] < -1000).sum())
failed["delay.max"] = int((df["delay"] > 2000).sum())
failed["distance.min"] = int((df["distance"] < 0).sum())
failed["id.unique"] = int(df["id"].duplicated().sum())
elapsed = time.perf_counter() - start
print(json.dumps({
    "rows": len(df),
    "failed": {k: v for k, v in failed.items() if v},
    "seconds_inside": round(elapsed, 3),
    "max_rss_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
}))
