//! Criterion benchmarks of the hcx library, reported as throughput in input bytes.
//!
//! - `pipeline/read+analyze`: reading the articles from disk and running the whole
//!   pipeline (extraction, topic placement, comparison), as `hcx diff` does minus printing.
//! - `pipeline/analyze`: the same on articles already read.
//! - `extract/claims`: claim extraction alone ([`hcx::extract::claims::extract`]) on each source.
//!
//! The corpus is `seeds/` unless `HCX_BENCH_CORPUS` names another folder, such as one
//! made by `scripts/gen-corpus.py` (large corpora take few samples: expect minutes).
//!
//! ```text
//! cargo bench --bench pipeline
//! HCX_BENCH_CORPUS=target/bench-corpus/10mb cargo bench --bench pipeline
//! ```

use std::fs;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkGroup, Criterion, Throughput};

use hcx::rules::RuleSet;
use hcx::ReadOptions;

/// The folder to benchmark over.
fn corpus_dir() -> PathBuf {
    match std::env::var_os("HCX_BENCH_CORPUS") {
        Some(dir) => PathBuf::from(dir),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds"),
    }
}

/// Total size in bytes of the article files (`.txt`, `.md`) under `dir`, hidden entries
/// left out, as hcx reads them.
fn article_bytes(dir: &Path) -> u64 {
    let Ok(entries) = fs::read_dir(dir) else {
        return fs::metadata(dir).map_or(0, |meta| meta.len());
    };
    let mut total = 0;
    for entry in entries.flatten() {
        let path = entry.path();
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        if path.is_dir() {
            total += article_bytes(&path);
        } else if path
            .extension()
            .and_then(|ext| ext.to_str())
            .is_some_and(|ext| ext.eq_ignore_ascii_case("txt") || ext.eq_ignore_ascii_case("md"))
        {
            total += entry.metadata().map_or(0, |meta| meta.len());
        }
    }
    total
}

/// Fewer, longer samples for corpora that take more than a moment per pass.
fn tune<M: criterion::measurement::Measurement>(group: &mut BenchmarkGroup<'_, M>, bytes: u64) {
    if bytes > 1_000_000 {
        group.sample_size(10);
        group.measurement_time(Duration::from_secs(30));
    }
}

fn bench_pipeline(c: &mut Criterion) {
    let paths = vec![corpus_dir()];
    let bytes = article_bytes(&paths[0]);
    let rules = RuleSet::builtin();
    let corpus = hcx::read(&paths, &ReadOptions::default()).expect("corpus reads");
    assert!(
        !corpus.sources.is_empty(),
        "no articles in {}",
        paths[0].display()
    );

    let mut group = c.benchmark_group("pipeline");
    group.throughput(Throughput::Bytes(bytes));
    tune(&mut group, bytes);
    group.bench_function("read+analyze", |b| {
        b.iter(|| {
            let corpus =
                hcx::read(black_box(&paths), &ReadOptions::default()).expect("corpus reads");
            black_box(hcx::analyze(&corpus.sources, &rules))
        });
    });
    group.bench_function("analyze", |b| {
        b.iter(|| black_box(hcx::analyze(black_box(&corpus.sources), &rules)));
    });
    group.finish();
}

fn bench_extract(c: &mut Criterion) {
    let paths = vec![corpus_dir()];
    let bytes = article_bytes(&paths[0]);
    let corpus = hcx::read(&paths, &ReadOptions::default()).expect("corpus reads");

    let mut group = c.benchmark_group("extract");
    group.throughput(Throughput::Bytes(bytes));
    tune(&mut group, bytes);
    group.bench_function("claims", |b| {
        b.iter(|| {
            let mut count = 0usize;
            for source in &corpus.sources {
                count += hcx::extract::claims::extract(black_box(source)).len();
            }
            black_box(count)
        });
    });
    group.finish();
}

criterion_group!(benches, bench_pipeline, bench_extract);
criterion_main!(benches);
