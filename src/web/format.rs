//! Numbers and names as the browser formats them for the language shown: `Intl.NumberFormat`
//! (da-DK: decimal comma and thousands point; en-GB: decimal point and thousands comma)
//! and `Intl.Collator` for sorting names. The formatters are made once per language and
//! style and kept for the page's lifetime.

use std::cell::RefCell;
use std::cmp::Ordering;
use std::collections::HashMap;

use js_sys::Intl::{Collator, NumberFormat, NumberFormatOptions, NumberFormatStyle, SignDisplay};
use js_sys::{Array, Function, Object};
use wasm_bindgen::JsValue;

use crate::model::text::Lang;

/// How a number is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Style {
    /// Exactly this many decimals.
    Fixed(u8),
    /// Exactly this many decimals, with a sign also before positive numbers ("+1,5").
    Signed(u8),
    /// Danish kroner without decimals: "1.234 kr." / "DKK 1,234".
    Kroner,
}

fn locale(lang: Lang) -> &'static str {
    match lang {
        Lang::Da => "da-DK",
        Lang::En => "en-GB",
    }
}

thread_local! {
    /// The bound `format` function of each `Intl.NumberFormat` made so far.
    static FORMATTERS: RefCell<HashMap<(Lang, Style), Function>> = RefCell::new(HashMap::new());
    /// The bound `compare` function of each language's `Intl.Collator`.
    static COLLATORS: RefCell<HashMap<Lang, Function>> = RefCell::new(HashMap::new());
}

/// Makes the formatter used most, in a task of its own before the first render with data:
/// the first `Intl.NumberFormat` of a page loads the locale's data.
pub fn warm(lang: Lang) {
    let _ = formatter(lang, Style::Fixed(0));
}

fn formatter(lang: Lang, style: Style) -> Function {
    FORMATTERS.with(|cell| {
        cell.borrow_mut()
            .entry((lang, style))
            .or_insert_with(|| {
                let options = NumberFormatOptions::new();
                match style {
                    Style::Fixed(d) | Style::Signed(d) => {
                        options.set_minimum_fraction_digits(d);
                        options.set_maximum_fraction_digits(d);
                    }
                    Style::Kroner => {
                        options.set_style(NumberFormatStyle::Currency);
                        options.set_currency("DKK");
                        options.set_minimum_fraction_digits(0);
                        options.set_maximum_fraction_digits(0);
                    }
                }
                if let Style::Signed(_) = style {
                    options.set_sign_display(SignDisplay::ExceptZero);
                }
                let locales = Array::of1(&JsValue::from_str(locale(lang)));
                NumberFormat::new(&locales, options.as_ref()).format()
            })
            .clone()
    })
}

/// `value` written for `lang` in `style`; "–" for a number that is not finite.
pub fn number(value: f64, style: Style, lang: Lang) -> String {
    if !value.is_finite() {
        return "–".into();
    }
    formatter(lang, style).call1(&JsValue::NULL, &JsValue::from_f64(value)).ok().and_then(|s| s.as_string()).unwrap_or_else(|| value.to_string())
}

/// A rate or a per cent figure: one decimal.
pub fn figure(value: f64, lang: Lang) -> String {
    number(value, Style::Fixed(1), lang)
}

/// A count: no decimals.
pub fn count(value: f64, lang: Lang) -> String {
    number(value, Style::Fixed(0), lang)
}

/// An amount in kroner, without decimals.
pub fn kroner(value: f64, lang: Lang) -> String {
    number(value, Style::Kroner, lang)
}

/// A confidence level (0.95) as "95 %" / "95%".
pub fn level(level: f64, lang: Lang) -> String {
    let percent = level * 100.0;
    let digits = if (percent - percent.round()).abs() < 1e-9 { 0 } else { 1 };
    let text = number(percent, Style::Fixed(digits), lang);
    match lang {
        Lang::Da => format!("{text} %"),
        Lang::En => format!("{text}%"),
    }
}

/// Compares two names as the language sorts them (Danish: … x, y, z, æ, ø, å).
pub fn compare_names(a: &str, b: &str, lang: Lang) -> Ordering {
    let compare = COLLATORS.with(|cell| {
        cell.borrow_mut()
            .entry(lang)
            .or_insert_with(|| Collator::new(&Array::of1(&JsValue::from_str(locale(lang))), &Object::new()).compare())
            .clone()
    });
    let result = compare.call2(&JsValue::NULL, &JsValue::from_str(a), &JsValue::from_str(b)).ok().and_then(|v| v.as_f64());
    match result {
        Some(x) if x < 0.0 => Ordering::Less,
        Some(x) if x > 0.0 => Ordering::Greater,
        Some(_) => Ordering::Equal,
        None => a.cmp(b),
    }
}
