//! The tools worker's entry point (Trunk builds it as a `data-type="worker"`;
//! the page starts it through src/browser/stackfit-tools_loader.js): takes requests as JSON text, answers with
//! `stackfit_tools::handle`, and makes secrets with the worker scope's
//! crypto. See `protocol` for the messages.

#[cfg(target_arch = "wasm32")]
mod worker {
    use js_sys::{Array, Uint8Array};
    use stackfit_tools::protocol::{Envelope, Reply, Response};
    use wasm_bindgen::prelude::*;
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

    /// A secret from 64 bytes of the worker scope's crypto random.
    fn crypto_secret(scope: &DedicatedWorkerGlobalScope) -> String {
        let mut bytes = [0u8; 64];
        scope
            .crypto()
            .and_then(|c| c.get_random_values_with_u8_array(&mut bytes).map(|_| ()))
            .expect_throw("crypto.getRandomValues is available in workers");
        stackfit_core::export::secret_from_bytes(&bytes)
    }

    fn post(scope: &DedicatedWorkerGlobalScope, reply: &Reply, attachment: Option<Vec<u8>>) {
        let json = serde_json::to_string(reply).expect("replies serialize");
        let message = Array::new();
        message.push(&JsValue::from_str(&json));
        match attachment {
            Some(bytes) => {
                let array = Uint8Array::from(bytes.as_slice());
                message.push(&array);
                let transfer = Array::of1(&array.buffer());
                let _ = scope.post_message_with_transfer(&message, &transfer);
            }
            None => {
                message.push(&JsValue::UNDEFINED);
                let _ = scope.post_message(&message);
            }
        }
    }

    pub fn start() {
        let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
        let on_message = {
            let scope = scope.clone();
            Closure::<dyn FnMut(MessageEvent)>::new(move |ev: MessageEvent| {
                let Some(text) = ev.data().as_string() else {
                    return;
                };
                let envelope: Envelope = match serde_json::from_str(&text) {
                    Ok(e) => e,
                    Err(e) => {
                        let reply = Reply {
                            id: 0,
                            response: Response::Error {
                                message_en: format!(
                                    "The tools worker could not read a request: {e}"
                                ),
                                message_zh: format!("工具线程无法读取请求：{e}"),
                            },
                        };
                        post(&scope, &reply, None);
                        return;
                    }
                };
                // Progress at most every 100 ms: each is a message to the page.
                let mut last = 0.0;
                let id = envelope.id;
                let answer = stackfit_tools::handle_with_progress(
                    envelope.request,
                    &mut || crypto_secret(&scope),
                    &mut |response| {
                        let now = js_sys::Date::now();
                        if now - last >= 100.0 {
                            last = now;
                            post(&scope, &Reply { id, response }, None);
                        }
                    },
                );
                let reply = Reply {
                    id: envelope.id,
                    response: answer.response,
                };
                post(&scope, &reply, answer.attachment);
            })
        };
        scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        on_message.forget();
        post(
            &scope,
            &Reply {
                id: 0,
                response: Response::Ready,
            },
            None,
        );
    }
}

fn main() {
    #[cfg(target_arch = "wasm32")]
    worker::start();
}
