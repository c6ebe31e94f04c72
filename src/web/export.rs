//! Downloads made in the page: a Blob, an object URL and a temporary `<a download>`; a
//! PNG is the exported SVG drawn onto a canvas at the device pixel ratio. No server.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Largest canvas side and area browsers reliably allow.
pub const MAX_SIDE: f64 = 16_384.0;
pub const MAX_AREA: f64 = 268_435_456.0; // 2^28

/// Whether a `width` × `height` drawing fits a canvas at `ratio`.
pub fn png_fits(width: f64, height: f64, ratio: f64) -> bool {
    let (w, h) = ((width * ratio).ceil(), (height * ratio).ceil());
    w > 0.0 && h > 0.0 && w <= MAX_SIDE && h <= MAX_SIDE && w * h <= MAX_AREA
}

fn blob(parts: &JsValue, mime: &str) -> Result<web_sys::Blob, JsValue> {
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    web_sys::Blob::new_with_str_sequence_and_options(parts, &options)
}

/// Offers `blob` as a download named `name`.
pub fn download_blob(blob: &web_sys::Blob, name: &str) -> Result<(), JsValue> {
    let document = web_sys::window().and_then(|w| w.document()).ok_or(JsValue::NULL)?;
    let url = web_sys::Url::create_object_url_with_blob(blob)?;
    let a: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    a.set_href(&url);
    a.set_download(name);
    a.set_hidden(true);
    let body = document.body().ok_or(JsValue::NULL)?;
    body.append_child(&a)?;
    a.click();
    a.remove();
    // Revoke later: the download starts asynchronously.
    let revoke = Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    web_sys::window()
        .ok_or(JsValue::NULL)?
        .set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 10_000)?;
    Ok(())
}

/// Downloads an SVG document.
pub fn download_svg(svg: &str, name: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(svg));
    download_blob(&blob(&parts, "image/svg+xml;charset=utf-8")?, name)
}

/// Downloads JSON text (a data set in format `/2`).
pub fn download_json(text: &str, name: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    download_blob(&blob(&parts, "application/json;charset=utf-8")?, name)
}

/// Draws the SVG document (`width` × `height` CSS px) onto a canvas at the device pixel
/// ratio and downloads it as PNG. The caller checks [`png_fits`] first.
///
/// The image is loaded from a `data:` URL, which a page's `img-src 'self' data:` allows;
/// `blob:` URLs are blocked by most such policies. Whatever fails after this returns — the
/// image is refused, the canvas has no 2D context, `toBlob` gives nothing — calls
/// `on_error`, so the user is told instead of seeing nothing happen.
pub fn download_png(svg: &str, width: f64, height: f64, name: &str, on_error: yew::Callback<()>) -> Result<(), JsValue> {
    let window = web_sys::window().ok_or(JsValue::NULL)?;
    let ratio = window.device_pixel_ratio().max(1.0);
    let document = window.document().ok_or(JsValue::NULL)?;
    let canvas: web_sys::HtmlCanvasElement = document.create_element("canvas")?.dyn_into()?;
    canvas.set_width((width * ratio).ceil() as u32);
    canvas.set_height((height * ratio).ceil() as u32);
    let url = format!("data:image/svg+xml;charset=utf-8,{}", String::from(js_sys::encode_uri_component(svg)));
    let image = web_sys::HtmlImageElement::new()?;
    let name = name.to_string();
    let onerror = {
        let on_error = on_error.clone();
        Closure::once_into_js(move || on_error.emit(()))
    };
    let onload = {
        let image = image.clone();
        Closure::once_into_js(move || {
            let context = canvas.get_context("2d").ok().flatten().and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok());
            let Some(context) = context else { return on_error.emit(()) };
            let drawn = context.scale(ratio, ratio).and_then(|_| context.draw_image_with_html_image_element(&image, 0.0, 0.0));
            if drawn.is_err() {
                return on_error.emit(());
            }
            let on_error_blob = on_error.clone();
            let done = Closure::once_into_js(move |blob: JsValue| match blob.dyn_into::<web_sys::Blob>() {
                Ok(blob) if download_blob(&blob, &name).is_ok() => {}
                _ => on_error_blob.emit(()),
            });
            if canvas.to_blob(done.unchecked_ref()).is_err() {
                on_error.emit(());
            }
        })
    };
    image.set_onerror(Some(onerror.unchecked_ref()));
    image.set_onload(Some(onload.unchecked_ref()));
    image.set_src(&url);
    Ok(())
}
