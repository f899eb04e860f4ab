"""Throughput of the package container (not a test: run it by hand).

    .venv/bin/python scripts/bench_container.py [MEGABYTES]

Prints build and open MB/s (MB = 10**6 bytes of plain payload) for realistic
JSON Lines and for incompressible bytes (photos), with and without
encryption, and the compression trade-off that chose zlib level 6.
"""
from __future__ import annotations

import json
import lzma
import os
import random
import sys
import time
import uuid
import zlib

if __name__ == "__main__":
    sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", ".."))

from sanxiang_desktop.sync.container import build_package, open_package, open_payload
from sanxiang_desktop.sync.keys import KeyPair

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂"
TITLES = ["科普讲座", "农业技术培训", "科普大篷车进村", "健康知识讲座", "防灾减灾宣传", "青少年科技活动"]


def realistic_jsonl(size: int, seed: int = 1) -> bytes:
    """Record states as the record layer will write them: UUIDs, codes, clocks, Chinese text."""
    rnd = random.Random(seed)
    lines, total, i = [], 0, 0
    while total < size:
        i += 1
        rec = {"table": rnd.choice(["person", "activity", "visit", "post"]),
               "id": str(uuid.UUID(int=rnd.getrandbits(128))),
               "owner": "640104%03d000" % rnd.randint(1, 12), "rev": rnd.randint(1, 9),
               "hlc": "%013d-%04d-640104100" % (1700000000000 + i * 7919, rnd.randint(0, 99)),
               "created_by": "clerk%02d" % rnd.randint(1, 20),
               "name": rnd.choice(SURNAMES) + "".join(rnd.choice(GIVEN) for _ in range(rnd.randint(1, 2))),
               "phone": "1%d%09d" % (rnd.choice([3, 5, 8]), rnd.randint(0, 10**9 - 1)),
               "title": rnd.choice(TITLES) + "（第%d期）" % rnd.randint(1, 30),
               "date": "2025-%02d-%02d" % (rnd.randint(1, 12), rnd.randint(1, 28)),
               "participants": rnd.randint(5, 300), "deleted": False,
               "note": rnd.choice(["", "", "村委会会议室", "由县科协组织，镇政府协办"])}
        line = json.dumps(rec, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"
        lines.append(line.encode())
        total += len(lines[-1])
    return b"".join(lines)[:size]


def _rate(nbytes: int, seconds: float) -> str:
    return f"{nbytes / 1e6 / seconds:7.1f} MB/s"


def bench_container(label: str, plain: bytes) -> None:
    sender, recipient = KeyPair.generate(), KeyPair.generate()
    for encrypted in (False, True):
        builds, opens = [], []
        for _ in range(3):   # the first run also pays the page faults of fresh buffers
            t0 = time.perf_counter()
            pkg = build_package({"sender_unit": "640104100"}, plain, sender,
                                recipient.public_bytes if encrypted else None)
            t1 = time.perf_counter()
            opened = open_package(pkg, trusted_key_for=lambda unit: sender.public_bytes)
            out = open_payload(opened, recipient)
            t2 = time.perf_counter()
            assert out == plain
            builds.append(t1 - t0)
            opens.append(t2 - t1)
            size, compression = len(pkg), opened.manifest["compression"]
            del pkg, opened, out
        print(f"{label:7s} {'encrypted' if encrypted else 'plain    '}:"
              f" build {_rate(len(plain), min(builds))} (first {_rate(len(plain), builds[0])})"
              f"  open {_rate(len(plain), min(opens))} (first {_rate(len(plain), opens[0])})"
              f"  file/plain {size / len(plain):.3f} ({compression})", flush=True)


def bench_compression(plain: bytes) -> None:
    for name, pack, unpack in [
        ("zlib-1", lambda b: zlib.compress(b, 1), zlib.decompress),
        ("zlib-6", lambda b: zlib.compress(b, 6), zlib.decompress),
        ("zlib-9", lambda b: zlib.compress(b, 9), zlib.decompress),
        ("lzma-0", lambda b: lzma.compress(b, preset=0), lzma.decompress),
        ("lzma-1", lambda b: lzma.compress(b, preset=1), lzma.decompress)]:
        t0 = time.perf_counter()
        packed = pack(plain)
        t1 = time.perf_counter()
        unpack(packed)
        t2 = time.perf_counter()
        print(f"jsonl   {name}: ratio {len(packed) / len(plain):.3f}  compress {_rate(len(plain), t1 - t0)}"
              f"  decompress {_rate(len(plain), t2 - t1)}", flush=True)


if __name__ == "__main__":
    size = int(float(sys.argv[1]) * 1e6) if len(sys.argv) > 1 else 50_000_000
    jsonl = realistic_jsonl(size)
    bench_container("jsonl", jsonl)
    bench_container("photos", os.urandom(size))
    bench_compression(jsonl)
