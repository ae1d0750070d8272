//! Kubernetes manifests for an option, for the stack that outgrows one
//! server: per placement a Deployment (or a StatefulSet with a volume claim
//! when it keeps data) and a Service, one Secret for the generated
//! passwords, a ConfigMap per placement for its settings, requests from the
//! expected use and limits from the limit, a nodeSelector from the server it
//! sits on. Generated for Kubernetes, not imitating it: what does not carry
//! over is said in a comment.

use std::collections::HashMap;

use super::cores;
use super::spec::{Container, OptionExport, Value};
use super::yaml::{comment, key, scalar};

pub const FILE_NAME: &str = "kubernetes.yml";

/// The node label that pins a placement to its planned server.
pub const NODE_LABEL: &str = "stackfit.io/server";

/// A DNS-1035 name (Services need one): lower case, `-` for anything else,
/// a letter first, at most 63 characters.
pub fn k8s_name(id: &str) -> String {
    let mut s: String = id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    if !s.starts_with(|c: char| c.is_ascii_lowercase()) {
        s = format!("s-{s}");
    }
    s.truncate(63);
    s.trim_end_matches('-').to_string()
}

fn mi(mib: u64) -> String {
    format!("{}Mi", mib.max(1))
}

fn labels(out: &mut String, indent: &str, name: &str, option: &str) {
    out.push_str(&format!(
        "{indent}app.kubernetes.io/name: {}\n",
        scalar(name)
    ));
    out.push_str(&format!(
        "{indent}app.kubernetes.io/part-of: {}\n",
        scalar(option)
    ));
}

fn secret_name(option: &str) -> String {
    k8s_name(&format!("{option}-secrets"))
}

/// The value of an environment entry in Kubernetes: literals and settings go
/// to the ConfigMap, secrets to the Secret; a dependency's host is its Service.
enum Source {
    Config(String),
    Secret(String),
}

/// Each placement's name in the cluster: [`k8s_name`] of its id, made
/// unique within the option (`cache-a` and `cache_a` would both be
/// `cache-a`, so the second is `cache-a-2`): two workloads or Services of
/// one name would overwrite each other, and one's selector would pick the
/// other's pods.
struct Names<'a>(HashMap<&'a str, String>);

impl<'a> Names<'a> {
    fn of(e: &'a OptionExport) -> Names<'a> {
        let containers: Vec<&Container> = e.servers.iter().flat_map(|s| &s.containers).collect();
        let bases: Vec<String> = containers
            .iter()
            .map(|c| k8s_name(&c.placement.id))
            .collect();
        // A numbered name still fits in 63 characters, without a `-` before
        // its number.
        let fit = |name: &str, suffix: &str| {
            let mut stem = name.to_string();
            stem.truncate(63 - suffix.len());
            format!("{}{suffix}", stem.trim_end_matches('-'))
        };
        let unique = super::spec::unique_names_with(&bases, "-", fit);
        Names(
            containers
                .iter()
                .map(|c| c.placement.id.as_str())
                .zip(unique)
                .collect(),
        )
    }

    /// The name of placement `id` (of one not in the option: its own).
    fn of_id(&self, id: &str) -> String {
        self.0.get(id).cloned().unwrap_or_else(|| k8s_name(id))
    }
}

fn sources(e: &OptionExport, si: usize, c: &Container, names: &Names) -> Vec<(String, Source)> {
    let s = &e.servers[si];
    c.environment
        .iter()
        .map(|(k, v)| {
            // A dependency's address (`{PREFIX}_HOST`): in the cluster,
            // its Service, whichever server or private address it had.
            let dependency = c.dependency_hosts.get(k);
            let line = match v {
                Value::Var(name) => s.env_line(name),
                Value::Literal(_) => None,
            };
            let src = match (v, line, dependency) {
                (Value::Var(name), Some(l), _) if l.secret => Source::Secret(name.clone()),
                (_, _, Some(dep)) => Source::Config(names.of_id(dep)),
                (Value::Literal(x), _, None) => Source::Config(x.clone()),
                // Any other line (one of the plan's own,
                // `SMTP_HOST=mail.example.com`) keeps its value.
                (Value::Var(_), line, None) => {
                    Source::Config(line.map(|l| l.value.clone()).unwrap_or_default())
                }
            };
            (k.clone(), src)
        })
        .collect()
}

fn workload(out: &mut String, e: &OptionExport, si: usize, c: &Container, names: &Names) {
    let s = &e.servers[si];
    let p = c.placement;
    let name = names.of_id(&p.id);
    let option = k8s_name(&e.option.id);
    let stateful = !c.volumes.is_empty();
    let srcs = sources(e, si, c, names);
    let config: Vec<&(String, Source)> = srcs
        .iter()
        .filter(|(_, s)| matches!(s, Source::Config(_)))
        .collect();
    if !config.is_empty() {
        out.push_str("---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n");
        out.push_str(&format!(
            "  name: {}\n  labels:\n",
            scalar(&format!("{name}-config"))
        ));
        labels(out, "    ", &name, &option);
        out.push_str("data:\n");
        for (k, src) in &config {
            if let Source::Config(v) = src {
                out.push_str(&format!("  {}: {}\n", key(k), scalar(v)));
            }
        }
    }

    out.push_str("---\n");
    out.push_str(&format!(
        "# {}: {} MiB typical, {} MiB peak, limit {} MiB per replica (from the plan)\n",
        comment(&p.id),
        c.report.per_replica.expected_mib,
        c.report.per_replica.peak_mib,
        c.limit_mib()
    ));
    if p.shm_mib.is_some() {
        out.push_str("# shm_size became a memory-backed emptyDir on /dev/shm.\n");
    }
    if let Some(n) = c.nofile {
        out.push_str(&format!(
            "# nofile {n} (the compose file's ulimits) is not set: Kubernetes has no per-container ulimit; the node's container runtime decides it (its LimitNOFILE).\n"
        ));
    }
    if !c.depends_on.is_empty() || !c.remote.is_empty() {
        out.push_str("# depends_on does not carry over: Kubernetes starts every pod at once; the readiness probes hold traffic until each is up.\n");
    }
    if c.your_image {
        out.push_str("# image: set your app's image below.\n");
    }
    for x in &c.placement.ports {
        out.push_str(&format!(
            "# the compose file published {}: a Service of type LoadBalancer or NodePort, or an Ingress, does that here.\n",
            comment(x)
        ));
    }
    for m in &c.placement.mounts {
        out.push_str(&format!(
            "# the compose file mounted {}: not carried over; give the pod a volume of your own (a PersistentVolumeClaim for data, a ConfigMap for a configuration file).\n",
            comment(m)
        ));
    }
    out.push_str("apiVersion: apps/v1\n");
    out.push_str(if stateful {
        "kind: StatefulSet\n"
    } else {
        "kind: Deployment\n"
    });
    out.push_str(&format!(
        "metadata:\n  name: {}\n  labels:\n",
        scalar(&name)
    ));
    labels(out, "    ", &name, &option);
    out.push_str("spec:\n");
    if stateful {
        out.push_str(&format!("  serviceName: {}\n", scalar(&name)));
    }
    out.push_str(&format!("  replicas: {}\n", c.report.replicas));
    out.push_str("  selector:\n    matchLabels:\n");
    out.push_str(&format!(
        "      app.kubernetes.io/name: {}\n",
        scalar(&name)
    ));
    out.push_str("  template:\n    metadata:\n      labels:\n");
    labels(out, "        ", &name, &option);
    out.push_str("    spec:\n");
    out.push_str(&format!(
        "      nodeSelector:\n        {NODE_LABEL}: {}\n",
        scalar(&s.server.id)
    ));
    out.push_str("      containers:\n");
    out.push_str(&format!("        - name: {}\n", scalar(&name)));
    let image = if c.your_image {
        format!("registry.example.com/your-team/{name}:1.0")
    } else {
        c.image.clone()
    };
    out.push_str(&format!("          image: {}\n", scalar(&image)));
    if !c.command.is_empty() {
        out.push_str("          args:\n");
        // Kubernetes expands `$(VAR)` in args; `$$(` keeps it as written.
        for a in &c.command {
            out.push_str(&format!(
                "            - {}\n",
                scalar(&a.replace("$(", "$$("))
            ));
        }
    }
    if let Some(port) = c.port {
        out.push_str(&format!(
            "          ports:\n            - containerPort: {port}\n"
        ));
    }
    if !config.is_empty() {
        out.push_str(&format!(
            "          envFrom:\n            - configMapRef:\n                name: {}\n",
            scalar(&format!("{name}-config"))
        ));
    }
    let secrets: Vec<&(String, Source)> = srcs
        .iter()
        .filter(|(_, s)| matches!(s, Source::Secret(_)))
        .collect();
    if !secrets.is_empty() {
        out.push_str("          env:\n");
        for (k, src) in secrets {
            if let Source::Secret(var) = src {
                out.push_str(&format!(
                    "            - name: {}\n              valueFrom:\n                secretKeyRef:\n                  name: {}\n                  key: {}\n",
                    scalar(k),
                    scalar(&secret_name(&e.option.id)),
                    scalar(var)
                ));
            }
        }
    }
    out.push_str("          resources:\n            requests:\n");
    out.push_str(&format!(
        "              memory: {}\n              cpu: {}m\n",
        mi(c.reservation_mib()),
        c.report.per_replica.cpu_millicores.max(1)
    ));
    out.push_str(&format!(
        "            limits:\n              memory: {}\n",
        mi(c.limit_mib())
    ));
    if let Some(m) = p.cpu_limit_millicores {
        out.push_str(&format!("              cpu: {}\n", scalar(&cores(m))));
    }
    if let Some((kind, rest)) = c.healthcheck.split_first() {
        let command: Vec<String> = if *kind == "CMD-SHELL" {
            vec!["sh".into(), "-c".into(), rest.join(" ")]
        } else {
            rest.iter().map(|s| s.to_string()).collect()
        };
        if !command.is_empty() {
            out.push_str("          readinessProbe:\n            exec:\n              command:\n");
            for a in &command {
                out.push_str(&format!("                - {}\n", scalar(a)));
            }
            out.push_str("            periodSeconds: 30\n            timeoutSeconds: 10\n            failureThreshold: 5\n");
        }
    }
    let mounts = c.volumes.len() + usize::from(p.shm_mib.is_some());
    if mounts > 0 {
        out.push_str("          volumeMounts:\n");
        for (i, (_, path)) in c.volumes.iter().enumerate() {
            out.push_str(&format!(
                "            - name: data-{i}\n              mountPath: {}\n",
                scalar(path)
            ));
        }
        if p.shm_mib.is_some() {
            out.push_str("            - name: dshm\n              mountPath: /dev/shm\n");
        }
    }
    if let Some(shm) = p.shm_mib {
        out.push_str(&format!(
            "      volumes:\n        - name: dshm\n          emptyDir:\n            medium: Memory\n            sizeLimit: {}\n",
            mi(shm)
        ));
    }
    if stateful {
        out.push_str("  volumeClaimTemplates:\n");
        for (i, _) in c.volumes.iter().enumerate() {
            out.push_str(&format!(
                "    - metadata:\n        name: data-{i}\n      spec:\n        accessModes:\n          - ReadWriteOnce\n        resources:\n          requests:\n            storage: 10Gi  # a starting size: set it to your data\n"
            ));
        }
    }
    if let Some(port) = c.port {
        out.push_str("---\napiVersion: v1\nkind: Service\nmetadata:\n");
        out.push_str(&format!("  name: {}\n  labels:\n", scalar(&name)));
        labels(out, "    ", &name, &option);
        out.push_str("spec:\n");
        if p.public {
            out.push_str("  type: LoadBalancer  # public in the plan\n");
        }
        out.push_str("  selector:\n");
        out.push_str(&format!("    app.kubernetes.io/name: {}\n", scalar(&name)));
        out.push_str(&format!(
            "  ports:\n    - name: p{port}\n      port: {port}\n      targetPort: {port}\n"
        ));
    }
}

pub(super) fn render(e: &OptionExport) -> String {
    let mut out = String::new();
    out.push_str(&format!(
        "# {FILE_NAME} — option {} \"{}\" of plan \"{}\"\n",
        comment(&e.option.id),
        comment(&e.option.name),
        comment(&e.plan.name)
    ));
    if let Some(l) = super::spec::load_line(e.option.load) {
        out.push_str(&format!("# {}\n", comment(&l)));
    }
    out.push_str(&format!(
        "# Label each node with the server it stands for: kubectl label node <node> {NODE_LABEL}=<server id>\n"
    ));
    for s in &e.servers {
        out.push_str(&format!(
            "#   {NODE_LABEL}={}: {} ({} vCPU, {} MiB usable)\n",
            comment(&s.server.id),
            comment(&s.server.label),
            s.report.vcpu,
            s.report.usable_mib
        ));
    }
    out.push_str("# Not carried over: restart policies (pods always restart), log rotation (the kubelet's), published ports\n");
    out.push_str("# on private addresses (Services reach each other by name), the OS reserve (the kubelet keeps its own).\n");
    let secrets: Vec<(&String, &String)> = e
        .servers
        .iter()
        .flat_map(|s| {
            s.env
                .iter()
                .filter(|l| l.secret)
                .map(|l| (&l.name, &l.value))
        })
        .collect();
    if !secrets.is_empty() {
        out.push_str("---\napiVersion: v1\nkind: Secret\nmetadata:\n");
        out.push_str(&format!("  name: {}\n", scalar(&secret_name(&e.option.id))));
        out.push_str("type: Opaque\nstringData:\n");
        let mut seen = std::collections::BTreeMap::new();
        for (k, v) in secrets {
            seen.insert(k, v);
        }
        for (k, v) in seen {
            out.push_str(&format!("  {}: {}\n", key(k), scalar(v)));
        }
    }
    let names = Names::of(e);
    for (si, s) in e.servers.iter().enumerate() {
        for c in &s.containers {
            workload(&mut out, e, si, c, &names);
        }
    }
    out
}
