//! A yield to the event loop, so that each step of the first render runs in a task of its
//! own (issue 14: no long task). A `MessageChannel` message rather than `setTimeout(0)`:
//! browsers clamp nested zero timeouts to 4 ms from the fifth on, and the first render is
//! a chain of eight steps, so timeouts left the page idle for milliseconds before the
//! chart (React's scheduler yields the same way). gloo has timeouts but no message-channel
//! yield; without `MessageChannel` a zero timeout is used.
//!
//! [`next_step`] yields only when the current task has run for [`STEP_BUDGET_MS`]: a warm
//! page (the second chart drawn, a fast machine) runs the whole chain in one or two tasks
//! instead of eight, each of which the browser may follow with a frame of its own.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;

use gloo_timers::callback::Timeout;
use js_sys::{Function, Promise};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

/// One channel for the page: each message resolves the oldest waiting step (a port
/// delivers its messages in order).
struct Channel {
    port: web_sys::MessagePort,
    waiting: Rc<RefCell<VecDeque<Function>>>,
    _receiver: web_sys::MessagePort,
    _on_message: Closure<dyn FnMut()>,
}

impl Channel {
    fn new() -> Option<Channel> {
        let channel = web_sys::MessageChannel::new().ok()?;
        let waiting: Rc<RefCell<VecDeque<Function>>> = Rc::default();
        let on_message = {
            let waiting = Rc::clone(&waiting);
            Closure::<dyn FnMut()>::new(move || {
                resumed();
                let next = waiting.borrow_mut().pop_front();
                if let Some(resolve) = next {
                    let _ = resolve.call0(&JsValue::UNDEFINED);
                }
            })
        };
        let receiver = channel.port1();
        receiver.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        Some(Channel { port: channel.port2(), waiting, _receiver: receiver, _on_message: on_message })
    }

    /// Queues `resolve` for the next message; `false` (nothing queued) where it cannot post.
    fn post(&self, resolve: &Function) -> bool {
        self.waiting.borrow_mut().push_back(resolve.clone());
        let posted = self.port.post_message(&JsValue::NULL).is_ok();
        if !posted {
            self.waiting.borrow_mut().pop_back();
        }
        posted
    }
}

thread_local! {
    static CHANNEL: Option<Channel> = Channel::new();
    /// When the last task that [`next_task`] resumed in began (`performance.now()`).
    static RESUMED_AT: Cell<Option<f64>> = const { Cell::new(None) };
}

/// How long a task may have run before [`next_step`] yields: a fifth of the 50 ms of a long
/// task, so that one more step, ordinarily 1–15 ms, still ends well inside it.
pub const STEP_BUDGET_MS: f64 = 10.0;

fn now() -> Option<f64> {
    web_sys::window()?.performance().map(|p| p.now())
}

fn resumed() {
    RESUMED_AT.with(|at| at.set(now()));
}

/// Whether less than `budget` ms have passed since the last task [`next_task`] resumed in
/// began. That is an upper bound on how long the current task has run: the current task is
/// that one or a later one. Unknown (no resume yet, or no clock): `false`.
fn within(budget: f64) -> bool {
    match (RESUMED_AT.with(Cell::get), now()) {
        (Some(at), Some(now)) => now - at < budget,
        _ => false,
    }
}

/// The next step of a chain: at once while the current task is inside
/// [`STEP_BUDGET_MS`], otherwise in a later task ([`next_task`]).
pub async fn next_step() {
    if !within(STEP_BUDGET_MS) {
        next_task().await;
    }
}

/// Resolves in a later task of the event loop (the browser may render in between).
pub async fn next_task() {
    let promise = Promise::new(&mut |resolve, _| {
        if !CHANNEL.with(|channel| channel.as_ref().is_some_and(|c| c.post(&resolve))) {
            Timeout::new(0, move || {
                resumed();
                let _ = resolve.call0(&JsValue::UNDEFINED);
            })
            .forget();
        }
    });
    let _ = JsFuture::from(promise).await;
}
