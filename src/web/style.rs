//! The widget's stylesheet, applied without inline styles so that it works under a
//! strict Content-Security-Policy (`style-src 'self'`): one constructable stylesheet
//! per page, adopted by the document (or the shadow root the widget lives in) once.

use std::cell::RefCell;

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CssStyleSheet, Document, Element, ShadowRoot};

/// Every selector is scoped under `.sk-widget`.
pub const CSS: &str = include_str!("widget.css");

const ADOPTED: &str = "adoptedStyleSheets";

thread_local! {
    static SHEET: RefCell<Option<CssStyleSheet>> = const { RefCell::new(None) };
}

fn sheet() -> Option<CssStyleSheet> {
    SHEET.with(|cell| {
        let mut cell = cell.borrow_mut();
        if cell.is_none() {
            let sheet = CssStyleSheet::new().ok()?;
            sheet.replace_sync(CSS).ok()?;
            *cell = Some(sheet);
        }
        cell.clone()
    })
}

/// Makes the stylesheet apply to `element`: adopted by its shadow root, or else by its
/// document. Without constructable stylesheets (old browsers), a `<style>` element is
/// added once instead (which a strict CSP may block).
pub fn apply(element: &Element) {
    let root = element.get_root_node();
    let target: JsValue = if let Some(shadow) = root.dyn_ref::<ShadowRoot>() {
        shadow.clone().into()
    } else if let Some(document) = element.owner_document() {
        document.into()
    } else {
        return;
    };
    if !adopt(&target) {
        fallback(&target);
    }
}

fn adopt(target: &JsValue) -> bool {
    let Some(sheet) = sheet() else { return false };
    let Ok(current) = js_sys::Reflect::get(target, &JsValue::from_str(ADOPTED)) else { return false };
    let Some(current) = current.dyn_ref::<js_sys::Array>() else { return false };
    if current.includes(&sheet, 0) {
        return true;
    }
    // Assign a new array: older browsers expose a frozen array.
    let next = current.concat(&js_sys::Array::of1(&sheet));
    js_sys::Reflect::set(target, &JsValue::from_str(ADOPTED), &next).unwrap_or(false)
}

fn fallback(target: &JsValue) {
    const MARKER: &str = "data-sk-widget-style";
    let selector = format!("style[{MARKER}]");
    let (document, parent, existing) = if let Some(shadow) = target.dyn_ref::<ShadowRoot>() {
        let Some(document) = shadow.owner_document() else { return };
        let existing = shadow.query_selector(&selector);
        (document, web_sys::Node::from(shadow.clone()), existing)
    } else if let Some(document) = target.dyn_ref::<Document>() {
        let Some(head) = document.head() else { return };
        let existing = document.query_selector(&selector);
        (document.clone(), web_sys::Node::from(head), existing)
    } else {
        return;
    };
    if existing.ok().flatten().is_some() {
        return;
    }
    if let Ok(style) = document.create_element("style") {
        let _ = style.set_attribute(MARKER, "");
        style.set_text_content(Some(CSS));
        let _ = parent.append_child(&style);
    }
}
