//! Taking an imported option into a plan that already exists, as one
//! action (so one undo step takes it back): as a new option beside the
//! others ([`as_option`]), or merged into an option on screen, its servers
//! added beside that option's own ([`merge_into`]). Ids that are already
//! taken get a fresh one (`-2`, `-3`, …) and dependencies follow them.
//!
//! The importer (`crate::import`) builds the option; this module only
//! renames and wraps it, so the web app can call it without the importer.

use std::collections::HashMap;

use crate::model::{fresh_id, Action, Plan, PlanOption};

use super::ActionError;

/// `imported` as a new option of `plan`, named `name`, under an option id
/// no option of `plan` uses (`imported`, `imported-2`, …).
///
/// ```
/// use stackfit_core::edit::{adopt, apply};
/// use stackfit_core::model::{PlanOption, Server, Placement};
/// let mut plan = stackfit_core::templates::get("s0").unwrap();
/// let mut option = PlanOption::new("imported", "Imported");
/// let mut server = Server::new("server", "shop", "aliyun-ecs-c7-large");
/// server.placements.push(Placement::new("db", "postgres"));
/// option.servers.push(server);
/// let action = adopt::as_option(&plan, &option, "shop");
/// apply(&mut plan, &action).unwrap();
/// assert_eq!(plan.options.last().unwrap().name, "shop");
/// ```
pub fn as_option(plan: &Plan, imported: &PlanOption, name: &str) -> Action {
    let mut option = imported.clone();
    option.id = fresh_id(&imported.id, plan.options.iter().map(|o| o.id.as_str()));
    option.name = name.to_string();
    Action::AddOption { option }
}

/// Every server of `imported` added to option `option` of `plan`, as one
/// batch. A server or placement id the option already uses is renamed
/// (`server-2`, `db-2`), and the imported placements' dependencies follow
/// the new names.
pub fn merge_into(plan: &Plan, option: &str, imported: &PlanOption) -> Result<Action, ActionError> {
    let target = plan
        .option(option)
        .ok_or_else(|| ActionError::UnknownOption(option.to_string()))?;
    let mut server_ids: Vec<String> = target.servers.iter().map(|s| s.id.clone()).collect();
    let mut placement_ids: Vec<String> = target
        .servers
        .iter()
        .flat_map(|s| s.placements.iter().map(|p| p.id.clone()))
        .collect();
    // Placement ids first, over the whole imported option: a dependency may
    // name a placement on another imported server.
    let mut renamed: HashMap<&str, String> = HashMap::new();
    for p in imported.servers.iter().flat_map(|s| s.placements.iter()) {
        let id = fresh_id(&p.id, placement_ids.iter().map(String::as_str));
        placement_ids.push(id.clone());
        renamed.insert(p.id.as_str(), id);
    }
    let mut actions = Vec::new();
    for s in &imported.servers {
        let mut server = s.clone();
        server.id = fresh_id(&s.id, server_ids.iter().map(String::as_str));
        server_ids.push(server.id.clone());
        for p in &mut server.placements {
            p.id = renamed[p.id.as_str()].clone();
            for d in &mut p.depends_on {
                if let Some(new) = renamed.get(d.as_str()) {
                    *d = new.clone();
                }
            }
        }
        actions.push(Action::AddServer {
            option: option.to_string(),
            server,
        });
    }
    Ok(Action::Batch { actions })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::{apply, History};
    use crate::model::{Placement, Server};

    fn imported() -> PlanOption {
        let mut o = PlanOption::new("imported", "Imported from compose");
        let mut s = Server::new("server", "shop", "aliyun-ecs-c7-large");
        s.placements.push(Placement::new("db", "postgres"));
        s.placements
            .push(Placement::new("web", "nginx").depends_on(&["db"]));
        o.servers.push(s);
        o
    }

    fn base() -> Plan {
        let mut plan = Plan {
            name: "mine".into(),
            description: String::new(),
            settings: Default::default(),
            options: Vec::new(),
            quotes: Vec::new(),
        };
        let mut o = PlanOption::new("imported", "Mine");
        let mut s = Server::new("server", "A", "aliyun-ecs-c7-large");
        s.placements.push(Placement::new("db", "postgres"));
        o.servers.push(s);
        plan.options.push(o);
        plan
    }

    #[test]
    fn a_new_option_gets_an_unused_id_and_undo_removes_it() {
        let plan = base();
        let mut h = History::new(plan.clone());
        h.apply(&as_option(&plan, &imported(), "shop")).unwrap();
        let added = h.plan().options.last().unwrap();
        assert_eq!(
            (added.id.as_str(), added.name.as_str()),
            ("imported-2", "shop")
        );
        assert_eq!(
            h.plan().options[0],
            plan.options[0],
            "the option on screen is untouched"
        );
        h.undo();
        assert_eq!(h.plan(), &plan);
    }

    #[test]
    fn merging_renames_taken_ids_keeps_dependencies_and_is_one_undo_step() {
        let plan = base();
        let action = merge_into(&plan, "imported", &imported()).unwrap();
        let mut h = History::new(plan.clone());
        h.apply(&action).unwrap();
        let o = &h.plan().options[0];
        assert_eq!(o.servers.len(), 2);
        let merged = &o.servers[1];
        assert_eq!(merged.id, "server-2");
        let ids: Vec<&str> = merged.placements.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(ids, ["db-2", "web"]);
        assert_eq!(merged.placements[1].depends_on, ["db-2"]);
        assert!(h.undo());
        assert_eq!(h.plan(), &plan);
        let mut direct = plan.clone();
        assert!(merge_into(&plan, "nope", &imported()).is_err());
        apply(&mut direct, &action).unwrap();
        assert!(h.redo());
        assert_eq!(&direct, h.plan());
    }
}
