//! Which catalog service a compose service is: by its image (registry, tag
//! and digest ignored), else by the program its command runs — mapped to a
//! *kind* (a Celery prefork or gevent worker, a Python web server, a Node or
//! JVM process, a database binary…) and then to the catalog's service of
//! that kind, so the mapping grows with the catalog. And whether it is a
//! one-shot job (a migration or init container) rather than a service.

use std::collections::HashSet;

use super::service::Draft;
use super::shell::program;
use crate::catalog;
use crate::model::{Category, KindId, ServiceDef};

/// True when a catalog entry stands for the user's own code on a runtime
/// (a base image such as `node` or `python`): a command may say more.
pub(crate) fn base_like(def: &ServiceDef) -> bool {
    def.images.is_empty()
        || matches!(
            def.category,
            Category::Runtime | Category::Browser | Category::Custom
        )
        || matches!(
            def.kind,
            KindId::PythonWeb | KindId::CeleryPrefork | KindId::CeleryGevent
        )
}

/// An official base image — a language runtime or an OS image — that runs
/// whatever command it is given, so the command, not the image, says what
/// the service is (Docker Hub's official images, and .NET's on MCR).
pub(crate) fn is_base_image(image: &str) -> bool {
    let repo = catalog::image_repository(image);
    repo.starts_with("dotnet/")
        || matches!(
            repo.as_str(),
            "python"
                | "pypy"
                | "node"
                | "ruby"
                | "jruby"
                | "openjdk"
                | "eclipse-temurin"
                | "amazoncorretto"
                | "ibm-semeru-runtimes"
                | "golang"
                | "php"
                | "elixir"
                | "erlang"
                | "rust"
                | "perl"
                | "debian"
                | "ubuntu"
                | "alpine"
                | "busybox"
                | "buildpack-deps"
                | "denoland/deno"
                | "oven/bun"
        )
}

/// Launchers in front of the real program: `bundle exec X`, `python -m X`,
/// `poetry run X`, `ddtrace-run X`…
pub(crate) fn effective(argv: &[String]) -> &[String] {
    let mut a = argv;
    loop {
        let p = program(a);
        let skip = match p {
            "bundle" | "poetry" | "pipenv" | "uv" | "pdm" | "hatch"
                if a.get(1).is_some_and(|w| w == "exec" || w == "run") =>
            {
                2
            }
            "python" | "python3" | "pypy3"
                if a.get(1).is_some_and(|w| w == "-m") && a.len() > 2 =>
            {
                2
            }
            "ddtrace-run"
            | "opentelemetry-instrument"
            | "gosu"
            | "su-exec"
            | "nice"
            | "tini"
            | "dumb-init" => {
                if p == "gosu" || p == "su-exec" {
                    2
                } else {
                    1
                }
            }
            "newrelic-admin" if a.get(1).is_some_and(|w| w == "run-program") => 2,
            _ => 0,
        };
        if skip == 0 || a.len() <= skip {
            return a;
        }
        a = &a[skip..];
    }
}

fn option_value<'a>(argv: &'a [String], short: &str, long: &str) -> Option<&'a str> {
    let mut it = argv.iter();
    while let Some(a) = it.next() {
        if a == short || a == long {
            return it.next().map(String::as_str);
        }
        if let Some(v) = a.strip_prefix(&format!("{long}=")) {
            return Some(v);
        }
        if !short.is_empty()
            && a.len() > short.len()
            && a.starts_with(short)
            && !a.starts_with("--")
        {
            return Some(&a[short.len()..]);
        }
    }
    None
}

/// The kind a command runs, with the words that name it (for choosing among
/// the catalog's services of that kind).
fn kind_of(argv: &[String]) -> Option<(KindId, Vec<&'static str>)> {
    let argv = effective(argv);
    let p = program(argv);
    let has = |w: &str| argv.iter().skip(1).any(|a| a == w);
    Some(match p {
        "celery" if has("worker") => {
            let pool = option_value(argv, "-P", "--pool").unwrap_or("prefork");
            if matches!(pool, "gevent" | "eventlet") {
                (KindId::CeleryGevent, vec!["gevent"])
            } else {
                (KindId::CeleryPrefork, vec!["prefork"])
            }
        }
        "gunicorn" | "uvicorn" | "hypercorn" | "daphne" | "granian" | "waitress-serve"
        | "sanic" => (KindId::PythonWeb, vec![static_word(p)]),
        "python" | "python3"
            if argv.iter().any(|a| a.ends_with("manage.py")) && has("runserver") =>
        {
            (KindId::PythonWeb, vec!["django"])
        }
        "node" | "nodejs" | "npm" | "yarn" | "pnpm" | "npx" | "next" | "nest" | "pm2-runtime"
        | "ts-node" => (KindId::Node, vec!["node"]),
        "java" => (KindId::Jvm, vec!["java", "spring"]),
        "puma" | "rails" | "rackup" => (KindId::Puma, vec!["puma", "rails"]),
        "sidekiq" => (KindId::Sidekiq, vec!["sidekiq"]),
        "dotnet" => (KindId::Dotnet, vec![".net", "asp.net"]),
        "mix" | "elixir" | "iex" => (KindId::Beam, vec!["phoenix", "elixir"]),
        "postgres" | "postmaster" => (KindId::Postgres, vec!["postgres"]),
        "redis-server" => (KindId::Redis, vec!["redis"]),
        "valkey-server" => (KindId::Redis, vec!["valkey"]),
        "memcached" => (KindId::Memcached, vec!["memcached"]),
        "mongod" => (KindId::Mongo, vec!["mongo"]),
        "mysqld" | "mariadbd" => (KindId::Mysql, vec![static_word(p)]),
        "rabbitmq-server" => (KindId::Rabbitmq, vec!["rabbitmq"]),
        "clickhouse-server" | "clickhouse" => (KindId::ClickHouse, vec!["clickhouse"]),
        "pgbouncer" => (KindId::PgBouncer, vec!["pgbouncer"]),
        "ollama" => (KindId::Ollama, vec!["ollama"]),
        "prometheus" => (KindId::Prometheus, vec!["prometheus"]),
        p if p.starts_with("php-fpm") => (KindId::PhpFpm, vec!["php"]),
        _ => return None,
    })
}

fn static_word(p: &str) -> &'static str {
    match p {
        "gunicorn" => "gunicorn",
        "uvicorn" => "uvicorn",
        "hypercorn" => "hypercorn",
        "daphne" => "daphne",
        "granian" => "granian",
        "sanic" => "sanic",
        "mariadbd" => "mariadb",
        "mysqld" => "mysql",
        _ => "",
    }
}

/// The catalog service of `kind` that `words` name best: one whose id or
/// names mention a word, else one that runs your own code, else the first.
fn service_of_kind(kind: KindId, words: &[&str]) -> Option<&'static ServiceDef> {
    let of_kind: Vec<&'static ServiceDef> = catalog::services()
        .iter()
        .filter(|s| s.kind == kind)
        .collect();
    let named = |s: &&ServiceDef| {
        let hay = format!("{} {}", s.id, s.name_en).to_ascii_lowercase();
        words.iter().any(|w| !w.is_empty() && hay.contains(w))
    };
    of_kind
        .iter()
        .find(|s| named(s))
        .or_else(|| of_kind.iter().find(|s| s.images.is_empty()))
        .or_else(|| of_kind.iter().find(|s| base_like(s)))
        .or_else(|| of_kind.first())
        .copied()
}

/// A catalog service whose own command (`deploy.command`, e.g. Celery beat's
/// `celery --app=… beat`) this command runs: the same program and every
/// word of it that is not an option.
fn service_by_deploy_command(argv: &[String]) -> Option<&'static ServiceDef> {
    let argv = effective(argv);
    let p = program(argv);
    catalog::services().iter().find(|s| {
        let c = s.deploy.command;
        !c.is_empty()
            && c[0] == p
            && c[1..]
                .iter()
                .filter(|w| !w.starts_with('-'))
                .all(|w| argv.iter().skip(1).any(|a| a == w))
    })
}

/// True when `argv` runs `c` (a catalog `deploy.command`): the same program
/// (path ignored) and every word of it that is not an option.
fn runs_command(argv: &[String], c: &[&str]) -> bool {
    let argv = effective(argv);
    let c: Vec<String> = c.iter().map(|w| w.to_string()).collect();
    !c.is_empty()
        && program(&c) == program(argv)
        && c[1..]
            .iter()
            .filter(|w| !w.starts_with('-'))
            .all(|w| argv.iter().skip(1).any(|a| a == w))
}

/// The role of an image that plays several (an API image that also runs
/// the workers) which a compose service selects: a catalog profile with no
/// images of its own, deployed from the same repository as `def`, whose
/// command this service runs, or whose fixed environment (`MODE=worker`)
/// it sets where `def`'s does not. `None` keeps the image's own service.
pub(crate) fn role_of_image(def: &ServiceDef, d: &Draft) -> Option<&'static ServiceDef> {
    let repo = catalog::image_repository(def.deploy.image);
    let roles: Vec<&'static ServiceDef> = catalog::services()
        .iter()
        .filter(|s| {
            s.id != def.id
                && s.images.is_empty()
                && !s.deploy.image.is_empty()
                && catalog::image_repository(s.deploy.image) == repo
        })
        .collect();
    if roles.is_empty() {
        return None;
    }
    let cmds = d.commands();
    if let Some(last) = cmds.last() {
        if runs_command(last, def.deploy.command) {
            return None;
        }
        if let Some(r) = roles.iter().find(|r| runs_command(last, r.deploy.command)) {
            return Some(r);
        }
    }
    let literal = |e: &crate::model::EnvSpec| match e.value {
        crate::model::EnvValue::Literal(v) | crate::model::EnvValue::DependencyHost(v) => {
            Some((e.name, v))
        }
        crate::model::EnvValue::Secret | crate::model::EnvValue::DependencySecret => None,
    };
    let own: Vec<(&str, &str)> = def.deploy.env.iter().filter_map(literal).collect();
    roles.into_iter().find(|r| {
        let selects: Vec<(&str, &str)> = r
            .deploy
            .env
            .iter()
            .filter_map(literal)
            .filter(|kv| !own.contains(kv))
            .collect();
        !selects.is_empty()
            && selects
                .iter()
                .all(|(k, v)| d.env.iter().any(|(n, val, _)| n == k && val == v))
    })
}

/// What a service's command names, from its last command (the one that
/// keeps running), with the program as the user wrote it.
pub(crate) fn by_command(d: &Draft) -> Option<(&'static ServiceDef, String)> {
    let cmds = d.commands();
    let last = cmds.last()?;
    let shown = effective(last)
        .iter()
        .take(4)
        .cloned()
        .collect::<Vec<_>>()
        .join(" ");
    if let Some(s) = service_by_deploy_command(last) {
        return Some((s, shown));
    }
    let (kind, words) = kind_of(last)?;
    service_of_kind(kind, &words).map(|s| (s, shown))
}

/// The catalog entry unknown images stand for (its figures are assumed).
pub(crate) fn assumed_service() -> &'static ServiceDef {
    catalog::services()
        .iter()
        .find(|s| s.assumed)
        .or_else(|| catalog::service("custom"))
        .expect("the catalog has a custom service")
}

/// Words in a command or a service name that mark a job that runs once.
const ONE_SHOT_WORDS: &[&str] = &[
    "migrate",
    "migration",
    "migrations",
    "migrator",
    "db:migrate",
    "db:setup",
    "db:prepare",
    "db:create",
    "upgrade",
    "init",
    "setup",
    "seed",
    "seeder",
    "permission",
    "permissions",
    "bootstrap",
    "provision",
    "createbuckets",
    "create-buckets",
    "mb",
];

fn one_shot_word(w: &str) -> bool {
    let w = w.to_ascii_lowercase();
    ONE_SHOT_WORDS.contains(&w.as_str())
        || w.split(['-', '_', '.', ':', '/'])
            .any(|p| ONE_SHOT_WORDS.contains(&p))
}

/// Why a service is a one-shot job, if it is: a dependency waits for it to
/// complete, or it does not restart and its last command (or, with no
/// command, its name) is a migration, init, setup or seed job.
pub(crate) fn one_shot(d: &Draft, completed: &HashSet<String>) -> Option<OneShotWhy> {
    if completed.contains(&d.name) {
        return Some(OneShotWhy::Completed);
    }
    let restarts = d
        .restart
        .as_ref()
        .is_some_and(|(r, _)| matches!(r.as_str(), "always" | "unless-stopped" | "any"));
    if restarts {
        return None;
    }
    let cmds = d.commands();
    let by_command = cmds.last().is_some_and(|c| {
        let c = effective(c);
        c.iter().any(|w| one_shot_word(w))
            && kind_of(c).is_none_or(|(k, _)| !matches!(k, KindId::PythonWeb | KindId::Node))
            || matches!(program(c), "true" | "exit")
    });
    // A name that says so (`mongodb-init-container`, `fix-permissions`): with
    // no command, or with the image's entrypoint replaced by a command that
    // runs no server this planner knows.
    let by_name = one_shot_word(&d.name)
        && match cmds.last() {
            None => true,
            Some(c) => d.has_entrypoint && kind_of(c).is_none(),
        };
    (by_command || by_name).then_some(OneShotWhy::Exits)
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum OneShotWhy {
    /// A `service_completed_successfully` dependency target.
    Completed,
    /// No restart, and a command that exits.
    Exits,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft(name: &str, cmd: &[&str], restart: Option<&str>) -> Draft {
        Draft {
            name: name.into(),
            argv: cmd.iter().map(|s| s.to_string()).collect(),
            restart: restart.map(|r| (r.to_string(), Default::default())),
            ..Draft::default()
        }
    }

    #[test]
    fn commands_name_kinds_and_the_catalog_service_of_that_kind() {
        let id = |cmd: &[&str]| by_command(&draft("x", cmd, None)).map(|(s, _)| s.id);
        assert_eq!(
            id(&["celery", "-A", "proj", "worker", "-l", "info"]),
            Some("celery-prefork")
        );
        assert_eq!(
            id(&["celery", "-A", "proj", "worker", "-P", "gevent", "-c", "100"]),
            Some("celery-gevent")
        );
        assert_eq!(
            id(&["celery", "--app=proj", "worker", "--pool=eventlet"]),
            Some("celery-gevent")
        );
        assert_eq!(
            id(&["celery", "-A", "proj", "beat", "-l", "info"]),
            Some("celery-beat")
        );
        assert_eq!(
            id(&["python", "-m", "celery", "-A", "p", "worker"]),
            Some("celery-prefork")
        );
        assert_eq!(id(&["gunicorn", "app:app", "-w", "4"]), Some("gunicorn"));
        assert_eq!(
            id(&["uvicorn", "main:app", "--workers", "2"]),
            Some("fastapi")
        );
        assert_eq!(
            id(&["sh", "-c", "alembic upgrade head && exec uvicorn main:app"]),
            Some("fastapi")
        );
        assert_eq!(id(&["node", "dist/main.js"]), Some("node"));
        assert_eq!(
            id(&["java", "-Xmx512m", "-jar", "app.jar"]),
            Some("spring-boot")
        );
        assert_eq!(id(&["redis-server", "--maxmemory", "100mb"]), Some("redis"));
        assert_eq!(id(&["valkey-server"]), Some("valkey"));
        assert_eq!(id(&["./my-binary"]), None);
    }

    #[test]
    fn a_role_of_a_multi_role_image_is_chosen_by_command_or_mode() {
        let def = |id| catalog::service(id).unwrap();
        let mut worker = draft("worker", &["worker"], Some("unless-stopped"));
        assert_eq!(
            role_of_image(def("authentik-server"), &worker).map(|s| s.id),
            Some("authentik-worker")
        );
        worker.argv = vec!["server".into()];
        assert_eq!(role_of_image(def("authentik-server"), &worker), None);
        let mut beat = draft("worker_beat", &[], Some("always"));
        beat.env
            .push(("MODE".into(), "beat".into(), Default::default()));
        assert_eq!(
            role_of_image(def("dify-api"), &beat).map(|s| s.id),
            Some("dify-beat")
        );
        let api = draft("api", &[], Some("always"));
        assert_eq!(role_of_image(def("dify-api"), &api), None);
    }

    #[test]
    fn one_shot_jobs_are_told_from_services() {
        let none = HashSet::new();
        assert_eq!(
            one_shot(
                &draft("migrate", &["python", "manage.py", "migrate"], Some("no")),
                &none
            ),
            Some(OneShotWhy::Exits)
        );
        assert_eq!(
            one_shot(&draft("minio-init", &[], Some("no")), &none),
            Some(OneShotWhy::Exits)
        );
        assert_eq!(
            one_shot(
                &draft(
                    "createbuckets",
                    &["sh", "-c", "mc alias set x && mc mb x/b"],
                    None
                ),
                &none
            ),
            Some(OneShotWhy::Exits)
        );
        assert_eq!(
            one_shot(
                &draft(
                    "web",
                    &["sh", "-c", "python manage.py migrate && gunicorn a"],
                    None
                ),
                &none
            ),
            None
        );
        assert_eq!(
            one_shot(&draft("init", &["sleep", "1"], Some("always")), &none),
            None
        );
        assert_eq!(
            one_shot(&draft("worker", &["celery", "worker"], Some("no")), &none),
            None
        );
        // An init container: the server image with its entrypoint replaced by a script.
        let mut init = draft(
            "mongodb-init-container",
            &[
                "sh",
                "-xc",
                "until mongosh x; do sleep 5; done; mongosh --eval 'rs.initiate()'",
            ],
            Some("on-failure"),
        );
        init.has_entrypoint = true;
        assert_eq!(one_shot(&init, &none), Some(OneShotWhy::Exits));
        let mut server = draft(
            "mongodb-init",
            &["sh", "-c", "exec mongod --replSet rs0"],
            None,
        );
        server.has_entrypoint = true;
        assert_eq!(one_shot(&server, &none), None);
        assert_eq!(
            one_shot(
                &draft("seeder", &["./docker/prod/seeder"], Some("on-failure")),
                &none
            ),
            Some(OneShotWhy::Exits)
        );
        let done: HashSet<String> = ["setup".to_string()].into();
        assert_eq!(
            one_shot(&draft("setup", &[], Some("always")), &done),
            Some(OneShotWhy::Completed)
        );
    }
}
