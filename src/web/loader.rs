//! How the widget gets a real data set's text where the build does not embed it: the
//! browser entries pass a function `(id) => Promise` that fetches `data/<id>.json` and
//! registers it (`__registerDataSet`); one fetch per data set, shared by every widget on
//! the page. `mount` asks for the data set it shows, then the others in the background;
//! the structure switch asks for its choice when that fetch has not finished yet.

use std::cell::RefCell;

use wasm_bindgen::{JsCast, JsValue};

thread_local! {
    static LOADER: RefCell<Option<js_sys::Function>> = const { RefCell::new(None) };
}

/// Sets the entry's loader.
pub fn set(loader: js_sys::Function) {
    LOADER.with(|l| *l.borrow_mut() = Some(loader));
}

/// Asks the loader for data set `id`; the error's message where it fails or there is none.
pub async fn fetch(id: &str) -> Result<(), String> {
    let promise = LOADER.with(|l| l.borrow().as_ref().map(|f| f.call1(&JsValue::UNDEFINED, &JsValue::from_str(id))));
    let promise = match promise {
        Some(Ok(p)) => p,
        Some(Err(e)) => return Err(error_text(&e)),
        None => return Err("no loader (import the package's index.js or element.js, not web/ directly)".into()),
    };
    match wasm_bindgen_futures::JsFuture::from(js_sys::Promise::resolve(&promise)).await {
        Ok(_) if crate::datasets::is_loaded(id) => Ok(()),
        Ok(_) => Err("the loader did not register it".into()),
        Err(e) => Err(error_text(&e)),
    }
}

fn error_text(e: &JsValue) -> String {
    e.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())).or_else(|| e.as_string()).unwrap_or_else(|| "?".into())
}

/// The finding for a data set that could not be fetched.
pub fn load_failed(id: &str, reason: &str) -> crate::Finding {
    crate::Finding::new(
        crate::Severity::Error,
        crate::Code::LoadFailed,
        "",
        crate::Text::new(format!("Datasættet \"{id}\" kunne ikke hentes: {reason}."), format!("The data set \"{id}\" could not be loaded: {reason}.")),
    )
}
