"""No ID number or phone number in a file name, a manifest or a receipt."""
from __future__ import annotations

import io
import json
import zipfile

from sanxiang_desktop.sync.container import open_package, open_payload
from sanxiang_desktop.sync.trust import own_key, peer_key

from .world import forge, record_lines


def personal_values(*nodes) -> set[str]:
    values = set()
    for node in nodes:
        for line in node.dump():
            row = json.loads(line)
            if row["table"] == "people":
                values |= {v for v in (row.get("id_number"), row.get("phone")) if v}
    return values


def manifest_of(path) -> bytes:
    with zipfile.ZipFile(io.BytesIO(path.read_bytes())) as z:
        return z.read("manifest.json")


def test_no_personal_data_in_names_manifests_or_receipts(world, tmp_path):
    t1, t2, c, y = world["t1"], world["t2"], world["c"], world["y"]
    secrets = personal_values(t1, t2, c)
    assert len(secrets) > 40
    ups = [t1.export(), t2.export()]
    # a rejected package too, so the receipt carries a rejection reason
    bad = tmp_path / "bad.sxpkg"
    bad.write_bytes(forge(t1, record_lines(t1, "people", limit=3, owner="640104001"), recipient=c.code))
    assert c.take(*ups, bad)[2].refused
    county_up = c.export()
    y.take(county_up)
    downs = [c.receipt_for(t1), c.receipt_for(t2), y.receipt_for(c)]
    written = ups + [county_up] + downs
    checked = 0
    for w in written:
        for path in w.paths:
            name = path.name.encode()
            manifest = manifest_of(path)
            for value in secrets:
                assert value.encode() not in name
                assert value.encode() not in manifest, f"{value[:4]}… in the manifest of {path.name}"
            checked += 1
    for receipt, node in zip(downs, (t1, t2, c)):
        data = receipt.paths[0].read_bytes()
        with node.db.session() as s:
            plain = open_payload(open_package(data, trusted_key_for=lambda u: peer_key(s, u)), own_key(s))
        assert b"rejections" in plain
        for value in secrets:
            assert value.encode() not in data and value.encode() not in plain
    assert checked == len(written)
    # the data payloads do carry them (encrypted to the recipient: not readable in the file)
    sample = next(iter(secrets)).encode()
    assert not any(sample in p.read_bytes() for w in ups for p in w.paths)
