//! Encode/decode throughput of the TL primitives, against grammers-tl-types
//! 0.11 in the same run. Each criterion group is one case with `ours` and
//! `grammers` side by side; `bytes_1MiB` decode also has `memcpy`
//! (`to_vec` of the payload) as the floor.
//!
//! Encoding writes into a reused `Vec<u8>` (cleared per iteration), so the
//! figures are the encoders' own cost; `to_bytes()` adds one allocation of
//! the same size in both libraries.

use criterion::{black_box, criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use grammers_tl_types::{Deserializable, Serializable};
use tl_runtime::{Deserialize, Reader, Serialize};

/// Payload sizes for the string cases.
const STRING_SIZES: [(&str, usize); 3] = [("16B", 16), ("1KiB", 1 << 10), ("64KiB", 64 << 10)];
const VECTOR_ITEMS: usize = 10_000;
const BLOB_SIZE: usize = 1 << 20;

fn text(len: usize) -> String {
    "TL strings are length-prefixed. "
        .chars()
        .cycle()
        .take(len)
        .collect()
}

fn longs() -> Vec<i64> {
    (0..VECTOR_ITEMS as i64).map(|i| i * 0x0123_4567).collect()
}

fn blob() -> Vec<u8> {
    (0..BLOB_SIZE).map(|i| (i * 31) as u8).collect()
}

fn encode(c: &mut Criterion) {
    let mut group = c.benchmark_group("encode");
    group.throughput(Throughput::Bytes(4));
    encode_pair(&mut group, "int", &0x1234_5678i32);
    group.throughput(Throughput::Bytes(8));
    encode_pair(&mut group, "long", &0x1234_5678_9abc_def0i64);
    for (name, len) in STRING_SIZES {
        group.throughput(Throughput::Bytes(len as u64));
        encode_pair(&mut group, &format!("string_{name}"), &text(len));
    }
    group.throughput(Throughput::Bytes(8 * VECTOR_ITEMS as u64));
    encode_pair(&mut group, "vector_long_10k", &longs());
    let data = blob();
    group.throughput(Throughput::Bytes(BLOB_SIZE as u64));
    let mut buf = Vec::new();
    group.bench_function(BenchmarkId::new("bytes_1MiB", "ours"), |b| {
        b.iter(|| {
            buf.clear();
            tl_runtime::wire::write_bytes(&mut buf, black_box(&data));
            black_box(buf.len())
        })
    });
    group.bench_function(BenchmarkId::new("bytes_1MiB", "grammers"), |b| {
        b.iter(|| {
            buf.clear();
            Serializable::serialize(black_box(&data), &mut buf);
            black_box(buf.len())
        })
    });
    group.finish();
}

/// Benchmarks encoding `value` into a reused buffer with both libraries,
/// so that the allocator does not blur the encoders' own cost.
fn encode_pair<T: Serialize + Serializable>(
    group: &mut criterion::BenchmarkGroup<'_, criterion::measurement::WallTime>,
    case: &str,
    value: &T,
) {
    let mut buf = Vec::new();
    group.bench_function(BenchmarkId::new(case, "ours"), |b| {
        b.iter(|| {
            buf.clear();
            Serialize::serialize(black_box(value), &mut buf);
            black_box(buf.len())
        })
    });
    group.bench_function(BenchmarkId::new(case, "grammers"), |b| {
        b.iter(|| {
            buf.clear();
            Serializable::serialize(black_box(value), &mut buf);
            black_box(buf.len())
        })
    });
}

/// Our `bytes` encoding as generated code does it: one exact allocation,
/// then `wire::write_bytes`.
fn encode_bytes(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(tl_runtime::wire::bytes_len(data.len()));
    tl_runtime::wire::write_bytes(&mut out, data);
    out
}

fn decode(c: &mut Criterion) {
    let mut group = c.benchmark_group("decode");
    let int = 0x1234_5678i32.to_le_bytes();
    group.throughput(Throughput::Bytes(4));
    group.bench_function(BenchmarkId::new("int", "ours"), |b| {
        b.iter(|| <i32 as Deserialize>::from_bytes(black_box(&int)))
    });
    group.bench_function(BenchmarkId::new("int", "grammers"), |b| {
        b.iter(|| <i32 as Deserializable>::from_bytes(black_box(&int)))
    });
    let long = 0x1234_5678_9abc_def0i64.to_le_bytes();
    group.throughput(Throughput::Bytes(8));
    group.bench_function(BenchmarkId::new("long", "ours"), |b| {
        b.iter(|| <i64 as Deserialize>::from_bytes(black_box(&long)))
    });
    group.bench_function(BenchmarkId::new("long", "grammers"), |b| {
        b.iter(|| <i64 as Deserializable>::from_bytes(black_box(&long)))
    });
    for (name, len) in STRING_SIZES {
        let bytes = Serialize::to_bytes(&text(len));
        let case = format!("string_{name}");
        group.throughput(Throughput::Bytes(len as u64));
        group.bench_function(BenchmarkId::new(&case, "ours"), |b| {
            b.iter(|| <String as Deserialize>::from_bytes(black_box(&bytes)))
        });
        group.bench_function(BenchmarkId::new(&case, "grammers"), |b| {
            b.iter(|| <String as Deserializable>::from_bytes(black_box(&bytes)))
        });
    }
    let vector = Serialize::to_bytes(&longs());
    group.throughput(Throughput::Bytes(8 * VECTOR_ITEMS as u64));
    group.bench_function(BenchmarkId::new("vector_long_10k", "ours"), |b| {
        b.iter(|| <Vec<i64> as Deserialize>::from_bytes(black_box(&vector)))
    });
    group.bench_function(BenchmarkId::new("vector_long_10k", "grammers"), |b| {
        b.iter(|| <Vec<i64> as Deserializable>::from_bytes(black_box(&vector)))
    });
    let data = blob();
    let blob_bytes = encode_bytes(&data);
    group.throughput(Throughput::Bytes(BLOB_SIZE as u64));
    group.bench_function(BenchmarkId::new("bytes_1MiB", "ours"), |b| {
        b.iter(|| Reader::new(black_box(&blob_bytes)).read_bytes())
    });
    group.bench_function(BenchmarkId::new("bytes_1MiB", "grammers"), |b| {
        b.iter(|| <Vec<u8> as Deserializable>::from_bytes(black_box(&blob_bytes)))
    });
    group.bench_function(BenchmarkId::new("bytes_1MiB", "memcpy"), |b| {
        b.iter(|| black_box(&data[..]).to_vec())
    });
    group.finish();
}

criterion_group!(benches, encode, decode);
criterion_main!(benches);
