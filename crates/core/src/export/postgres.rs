//! `postgresql.conf` and the same settings as `ALTER SYSTEM` lines for each
//! PostgreSQL placement: the settings the compose file passes with `-c`
//! (the report's, from the plan and PGTune on the container's limit), each
//! with how it was derived, for a PostgreSQL you run outside Compose.

use super::spec::{Container, OptionExport, ServerExport};
use super::yaml::comment;
use crate::kinds::Tuned;

/// `postgresql.<placement>.conf`
pub fn conf_file_name(placement: &str) -> String {
    format!("postgresql.{placement}.conf")
}

/// `alter-system.<placement>.sql`
pub fn sql_file_name(placement: &str) -> String {
    format!("alter-system.{placement}.sql")
}

fn intro(out: &mut String, e: &OptionExport, s: &ServerExport, c: &Container, lead: &str) {
    let r = c.report;
    out.push_str(&format!(
        "{lead} PostgreSQL {} on server {} \"{}\" (option {} \"{}\")\n",
        comment(&c.placement.id),
        comment(&s.server.id),
        comment(&s.server.label),
        comment(&e.option.id),
        comment(&e.option.name)
    ));
    if let Some(l) = super::spec::load_line(e.option.load) {
        out.push_str(&format!("{lead} {}\n", comment(&l)));
    }
    out.push_str(&format!(
        "{lead} for a {} MiB memory limit, {} vCPU, {:?} disk: PGTune's web profile on the limit, not the host's RAM,\n",
        r.tuning.limit_mib,
        s.report.vcpu,
        s.server.disk
    ));
    out.push_str(&format!(
        "{lead} except where the plan holds a value (the docker-compose file passes the same settings with -c).\n"
    ));
    for sg in &r.tuning.suggestions {
        out.push_str(&format!(
            "{lead} the plan holds {} = {}; PGTune for this limit gives {} (the planner offers the fix)\n",
            sg.knob, sg.plan, sg.tuned
        ));
    }
}

/// The postgresql.conf of a PostgreSQL container, if it is one.
pub(super) fn conf(e: &OptionExport, s: &ServerExport, c: &Container) -> Option<String> {
    let Tuned::Postgres(t) = &c.report.tuning.written else {
        return None;
    };
    let mut out = String::new();
    intro(&mut out, e, s, c, "#");
    for st in t.settings() {
        let line = format!("{} = {}", st.name, conf_value(&st.value));
        out.push_str(&format!("{line:<44} # {}\n", st.rule_en));
    }
    Some(out)
}

/// The same settings as `ALTER SYSTEM` statements.
pub(super) fn alter_system(e: &OptionExport, s: &ServerExport, c: &Container) -> Option<String> {
    let Tuned::Postgres(t) = &c.report.tuning.written else {
        return None;
    };
    let mut out = String::new();
    intro(&mut out, e, s, c, "--");
    out.push_str("-- Run as a superuser (psql -f), then restart PostgreSQL: several settings need a restart.\n");
    for st in t.settings() {
        out.push_str(&format!(
            "ALTER SYSTEM SET {} = '{}';  -- {}\n",
            st.name,
            st.value.replace('\'', "''"),
            st.rule_en
        ));
    }
    Some(out)
}

/// A value as postgresql.conf writes it: sizes and words quoted, numbers bare.
fn conf_value(v: &str) -> String {
    if v.chars().all(|c| c.is_ascii_digit() || c == '.') {
        v.to_string()
    } else {
        format!("'{v}'")
    }
}
