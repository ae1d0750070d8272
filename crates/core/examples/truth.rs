//! `make truth`: prints how true StackFit's numbers are — the catalog's
//! defaults against the published measurements they cite, and every real
//! stack of the corpus judged on its vendor's minimum and on half of it.

#[path = "../tests/truth_lib.rs"]
mod truth_lib;

fn main() {
    // `--plans DIR`: every stack's imported plan as a plan file, for
    // scripts/validate-exports to export and check.
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let [flag, dir] = &args[..] {
        if flag == "--plans" {
            return write_plans(std::path::Path::new(dir));
        }
    }
    // `make truth STACK=id` (or `--example truth -- id`): one stack's placements.
    if let Some(id) = std::env::args().nth(1) {
        return detail(&id);
    }
    let checks = truth_lib::check_measurements();
    let (within, scored) = truth_lib::scored(&checks);
    println!(
        "## Catalog defaults against published measurements (±{} %)\n",
        truth_lib::TOLERANCE_PCT
    );
    println!("| service | figure | measured MiB | default MiB | within | what | source |");
    println!("|---|---|---:|---:|:-:|---|---|");
    for c in checks.iter().filter(|c| c.scored) {
        let preset =
            c.m.preset
                .as_deref()
                .map(|p| format!(" (compared with the {p} preset)"))
                .unwrap_or_default();
        println!(
            "| {} | {} | {} | {} | {} | {}{preset} | {} ({}) |",
            c.m.service,
            c.m.figure.as_deref().unwrap_or("expected"),
            c.m.mib,
            c.default_mib,
            if c.within { "yes" } else { "no" },
            c.m.what.replace('|', "/"),
            c.m.source.url,
            c.m.source.date
        );
    }
    println!(
        "\n{within} of {scored} measurements within ±{} % ({} %).",
        truth_lib::TOLERANCE_PCT,
        within * 100 / scored.max(1)
    );
    let unscored: Vec<&truth_lib::Check> = checks.iter().filter(|c| !c.scored).collect();
    if !unscored.is_empty() {
        println!("\nListed, not scored: readings of a leak or of a far larger install than a default describes.\n");
        println!("| service | figure | measured MiB | default MiB | regime | what | source |");
        println!("|---|---|---:|---:|---|---|---|");
        for c in unscored {
            println!(
                "| {} | {} | {} | {} | {} | {} | {} ({}) |",
                c.m.service,
                c.m.figure.as_deref().unwrap_or("expected"),
                c.m.mib,
                c.default_mib,
                c.m.regime.as_deref().unwrap_or(""),
                c.m.what.replace('|', "/"),
                c.m.source.url,
                c.m.source.date
            );
        }
    }

    let stacks = truth_lib::check_corpus();
    let agree = stacks.iter().filter(|s| s.agrees()).count();
    println!("\n## Real stacks against their vendors' minimums\n");
    println!("Each stack is imported from its compose files and judged on a server of its vendor's minimum memory and on one of half of it; memory verdicts.\n");
    println!("| stack | recognised / assumed / not running | expected MiB | peak MiB | allocatable MiB (min · half) | at minimum | at half | vendor minimum | agrees | why not |");
    println!("|---|---|---:|---:|---|---|---|---|:-:|---|");
    for s in &stacks {
        let (Some(min), Some(half)) = (&s.at_minimum, &s.at_half) else {
            println!(
                "| {} | import failed: {} | | | | | | | no | |",
                s.id,
                s.import_errors.join("; ")
            );
            continue;
        };
        let v = &s.meta.vendor_minimum;
        println!(
            "| {} | {} / {} / {} | {} | {} | {} · {} | {} | {} | {} MiB{} ([{}]({}), {}, {}) | {} | {} |",
            s.id,
            s.recognised,
            s.assumed.len(),
            s.idle,
            min.expected_mib,
            min.peak_mib,
            min.allocatable_mib,
            half.allocatable_mib,
            min.verdict.as_str(),
            half.verdict.as_str(),
            v.memory_mib,
            if v.swap_assumed { " + 1 GiB swap" } else { "" },
            v.source.title.replace('|', "/"),
            v.source.url,
            v.source.date,
            v.source.confidence,
            if s.agrees() { "yes" } else { "no" },
            s.why().replace('|', "/")
        );
    }
    println!(
        "\n{agree} of {} stacks judged as their vendors document ({} %).",
        stacks.len(),
        agree * 100 / stacks.len().max(1)
    );
    // The disagreements by kind, so the total reads for what it is.
    use stackfit_core::Verdict::*;
    let judged: Vec<_> = stacks
        .iter()
        .filter(|s| !s.agrees())
        .filter_map(|s| Some((s.at_minimum.as_ref()?, s.at_half.as_ref()?)))
        .collect();
    let peaks_only = judged
        .iter()
        .filter(|(min, _)| min.verdict == OomRisk)
        .count();
    let typical_over = judged
        .iter()
        .filter(|(min, _)| min.verdict == DoesNotFit)
        .count();
    let fits_at_half = judged
        .iter()
        .filter(|(min, half)| {
            matches!(min.verdict, Fits | Tight) && matches!(half.verdict, Fits | Tight)
        })
        .count();
    println!(
        "Of the {} that disagree: {peaks_only} run their typical use at the vendor's minimum and are oom-risk only because two peaks coincide; {typical_over} need more than the minimum for typical use alone; {fits_at_half} still fit at half of it.",
        stacks.len() - agree
    );
    let assumed: Vec<String> = stacks
        .iter()
        .flat_map(|s| s.assumed.iter().map(move |a| format!("{}: {a}", s.id)))
        .collect();
    if !assumed.is_empty() {
        println!("\nAssumed (not in the catalog): {}", assumed.join(", "));
    }
}

/// One stack's placements at its vendor's minimum, largest peak excess first.
fn detail(id: &str) {
    let stacks = truth_lib::check_corpus();
    let Some(s) = stacks.iter().find(|s| s.id == id) else {
        eprintln!("no corpus stack {id}");
        std::process::exit(2);
    };
    let Some(min) = &s.at_minimum else {
        eprintln!("{id} did not import: {:?}", s.import_errors);
        std::process::exit(1);
    };
    println!(
        "{id}: {} MiB server, reserve {} MiB, allocatable {} MiB; expected {}, peak {} ({})",
        min.memory_mib,
        min.reserve_mib,
        min.allocatable_mib,
        min.expected_mib,
        min.peak_mib,
        min.verdict.as_str()
    );
    let mut rows = min.placements.clone();
    rows.sort_by_key(|r| std::cmp::Reverse(r.3 - r.2));
    println!("| placement | service | expected | peak | excess | limit |");
    println!("|---|---|---:|---:|---:|---:|");
    for (p, svc, e, pk, l) in rows {
        println!("| {p} | {svc} | {e} | {pk} | {} | {l} |", pk - e);
    }
    if !s.assumed.is_empty() {
        println!("assumed: {}", s.assumed.join(", "));
    }
}

/// Writes each corpus stack's imported plan to `DIR/<stack>.json`.
fn write_plans(dir: &std::path::Path) {
    std::fs::create_dir_all(dir).unwrap();
    for id in truth_lib::stack_ids() {
        let (_, imported) = truth_lib::import_stack(&id);
        let plan = imported
            .plan
            .unwrap_or_else(|| panic!("{id}: no plan: {:#?}", imported.errors));
        let path = dir.join(format!("{id}.json"));
        std::fs::write(&path, stackfit_core::codec::to_json(&plan)).unwrap();
        println!("{}", path.display());
    }
}
