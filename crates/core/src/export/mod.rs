//! Exporters: what to deploy, written as text from a plan and its report —
//! a compose file and `.env` per server, `postgresql.conf` and `ALTER SYSTEM`
//! per PostgreSQL, Kubernetes manifests, a Swarm stack, DEPLOY.md, and a zip
//! of them all.
//!
//! `spec` decides once what every container runs (from the report's figures
//! and settings and the catalog's deploy data); each file format only writes
//! it. Nothing here sizes anything. Output is deterministic for the same
//! secrets, so it is checked against reviewed golden files.

mod compose;
mod deploy;
mod env;
mod k8s;
mod postgres;
mod spec;
mod swarm;
pub mod yaml;
pub mod zip;

pub use crate::fit::ports::address_variable;
pub use env::env_value;
pub use k8s::k8s_name;
pub use spec::{load_line, secret_from_bytes, OptionExport, Secrets};

use crate::findings::Lang;
use crate::model::units::Mib;
use crate::model::Plan;
use crate::report::Report;

/// What an exported file is, for the export dialog's tabs and highlighting.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FileKind {
    Compose,
    Env,
    PostgresConf,
    Sql,
    Kubernetes,
    Swarm,
    Markdown,
}

/// One exported file: its name (the download's name) and text.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct ExportFile {
    pub name: String,
    pub kind: FileKind,
    /// The server it belongs to, if one.
    pub server: Option<String>,
    pub text: String,
}

/// Every file of option `option`: per server its compose file and `.env`;
/// per PostgreSQL placement `postgresql.<id>.conf` and `alter-system.<id>.sql`;
/// the Kubernetes manifests; the Swarm stack and its variables; DEPLOY.md in
/// `lang`. Secrets come from `secrets`, once for the option. `None` when the
/// option is not in the plan or the report is not this plan's.
///
/// ```
/// use stackfit_core::export::{files, Secrets};
/// use stackfit_core::{evaluate, findings::Lang, templates};
/// let plan = templates::get("s4").unwrap();
/// let report = evaluate(&plan);
/// let out = files(&plan, &report, "as-planned", &mut Secrets::placeholders(), Lang::En).unwrap();
/// let names: Vec<&str> = out.iter().map(|f| f.name.as_str()).collect();
/// assert!(names.contains(&"docker-compose.a.yml") && names.contains(&".env.b"));
/// assert!(names.contains(&"kubernetes.yml") && names.contains(&"DEPLOY.md"));
/// ```
pub fn files(
    plan: &Plan,
    report: &Report,
    option: &str,
    secrets: &mut Secrets,
    lang: Lang,
) -> Option<Vec<ExportFile>> {
    // What runs is the option at its own load: the knobs scaled as the
    // report evaluated them (one number, one place).
    let at_load;
    let plan = match plan.option(option) {
        Some(o) if o.load != crate::model::multiplier::LOAD_ONE => {
            let mut p = plan.clone();
            for x in &mut p.options {
                if x.id == option {
                    *x = crate::fit::scale::scale_option(x, x.load);
                }
            }
            at_load = p;
            &at_load
        }
        _ => plan,
    };
    let e = spec::build(plan, report, option, secrets)?;
    let mut out = Vec::new();
    for s in &e.servers {
        let server = Some(s.server.id.clone());
        out.push(ExportFile {
            name: compose::file_name(&s.server.id),
            kind: FileKind::Compose,
            server: server.clone(),
            text: compose::render(&e, s),
        });
        out.push(ExportFile {
            name: compose::env_file_name(&s.server.id),
            kind: FileKind::Env,
            server: server.clone(),
            text: env::render(&e, s),
        });
        for c in &s.containers {
            if let Some(text) = postgres::conf(&e, s, c) {
                out.push(ExportFile {
                    name: postgres::conf_file_name(&c.placement.id),
                    kind: FileKind::PostgresConf,
                    server: server.clone(),
                    text,
                });
            }
            if let Some(text) = postgres::alter_system(&e, s, c) {
                out.push(ExportFile {
                    name: postgres::sql_file_name(&c.placement.id),
                    kind: FileKind::Sql,
                    server: server.clone(),
                    text,
                });
            }
        }
    }
    out.push(ExportFile {
        name: k8s::FILE_NAME.into(),
        kind: FileKind::Kubernetes,
        server: None,
        text: k8s::render(&e),
    });
    out.push(ExportFile {
        name: swarm::FILE_NAME.into(),
        kind: FileKind::Swarm,
        server: None,
        text: swarm::render(&e),
    });
    out.push(ExportFile {
        name: swarm::ENV_FILE_NAME.into(),
        kind: FileKind::Env,
        server: None,
        text: swarm::env(&e),
    });
    out.push(ExportFile {
        name: deploy::FILE_NAME.into(),
        kind: FileKind::Markdown,
        server: None,
        text: deploy::render(&e, lang),
    });
    Some(out)
}

/// The compose file of one server, with stand-in secrets (a preview; use
/// [`files`] with real secrets for what you deploy).
///
/// ```
/// use stackfit_core::{evaluate, export, templates};
/// let plan = templates::get("s4").unwrap();
/// let report = evaluate(&plan);
/// let b = export::compose(&plan, &report, "as-planned", "b").unwrap();
/// assert!(b.contains("POSTGRES_HOST:"));
/// assert!(export::compose(&plan, &report, "as-planned", "z").is_none());
/// ```
pub fn compose(plan: &Plan, report: &Report, option: &str, server: &str) -> Option<String> {
    one(plan, report, option, &compose::file_name(server))
}

/// The `.env` of one server, with stand-in secrets.
pub fn env_file(plan: &Plan, report: &Report, option: &str, server: &str) -> Option<String> {
    one(plan, report, option, &compose::env_file_name(server))
}

fn one(plan: &Plan, report: &Report, option: &str, name: &str) -> Option<String> {
    files(plan, report, option, &mut Secrets::placeholders(), Lang::En)?
        .into_iter()
        .find(|f| f.name == name)
        .map(|f| f.text)
}

/// Every file in one zip archive (stored, UTF-8 names).
pub fn zip_files(files: &[ExportFile]) -> Vec<u8> {
    let entries: Vec<(String, Vec<u8>)> = files
        .iter()
        .map(|f| (f.name.clone(), f.text.as_bytes().to_vec()))
        .collect();
    zip::zip(&entries)
}

/// Millicores as Compose writes CPUs: "0.25", "2".
pub fn cores(millicores: u64) -> String {
    crate::model::units::format_cpus(millicores)
}

/// A memory size as Docker writes it: whole GiB as "2g", anything else in MiB
/// ("2432m"), so the value is exactly the report's.
///
/// ```
/// use stackfit_core::export::mem_size;
/// assert_eq!(mem_size(2048), "2g");
/// assert_eq!(mem_size(1536), "1536m");
/// ```
pub fn mem_size(mib: Mib) -> String {
    if mib > 0 && mib.is_multiple_of(1024) {
        format!("{}g", mib / 1024)
    } else {
        format!("{mib}m")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fit::ports::env_name;

    #[test]
    fn names_are_made_safe() {
        assert_eq!(env_name("worker-trans-2"), "WORKER_TRANS_2");
        assert_eq!(mem_size(2048), "2g");
    }
}
