//! Benchmarks of the export printers: every format (HTML, Markdown, JSON, ANSI)
//! writing the bundled sample story, and a two-version story of about 5 MB per
//! version. The comparison is made once, outside the timed loop; only the
//! printing is timed, into a reused in-memory buffer.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use wirediff::compare::{Comparison, EngineConfig, compare};
use wirediff::export::{self, ExportOptions, Format};
use wirediff::ingest::{self, Input, ReadOptions};

/// A small xorshift generator: the same text on every run, no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % n.max(1) as u64).unwrap_or(0)
    }

    fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
        from[self.below(from.len())]
    }
}

const SUBJECTS: &[&str] = &[
    "officials",
    "the prime minister",
    "security forces",
    "witnesses",
    "the ministry",
    "protesters",
    "an aide",
    "the militia leaders",
    "two Iraqi officials",
    "the president",
    "police",
    "the United Nations envoy",
    "residents",
    "the army",
    "lawmakers",
    "the court",
];
const VERBS: &[&str] = &[
    "said",
    "reported",
    "confirmed",
    "denied",
    "warned",
    "announced",
    "insisted",
    "added",
    "told reporters",
    "wrote",
    "argued",
    "claimed",
    "acknowledged",
    "suggested",
];
const WORDS: &[&str] = &[
    "that",
    "the",
    "attack",
    "on",
    "Sunday",
    "residence",
    "drones",
    "guards",
    "were",
    "wounded",
    "in",
    "a",
    "statement",
    "after",
    "election",
    "results",
    "capital",
    "fortified",
    "zone",
    "tensions",
    "rose",
    "sharply",
    "across",
    "Baghdad",
    "while",
    "troops",
    "patrolled",
    "streets",
    "near",
    "the",
    "camp",
    "where",
    "supporters",
    "demanded",
    "recount",
    "of",
    "votes",
    "and",
    "leaders",
    "mourned",
    "protester",
    "killed",
    "clashes",
    "with",
    "security",
    "forces",
    "government",
    "meeting",
    "dialogue",
    "calm",
    "restraint",
    "November",
    "month",
    "week",
    "militias",
    "factions",
    "parliament",
    "seats",
    "lost",
    "won",
    "coalition",
    "talks",
];
const NUMBERS: &[&str] = &[
    "two",
    "seven",
    "12",
    "40",
    "1,500",
    "three",
    "dozens of",
    "9",
];

fn sentence(rng: &mut Rng) -> String {
    let mut s = format!("{} {}", rng.pick(SUBJECTS), rng.pick(VERBS));
    let n = 6 + rng.below(18);
    for i in 0..n {
        s.push(' ');
        if rng.below(12) == 0 {
            s.push_str(rng.pick(NUMBERS));
        } else {
            s.push_str(rng.pick(WORDS));
        }
        if i + 1 < n && rng.below(9) == 0 {
            s.push(',');
        }
    }
    let mut c = s.chars();
    let first = c.next().map(|h| h.to_uppercase().collect::<String>());
    let mut out = first.unwrap_or_default() + c.as_str();
    out.push(if rng.below(15) == 0 { '?' } else { '.' });
    if rng.below(10) == 0 {
        out = format!("“{out}” {} {}.", rng.pick(SUBJECTS), rng.pick(VERBS));
    }
    out
}

fn paragraph(rng: &mut Rng, i: usize) -> String {
    let n = 4 + rng.below(6);
    let mut p: Vec<String> = (0..n).map(|_| sentence(rng)).collect();
    p.push(format!("(Paragraph {i}.)"));
    p.join(" ")
}

/// Two versions of one long story, about `bytes` each: the second has a word
/// changed in every third paragraph, every 17th paragraph dropped and a new
/// paragraph after every 23rd.
fn big_story(bytes: usize) -> (String, String) {
    let mut rng = Rng(0x5EED_CAFE_F00D_1234);
    let mut base = Vec::new();
    let mut size = 0;
    while size < bytes {
        let p = paragraph(&mut rng, base.len());
        size += p.len() + 2;
        base.push(p);
    }
    let mut other = Vec::new();
    for (i, p) in base.iter().enumerate() {
        if i % 17 == 5 {
            continue;
        }
        if i % 3 == 0 {
            let swap = rng.pick(&["injured", "Monday", "eight", "ministers", "quietly"]);
            let mut words: Vec<&str> = p.split(' ').collect();
            let at = 1 + rng.below(words.len() - 2);
            words[at] = swap;
            other.push(words.join(" "));
        } else {
            other.push(p.clone());
        }
        if i % 23 == 11 {
            other.push(paragraph(&mut rng, 1_000_000 + i));
        }
    }
    (base.join("\n\n"), other.join("\n\n"))
}

fn compare_inputs(inputs: &[Input]) -> Comparison {
    let opts = ReadOptions::default();
    let versions = inputs
        .iter()
        .map(|i| ingest::decode(i, &opts).expect("decodes"))
        .collect();
    compare(versions, &EngineConfig::default()).expect("compare")
}

fn bench_exports(c: &mut Criterion, group: &str, cmp: &Comparison, sample_size: Option<usize>) {
    let mut opts = ExportOptions::all(cmp);
    opts.color = true;
    let mut g = c.benchmark_group(group);
    if let Some(n) = sample_size {
        g.sample_size(n);
    }
    for format in Format::ALL {
        let mut buf = Vec::new();
        export::write(cmp, format, &opts, &mut buf).expect("export");
        g.throughput(Throughput::Bytes(buf.len() as u64));
        g.bench_function(name(format), |b| {
            b.iter(|| {
                buf.clear();
                export::write(black_box(cmp), format, &opts, &mut buf).expect("export");
                buf.len()
            });
        });
    }
    g.finish();
}

fn name(format: Format) -> &'static str {
    match format {
        Format::Html => "html",
        Format::Md => "md",
        Format::Json => "json",
        Format::Ansi => "ansi",
    }
}

fn benches(c: &mut Criterion) {
    let sample = compare_inputs(&ingest::sample_inputs());
    bench_exports(c, "export-sample", &sample, None);

    let (a, b) = big_story(5 << 20);
    let started = std::time::Instant::now();
    let big = compare_inputs(&[
        Input {
            path: "big/a.txt".into(),
            bytes: a.into_bytes(),
            file: None,
        },
        Input {
            path: "big/b.txt".into(),
            bytes: b.into_bytes(),
            file: None,
        },
    ]);
    eprintln!(
        "5 MB story: {} rows, {} changes, compared in {:.1?} (not timed)",
        big.table.rows.len(),
        big.changes.len(),
        started.elapsed()
    );
    bench_exports(c, "export-5mb", &big, Some(10));
}

criterion_group!(export_benches, benches);
criterion_main!(export_benches);
