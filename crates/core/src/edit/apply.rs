//! The one pure function that changes a plan: [`apply`] carries out an
//! [`Action`] or refuses it, leaving the plan as it was. Undo/redo
//! ([`super::History`]) sees every change because every change comes here.

use std::fmt;

use crate::model::bounds::OutOfBounds;
use crate::model::{Action, Placement, Plan, PlanOption, Server};

/// When a server's label names its size ("2C2G (1.8 GiB usable)") and that
/// size is the current tier's, the label after a change to `new_tier` names
/// the new size, so an upgrade does not leave a label that contradicts it.
/// A label whose size already disagreed with the tier is left as it is: that
/// disagreement is a finding the user should see.
fn relabel(server: &Server, new_tier: &str) -> Option<String> {
    let old = crate::catalog::tier(&server.tier)
        .map(|t| (t.vcpu, t.memory_mib))
        .or(server.spec.map(|s| (s.vcpu, s.memory_mib)))?;
    let new = crate::catalog::tier(new_tier)?;
    if crate::model::tier::parse_size_claim(&server.label) != Some(old) {
        return None;
    }
    let (vcpu, mib) = old;
    if !mib.is_multiple_of(1024) {
        return None;
    }
    let gib = mib / 1024;
    [format!("{vcpu}C{gib}G"), format!("{vcpu}c{gib}g")]
        .iter()
        .find(|t| server.label.contains(t.as_str()))
        .map(|t| server.label.replacen(t.as_str(), &new.size_label(), 1))
}

/// Why an action could not be applied. The plan is left unchanged.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ActionError {
    UnknownOption(String),
    UnknownServer(String),
    UnknownPlacement(String),
    UnknownService(String),
    UnknownKnob {
        service: String,
        knob: String,
    },
    UnknownPreset {
        service: String,
        preset: String,
    },
    DuplicateId(String),
    /// A tier the catalog does not have, on a server with no declared spec.
    UnknownTier(String),
    /// Control characters or line breaks in a name, label or note.
    ControlCharacters(String),
    /// An id with characters an id cannot hold (it names services and files).
    BadId(String),
    /// A queue or environment name that is not one.
    BadName(String),
    /// An environment line that would store a secret the export generates
    /// (`POSTGRES_PASSWORD`): secrets never go into a plan or a link.
    SecretInPlan(String),
    /// A value outside what the knob or setting allows (see [`bounds`]).
    OutOfRange(OutOfBounds),
    /// The last option of a plan cannot be removed.
    LastOption,
    /// Load inputs of a class the service does not take (`service`, and
    /// what it takes: "web", "tasks" or "" for none).
    LoadNotTaken {
        service: String,
        takes: &'static str,
    },
}

impl ActionError {
    /// Why the action was refused, in English.
    pub fn message_en(&self) -> String {
        match self {
            ActionError::UnknownOption(id) => format!("There is no option {id:?}."),
            ActionError::UnknownServer(id) => format!("There is no server {id:?}."),
            ActionError::UnknownPlacement(id) => {
                format!("There is no service {id:?} in this option.")
            }
            ActionError::UnknownService(id) => format!("The catalog has no service {id:?}."),
            ActionError::UnknownKnob { service, knob } => {
                format!("{service} has no setting {knob:?}.")
            }
            ActionError::UnknownPreset { service, preset } => {
                format!("{service} has no preset {preset:?}.")
            }
            ActionError::DuplicateId(id) => {
                format!("The id {id:?} is already used in this option.")
            }
            ActionError::UnknownTier(id) => format!(
                "The catalog has no tier {id:?}; give the server a spec (vCPUs and memory)."
            ),
            ActionError::ControlCharacters(at) => {
                format!("{at} holds control characters or line breaks.")
            }
            ActionError::BadId(id) => {
                format!("The id {id:?} may hold only lower-case letters, digits, - and _.")
            }
            ActionError::BadName(name) => format!("{name:?} is not a valid name here."),
            ActionError::SecretInPlan(name) => format!(
                "{name} is a secret: it is generated on your machine when you export, and never stored in the plan."
            ),
            ActionError::OutOfRange(e) => e.message_en(),
            ActionError::LastOption => "A plan needs at least one option.".into(),
            ActionError::LoadNotTaken { service, takes } => match *takes {
                "web" => format!("{service} serves requests: its load is requests per second and latency, not tasks."),
                "tasks" => format!("{service} runs tasks: its load is tasks per hour and their durations, not requests."),
                _ => format!("{service} takes no load inputs: its load is its clients'."),
            },
        }
    }

    /// 操作被拒绝的原因（中文）。
    pub fn message_zh(&self) -> String {
        match self {
            ActionError::UnknownOption(id) => format!("没有选项“{id}”。"),
            ActionError::UnknownServer(id) => format!("没有服务器“{id}”。"),
            ActionError::UnknownPlacement(id) => format!("这个选项里没有服务“{id}”。"),
            ActionError::UnknownService(id) => format!("服务目录里没有“{id}”。"),
            ActionError::UnknownKnob { service, knob } => {
                format!("{service} 没有参数“{knob}”。")
            }
            ActionError::UnknownPreset { service, preset } => {
                format!("{service} 没有预设“{preset}”。")
            }
            ActionError::DuplicateId(id) => format!("标识“{id}”在这个选项里已被使用。"),
            ActionError::UnknownTier(id) => {
                format!("规格目录里没有“{id}”，请为服务器填写配置（vCPU 与内存）。")
            }
            ActionError::ControlCharacters(at) => format!("{at} 含有控制字符或换行。"),
            ActionError::BadId(id) => format!("标识“{id}”只能包含小写字母、数字、- 和 _。"),
            ActionError::BadName(name) => format!("“{name}”不是合法的名称。"),
            ActionError::SecretInPlan(name) => {
                format!("{name} 是机密：导出时在你的电脑上生成，不会保存在方案里。")
            }
            ActionError::OutOfRange(e) => e.message_zh(),
            ActionError::LastOption => "方案至少要保留一个选项。".into(),
            ActionError::LoadNotTaken { service, takes } => match *takes {
                "web" => {
                    format!("{service} 处理的是请求：它的负载是每秒请求数和延迟，而不是任务。")
                }
                "tasks" => {
                    format!("{service} 运行的是任务：它的负载是每小时任务数和耗时，而不是请求。")
                }
                _ => format!("{service} 不接受负载输入：它的负载来自它的客户端。"),
            },
        }
    }
}

impl fmt::Display for ActionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message_en())
    }
}

impl From<OutOfBounds> for ActionError {
    fn from(e: OutOfBounds) -> Self {
        ActionError::OutOfRange(e)
    }
}

impl std::error::Error for ActionError {}

fn option_mut<'a>(plan: &'a mut Plan, id: &str) -> Result<&'a mut PlanOption, ActionError> {
    plan.options
        .iter_mut()
        .find(|o| o.id == id)
        .ok_or_else(|| ActionError::UnknownOption(id.into()))
}

fn server_mut<'a>(option: &'a mut PlanOption, id: &str) -> Result<&'a mut Server, ActionError> {
    option
        .servers
        .iter_mut()
        .find(|s| s.id == id)
        .ok_or_else(|| ActionError::UnknownServer(id.into()))
}

fn placement_mut<'a>(
    option: &'a mut PlanOption,
    id: &str,
) -> Result<&'a mut Placement, ActionError> {
    option
        .servers
        .iter_mut()
        .flat_map(|s| s.placements.iter_mut())
        .find(|p| p.id == id)
        .ok_or_else(|| ActionError::UnknownPlacement(id.into()))
}

fn placement_ids_unique(option: &PlanOption, new: &Placement) -> Result<(), ActionError> {
    if option.find_placement(&new.id).is_some() {
        return Err(ActionError::DuplicateId(new.id.clone()));
    }
    Ok(())
}

fn check_service(id: &str) -> Result<&'static crate::model::ServiceDef, ActionError> {
    crate::catalog::service(id).ok_or_else(|| ActionError::UnknownService(id.into()))
}

/// Applies `action` to `plan`. Pure: the result depends only on the plan and
/// the action, and on an error the plan is unchanged.
///
/// ```
/// use stackfit_core::edit::apply;
/// use stackfit_core::model::{Action, Placement};
/// let mut plan = stackfit_core::templates::get("s0-finrep").unwrap();
/// let action = Action::SetKnob {
///     option: "lean-2c4g".into(),
///     placement: "web".into(),
///     knob: "workers".into(),
///     value: Some(2),
/// };
/// apply(&mut plan, &action).unwrap();
/// let (_, web) = plan.option("lean-2c4g").unwrap().find_placement("web").unwrap();
/// assert_eq!(web.knobs["workers"], 2);
/// ```
pub fn apply(plan: &mut Plan, action: &Action) -> Result<(), ActionError> {
    let mut next = plan.clone();
    change(&mut next, action)?;
    super::validate::refuse(&mut next)?;
    *plan = next;
    Ok(())
}

/// Drops dependencies on placements that are no longer in the option.
fn forget(o: &mut PlanOption, removed: &[&str]) {
    for p in o.servers.iter_mut().flat_map(|s| s.placements.iter_mut()) {
        p.depends_on.retain(|d| !removed.contains(&d.as_str()));
    }
}

/// Carries out `action` on `plan` without the validator's checks (the
/// caller validates the result).
fn change(plan: &mut Plan, action: &Action) -> Result<(), ActionError> {
    match action {
        Action::AddOption { option } => {
            if plan.option(&option.id).is_some() {
                return Err(ActionError::DuplicateId(option.id.clone()));
            }
            plan.options.push(option.clone());
        }
        Action::RemoveOption { option } => {
            let i = plan
                .options
                .iter()
                .position(|o| &o.id == option)
                .ok_or_else(|| ActionError::UnknownOption(option.clone()))?;
            if plan.options.len() == 1 {
                return Err(ActionError::LastOption);
            }
            plan.options.remove(i);
            if plan.settings.baseline_option.as_ref() == Some(option) {
                plan.settings.baseline_option = None;
            }
        }
        Action::RenamePlan { name } => plan.name = name.clone(),
        Action::RenameOption { option, name } => option_mut(plan, option)?.name = name.clone(),
        Action::AddServer { option, server } => {
            let o = option_mut(plan, option)?;
            if o.server(&server.id).is_some() {
                return Err(ActionError::DuplicateId(server.id.clone()));
            }
            for p in &server.placements {
                placement_ids_unique(o, p)?;
            }
            o.servers.push(server.clone());
        }
        Action::RemoveServer { option, server } => {
            let o = option_mut(plan, option)?;
            let i = o
                .servers
                .iter()
                .position(|s| &s.id == server)
                .ok_or_else(|| ActionError::UnknownServer(server.clone()))?;
            let gone = o.servers.remove(i);
            let ids: Vec<&str> = gone.placements.iter().map(|p| p.id.as_str()).collect();
            forget(o, &ids);
        }
        Action::SetTier {
            option,
            server,
            tier,
        } => {
            let s = server_mut(option_mut(plan, option)?, server)?;
            if &s.tier != tier {
                if let Some(label) = relabel(s, tier) {
                    s.label = label;
                }
                s.tier = tier.clone();
                s.usable_mib = None;
                s.price = None;
            }
        }
        Action::SetServerLabel {
            option,
            server,
            label,
        } => server_mut(option_mut(plan, option)?, server)?.label = label.clone(),
        Action::SetServerPrice {
            option,
            server,
            price,
        } => server_mut(option_mut(plan, option)?, server)?.price = price.clone(),
        Action::SetServerUsable {
            option,
            server,
            usable_mib,
        } => server_mut(option_mut(plan, option)?, server)?.usable_mib = *usable_mib,
        Action::AddPlacement {
            option,
            server,
            placement,
        } => {
            check_service(&placement.service)?;
            let o = option_mut(plan, option)?;
            placement_ids_unique(o, placement)?;
            server_mut(o, server)?
                .placements
                .push((**placement).clone());
        }
        Action::RemovePlacement { option, placement } => {
            let o = option_mut(plan, option)?;
            let (si, _) = o
                .find_placement(placement)
                .ok_or_else(|| ActionError::UnknownPlacement(placement.clone()))?;
            o.servers[si].placements.retain(|p| &p.id != placement);
            forget(o, &[placement.as_str()]);
        }
        Action::MovePlacement {
            option,
            placement,
            to_server,
        } => {
            let o = option_mut(plan, option)?;
            let (si, _) = o
                .find_placement(placement)
                .ok_or_else(|| ActionError::UnknownPlacement(placement.clone()))?;
            let ti = o
                .servers
                .iter()
                .position(|s| &s.id == to_server)
                .ok_or_else(|| ActionError::UnknownServer(to_server.clone()))?;
            if si != ti {
                let pi = o.servers[si]
                    .placements
                    .iter()
                    .position(|p| &p.id == placement)
                    .expect("found above");
                let p = o.servers[si].placements.remove(pi);
                o.servers[ti].placements.push(p);
            }
        }
        Action::SetKnob {
            option,
            placement,
            knob,
            value,
        } => {
            let p = placement_mut(option_mut(plan, option)?, placement)?;
            let def = check_service(&p.service)?;
            if def.knob(knob).is_none() {
                return Err(ActionError::UnknownKnob {
                    service: p.service.clone(),
                    knob: knob.clone(),
                });
            }
            match value {
                Some(v) => {
                    p.knobs.insert(knob.clone(), *v);
                }
                None => {
                    p.knobs.remove(knob);
                }
            }
        }
        Action::ApplyPreset {
            option,
            placement,
            preset,
        } => {
            let p = placement_mut(option_mut(plan, option)?, placement)?;
            let def = check_service(&p.service)?;
            let pr = def
                .preset(preset)
                .ok_or_else(|| ActionError::UnknownPreset {
                    service: p.service.clone(),
                    preset: preset.clone(),
                })?;
            for (k, v) in pr.values {
                p.knobs.insert(k.to_string(), *v);
            }
        }
        Action::SetReplicas {
            option,
            placement,
            replicas,
        } => placement_mut(option_mut(plan, option)?, placement)?.replicas = *replicas,
        Action::SetServerSwap {
            option,
            server,
            swap_mib,
        } => server_mut(option_mut(plan, option)?, server)?.swap_mib = *swap_mib,
        Action::SetServerAddress {
            option,
            server,
            address,
        } => {
            let address = address.as_deref().map(str::trim).filter(|a| !a.is_empty());
            server_mut(option_mut(plan, option)?, server)?.private_address =
                address.map(str::to_string)
        }
        Action::SetMeasuredCpu {
            option,
            placement,
            millicores,
        } => {
            placement_mut(option_mut(plan, option)?, placement)?.measured_cpu_millicores =
                *millicores
        }
        Action::Batch { actions } => {
            // All or nothing: the caller validates the result and keeps it
            // only if every step applied.
            for a in actions {
                change(plan, a)?;
            }
        }
        Action::SetMeasured {
            option,
            placement,
            mib,
        } => {
            // The user's own figure replaces an estimate (a template's
            // example output): from now on it counts as measured.
            let p = placement_mut(option_mut(plan, option)?, placement)?;
            p.measured_mib = *mib;
            p.estimated = false;
        }
        Action::SetLimit {
            option,
            placement,
            mib,
        } => placement_mut(option_mut(plan, option)?, placement)?.limit_mib = *mib,
        Action::SetShm {
            option,
            placement,
            mib,
        } => placement_mut(option_mut(plan, option)?, placement)?.shm_mib = *mib,
        Action::SetDependencies {
            option,
            placement,
            depends_on,
        } => {
            let o = option_mut(plan, option)?;
            for d in depends_on {
                if o.find_placement(d).is_none() {
                    return Err(ActionError::UnknownPlacement(d.clone()));
                }
            }
            placement_mut(o, placement)?.depends_on = depends_on.clone();
        }
        Action::SetQueues {
            option,
            placement,
            queues,
        } => placement_mut(option_mut(plan, option)?, placement)?.queues = queues.clone(),
        Action::SetEnv {
            option,
            placement,
            name,
            value,
        } => {
            let p = placement_mut(option_mut(plan, option)?, placement)?;
            match value {
                Some(v) => {
                    p.env.insert(name.clone(), v.clone());
                }
                None => {
                    p.env.remove(name);
                }
            }
        }
        Action::RemoveSecret {
            option,
            placement,
            name,
        } => {
            placement_mut(option_mut(plan, option)?, placement)?
                .secrets
                .remove(name);
        }
        Action::SetPorts {
            option,
            placement,
            ports,
        } => placement_mut(option_mut(plan, option)?, placement)?.ports = ports.clone(),
        Action::SetImage {
            option,
            placement,
            image,
            port,
        } => {
            let p = placement_mut(option_mut(plan, option)?, placement)?;
            p.image = image
                .as_deref()
                .map(str::trim)
                .filter(|i| !i.is_empty())
                .map(str::to_string);
            p.port = *port;
        }
        Action::SetCpuLimit {
            option,
            placement,
            millicores,
        } => {
            placement_mut(option_mut(plan, option)?, placement)?.cpu_limit_millicores = *millicores
        }
        Action::SetPublic {
            option,
            placement,
            public,
        } => placement_mut(option_mut(plan, option)?, placement)?.public = *public,
        Action::SetLoadInputs {
            option,
            placement,
            load,
        } => placement_mut(option_mut(plan, option)?, placement)?.load = *load,
        Action::SetServerDisk {
            option,
            server,
            disk,
        } => server_mut(option_mut(plan, option)?, server)?.disk = *disk,
        Action::SetHeadroomTarget { pct } => {
            plan.settings.headroom_target_pct = *pct;
        }
        Action::SetReserve { reserve } => plan.settings.reserve = *reserve,
        Action::SetFxRate { usd_cny_rate_milli } => {
            plan.settings.usd_cny_rate_milli = *usd_cny_rate_milli;
        }
        Action::SetLoad { option, load } => {
            option_mut(plan, option)?.load = *load;
        }
        Action::SetReference { option, reference } => {
            option_mut(plan, option)?.reference = *reference;
        }
        Action::SetBaseline { option } => {
            if let Some(id) = option {
                option_mut(plan, id)?;
            }
            plan.settings.baseline_option = option.clone();
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_upgrade_renames_the_size_in_the_label_it_matched() {
        let mut plan = crate::templates::get("s2").unwrap();
        apply(
            &mut plan,
            &Action::SetTier {
                option: "plus-standard".into(),
                server: "a".into(),
                tier: "aliyun-ecs-e-c1m2-large".into(),
            },
        )
        .unwrap();
        let label = &plan.option("plus-standard").unwrap().servers[0].label;
        assert!(label.starts_with("2C4G"), "{label}");
    }

    #[test]
    fn a_label_that_already_disagreed_keeps_its_claim() {
        // S3's A+ calls an ecs.c7.4xlarge (16C32G) "8C32G": that finding must survive.
        let mut plan = crate::templates::get("s3").unwrap();
        let before = plan.option("a-plus").unwrap().servers[0].label.clone();
        let server = plan.option("a-plus").unwrap().servers[0].id.clone();
        apply(
            &mut plan,
            &Action::SetTier {
                option: "a-plus".into(),
                server,
                tier: "aliyun-ecs-g7-4xlarge".into(),
            },
        )
        .unwrap();
        assert_eq!(plan.option("a-plus").unwrap().servers[0].label, before);
    }

    #[test]
    fn a_figure_the_user_sets_is_measured_not_the_templates_estimate() {
        // S0's figures are its report's example output: estimates.
        let mut plan = crate::templates::get("s0").unwrap();
        let option = plan.options[0].id.clone();
        let basis = |plan: &Plan| {
            crate::fit::evaluate(plan)
                .placement(&option, "postgres")
                .unwrap()
                .basis
        };
        assert_eq!(basis(&plan), crate::report::Basis::Estimated);
        let set = |mib| Action::SetMeasured {
            option: option.clone(),
            placement: "postgres".into(),
            mib,
        };
        apply(&mut plan, &set(Some(300))).unwrap();
        assert_eq!(basis(&plan), crate::report::Basis::Measured);
        apply(&mut plan, &set(None)).unwrap();
        assert!(matches!(basis(&plan), crate::report::Basis::Sourced { .. }));
    }

    #[test]
    fn a_kept_secret_can_be_let_go_and_only_it() {
        let mut plan = crate::templates::get("s0").unwrap();
        let option = plan.options[0].id.clone();
        let worker = plan.options[0].servers[0].placements[0].id.clone();
        let secrets = |plan: &Plan| {
            plan.option(&option).unwrap().servers[0].placements[0]
                .secrets
                .iter()
                .map(|(name, var)| format!("{name}={var}"))
                .collect::<Vec<_>>()
        };
        let placement = &mut plan.options[0].servers[0].placements[0];
        placement
            .secrets
            .insert("DB_PASSWORD".into(), "DB_PASSWORD".into());
        placement
            .secrets
            .insert("API_TOKEN".into(), "SHARED_TOKEN".into());
        let remove = |placement: &str, name: &str| Action::RemoveSecret {
            option: option.clone(),
            placement: placement.into(),
            name: name.into(),
        };
        apply(&mut plan, &remove(&worker, "DB_PASSWORD")).unwrap();
        assert_eq!(secrets(&plan), ["API_TOKEN=SHARED_TOKEN"]);
        // One it does not keep: nothing changes.
        apply(&mut plan, &remove(&worker, "DB_PASSWORD")).unwrap();
        assert_eq!(secrets(&plan), ["API_TOKEN=SHARED_TOKEN"]);
        assert!(matches!(
            apply(&mut plan, &remove("no-such-placement", "API_TOKEN")),
            Err(ActionError::UnknownPlacement(_))
        ));
        assert_eq!(secrets(&plan), ["API_TOKEN=SHARED_TOKEN"]);
    }

    #[test]
    fn rename_plan_changes_only_the_name() {
        let mut plan = crate::templates::get("s0").unwrap();
        let before = plan.clone();
        apply(
            &mut plan,
            &Action::RenamePlan {
                name: "FinRep 2C4G".into(),
            },
        )
        .unwrap();
        assert_eq!(plan.name, "FinRep 2C4G");
        plan.name = before.name.clone();
        assert_eq!(plan, before);
    }
}
