//! Ollama on CPU: a small server plus, while a model is loaded, its weights
//! (≈ the model file) and a context buffer per parallel request.

use super::{Cx, Kind, Raw, Run};
use crate::model::units::Mib;

pub struct Ollama;

/// Memory a loaded model takes: weights + parallel × context × KV per 1K tokens.
pub fn model_mib(cx: &Cx) -> Mib {
    let kv = cx
        .knob("num_parallel")
        .max(1)
        .saturating_mul(cx.knob("context_tokens"))
        .saturating_mul(cx.knob("kv_mib_per_1k_tokens"))
        / 1024;
    cx.knob("model_mib").saturating_add(kv)
}

impl Kind for Ollama {
    /// Expected: the model loaded (it stays for OLLAMA_KEEP_ALIVE after each
    /// request); peak: plus the compute graph.
    fn footprint(&self, cx: &Cx, _sees: Mib) -> Raw {
        let expected = cx.knob("base_mib").saturating_add(model_mib(cx));
        Raw::new(
            expected,
            expected.saturating_add(cx.knob("graph_mib")),
            cx.knob("cpu_millicores"),
        )
    }

    fn run(&self, cx: &Cx, _tuned: &super::Tuned) -> Run {
        Run {
            env: vec![
                (
                    "OLLAMA_NUM_PARALLEL".into(),
                    cx.knob("num_parallel").max(1).to_string(),
                ),
                (
                    "OLLAMA_CONTEXT_LENGTH".into(),
                    cx.knob("context_tokens").to_string(),
                ),
            ],
            ..Run::default()
        }
    }
}
