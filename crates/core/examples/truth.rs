//! `make truth`: prints how true StackFit's numbers are — the catalog's
//! defaults against the published measurements they cite, and every real
//! stack of the corpus judged on its vendor's minimum and on half of it.

#[path = "../tests/truth_lib.rs"]
mod truth_lib;

fn main() {
    let checks = truth_lib::check_measurements();
    let within = checks.iter().filter(|c| c.within).count();
    println!(
        "## Catalog defaults against published measurements (±{} %)\n",
        truth_lib::TOLERANCE_PCT
    );
    println!("| service | figure | measured MiB | default MiB | within | what | source |");
    println!("|---|---|---:|---:|:-:|---|---|");
    for c in &checks {
        println!(
            "| {} | {} | {} | {} | {} | {} | {} ({}) |",
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
        "\n{within} of {} measurements within ±{} % ({} %).",
        checks.len(),
        truth_lib::TOLERANCE_PCT,
        within * 100 / checks.len().max(1)
    );
}
