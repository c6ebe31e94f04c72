//! The language switch: a button named by the other language, in that language.

use yew::prelude::*;

use crate::model::text::Lang;
use crate::web::i18n::{tr, Key};

#[derive(Clone, PartialEq, Properties)]
pub struct LangSwitchProps {
    pub lang: Lang,
    pub on_change: Callback<Lang>,
}

#[component]
pub fn LangSwitch(props: &LangSwitchProps) -> Html {
    let other = props.lang.other();
    let onclick = props.on_change.reform(move |_: MouseEvent| other);
    html! {
        <button type="button" class="sk-lang" lang={other.code()} {onclick}>
            { tr(Key::OtherLanguage, props.lang) }
        </button>
    }
}
