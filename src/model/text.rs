//! Bilingual user-facing text. Danish is the primary language of the widget;
//! English is always available beside it.

use std::fmt;

use serde::de::{self, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};

/// A text in Danish and English.
///
/// Read from `{ "da": …, "en": … }` (both required) or from a plain string, which is the
/// Danish text and is used for English too (`"title": "Direktør"`). Always written as the
/// object.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Text {
    pub da: String,
    pub en: String,
}

/// What a [`Text`] is read from, as serde's messages name it ("expected …").
pub(crate) const TEXT_EXPECTED: &str = "a string or an object with \"da\" and \"en\"";

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(TextVisitor)
    }
}

struct TextVisitor;

impl<'de> Visitor<'de> for TextVisitor {
    type Value = Text;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(TEXT_EXPECTED)
    }

    fn visit_str<E: de::Error>(self, s: &str) -> Result<Text, E> {
        Ok(Text::new(s, s))
    }

    fn visit_string<E: de::Error>(self, s: String) -> Result<Text, E> {
        Ok(Text { en: s.clone(), da: s })
    }

    /// As the derived reading did: unknown keys are skipped here (reading reports them from
    /// the schema), a key met twice and a missing `da` or `en` are errors.
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Text, A::Error> {
        let (mut da, mut en) = (None, None);
        while let Some(key) = map.next_key::<TextKey>()? {
            match key {
                TextKey::Da if da.is_some() => return Err(de::Error::duplicate_field("da")),
                TextKey::En if en.is_some() => return Err(de::Error::duplicate_field("en")),
                TextKey::Da => da = Some(map.next_value::<String>()?),
                TextKey::En => en = Some(map.next_value::<String>()?),
                TextKey::Other => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        let da = da.ok_or_else(|| de::Error::missing_field("da"))?;
        let en = en.ok_or_else(|| de::Error::missing_field("en"))?;
        Ok(Text { da, en })
    }

    /// `["da", "en"]`, as serde reads any struct from an array (reading refuses an array
    /// where the schema has an object before it gets here).
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Text, A::Error> {
        let da = seq.next_element::<String>()?.ok_or_else(|| de::Error::invalid_length(0, &"struct Text with 2 elements"))?;
        let en = seq.next_element::<String>()?.ok_or_else(|| de::Error::invalid_length(1, &"struct Text with 2 elements"))?;
        Ok(Text { da, en })
    }
}

/// A key of a [`Text`] object.
enum TextKey {
    Da,
    En,
    Other,
}

impl<'de> Deserialize<'de> for TextKey {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct KeyVisitor;
        impl Visitor<'_> for KeyVisitor {
            type Value = TextKey;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("field identifier")
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<TextKey, E> {
                Ok(match s {
                    "da" => TextKey::Da,
                    "en" => TextKey::En,
                    _ => TextKey::Other,
                })
            }
        }
        deserializer.deserialize_identifier(KeyVisitor)
    }
}

/// The schema says what reading accepts: a string, or the object with both languages.
#[cfg(not(target_arch = "wasm32"))]
impl schemars::JsonSchema for Text {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Text".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A text in Danish and English; a plain string is the Danish text, used for English too.",
            "anyOf": [
                { "type": "string" },
                {
                    "type": "object",
                    "properties": { "da": { "type": "string" }, "en": { "type": "string" } },
                    "required": ["da", "en"],
                    "additionalProperties": false
                }
            ]
        })
    }
}

impl Text {
    pub fn new(da: impl Into<String>, en: impl Into<String>) -> Self {
        Text { da: da.into(), en: en.into() }
    }

    /// The text in the given language.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Da => &self.da,
            Lang::En => &self.en,
        }
    }
}

/// The languages of the user interface.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Da,
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Da => "da",
            Lang::En => "en",
        }
    }

    /// Reads a language code; anything but English falls back to Danish.
    pub fn from_code(code: &str) -> Lang {
        if code.trim().eq_ignore_ascii_case("en") || code.trim().to_ascii_lowercase().starts_with("en-") {
            Lang::En
        } else {
            Lang::Da
        }
    }

    pub fn other(self) -> Lang {
        match self {
            Lang::Da => Lang::En,
            Lang::En => Lang::Da,
        }
    }
}
