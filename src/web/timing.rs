//! User Timing marks (`performance.mark`) at the steps of the first render, so that a
//! trace or `make bench` can tell its tasks apart: `sk:formats`, `sk:read`, `sk:checked`,
//! `sk:figures`, `sk:composed`, `sk:header`, `sk:drawn`, `sk:findings`, `sk:below`. A page
//! without `performance.mark` gets none.

use js_sys::{Function, Reflect};
use wasm_bindgen::{JsCast, JsValue};

pub fn mark(name: &str) {
    let Ok(performance) = Reflect::get(&js_sys::global(), &"performance".into()) else { return };
    if let Ok(mark) = Reflect::get(&performance, &"mark".into()).and_then(|m| m.dyn_into::<Function>().map_err(JsValue::from)) {
        let _ = mark.call1(&performance, &name.into());
    }
}
