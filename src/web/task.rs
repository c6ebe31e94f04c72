//! A yield to the event loop, so that each step of the first render runs in a task of its
//! own (issue 14: no long task). A `MessageChannel` message rather than `setTimeout(0)`:
//! browsers clamp nested zero timeouts to 4 ms from the fifth on, and the first render is
//! a chain of eight steps, so timeouts left the page idle for milliseconds before the
//! chart (React's scheduler yields the same way). gloo has timeouts but no message-channel
//! yield; without `MessageChannel` a zero timeout is used.

use std::cell::RefCell;
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
}

/// Resolves in a later task of the event loop (the browser may render in between).
pub async fn next_task() {
    let promise = Promise::new(&mut |resolve, _| {
        if !CHANNEL.with(|channel| channel.as_ref().is_some_and(|c| c.post(&resolve))) {
            Timeout::new(0, move || {
                let _ = resolve.call0(&JsValue::UNDEFINED);
            })
            .forget();
        }
    });
    let _ = JsFuture::from(promise).await;
}
