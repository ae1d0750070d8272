//! Input fields that apply only a valid value: they parse what people type
//! into engine units, check it against the engine's bounds
//! (`stackfit_core::model::bounds`), show the allowed range in words, and
//! refuse anything else with a message in the user's language — the field
//! then goes back to the value the plan holds.

mod memory_field;
mod name_field;
mod number_field;
pub mod parse;
mod text_field;

use stackfit_core::model::bounds::OutOfBounds;
use stackfit_core::model::units::UnitError;

use crate::i18n::Lang;
pub use memory_field::MemoryField;
pub use name_field::NameField;
pub use number_field::{NumberField, NumberKind};
pub use text_field::{LineRefusal, TextLineField};

/// Why what was typed was not applied.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FieldError {
    /// Not a whole number.
    NotWhole(String),
    /// Not a decimal such as 7.1.
    NotDecimal(String),
    /// Not an amount of yuan.
    NotYuan(String),
    /// Not a memory size.
    Memory(UnitError),
    /// Outside the engine's bound.
    Range(OutOfBounds),
    /// A name left empty: (what, en / zh).
    Empty(&'static str, &'static str),
}

impl FieldError {
    /// The message, entirely in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        match (self, lang) {
            (FieldError::NotWhole(t), Lang::En) => {
                format!("“{t}” is not a whole number; nothing was applied.")
            }
            (FieldError::NotWhole(t), Lang::Zh) => format!("“{t}”不是整数，未应用。"),
            (FieldError::NotDecimal(t), Lang::En) => {
                format!("“{t}” is not a number such as 7.1; nothing was applied.")
            }
            (FieldError::NotDecimal(t), Lang::Zh) => format!("“{t}”不是数字（应如 7.1），未应用。"),
            (FieldError::NotYuan(t), Lang::En) => format!(
                "Can't read “{t}” as yuan per month: write e.g. 150 or 1299.50. The price was not changed."
            ),
            (FieldError::NotYuan(t), Lang::Zh) => {
                format!("无法识别“{t}”：请填写每月金额（元），如 150 或 1299.50。价格没有改动。")
            }
            (FieldError::Memory(e), Lang::En) => format!(
                "Can't read “{}” as memory: write e.g. 512 (MiB), 512m, 1.5g or 2Gi; nothing was applied.",
                e.input.trim()
            ),
            (FieldError::Memory(e), Lang::Zh) => format!(
                "无法识别内存大小“{}”：可写 512（MiB）、512m、1.5g 或 2Gi，未应用。",
                e.input.trim()
            ),
            (FieldError::Range(e), Lang::En) => e.message_en(),
            (FieldError::Range(e), Lang::Zh) => e.message_zh(),
            (FieldError::Empty(en, _), Lang::En) => {
                format!("The {en} can't be empty; it was left as it was.")
            }
            (FieldError::Empty(_, zh), Lang::Zh) => format!("{zh}不能为空，已保持原样。"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use stackfit_core::model::bounds::REPLICAS;

    /// The trial saw "未执行：-5 is out of range for fastapi.workers" and
    /// "无法识别“abc”：cannot read…": no English inside a Chinese message.
    #[test]
    fn chinese_messages_have_no_english_words() {
        let errors = [
            FieldError::NotWhole("abc".into()),
            FieldError::NotDecimal("abc".into()),
            FieldError::NotYuan("abc".into()),
            FieldError::Memory(stackfit_core::model::units::parse_memory_mib("abc").unwrap_err()),
            FieldError::Range(REPLICAS.check(-5).unwrap_err()),
            FieldError::Empty("plan name", "方案名称"),
        ];
        for e in errors {
            let zh = e.text(Lang::Zh);
            for word in [
                "cannot", "read", "range", "applied", "expected", "number", "must", "not ", "was ",
            ] {
                assert!(!zh.contains(word), "{zh}");
            }
            assert!(zh.ends_with('。'), "{zh}");
        }
    }
}
