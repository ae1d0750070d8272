//! `stackfit export`: the planner's export dialog from the terminal. Files
//! carry the names the dialog's downloads have; secrets come from the OS's
//! random source, once per run (export `all` so every server's `.env`
//! shares them).

use std::io::Read;
use std::path::Path;

use stackfit_core::export::{self, ExportFile, FileKind, Secrets};
use stackfit_core::findings::Lang;
use stackfit_core::{Plan, Report};

/// The OS's random source.
const RANDOM: &str = "/dev/urandom";

/// A 32-character secret from 64 random bytes of `source`.
fn os_secret(source: &mut std::fs::File) -> String {
    let mut bytes = [0u8; 64];
    source
        .read_exact(&mut bytes)
        .expect("the random source was readable when opened");
    export::secret_from_bytes(&bytes)
}

/// Finds an option by id or name; the first when none is asked for.
fn option_id(plan: &Plan, asked: Option<&str>) -> Result<String, String> {
    match asked {
        None => plan
            .options
            .first()
            .map(|o| o.id.clone())
            .ok_or_else(|| "the plan has no option".to_string()),
        Some(a) => plan
            .options
            .iter()
            .find(|o| o.id == a || o.name == a)
            .map(|o| o.id.clone())
            .ok_or_else(|| {
                let ids: Vec<&str> = plan.options.iter().map(|o| o.id.as_str()).collect();
                format!("no option {a:?} (options: {})", ids.join(", "))
            }),
    }
}

/// The files `what` names, for `server` (an id or label) or every server.
fn select(
    files: Vec<ExportFile>,
    what: &str,
    server: Option<&str>,
) -> Result<Vec<ExportFile>, String> {
    let kinds: &[FileKind] = match what {
        "compose" => &[FileKind::Compose],
        "env" => &[FileKind::Env],
        "postgres" => &[FileKind::PostgresConf, FileKind::Sql],
        "k8s" => &[FileKind::Kubernetes],
        "swarm" => &[FileKind::Swarm],
        "deploy" => &[FileKind::Markdown],
        "all" => &[],
        other => {
            return Err(format!(
                "unknown export {other:?} (compose, env, postgres, k8s, swarm, deploy, all)"
            ))
        }
    };
    Ok(files
        .into_iter()
        .filter(|f| kinds.is_empty() || kinds.contains(&f.kind))
        // `env` means the servers' .env files; the Swarm stack's goes with `swarm`.
        .filter(|f| what != "env" || f.server.is_some())
        .filter(|f| match (server, &f.server) {
            (Some(s), Some(fs)) => fs == s,
            (Some(_), None) => what != "compose" && what != "env" && what != "postgres",
            (None, _) => true,
        })
        .collect())
}

/// Runs `stackfit export WHAT PLAN [--option O] [--server S] [--out DIR] [--lang L]`.
pub fn run(
    plan: &Plan,
    report: &Report,
    what: &str,
    option: Option<&str>,
    server: Option<&str>,
    out: Option<&str>,
    lang: Lang,
) -> Result<String, String> {
    let option = option_id(plan, option)?;
    let o = plan.option(&option).expect("found above");
    let server = match server {
        None => None,
        Some(s) => Some(
            o.servers
                .iter()
                .find(|x| x.id == s || x.label == s)
                .map(|x| x.id.clone())
                .ok_or_else(|| {
                    let ids: Vec<&str> = o.servers.iter().map(|x| x.id.as_str()).collect();
                    format!(
                        "no server {s:?} in option {option:?} (servers: {})",
                        ids.join(", ")
                    )
                })?,
        ),
    };
    let mut random = std::fs::File::open(RANDOM)
        .map_err(|e| format!("{RANDOM}: {e} (needed for the secrets)"))?;
    let mut secrets = Secrets::new(move || os_secret(&mut random));
    let files = export::files(plan, report, &option, &mut secrets, lang)
        .ok_or_else(|| format!("cannot export option {option:?}"))?;
    let files = select(files, what, server.as_deref())?;
    match out {
        Some(dir) => {
            let dir = Path::new(dir);
            std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
            let mut written = String::new();
            if what == "all" {
                let zip = export::zip_files(&files);
                let name = format!("stackfit-{option}.zip");
                std::fs::write(dir.join(&name), zip).map_err(|e| format!("{name}: {e}"))?;
                written.push_str(&format!("{}\n", dir.join(&name).display()));
            }
            for f in &files {
                let path = dir.join(&f.name);
                std::fs::write(&path, &f.text).map_err(|e| format!("{}: {e}", path.display()))?;
                written.push_str(&format!("{}\n", path.display()));
            }
            Ok(written)
        }
        None if files.len() == 1 => Ok(files[0].text.clone()),
        None => Ok(files
            .iter()
            .map(|f| format!("==> {} <==\n{}\n", f.name, f.text))
            .collect()),
    }
}
