//! The `.env` beside each compose file: the private addresses it reads.

use super::address::{address_variable, known_address};
use super::compose::header;
use super::target::Target;
use super::{comment_text, env_name};
use crate::model::Plan;
use crate::report::Report;

/// The `.env` for the compose file of server `server`: one `NAME=value` line
/// per variable the compose file reads (the private addresses of this and
/// other servers), with the value when the plan knows it and empty, with a
/// comment saying what to set, when it does not.
///
/// ```
/// use stackfit_core::{evaluate, export, templates};
/// let mut plan = templates::get("s4").unwrap();
/// let env = export::env_file(&plan, &evaluate(&plan), "as-planned", "b").unwrap();
/// assert!(env.lines().any(|l| l == "SERVER_A_PRIVATE_ADDRESS=192.168.36.36"));
/// // A server without an address in the plan leaves its line to fill in.
/// plan.options[0].servers[0].private_address = None;
/// let env = export::env_file(&plan, &evaluate(&plan), "as-planned", "b").unwrap();
/// assert!(env.lines().any(|l| l == "SERVER_A_PRIVATE_ADDRESS="));
/// ```
pub fn env_file(plan: &Plan, report: &Report, option: &str, server: &str) -> Option<String> {
    let t = Target::new(plan, report, option, server)?;
    let mut out = String::new();
    header(&mut out, &t, ".env", false);
    out.push_str("# docker compose reads this file from the directory of docker-compose.yml.\n");
    let mut any = false;
    for (si, s) in t.option.servers.iter().enumerate() {
        let is_self = si == t.server_index;
        let names: Vec<&str> = if is_self {
            t.reached_from_elsewhere()
                .into_iter()
                .map(|p| p.id.as_str())
                .collect()
        } else {
            t.outgoing_to(si)
        };
        if names.is_empty() {
            continue;
        }
        any = true;
        let who = format!(
            "server {}'s private IP (\"{}\")",
            env_name(&s.id),
            comment_text(&s.label)
        );
        let what = if is_self {
            format!(
                "{} published on it for the other servers",
                comment_text(&names.join(", "))
            )
        } else {
            format!("{} run there", comment_text(&names.join(", ")))
        };
        match known_address(s) {
            Some(a) => out.push_str(&format!(
                "# {who}, from the plan (docker-compose.yml has it as is): {what}\n{}={a}\n",
                address_variable(&s.id)
            )),
            None => out.push_str(&format!(
                "# set to {who}: {what}\n{}=\n",
                address_variable(&s.id)
            )),
        }
    }
    if !any {
        out.push_str(
            "# no variables: nothing here reaches another server, and no other server reaches this one.\n",
        );
    }
    Some(out)
}
