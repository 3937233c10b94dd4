"""cluster.py - the map step of a sharded build on a Dask cluster.

Usage: cluster.py SCHEDULER_FILE ACTORGRAPH OUT SHARD...

Each SHARD is a file listing documents, one a line. One task per shard runs
'ACTORGRAPH extract --format records' on its documents in a worker of the
cluster (the shards go to the workers in turn, so that every worker takes
some), and the records are gathered and written to OUT in shard order, for
'actorgraph build --records' to reduce.
"""
import subprocess
import sys

from distributed import Client, get_worker


def extract(actorgraph, shard):
    """Run on a worker: the records of the documents listed in 'shard'."""
    with open(shard) as f:
        docs = f.read().split("\n")
    run = subprocess.run([actorgraph, "extract", "--format", "records"] + [d for d in docs if d],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=False)
    if run.returncode != 0:
        raise RuntimeError("%s: actorgraph exited with status %d: %s"
                           % (shard, run.returncode, run.stderr.decode(errors="replace")))
    return get_worker().address, run.stdout


def main():
    scheduler_file, actorgraph, out, shards = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
    with Client(scheduler_file=scheduler_file, timeout=60) as client:
        client.wait_for_workers(2, timeout=60)
        workers = sorted(client.scheduler_info()["workers"])
        futures = [client.submit(extract, actorgraph, shard, key="extract-%d" % i,
                                 workers=[workers[i % len(workers)]], allow_other_workers=False, pure=False)
                   for i, shard in enumerate(shards)]
        results = client.gather(futures)
    with open(out, "wb") as f:
        for _, records in results:
            f.write(records)
    used = sorted({worker for worker, _ in results})
    print("cluster.py: %d shards extracted on %d workers (%s)" % (len(shards), len(used), ", ".join(used)))
    return 0 if len(used) == len(workers) == 2 else 1


if __name__ == "__main__":
    sys.exit(main())
