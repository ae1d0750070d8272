//! docker stats import: the default table and common `--format` variants,
//! units, name matching as Compose names containers, unknown containers
//! listed, and the figures applied to a plan as measured ones.

use stackfit_core::import::stats::{self, Naming, StatsImport};
use stackfit_core::import::{compose, ComposeInput, InputFile};

fn parse(text: &str) -> stats::Samples {
    stats::parse(InputFile::new("stats.txt", text.as_bytes())).unwrap_or_else(|e| panic!("{e}"))
}

fn row<'a>(s: &'a stats::Samples, name: &str) -> &'a stats::Sample {
    s.rows
        .iter()
        .find(|r| r.container == name)
        .unwrap_or_else(|| panic!("no {name} in {:#?}", s.rows))
}

const DEFAULT_TABLE: &str = "\
CONTAINER ID   NAME                    CPU %     MEM USAGE / LIMIT     MEM %     NET I/O           BLOCK I/O         PIDS
4f1c3a2b9d8e   shop-db-1               0.35%     182.4MiB / 7.637GiB   2.33%     1.21MB / 3.4MB    12.3MB / 88.1MB   11
9a8b7c6d5e4f   shop-web-1              12.50%    301MiB / 1GiB         29.39%    5.6MB / 9.8MB     0B / 0B           5
1b2c3d4e5f6a   shop-web-2              7.50%     299MiB / 1GiB         29.20%    5.1MB / 9.0MB     0B / 0B           5
7e6d5c4b3a29   shop-worker-default-1   101.20%   1.2GiB / 2GiB         60.00%    0B / 0B           0B / 0B           9
2a3b4c5d6e7f   portainer               0.00%     20.5MiB / 7.637GiB    0.26%     0B / 0B           0B / 0B           6
";

#[test]
fn the_default_table() {
    let s = parse(DEFAULT_TABLE);
    assert_eq!(s.rows.len(), 5);
    let db = row(&s, "shop-db-1");
    assert_eq!((db.memory_mib, db.cpu_millicores), (Some(183), Some(4)));
    let w = row(&s, "shop-worker-default-1");
    assert_eq!((w.memory_mib, w.cpu_millicores), (Some(1229), Some(1012)));
    assert_eq!(w.line, 5);
}

#[test]
fn format_variants_people_paste() {
    // docker stats --no-stream --format "table {{.Name}}\t{{.CPUPerc}}\t{{.MemUsage}}"
    let t = parse("NAME         CPU %     MEM USAGE / LIMIT\nshop-db-1    1.00%     1GiB / 4GiB\n");
    assert_eq!(row(&t, "shop-db-1").memory_mib, Some(1024));
    // --format "{{.Name}}\t{{.MemUsage}}" (tabs, no header)
    let tabs = parse("shop-db-1\t512MiB / 4GiB\nshop-web-1\t64.5MiB / 4GiB\n");
    assert_eq!(row(&tabs, "shop-web-1").memory_mib, Some(65));
    assert_eq!(row(&tabs, "shop-web-1").cpu_millicores, None);
    // --format "{{.Container}}: {{.CPUPerc}} {{.MemUsage}}"
    let colon = parse("4f1c3a2b9d8e: 3.20% 200MiB / 1GiB\n");
    assert_eq!(row(&colon, "4f1c3a2b9d8e").cpu_millicores, Some(32));
    // --format "{{.Name}} {{.MemUsage}} {{.MemPerc}}": the percentage after the memory is not CPU.
    let memperc = parse("shop-db-1 300MiB / 1GiB 29.30%\n");
    assert_eq!(row(&memperc, "shop-db-1").cpu_millicores, None);
    // --format "{{json .}}"
    let json = parse(
        r#"{"BlockIO":"0B / 0B","CPUPerc":"0.50%","Container":"4f1c","ID":"4f1c","MemPerc":"1.00%","MemUsage":"80MiB / 7.6GiB","Name":"shop-cache-1","NetIO":"0B / 0B","PIDs":"5"}"#,
    );
    let c = row(&json, "shop-cache-1");
    assert_eq!((c.memory_mib, c.cpu_millicores), (Some(80), Some(5)));
    // podman stats: decimal units and extra columns.
    let podman = parse("ID            NAME        CPU %       MEM USAGE / LIMIT  MEM %       NET IO      BLOCK IO    PIDS        CPU TIME    AVG CPU %\nb2c1d0e9f8a7  shop-db-1   0.41%       104.9MB / 4.1GB    2.56%       1.2kB / 0B  0B / 0B     12          1.5s        0.40%\n");
    assert_eq!(row(&podman, "shop-db-1").memory_mib, Some(101));
    // A capture with the terminal's clear-screen codes, two samples: the last wins.
    let stream = parse("\u{1b}[2J\u{1b}[HNAME   CPU %   MEM USAGE / LIMIT\nshop-db-1   1%   100MiB / 1GiB\n\u{1b}[2J\u{1b}[HNAME   CPU %   MEM USAGE / LIMIT\nshop-db-1   2%   110MiB / 1GiB\n");
    assert_eq!(stream.rows.len(), 1);
    assert_eq!(row(&stream, "shop-db-1").memory_mib, Some(110));
}

#[test]
fn units_docker_and_podman_print() {
    let s = parse("a  1%  1.5GiB / 4GiB\nb  1%  512kB / 4GB\nc  1%  2048B / 4GB\nd  1%  300MB / 4GB\ne  1%  0.5TiB / 1TiB\n");
    assert_eq!(row(&s, "a").memory_mib, Some(1536));
    assert_eq!(row(&s, "b").memory_mib, Some(1));
    assert_eq!(row(&s, "c").memory_mib, Some(1));
    assert_eq!(row(&s, "d").memory_mib, Some(287));
    assert_eq!(row(&s, "e").memory_mib, Some(512 * 1024));
}

#[test]
fn stopped_containers_and_junk_lines_are_listed_as_skipped() {
    let s = parse("NAME   CPU %   MEM USAGE / LIMIT\nshop-old-1   --   -- / --\nshop-db-1   1%   1GiB / 2GiB\n");
    assert_eq!(s.rows.len(), 1);
    assert_eq!(s.skipped.len(), 1);
    assert!(s.skipped[0].en.contains("shop-old-1"));
    assert_eq!(s.skipped[0].at.as_ref().unwrap().line, 2);
    let e = stats::parse(InputFile::new("s.txt", b"hello world\n")).unwrap_err();
    assert_eq!(e.code, "no-containers");
    assert!(e.zh.contains("docker stats"));
    let e = stats::parse(InputFile::new("s.txt", &[0u8, 1, 2, 3])).unwrap_err();
    assert_eq!(e.code, "not-text");
    let big = vec![b'a'; 50 << 20];
    assert_eq!(
        stats::parse(InputFile::new("s.txt", &big))
            .unwrap_err()
            .code,
        "too-large"
    );
    let many = "x 1% 1MiB / 1GiB\n".repeat(30_000);
    assert_eq!(
        stats::parse(InputFile::new("s.txt", many.as_bytes()))
            .unwrap_err()
            .code,
        "too-many-lines"
    );
}

fn naming() -> Naming {
    Naming {
        project: Some("shop".into()),
        services: vec![
            ("db".into(), None),
            ("web".into(), None),
            ("worker-default".into(), None),
            ("cache".into(), Some("shop-redis".into())),
        ],
    }
}

#[test]
fn containers_match_services_as_compose_names_them_per_replica() {
    let mut text = DEFAULT_TABLE.to_string();
    text.push_str("aaaaaaaaaaaa   shop_db_2   0.10%   20MiB / 1GiB   1%   0B / 0B   0B / 0B   1\n");
    text.push_str(
        "bbbbbbbbbbbb   shop-redis   0.10%   40MiB / 1GiB   1%   0B / 0B   0B / 0B   1\n",
    );
    text.push_str(
        "cccccccccccc   blog-web-1   0.10%   40MiB / 1GiB   1%   0B / 0B   0B / 0B   1\n",
    );
    let got: StatsImport = stats::import(&parse(&text), &naming());
    let m = |p: &str| got.measured.iter().find(|m| m.placement == p).unwrap();
    // Two replicas of web: the mean per replica, rounded up.
    assert_eq!(m("web").memory_mib, Some(300));
    assert_eq!(m("web").cpu_millicores, Some(100));
    assert_eq!(m("web").containers, ["shop-web-1", "shop-web-2"]);
    // v1 names (underscores) count too; db's two containers average.
    assert_eq!(m("db").containers, ["shop-db-1", "shop_db_2"]);
    assert_eq!(m("cache").memory_mib, Some(40), "container_name");
    assert_eq!(m("worker-default").cpu_millicores, Some(1012));
    // Unknown containers are listed, not dropped.
    let unknown: Vec<&str> = got.unknown.iter().map(|u| u.container.as_str()).collect();
    assert_eq!(unknown, ["portainer", "blog-web-1"]);
    assert!(got.notes.iter().any(|n| n.code == "unknown-container"
        && n.en.contains("portainer")
        && n.zh.contains("portainer")));
}

#[test]
fn without_a_project_name_the_longest_service_suffix_wins() {
    let n = Naming {
        project: None,
        services: vec![("web".into(), None), ("admin-web".into(), None)],
    };
    let got = stats::import(
        &parse("x-admin-web-1  1%  10MiB / 1GiB\nx-web-1  1%  20MiB / 1GiB\n"),
        &n,
    );
    let m = |p: &str| {
        got.measured
            .iter()
            .find(|m| m.placement == p)
            .unwrap()
            .memory_mib
    };
    assert_eq!((m("admin-web"), m("web")), (Some(10), Some(20)));
}

#[test]
fn measured_figures_apply_to_the_imported_plan_in_one_undoable_step() {
    let yml = b"name: shop\nservices:\n  db: {image: 'postgres:16'}\n  web: {image: 'nginx:1.27', deploy: {replicas: 2}}\n";
    let got = compose(&ComposeInput {
        files: vec![InputFile::new("compose.yaml", yml)],
        tier: "aliyun-ecs-c7-large",
        ..Default::default()
    });
    let mut plan = got.plan.clone().unwrap();
    let measured = stats::import(&parse(DEFAULT_TABLE), &got.naming());
    let mut history = stackfit_core::History::new(plan.clone());
    history
        .apply(&stats::action(&plan.options[0], &measured))
        .unwrap();
    stats::apply_to(&mut plan, "imported", &measured).unwrap();
    assert_eq!(&plan, history.plan());
    let p = |id: &str| {
        plan.options[0].servers[0]
            .placements
            .iter()
            .find(|p| p.id == id)
            .unwrap()
    };
    assert_eq!(
        (p("db").measured_mib, p("db").measured_cpu_millicores),
        (Some(183), Some(4))
    );
    assert_eq!(
        (p("web").measured_mib, p("web").measured_cpu_millicores),
        (Some(300), Some(100))
    );
    let report = stackfit_core::evaluate(&plan);
    assert!(report.option("imported").is_some());
    history.undo();
    assert_eq!(history.plan(), got.plan.as_ref().unwrap());
    // The worker is not in this plan: listed as unknown, the rest still applies.
    assert!(measured
        .unknown
        .iter()
        .any(|u| u.container == "shop-worker-default-1"));
}

#[test]
fn an_options_placements_name_containers_when_no_compose_is_at_hand() {
    let plan = stackfit_core::templates::get("s0").unwrap();
    let naming = Naming::of_option(&plan.options[0]);
    assert!(naming.project.is_none());
    assert!(!naming.services.is_empty());
}
