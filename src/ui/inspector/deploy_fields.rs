//! What a placement needs when it is deployed, beyond its size: the image,
//! ports and mounts it keeps from an imported compose file (shown), whether it
//! is reached from outside (its port published) and which port, the queues
//! a task worker consumes, and its own environment lines — beside the
//! settings the image needs, shown read-only (a secret as "generated at
//! export", never a value). Every edit is an engine action, checked by the
//! engine; a refusal is shown in the field.

use leptos::prelude::*;
use stackfit_core::catalog;
use stackfit_core::edit::validate::{ENV_VALUE_CHARS, MAX_QUEUES};
use stackfit_core::kinds::celery::is_queue_worker;
use stackfit_core::model::bounds::{self, Bound, Measure};
use stackfit_core::model::{EnvValue, Placement};
use stackfit_core::Action;

use crate::state::{use_lang, use_planner};
use crate::ui::fields::{LineRefusal, NumberField, TextLineField};

/// The queue list as typed: names and commas, at most MAX_QUEUES × 100.
const QUEUES_CHARS: Bound = Bound::new(
    "queues",
    "队列",
    0,
    (MAX_QUEUES * 101) as i64,
    Measure::Chars,
);

/// A `NAME=value` line as typed: a name (at most 128) and a value.
const ENV_LINE_CHARS: Bound = Bound::new(
    "environment line",
    "环境变量",
    0,
    ENV_VALUE_CHARS.max + 129,
    Measure::Chars,
);

/// The deploy fields of a placement of the option on screen.
#[component]
pub fn DeployFields(
    /// The placement, as the plan holds it.
    placement: Memo<Option<Placement>>,
) -> impl IntoView {
    let lang = use_lang();
    let planner = use_planner();
    let def = move || placement.with(|p| p.as_ref().and_then(|p| catalog::service(&p.service)));
    // Why each of the image's environment lines is there (their tooltips):
    // from the catalog's citations file, read when the pointer or the focus
    // first reaches them (the wasm leaves the texts out).
    let cited = RwSignal::new(None::<std::sync::Arc<stackfit_core::catalog::citations::Citations>>);
    let pid =
        move || placement.with_untracked(|p| p.as_ref().map(|p| p.id.clone()).unwrap_or_default());
    let option = move || planner.option_id.get_untracked();
    let engine = move |action: Action| planner.try_dispatch(action).err().map(LineRefusal::Engine);

    let set_queues = Callback::new(move |text: String| {
        let queues: Vec<String> = text
            .split(',')
            .map(str::trim)
            .filter(|q| !q.is_empty())
            .map(str::to_string)
            .collect();
        engine(Action::SetQueues {
            option: option(),
            placement: pid(),
            queues,
        })
    });
    let add_env = Callback::new(move |text: String| {
        if text.is_empty() {
            return None;
        }
        let Some((name, value)) = text.split_once('=') else {
            return Some(LineRefusal::Unread(
                "请写成 名称=取值，例如 PLAYWRIGHT_MAX_BROWSERS=1。",
                "Write it as NAME=value, e.g. PLAYWRIGHT_MAX_BROWSERS=1.",
            ));
        };
        engine(Action::SetEnv {
            option: option(),
            placement: pid(),
            name: name.trim().to_string(),
            value: Some(value.trim().to_string()),
        })
    });
    // Settings the image itself needs: a secret is generated at export, a
    // database client's password and host are its database's.
    let fixed = move || {
        def().map(|d| {
            d.deploy
                .env
                .iter()
                .map(|e| {
                    // A fixed value, or what the export writes: (zh, en).
                    let value = match e.value {
                        EnvValue::Literal(v) => Ok(v),
                        EnvValue::Secret => Err(("导出时生成", "generated at export")),
                        EnvValue::DependencySecret => {
                            Err(("导出时取所依赖数据库的密码", "its database's password, at export"))
                        }
                        EnvValue::DependencyHost(_) => {
                            Err(("导出时取所依赖数据库的地址", "its database's address, at export"))
                        }
                    };
                    view! {
                        <li class="env-fixed" data-testid=format!("env-fixed-{}", e.name) title=move || {
                            let service = def()?.id;
                            cited.with(|c| c.as_ref()?.env_why(service, e.name).map(|w| lang.get().pick(&w.zh, &w.en).to_string()))
                        }>
                            <code>{e.name}</code>
                            {match value {
                                Ok(v) => view! { <code class="env-value">{v}</code> }.into_any(),
                                Err((zh, en)) => view! { <em class="env-generated">{move || lang.get().pick(zh, en)}</em> }.into_any(),
                            }}
                        </li>
                    }
                })
                .collect_view()
        })
    };
    // Secrets an import found in a .env: read from variables the export
    // generates (shared by every service that read the same one).
    let shared = move || {
        placement
            .with(|p| p.as_ref().map(|p| p.secrets.clone()).unwrap_or_default())
            .into_iter()
            .map(|(name, var)| {
                let text = move || match lang.get() {
                    crate::i18n::Lang::Zh => format!("导出时生成（{var}）"),
                    crate::i18n::Lang::En => format!("generated at export ({var})"),
                };
                // An import can take a setting for a secret it is not: the
                // user lets it go (the export then writes no such line).
                let action = Action::RemoveSecret {
                    option: option(),
                    placement: pid(),
                    name: name.clone(),
                };
                let words = (
                    format!("导出时不再写入 {name}"),
                    format!("Stop writing {name} at export"),
                );
                view! {
                    <li class="env-fixed" data-testid=format!("env-secret-{name}")>
                        <code>{name.clone()}</code>
                        <em class="env-generated">{text}</em>
                        <Remove testid=format!("secret-remove-{name}") words action />
                    </li>
                }
            })
            .collect_view()
    };
    let own = move || {
        placement
            .with(|p| p.as_ref().map(|p| p.env.clone()).unwrap_or_default())
            .into_iter()
            .map(|(name, value)| {
                let action = Action::SetEnv {
                    option: option(),
                    placement: pid(),
                    name: name.clone(),
                    value: None,
                };
                let words = (format!("删除 {name}"), format!("Remove {name}"));
                view! {
                    <li class="env-own" data-testid=format!("env-line-{name}")>
                        <code>{name.clone()}</code>
                        <code class="env-value">{value}</code>
                        <Remove testid=format!("env-remove-{name}") words action />
                    </li>
                }
            })
            .collect_view()
    };
    // The image, command, ports and mounts the plan holds (an imported
    // compose file's), as the export writes them: shown, not edited here,
    // but for a published port, which can be let go (a database published
    // on every interface, a port the proxy in front now serves).
    // A command is shown as a shell would read it; the export appends the
    // plan's own flags to it.
    let kept = move || {
        let lines: Vec<(&'static str, &'static str, String, Option<Action>)> =
            placement.with(|p| {
                let Some(p) = p.as_ref() else {
                    return Vec::new();
                };
                let image = p
                    .image
                    .iter()
                    .map(|i| ("image", "kept-image", i.clone(), None));
                let command = (!p.command.is_empty()).then(|| {
                    (
                        "command",
                        "kept-command",
                        stackfit_core::kinds::command::shown(&p.command),
                        None,
                    )
                });
                let ports = p.ports.iter().enumerate().map(|(i, x)| {
                    let mut rest = p.ports.clone();
                    rest.remove(i);
                    let action = Action::SetPorts {
                        option: option(),
                        placement: p.id.clone(),
                        ports: rest,
                    };
                    ("port", "kept-port", x.clone(), Some(action))
                });
                let mounts = p
                    .mounts
                    .iter()
                    .map(|m| ("volume", "kept-mount", m.clone(), None));
                image.chain(command).chain(ports).chain(mounts).collect()
            });
        (!lines.is_empty()).then(|| {
            view! {
                <div class="env" data-testid="deploy-kept">
                    <span class="field-label">{move || lang.get().pick("导出文件使用的镜像、命令、端口与挂载", "Image, command, ports and mounts the export writes")}</span>
                    <ul class="env-lines">
                        {lines
                            .into_iter()
                            .map(|(key, testid, value, remove)| {
                                let remove = remove.map(|action| {
                                    let words = (format!("删除导入时保留的端口 {value}"), format!("Remove {value}, kept from the compose file"));
                                    view! { <Remove testid=format!("kept-port-remove-{value}") words action /> }
                                });
                                view! { <li class="env-fixed"><code class="kept-key">{key}</code><code class="env-value" data-testid=testid>{value}</code>{remove}</li> }
                            })
                            .collect_view()}
                    </ul>
                </div>
            }
        })
    };
    view! {
        <section class="deploy" data-testid="deploy">
            <h3>{move || lang.get().pick("部署", "Deploy")}</h3>
            {kept}
            <label class="field check-field">
                <input
                    type="checkbox"
                    data-testid="public"
                    prop:checked=move || placement.with(|p| p.as_ref().is_some_and(|p| p.public))
                    on:change=move |ev| {
                        planner.dispatch(Action::SetPublic { option: option(), placement: pid(), public: event_target_checked(&ev) })
                    }
                />
                <span>{move || lang.get().pick("对外公开（在所有网卡上发布端口）", "Public (its port is published on every interface)")}</span>
            </label>
            <NumberField
                label=("监听端口（留空用目录的默认端口）", "Port it listens on (empty: the catalog's)")
                bound=bounds::PORT
                value=Signal::derive(move || placement.with(|p| p.as_ref().and_then(|p| p.port).map(i64::from)))
                on_apply=Callback::new(move |v: Option<i64>| {
                    let image = placement.with_untracked(|p| p.as_ref().and_then(|p| p.image.clone()));
                    let port = v.and_then(|v| u16::try_from(v).ok());
                    planner.dispatch(Action::SetImage { option: option(), placement: pid(), image, port });
                })
                testid="port"
                optional=true
            />
            <Show when=move || def().is_some_and(|d| is_queue_worker(d.kind))>
                <TextLineField
                    label=("消费的队列（-Q）", "Queues it consumes (-Q)")
                    value=Signal::derive(move || placement.with(|p| p.as_ref().map(|p| p.queues.join(",")).unwrap_or_default()))
                    bound=QUEUES_CHARS
                    hint=("用逗号分隔；字母、数字和 ._:@-，最多 32 个；留空则消费默认队列", "Comma-separated; letters, digits and ._:@-, at most 32; empty: the default queue")
                    on_apply=set_queues
                    testid="queues"
                    placeholder=("例如 ingestion,reports", "e.g. ingestion,reports")
                />
            </Show>
            <div class="env" data-testid="env">
                <span class="field-label">{move || lang.get().pick("环境变量（写进这台服务器的 .env）", "Environment (written to the server's .env)")}</span>
                <ul
                    class="env-lines"
                    on:pointerenter=move |_| super::citations::read_into(cited)
                    on:focusin=move |_| super::citations::read_into(cited)
                >
                    {fixed}
                    {shared}
                    {own}
                </ul>
                <TextLineField
                    label=("添加或修改一行", "Add or change a line")
                    value=Signal::derive(String::new)
                    bound=ENV_LINE_CHARS
                    hint=("写成 名称=取值；名称由字母、数字和 _ 组成，不以数字开头", "NAME=value; a name is letters, digits and _, not starting with a digit")
                    on_apply=add_env
                    testid="env-add"
                    placeholder=("PLAYWRIGHT_MAX_BROWSERS=1", "PLAYWRIGHT_MAX_BROWSERS=1")
                    clear_after=true
                />
            </div>
        </section>
    }
}

/// A × that lets one line go: `action` on a click, `words` (zh, en) its
/// name for a screen reader and its tooltip.
#[component]
fn Remove(testid: String, words: (String, String), action: Action) -> impl IntoView {
    let lang = use_lang();
    let planner = use_planner();
    let name = move || lang.get().pick(&words.0, &words.1).to_string();
    view! {
        <button class="icon" data-testid=testid aria-label=name.clone() title=name on:click=move |_| planner.dispatch(action.clone())>"×"</button>
    }
}
