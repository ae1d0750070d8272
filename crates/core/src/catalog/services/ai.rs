//! Model servers: Ollama on CPU.

#![allow(unused_imports)]
use crate::kinds::celery::{CONNS_PER_TASK, MAX_TASKS_PER_CHILD};
use crate::kinds::chromium::{BROWSERS, BROWSER_MIB, EXTRA_PAGE_MIB, FIRST_PAGE_MIB, PAGES};
use crate::kinds::fixed::{expected, limit, peak, PROCESSES};
use crate::kinds::go::GC_KNOBS;
use crate::kinds::jvm::{heap, nonheap, HEAP_IN_USE, THREADS};
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
pub(super) const SERVICES: &[ServiceDef] = &super::built([OLLAMA]);

#[rustfmt::skip]
pub const OLLAMA: ServiceDef = ServiceDef {
    id: "ollama",
    category: Category::Ai,
    name_en: "Ollama (CPU)",
    name_zh: "Ollama 大模型服务（CPU）",
    images: &["ollama/ollama"],
    kind: KindId::Ollama,
    knobs: &[
        knob("model_mib", "Model weights", "模型权重", Mib, 4700, 1 << 20, "a 7–8B model at 4-bit quantisation (≈ its file); the README asks 8 GB of RAM for 7B models", OLLAMA_README),
        knob("num_parallel", "OLLAMA_NUM_PARALLEL", "并行请求数", Count, 1, 64, "each parallel request has its own context buffer", OLLAMA_MEMORY),
        knob("context_tokens", "Context length (tokens)", "上下文长度（token）", Count, 4096, 1 << 20, "OLLAMA_CONTEXT_LENGTH", PLANNER),
        knob("kv_mib_per_1k_tokens", "KV cache per 1K tokens", "每 1K token 的 KV 缓存", Mib, 512, 1 << 16, "derived for a 7B model: 2 × 32 layers × 4096 × 2 bytes per token", PLANNER),
        knob("graph_mib", "Compute graph (peak)", "计算图峰值", Mib, 300, 1 << 16, "working buffers while generating", PLANNER),
        knob("base_mib", "Server", "服务进程", Mib, 50, 4096, "the Go server with no model loaded", PLANNER),
        knob("cpu_millicores", "Expected CPU", "预计 CPU", Millicores, 2000, 256_000, "generation on CPU uses every core it gets", PLANNER),
    ],
    presets: &[],
    self_sizing: None,
    assumed: false,
    deploy: Deploy {
        image: "ollama/ollama",
        tag: "0.12.10",
        ports: &[Port::new(11434, "HTTP API")],
        volumes: &[Volume { name: "ollama-models", path: "/root/.ollama" }],
        healthcheck: &["CMD", "ollama", "list"],
        ..Deploy::NONE
    },
};
