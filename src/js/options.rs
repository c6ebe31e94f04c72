//! Option objects crossing the boundary, typed (serde-wasm-bindgen): each options struct
//! is declared once by [`options!`] — field, JS name, what it expects in Danish and
//! English — and reading it never fails: an unknown option, a value of the wrong type or
//! an unknown code is an `invalid-option` finding naming the option, and the option is
//! ignored; nothing falls back silently. Data sets and large results keep crossing as JSON
//! text (`api::to_js`, `api::input_text`): measured several times faster for 25,000 figures.

use serde::de::{Deserialize, Deserializer};
use wasm_bindgen::{JsCast, JsValue};

use crate::finding::{Code, Finding, Severity};
use crate::model::text::Text;

/// One option as given.
#[derive(Debug, Default)]
pub enum Given<T> {
    /// Left out (or `undefined`).
    #[default]
    Absent,
    /// `null`.
    Null,
    Value(T),
    /// Not of the option's type: the value, for the finding.
    Wrong(JsValue),
}

impl<T> Given<T> {
    /// The value where one of the right type was given (`null` counts as not given).
    pub fn value(self) -> Option<T> {
        match self {
            Given::Value(v) => Some(v),
            _ => None,
        }
    }
}

/// An option's type: what a JS value of it is, or `None` for a value of another type.
/// (Each field is taken from the options object as it is, by serde-wasm-bindgen's
/// `preserve`, and then turned into its type here: a second serde deserializer per type
/// cost 12.6 KB gzip of wasm, this costs almost nothing.)
pub trait FromJs: Sized {
    fn from_js(v: &JsValue) -> Option<Self>;
}

impl FromJs for String {
    fn from_js(v: &JsValue) -> Option<Self> {
        v.as_string()
    }
}

impl FromJs for f64 {
    fn from_js(v: &JsValue) -> Option<Self> {
        v.as_f64()
    }
}

impl FromJs for bool {
    fn from_js(v: &JsValue) -> Option<Self> {
        v.as_bool()
    }
}

/// A JS value taken as it is (the data set: an object or JSON text).
#[derive(Debug)]
pub struct Raw(pub JsValue);

impl FromJs for Raw {
    fn from_js(v: &JsValue) -> Option<Self> {
        Some(Raw(v.clone()))
    }
}

impl<'de, T: FromJs> Deserialize<'de> for Given<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let v: JsValue = serde_wasm_bindgen::preserve::deserialize(d)?;
        Ok(if v.is_undefined() {
            Given::Absent
        } else if v.is_null() {
            Given::Null
        } else {
            match T::from_js(&v) {
                Some(t) => Given::Value(t),
                None => Given::Wrong(v),
            }
        })
    }
}

/// Declares an enum of codes (`"da"`, `"en"`, …), each written once, read from a JS string.
macro_rules! codes {
    ($(#[$meta:meta])* pub enum $name:ident { $( $variant:ident = $code:literal, )* }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum $name { $( $variant, )* }

        impl $crate::js::options::FromJs for $name {
            fn from_js(v: &wasm_bindgen::JsValue) -> Option<Self> {
                match v.as_string()?.as_str() {
                    $( $code => Some($name::$variant), )*
                    _ => None,
                }
            }
        }
    };
}
#[allow(unused_imports)] // used by src/js/mount.rs (feature "view")
pub(crate) use codes;

/// How a value is shown in a finding: its JSON, clipped.
fn shown(v: &JsValue) -> String {
    let text = js_sys::JSON::stringify(v).ok().and_then(|s| s.as_string()).unwrap_or_else(|| "?".into());
    crate::read::clip(&text).to_string()
}

/// The finding for an option of the wrong type or an unknown code.
pub fn wrong(name: &str, value: &JsValue, expected: (&str, &str)) -> Finding {
    let v = shown(value);
    Finding::new(
        Severity::Error,
        Code::InvalidOption,
        "",
        Text::new(
            format!("Indstillingen \"{name}\" er {v}; forventede {}. Den er ignoreret.", expected.0),
            format!("The option \"{name}\" is {v}; expected {}. It was ignored.", expected.1),
        ),
    )
}

/// The finding for an option the struct does not have.
pub fn unknown(name: &str, known: &[&str]) -> Finding {
    let list = known.iter().map(|k| format!("\"{k}\"")).collect::<Vec<_>>().join(", ");
    let name = crate::read::clip(name);
    Finding::new(
        Severity::Error,
        Code::InvalidOption,
        "",
        Text::new(
            format!("Ukendt indstilling \"{name}\" (ignoreret); kendte: {list}."),
            format!("Unknown option \"{name}\" (ignored); known: {list}."),
        ),
    )
}

/// Declares an options struct: every field a [`Given`], its JS name and what it expects
/// (Danish, English) written once; `read` checks an object against it.
macro_rules! options {
    ($(#[$meta:meta])* pub struct $name:ident { $( $field:ident : $ty:ty = $js:literal, $da:literal, $en:literal; )* }) => {
        $(#[$meta])*
        #[derive(Debug, Default, serde::Deserialize)]
        #[serde(default)]
        pub struct $name {
            $( #[serde(rename = $js)] pub $field: $crate::js::options::Given<$ty>, )*
        }

        impl $name {
            /// The options' JS names, in declaration order.
            pub const NAMES: &'static [&'static str] = &[$($js),*];

            /// Reads `options` (`undefined` / `null`: none given). Never fails: an option
            /// it does not have, and one of the wrong type, is a finding naming it. Options
            /// of the wrong type are left out of the result (`Given::Wrong`); the caller
            /// may word their findings itself (`wrong_fields`) or take [`Self::findings`].
            pub fn read(options: &wasm_bindgen::JsValue) -> ($name, Vec<$crate::finding::Finding>) {
                let mut findings = Vec::new();
                if options.is_undefined() || options.is_null() {
                    return ($name::default(), findings);
                }
                let Some(object) = options.dyn_ref::<js_sys::Object>().filter(|_| !js_sys::Array::is_array(options)) else {
                    findings.push($crate::js::options::wrong("options", options, ("et objekt", "an object")));
                    return ($name::default(), findings);
                };
                for key in js_sys::Object::keys(object).iter() {
                    let key = key.as_string().unwrap_or_default();
                    if !Self::NAMES.contains(&key.as_str()) {
                        findings.push($crate::js::options::unknown(&key, Self::NAMES));
                    }
                }
                // Every field is a `Given`, which takes any value: this cannot fail for an object.
                let read: $name = serde_wasm_bindgen::from_value(options.clone()).unwrap_or_default();
                (read, findings)
            }

            /// The options given with a value of the wrong type: (JS name, value, expected).
            pub fn wrong_fields(&self) -> Vec<(&'static str, &wasm_bindgen::JsValue, (&'static str, &'static str))> {
                let mut out = Vec::new();
                $( if let $crate::js::options::Given::Wrong(v) = &self.$field { out.push(($js, v, ($da, $en))); } )*
                out
            }

            /// [`Self::wrong_fields`] as findings.
            pub fn findings(&self) -> Vec<$crate::finding::Finding> {
                self.wrong_fields().into_iter().map(|(name, v, expected)| $crate::js::options::wrong(name, v, expected)).collect()
            }
        }
    };
}
#[allow(unused_imports)] // used by src/js/mount.rs (feature "view")
pub(crate) use options;

codes! {
    /// The two languages, as `lang` names them.
    pub enum LangCode {
        Da = "da",
        En = "en",
    }
}

impl From<LangCode> for crate::Lang {
    fn from(c: LangCode) -> Self {
        match c {
            LangCode::Da => crate::Lang::Da,
            LangCode::En => crate::Lang::En,
        }
    }
}

options! {
    /// The options of `validate`.
    pub struct ValidateOptions {
        profile: String = "profile", "en tekst (en regelprofils id)", "a string (a rule profile's id)";
    }
}

options! {
    /// The options of `keyFigures` (and, without `profile`, the widget's `keyFigureOptions`).
    pub struct KeyFigureOptionsIn {
        profile: String = "profile", "en tekst (en regelprofils id)", "a string (a rule profile's id)";
        level: f64 = "level", "et tal", "a number";
        suppress_below: f64 = "suppressBelow", "et tal", "a number";
        dsr_min_events: f64 = "dsrMinEvents", "et tal", "a number";
        proportion_method: String = "proportionMethod", "\"wilson\" eller \"exact\"", "\"wilson\" or \"exact\"";
    }
}
