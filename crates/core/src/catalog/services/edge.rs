//! Reverse proxies and static frontends: Nginx.

#![allow(unused_imports)]
use crate::kinds::celery::{CONNS_PER_TASK, MAX_TASKS_PER_CHILD};
use crate::kinds::chromium::{BROWSERS, BROWSER_MIB, EXTRA_PAGE_MIB, FIRST_PAGE_MIB, PAGES};
use crate::kinds::fixed::{expected, limit, peak, PROCESSES};
use crate::kinds::go::GC_KNOBS;
use crate::kinds::jvm::{heap, nonheap, THREADS};
use crate::kinds::knobs::*;
use crate::kinds::node::MAX_OLD_SPACE;
use crate::kinds::python_web::workers;
use crate::kinds::{fixed, mongo, mysql, postgres, rabbitmq, redis};
use crate::model::{
    Category, Deploy, EnvSpec, EnvValue, KindId, KnobDef, KnobUnit, Port, Preset, SelfSizing,
    ServiceDef, Source, Volume,
};
use crate::sources::*;
use KnobUnit::*;

/// This file's services, in palette order.
pub(super) const SERVICES: &[ServiceDef] = &[NGINX, STATIC_FRONTEND];

pub const NGINX: ServiceDef = ServiceDef {
    id: "nginx",
    category: Category::Proxy,
    name_en: "Nginx",
    name_zh: "Nginx 反向代理",
    images: &[
        "nginx",
        "bitnami/nginx",
        "openresty/openresty",
        "nginxinc/nginx-unprivileged",
    ],
    kind: KindId::Fixed,
    knobs: &[
        expected(11, MEASURED),
        peak(64, NGINX_BUDGET),
        limit(100, NGINX_BUDGET),
        CPU_LIGHT,
    ],
    presets: &[],
    self_sizing: None,
    assumed: false,
    deploy: Deploy::NONE,
};

pub const STATIC_FRONTEND: ServiceDef = ServiceDef {
    id: "static-frontend",
    category: Category::Web,
    name_en: "Static frontend (Nginx)",
    name_zh: "静态前端（Nginx）",
    images: &[],
    kind: KindId::Fixed,
    knobs: &[
        expected(11, MEASURED),
        peak(32, NGINX_BUDGET),
        limit(64, NGINX_BUDGET),
        CPU_LIGHT,
    ],
    presets: &[],
    self_sizing: None,
    assumed: false,
    deploy: Deploy::NONE,
};
