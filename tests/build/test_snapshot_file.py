"""The stored snapshot is what the manifest announces, in the layout the worker reads.

``build_scripts/bundle/snapshot.mjs`` writes the Pyodide memory snapshot packed (only its 512-byte
blocks that are not all zeros, with an index) and its first ``delta_bytes`` of memory XOR the
memory as WebAssembly instantiated it; ``docs/assets/js/calc-worker.mjs`` undoes both. This reads
the built files with its own reader of that layout ("LWTP", the snapshot's size, the number of
runs, (offset, length) per run, the runs' bytes; little-endian 32-bit words) and checks what the
worker relies on. That the worker really restores it is checked in every engine by
``tests/browser/test_engines.py`` (the start-up path must be "snapshot").
"""

from __future__ import annotations

import gzip
import hashlib
import json
import struct

import pytest

PACK_MAGIC = b"LWTP"
PYODIDE_MAGIC = b"\x00snp"
WASM_PAGE = 64 * 1024


@pytest.fixture(scope="module")
def snapshot(built_site):
    manifest = json.loads((built_site / "assets" / "calc" / "manifest.json").read_text(encoding="utf-8"))
    entry = manifest.get("snapshot")
    assert entry, "the build made no snapshot (is node missing, or LWT_SNAPSHOT=0?)"
    stored = (built_site / "assets" / "calc" / entry["file"]).read_bytes()
    return entry, stored, gzip.decompress(stored)


def unpack(packed: bytes) -> tuple[int, list[tuple[int, int]], bytes]:
    """The snapshot's size, its runs and the snapshot laid out, read independently of the worker."""
    magic, size, count = packed[:4], *struct.unpack_from("<II", packed, 4)
    assert magic == PACK_MAGIC
    runs = [struct.unpack_from("<II", packed, 12 + 8 * i) for i in range(count)]
    memory = bytearray(size)
    at = 12 + 8 * count
    for offset, length in runs:
        memory[offset:offset + length] = packed[at:at + length]
        at += length
    assert at == len(packed), "bytes left after the last run"
    return size, runs, bytes(memory)


def test_the_stored_file_is_the_one_the_manifest_names(snapshot):
    entry, stored, packed = snapshot
    assert hashlib.sha256(stored).hexdigest() == entry["file_sha256"]
    assert hashlib.sha256(packed).hexdigest() == entry["sha256"]
    assert len(packed) == entry["packed_bytes"]


def test_the_runs_are_ordered_apart_and_inside_the_snapshot(snapshot):
    entry, _, packed = snapshot
    size, runs, _ = unpack(packed)
    assert size == entry["bytes"]
    ends = [offset + length for offset, length in runs]
    assert all(length > 0 for _, length in runs)
    assert all(end < next_offset for end, (next_offset, _) in zip(ends, runs[1:])), "runs touch or overlap"
    assert ends[-1] <= size


def test_the_unpacked_snapshot_is_pyodides_with_a_delta_inside_its_memory(snapshot):
    entry, _, packed = snapshot
    size, _, memory = unpack(packed)
    assert memory[:4] == PYODIDE_MAGIC
    header = struct.unpack_from("<I", memory, 4)[0]
    delta = entry["delta_bytes"]
    # The delta covers whole wasm pages at the start of the memory, within the snapshot.
    assert 0 < delta and delta % WASM_PAGE == 0 and header + delta <= size
    # Packing only leaves out zeros: two thirds of the memory, so most of it is stored as nothing.
    assert len(packed) < size / 2
