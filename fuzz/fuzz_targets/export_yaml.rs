//! The exporter on hostile text: fuzz bytes become a plan's names, labels,
//! notes, environment values, image and published ports (through the
//! planner's own checked actions: two placements' ports, so they may
//! clash), and every compose file, Swarm stack and Kubernetes manifest of
//! the plan is parsed by a real YAML parser (saphyr's events) and checked
//! for structure: the top-level keys the exporter writes and no other, one
//! service per placement, and only the keys the exporter writes in each —
//! a comment cannot turn into a key (U+2028, U+0085, …), a value cannot
//! open a mapping, an id cannot become a boolean or a number.
#![no_main]

use libfuzzer_sys::fuzz_target;
use saphyr_parser::{Event, Parser};
use stackfit_core::export::{files, FileKind, Secrets};
use stackfit_core::model::Action;
use stackfit_core::{apply, evaluate, findings::Lang, templates};

/// Keys the compose exporter writes in a service.
const SERVICE_KEYS: &[&str] = &[
    "image", "command", "environment", "env_file", "ports", "volumes", "healthcheck",
    "depends_on", "labels", "logging", "shm_size", "deploy", "restart", "ulimits",
    "sysctls", "entrypoint", "extra_hosts", "networks", "stop_grace_period",
];

enum Frame {
    /// A mapping: whether the next scalar is a key, and the current key.
    Map(bool, Option<String>),
    Seq,
}

/// Top-level keys, and each service's keys under `services`.
fn structure(text: &str) -> Result<(Vec<String>, Vec<(String, Vec<String>)>), String> {
    let mut parser = Parser::new_from_str(text);
    let mut stack: Vec<Frame> = Vec::new();
    let mut top = Vec::new();
    let mut services: Vec<(String, Vec<String>)> = Vec::new();
    while let Some(next) = parser.next_event() {
        let (ev, _) = next.map_err(|e| format!("{e}"))?;
        let in_services =
            matches!(stack.first(), Some(Frame::Map(_, Some(k))) if k == "services");
        match ev {
            Event::MappingStart(..) | Event::SequenceStart(..) => {
                // A container is a value: after it, the parent expects a key.
                if let Some(Frame::Map(expect_key, _)) = stack.last_mut() {
                    *expect_key = true;
                }
                stack.push(if matches!(ev, Event::MappingStart(..)) {
                    Frame::Map(true, None)
                } else {
                    Frame::Seq
                });
            }
            Event::MappingEnd | Event::SequenceEnd => {
                stack.pop();
            }
            Event::Scalar(s, ..) => {
                let depth = stack.len();
                if let Some(Frame::Map(expect_key, key)) = stack.last_mut() {
                    if *expect_key {
                        *key = Some(s.to_string());
                        *expect_key = false;
                        match depth {
                            1 => top.push(s.to_string()),
                            2 if in_services => services.push((s.to_string(), Vec::new())),
                            3 if in_services => {
                                if let Some(last) = services.last_mut() {
                                    last.1.push(s.to_string());
                                }
                            }
                            _ => {}
                        }
                    } else {
                        *expect_key = true;
                    }
                }
            }
            _ => {}
        }
    }
    Ok((top, services))
}

fn texts(data: &[u8]) -> Vec<String> {
    let s = String::from_utf8_lossy(data);
    let mut parts: Vec<String> = s.split('\u{1}').map(str::to_string).collect();
    parts.resize(8, String::new());
    parts
}

fuzz_target!(|data: &[u8]| {
    let t = texts(data);
    let mut plan = templates::get("s4").unwrap();
    let option = plan.options[0].id.clone();
    let server = plan.options[0].servers[0].id.clone();
    let placement = plan.options[0].servers[0].placements[0].id.clone();
    let neighbour = plan.options[0].servers[0].placements[1].id.clone();
    let ports = |t: &str| t.split(',').map(str::to_string).collect::<Vec<_>>();
    let tries = [
        Action::RenamePlan { name: t[0].clone() },
        Action::RenameOption { option: option.clone(), name: t[1].clone() },
        Action::SetServerLabel { option: option.clone(), server: server.clone(), label: t[2].clone() },
        Action::SetEnv { option: option.clone(), placement: placement.clone(), name: "FUZZ_VALUE".into(), value: Some(t[3].clone()) },
        Action::SetImage { option: option.clone(), placement: placement.clone(), image: Some(t[4].clone()), port: None },
        Action::SetServerAddress { option: option.clone(), server, address: Some(t[5].clone()) },
        Action::SetPorts { option: option.clone(), placement: placement.clone(), ports: ports(&t[6]) },
        Action::SetPorts { option: option.clone(), placement: neighbour, ports: ports(&t[7]) },
    ];
    for a in &tries {
        // A value the planner refuses is never in a plan; the rest must be safe.
        let _ = apply(&mut plan, a);
    }
    let report = evaluate(&plan);
    let out = files(&plan, &report, &option, &mut Secrets::placeholders(), Lang::Zh)
        .expect("the option exports");
    for f in &out {
        let yaml = matches!(f.kind, FileKind::Compose | FileKind::Swarm | FileKind::Kubernetes);
        if !yaml {
            continue;
        }
        // Kubernetes holds several documents; each must parse.
        let (top, services) = structure(&f.text)
            .unwrap_or_else(|e| panic!("{}: not YAML: {e}\n{}", f.name, f.text));
        if matches!(f.kind, FileKind::Compose | FileKind::Swarm) {
            for k in &top {
                assert!(
                    ["services", "volumes", "networks", "name"].contains(&k.as_str()),
                    "{}: top-level key {k:?}\n{}",
                    f.name,
                    f.text
                );
            }
            let server = f.server.as_deref();
            let expected: Vec<&str> = plan.options[0]
                .servers
                .iter()
                .filter(|s| server.is_none() || Some(s.id.as_str()) == server)
                .flat_map(|s| s.placements.iter().map(|p| p.id.as_str()))
                .collect();
            for (name, keys) in &services {
                assert!(expected.contains(&name.as_str()), "{}: service {name:?}\n{}", f.name, f.text);
                for k in keys {
                    assert!(SERVICE_KEYS.contains(&k.as_str()), "{}: {name}.{k}\n{}", f.name, f.text);
                }
            }
            if matches!(f.kind, FileKind::Compose) {
                assert_eq!(services.len(), expected.len(), "{}\n{}", f.name, f.text);
            }
        }
    }
});
