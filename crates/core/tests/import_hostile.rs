//! Hostile input to the compose importer: each case ends in a clear error
//! (a stable code, a place, en and zh) within a second and with bounded
//! memory, never a hang or a panic, and no plan comes out. Memory is
//! measured by a counting allocator; cases run one at a time so the peak
//! belongs to the case.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use stackfit_core::import::{compose, ComposeImport, ComposeInput, InputFile};

struct Counting;

static CURRENT: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);
static SERIAL: Mutex<()> = Mutex::new(());

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        let now = CURRENT.fetch_add(l.size(), Relaxed) + l.size();
        PEAK.fetch_max(now, Relaxed);
        unsafe { System.alloc(l) }
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        CURRENT.fetch_sub(l.size(), Relaxed);
        unsafe { System.dealloc(p, l) }
    }
}

#[global_allocator]
static ALLOC: Counting = Counting;

/// The bound is one second for the release build users run; an unoptimised
/// test build of the parser is several times slower, and CI machines are shared.
const LIMIT: Duration = if cfg!(debug_assertions) {
    Duration::from_secs(4)
} else {
    Duration::from_secs(1)
};

/// Memory any case may add to what the test already holds.
const MAX_EXTRA_BYTES: usize = 64 << 20;

/// Runs one import, checking time and memory, and returns it.
fn run(files: &[(&str, &[u8])], others: &[(&str, &[u8])], env: Option<&[u8]>) -> ComposeImport {
    let _one_at_a_time = SERIAL.lock().unwrap_or_else(|e| e.into_inner());
    let input = ComposeInput {
        files: files.iter().map(|(n, b)| InputFile::new(n, b)).collect(),
        others: others.iter().map(|(n, b)| InputFile::new(n, b)).collect(),
        env: env.map(|e| InputFile::new(".env", e)),
        tier: "aliyun-ecs-c7-large",
        ..Default::default()
    };
    let base = CURRENT.load(Relaxed);
    PEAK.store(base, Relaxed);
    let t = Instant::now();
    let got = compose(&input);
    let took = t.elapsed();
    let extra = PEAK.load(Relaxed).saturating_sub(base);
    let code = got.errors.first().map_or("ok", |e| e.code);
    eprintln!("{code}: {took:?}, {} KiB at most", extra >> 10);
    assert!(took < LIMIT, "took {took:?}");
    assert!(extra < MAX_EXTRA_BYTES, "used {} MiB", extra >> 20);
    got
}

fn refused(got: &ComposeImport, code: &str) {
    assert!(got.plan.is_none(), "a plan came out of hostile input");
    let e = got
        .errors
        .iter()
        .find(|e| e.code == code)
        .unwrap_or_else(|| panic!("no {code} error in {:#?}", got.errors));
    assert!(e.at.is_some(), "{code}: no place");
    assert!(!e.en.is_empty() && !e.zh.is_empty());
    assert!(
        e.zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
        "{code}: zh is not Chinese: {}",
        e.zh
    );
}

#[test]
fn alias_bomb() {
    let mut y = String::from("x-a: &a [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n");
    let mut prev = "a".to_string();
    for i in 0..9 {
        let name = format!("b{i}");
        let refs = vec![format!("*{prev}"); 9].join(", ");
        y.push_str(&format!("x-{name}: &{name} [{refs}]\n"));
        prev = name;
    }
    y.push_str(&format!(
        "services:\n  s:\n    image: nginx\n    labels: {{x: *{prev}}}\n"
    ));
    let got = run(&[("bomb.yml", y.as_bytes())], &[], None);
    refused(&got, "too-many-nodes");
    assert!(
        got.errors[0].en.contains("alias bomb"),
        "{}",
        got.errors[0].en
    );
}

#[test]
fn merge_key_bomb() {
    let mut y = String::from("x-0: &m0 {a: 1, b: 2, c: 3, d: 4}\n");
    for i in 1..30 {
        let refs = vec![format!("*m{}", i - 1); 8].join(", ");
        y.push_str(&format!("x-{i}: &m{i}\n  <<: [{refs}]\n  k{i}: v\n"));
    }
    y.push_str("services: {}\n");
    refused(
        &run(&[("merge.yml", y.as_bytes())], &[], None),
        "too-many-nodes",
    );
}

#[test]
fn deeply_nested_blocks_and_flows() {
    let block = format!(
        "services:\n  s:\n    labels:\n      x:\n        {}1\n",
        "- ".repeat(10_000)
    );
    refused(
        &run(&[("deep.yml", block.as_bytes())], &[], None),
        "too-deep",
    );
    let mut indented = String::from("services:\n");
    for i in 0..1_000 {
        indented.push_str(&" ".repeat(i + 2));
        indented.push_str("k:\n");
    }
    refused(
        &run(&[("indent.yml", indented.as_bytes())], &[], None),
        "too-deep",
    );
    let flow = format!("services: {}{}\n", "[".repeat(100_000), "]".repeat(100_000));
    refused(
        &run(&[("flow.yml", flow.as_bytes())], &[], None),
        "too-deep",
    );
}

#[test]
fn a_50_mb_file() {
    let big = "services:\n  s:\n    image: nginx\n".to_string()
        + &"# padding padding padding\n".repeat(2_000_000);
    assert!(big.len() >= 50_000_000);
    let got = run(&[("huge.yml", big.as_bytes())], &[], None);
    refused(&got, "too-large");
    assert!(got.errors[0].en.contains("MiB"));
    let env = run(&[("c.yml", b"services: {}\n")], &[], Some(big.as_bytes()));
    refused(&env, "too-large");
}

#[test]
fn binary_junk() {
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    let junk: Vec<u8> = (0..65_536)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 24) as u8
        })
        .collect();
    refused(&run(&[("junk.yml", &junk)], &[], None), "not-text");
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
    refused(&run(&[("image.png", png)], &[], None), "not-text");
    refused(
        &run(&[("c.yml", b"services: {}\n")], &[], Some(&junk)),
        "not-text",
    );
}

#[test]
fn an_env_file_with_100000_lines() {
    let env = "A=1\n".repeat(100_000);
    let got = run(
        &[("c.yml", b"services:\n  s: {image: nginx}\n")],
        &[],
        Some(env.as_bytes()),
    );
    refused(&got, "env-too-long");
    assert!(
        got.errors[0].en.contains("100000 lines"),
        "{}",
        got.errors[0].en
    );
}

#[test]
fn an_env_file_whose_values_double() {
    let mut env = String::from("A0=0123456789abcdef0123456789abcdef\n");
    for i in 1..64 {
        env.push_str(&format!("A{i}=${{A{p}}}${{A{p}}}\n", p = i - 1));
    }
    refused(
        &run(
            &[("c.yml", b"services:\n  s: {image: nginx}\n")],
            &[],
            Some(env.as_bytes()),
        ),
        "value-too-long",
    );
}

#[test]
fn cyclic_extends() {
    let same = b"services:\n  a: {image: nginx, extends: b}\n  b: {extends: {service: c}}\n  c: {extends: a}\n";
    let got = run(&[("c.yml", same)], &[], None);
    refused(&got, "extends-cycle");
    let e = got
        .errors
        .iter()
        .find(|e| e.code == "extends-cycle")
        .unwrap();
    assert!(
        e.en.contains("a (c.yml) → b (c.yml) → c (c.yml) → a (c.yml)"),
        "{}",
        e.en
    );
    let a = b"services:\n  web: {extends: {file: b.yml, service: base}}\n";
    let b = b"services:\n  base: {extends: {file: a.yml, service: web}}\n";
    refused(
        &run(&[("a.yml", a)], &[("b.yml", b)], None),
        "extends-cycle",
    );
    let mut chain = String::from("services:\n  s0: {image: nginx}\n");
    for i in 1..100 {
        chain.push_str(&format!("  s{i}: {{extends: s{}}}\n", i - 1));
    }
    refused(
        &run(&[("chain.yml", chain.as_bytes())], &[], None),
        "extends-too-deep",
    );
}

#[test]
fn cyclic_include() {
    let a = b"include: [b.yml]\nservices: {a: {image: nginx}}\n";
    let b = b"include: [a.yml]\nservices: {b: {image: nginx}}\n";
    let got = run(&[("a.yml", a)], &[("b.yml", b)], None);
    refused(&got, "include-cycle");
    assert!(
        got.errors[0].en.contains("a.yml → b.yml → a.yml"),
        "{}",
        got.errors[0].en
    );
    let own = b"include: [self.yml]\nservices: {}\n";
    refused(&run(&[("self.yml", own)], &[], None), "include-cycle");
}

#[test]
fn a_file_of_a_hundred_thousand_keys() {
    let mut y = String::from("services:\n  s:\n    image: nginx\n    labels:\n");
    for i in 0..120_000 {
        y.push_str(&format!("      k{i}: v\n"));
        if y.len() > 1_000_000 {
            break;
        }
    }
    refused(
        &run(&[("wide.yml", y.as_bytes())], &[], None),
        "too-many-nodes",
    );
}

#[test]
fn a_thousand_errors_list_a_hundred_and_count_the_rest() {
    let mut y = String::from("services:\n  s:\n    image: nginx\n    labels:\n");
    // An unclosed `${` is an error (any other `$` stays as written, as Compose leaves it).
    for i in 0..1_000 {
        y.push_str(&format!("      k{i}: echo ${{X\n"));
    }
    let got = run(&[("many.yml", y.as_bytes())], &[], None);
    assert!(got.plan.is_none());
    assert_eq!(got.errors.len(), 101);
    assert_eq!(got.errors.last().unwrap().code, "more-errors");
    assert!(got.errors.last().unwrap().en.starts_with("900 more"));
}

#[test]
fn a_long_but_harmless_file_still_imports_quickly() {
    let mut y = String::from("services:\n");
    for i in 0..400 {
        y.push_str(&format!("  s{i}:\n    image: redis:7\n    command: redis-server --maxmemory {}mb\n    mem_limit: 1g\n", 64 + i));
    }
    y.push_str(&format!("x-blob: \"{}\"\n", "x".repeat(500_000)));
    let got = run(&[("long.yml", y.as_bytes())], &[], None);
    assert!(got.is_ok(), "{:#?}", got.errors);
    assert_eq!(
        got.plan.unwrap().options[0].servers[0].placements.len(),
        400
    );
}
